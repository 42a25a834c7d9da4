"""Errors shared by every layer (the db layer cannot import ttdesk.core)."""

from __future__ import annotations


class SchemaTooNew(Exception):
    """The database was written by a newer TT Desk than this one."""
