"""Rows of a plain SQL statement straight from the database driver.

For the passes over every row of a large table (the audit trail, `check`'s row history):
SQLAlchemy's result rows and column types cost more there than the work done with each row,
so the caller converts values itself, once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session


def driver_rows(session: Session, sql: str, batch: int = 5000) -> Iterator[tuple[Any, ...]]:
    """The rows of `sql` (no parameters: callers build it from names they control), `batch`
    at a time, on the session's connection and transaction."""
    cur = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cur.execute(sql)
        while rows := cur.fetchmany(batch):
            yield from rows
    finally:
        cur.close()
