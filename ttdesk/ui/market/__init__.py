"""The 对接 area: the matchmaking ledger (demands, supply list, matches, activities)."""
