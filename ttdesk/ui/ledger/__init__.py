"""The Excel ledger import wizard."""
