"""The case page (one achievement and everything about it) and the new-disclosure dialog."""
