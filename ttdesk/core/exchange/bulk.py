"""Audited bulk inserts for large imports.

The ORM writes one audit event per object at flush time (ttdesk.core.base.audit). An import of
100,000 cases goes through Core `executemany` inserts instead, which are many times faster;
this module writes the very same audit events for those rows (action `insert`, the row as
"after"), appended to the same hash chain, so the audit trail stays complete and verifiable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from ttdesk.core.base import changes
from ttdesk.core.base.audit import append, plain
from ttdesk.db.types import utcnow

_REF_COLUMNS = ("case_no", "deal_no", "credit_code", "staff_no", "serial_no")
_SKIP = {"created_at", "updated_at"}


def _ref(row: dict[str, Any]) -> str | None:
    for col in _REF_COLUMNS:
        if row.get(col):
            return str(row[col])
    return None


def _audit(session: Session, table: Table, rows: Sequence[dict[str, Any]],
           ids: Sequence[int]) -> None:
    actor = session.info.get("actor", "system")
    now = utcnow()
    events = [
        {
            "at": now, "actor": actor, "action": "insert", "entity": table.name,
            "entity_id": row_id, "entity_ref": _ref(row),
            "changes": {"after": {k: plain(v) for k, v in row.items() if k not in _SKIP}},
        }
        for row, row_id in zip(rows, ids, strict=True)
    ]
    append(session, events)


def new_ids(session: Session, table: Table, n: int) -> list[int]:
    """Ids for `n` new rows, taken before inserting so that a plain executemany can be used
    (INSERT ... RETURNING in parameter order falls back to one statement per row on SQLite)."""
    if session.get_bind().dialect.name == "postgresql":
        return list(session.execute(
            text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": table.name, "n": n}).scalars())
    # SQLite: a write unit of work holds the database's write lock from its BEGIN IMMEDIATE,
    # so nobody else can take these ids; max+1 is also what SQLite itself would assign.
    start = session.execute(select(func.max(table.c.id))).scalar() or 0
    return list(range(start + 1, start + n + 1))


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert rows (all with the same keys) and return their new ids, in order."""
    if not rows:
        return []
    if "id" in table.c:
        ids = new_ids(session, table, len(rows))
        rows = [dict(row, id=row_id) for row, row_id in zip(rows, ids, strict=True)]
        session.execute(insert(table), rows)
    else:  # association tables: the owner's id identifies the event
        session.execute(insert(table), list(rows))
        first = table.primary_key.columns.values()[0].name
        ids = [row[first] for row in rows]
    _audit(session, table, rows, ids)
    changes.touch(session, table.name, ids)
    return ids
