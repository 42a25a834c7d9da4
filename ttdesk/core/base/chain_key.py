"""The key of a keyed audit chain (server mode), kept outside the database."""

from __future__ import annotations

from sqlalchemy.orm import Session


def key_for(session: Session) -> bytes | None:
    """None: the chain is plain sha256 (single-user SQLite)."""
    return None
