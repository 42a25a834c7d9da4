"""The big lists: one lazy table-model recipe, the list specs and the list page widget."""
