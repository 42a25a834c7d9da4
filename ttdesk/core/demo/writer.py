"""Bulk writing of the demo rows, with their hash-chained audit events, in one transaction.

The ORM would write the audit trail by itself, but a million objects through the unit of work
take minutes. Rows are therefore inserted in batches with executemany, and the audit events
that a flush would have written ("insert", with the row's values as "after") are written
here, sorted by time and chained with `audit.chain_rows` after the last existing event.

On SQLite the rows go straight to the driver in their stored form (integer fen, integer
ten-thousandths of a percent, ISO dates, compact JSON), the exact forms the column types of
`ttdesk.db.types` produce; other back ends go through SQLAlchemy Core and those types.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Table, insert
from sqlalchemy.orm import Session

from ttdesk.core import audit
from ttdesk.core.errors import TTDeskError
from ttdesk.db.models import AuditEvent, Base
from ttdesk.db.types import Money, Percent, UTCDateTime

BATCH = 20_000
_SKIP = {"created_at", "updated_at"}
_REF_KEYS = ("case_no", "deal_no", "credit_code", "staff_no", "serial_no")
_AUDIT_COLUMNS = ["at", "actor", "action", "entity", "entity_id", "entity_ref", "changes",
                  "prev_hash", "hash"]

ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]


class Cancelled(TTDeskError):
    """The user cancelled the demo build; nothing was written."""

    def __init__(self) -> None:
        super().__init__("demo data cancelled / 已取消生成演示数据")

    def messages(self, lang: str = "zh") -> list[str]:
        return ["已取消，未写入任何数据" if lang == "zh" else "cancelled: nothing was written"]


def _fen(value: Decimal) -> int:
    scaled = value.scaleb(2)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"money with more than 2 places: {value}")
    return int(scaled)


def _ten_thousandths(value: Decimal) -> int:
    scaled = value.scaleb(4)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"percentage with more than 4 places: {value}")
    return int(scaled)


def _sqlite_datetime(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _converter(column: Any) -> Callable[[Any], Any] | None:
    """The stored (SQLite) form of a column's Python value, or None for as-is."""
    kind = column.type
    if isinstance(kind, Money):
        return _fen
    if isinstance(kind, Percent):
        return _ten_thousandths
    if isinstance(kind, UTCDateTime):
        return _sqlite_datetime
    if isinstance(kind, JSON):
        return compact_json
    if isinstance(kind, Date):
        return date.isoformat
    if isinstance(kind, Boolean):
        return int
    return None


def _defaults(table: Table) -> dict[str, Any]:
    out = {}
    for col in table.columns:
        default = col.default
        if default is not None and default.is_scalar:
            out[col.name] = getattr(default.arg, "value", default.arg)
    return out


def snapshot(row: dict[str, Any]) -> dict[str, Any]:
    """The "after" values of an insert event (JSON-safe), as the ORM audit records them;
    empty columns are left out to keep a million events small."""
    return {k: audit.plain(v) for k, v in row.items()
            if v is not None and k not in _SKIP and k[0] != "_"}


