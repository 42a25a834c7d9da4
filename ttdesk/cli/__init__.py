"""`ttdesk-cli`: another client of the same services as the desktop app."""