class BulkWriter:
    def __init__(self, session: Session, actor: str, progress: ProgressFn | None,
                 cancel: CancelFn | None, total_rows: int) -> None:
        self.session = session
        self.conn = session.connection()
        self.fast = self.conn.dialect.name == "sqlite"
        self.actor = actor
        self.progress = progress
        self.cancel = cancel
        self.total = max(1, total_rows * 2)  # every row once, every audit event once
        self.done = 0
        self.events: list[tuple[datetime, int, str, int, str | None, dict[str, Any]]] = []
        self.counts: dict[str, int] = {}
        if self.fast:
            # A bigger page cache keeps the indexes of a large build in memory.
            self.conn.exec_driver_sql("PRAGMA cache_size=-262144")

    # -- progress ------------------------------------------------------------------------
    def step(self, n: int, message: str) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        self.done += n
        if self.progress is not None:
            self.progress(min(1.0, 0.1 + 0.9 * self.done / self.total), message)

    # -- business rows -------------------------------------------------------------------
    def insert(self, name: str, rows: list[dict[str, Any]], *, audited: bool = True,
               initial: dict[str, Any] | None = None) -> None:
        """Insert `rows` into table `name` (ids pre-assigned) and queue their audit events.

        `initial` overrides values in the audit snapshot: a row inserted at its final status
        is recorded as created at its first status, with "update" events for the rest.
        """
        if not rows:
            return
        table = Base.metadata.tables[name]
        defaults = _defaults(table)
        stamped = "created_at" in table.columns
        for row in rows:
            for key, value in defaults.items():
                if row.get(key) is None:
                    row[key] = value
            if stamped:
                if row.get("created_at") is None:
                    row["created_at"] = row["_at"]
                if row.get("updated_at") is None:
                    row["updated_at"] = row["created_at"]
        if audited:
            self._queue_inserts(name, rows, initial)
        for start in range(0, len(rows), BATCH):
            chunk = rows[start:start + BATCH]
            self._write(table, chunk)
            self.step(len(chunk), name)
        self.counts[name] = self.counts.get(name, 0) + len(rows)

    def _queue_inserts(self, name: str, rows: list[dict[str, Any]],
                       initial: dict[str, Any] | None) -> None:
        ref_key = next((k for k in _REF_KEYS if k in rows[0]), None)
        events = self.events
        for row in rows:
            after = snapshot(row)
            if initial:
                after.update(initial)
            at = row["created_at"] if "created_at" in row else row["_at"]
            events.append((at, len(events), name, row["id"],
                           row[ref_key] if ref_key else None, {"after": after}))

    def update_event(self, at: datetime, name: str, entity_id: int, ref: str | None,
                     changes: dict[str, Any]) -> None:
        self.events.append((at, len(self.events), name, entity_id, ref, changes))

    def _write(self, table: Table, rows: list[dict[str, Any]]) -> None:
        columns = list(table.columns)
        if self.fast:
            names = [c.name for c in columns]
            convs = [_converter(c) for c in columns]
            prep = self.conn.dialect.identifier_preparer
            sql = (f"INSERT INTO {prep.format_table(table)} "
                   f"({', '.join(prep.quote(n) for n in names)}) "
                   f"VALUES ({', '.join('?' for _ in names)})")
            pairs = list(zip(names, convs, strict=True))
            params = [
                tuple(None if (v := row.get(n)) is None else (c(v) if c else v)
                      for n, c in pairs)
                for row in rows
            ]
            self.conn.exec_driver_sql(sql, params)
        else:
            keys = [c.name for c in columns]
            self.conn.execute(insert(table), [{k: row.get(k) for k in keys} for row in rows])

    # -- audit -------------------------------------------------------------------------
    def write_audit(self) -> int:
        """Sort the queued events by time, chain them after the last event, insert them."""
        self.events.sort(key=lambda e: (e[0], e[1]))
        prev = audit.last_hash(self.session)
        table = AuditEvent.__table__
        total = len(self.events)
        for start in range(0, total, BATCH):
            chunk = self.events[start:start + BATCH]
            rows = [
                {"at": at, "actor": self.actor,
                 "action": "insert" if "after" in changes else "update",
                 "entity": entity, "entity_id": entity_id, "entity_ref": ref,
                 "changes": changes}
                for at, _, entity, entity_id, ref, changes in chunk
            ]
            chained, prev = audit.chain_rows(prev, rows)
            self._write_audit(table, chained)
            self.step(len(chunk), "audit_event")
        self.events = []
        return total

    def _write_audit(self, table: Table, rows: Iterable[dict[str, Any]]) -> None:
        if not self.fast:
            self.conn.execute(insert(table), list(rows))
            return
        prep = self.conn.dialect.identifier_preparer
        sql = (f"INSERT INTO {prep.format_table(table)} ({', '.join(_AUDIT_COLUMNS)}) "
               f"VALUES ({', '.join('?' for _ in _AUDIT_COLUMNS)})")
        self.conn.exec_driver_sql(sql, [
            (_sqlite_datetime(r["at"]), r["actor"], r["action"], r["entity"], r["entity_id"],
             r["entity_ref"], compact_json(r["changes"]), r["prev_hash"], r["hash"])
            for r in rows
        ])
