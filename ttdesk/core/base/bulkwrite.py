"""Bulk writing of many rows (demo data, Excel ledger imports) with their hash-chained audit
events, in one transaction.

The ORM would write the audit trail by itself, but a million objects through the unit of work
take many minutes. Rows are therefore inserted in batches with executemany, and the audit
events that a flush would have written ("insert", with the row's values as "after") are
written here, sorted by time and chained after the last existing event exactly as
`audit.chain_rows` does (the first event of every batch is cross-checked against
`audit.event_hash`, and `check` verifies the whole chain).

On SQLite the rows go straight to the driver in their stored form (integer fen, integer
ten-thousandths of a percent, ISO dates, compact JSON), the exact forms the column types of
`ttdesk.db.types` produce, and secondary indexes are rebuilt once at the end (faster, and
compact); other back ends go through SQLAlchemy Core and those types.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Table, insert
from sqlalchemy.orm import Session

from ttdesk.core.base import audit, audit_store
from ttdesk.core.base.changes import touch
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.base.privacy import PERSONAL_COLUMNS, protect
from ttdesk.db.models import AuditEvent, Base
from ttdesk.db.types import Money, Percent, Stamp, UTCDateTime, event_json, micros, pack_raw

BATCH = 20_000
_SKIP = {"created_at", "updated_at", "id"}  # the event's entity_id already says which row
_REF_KEYS = ("case_no", "deal_no", "credit_code", "staff_no", "serial_no")
_AUDIT_COLUMNS = ["id", "at", "actor", "action", "entity", "entity_id", "entity_ref", "changes",
                  "hash"]

# Status machines: a row is audited as created in its first state (these values), then
# changed once to its current state, so a record's history shows where it started.
_DEAL_LATER = ("exchange_reference", "related_party_approval_date", "approval_tier",
               "approval_body", "approval_date", "approval_minutes_no",
               "supervising_approval_ref", "supervising_approval_date", "signing_date",
               "deferred_review_date", "registration_no", "registration_date",
               "completion_date", "termination_reason")
_GRANT_LATER = ("college_review_date", "college_opinion", "tto_review_date", "tto_opinion",
                "decision_body", "decision_date", "minutes_no", "agreement_no",
                "agreement_date", "title_change_date", "rejection_reason")
LATER: dict[str, dict[str, Any]] = {
    "achievement": {"status": "disclosed", "release_reason": None},
    "deal": {"status": "draft", **dict.fromkeys(_DEAL_LATER)},
    "rights_grant": {"status": "applied", **dict.fromkeys(_GRANT_LATER)},
    "distribution": {"status": "draft", "approval_date": None, "approval_body": None,
                     "payment_date": None},
}

ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]
Event = tuple[datetime, int, str, int, "str | None", dict[str, Any]]


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
    """SQLAlchemy's SQLite DATETIME storage format ("%Y-%m-%d %H:%M:%S.%f"), naive UTC."""
    if value.utcoffset():
        value = value.astimezone(UTC)
    text = value.replace(tzinfo=None).isoformat(" ")
    return text if value.microsecond else text + ".000000"


def _sqlite_stamp(value: datetime) -> int:
    """The stored form of a Stamp on SQLite (ttdesk.db.types): microseconds since 1970 UTC."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return micros(value)


def compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _converter(column: Any) -> Callable[[Any], Any] | None:
    """The stored (SQLite) form of a column's Python value, or None for as-is."""
    kind = column.type
    if isinstance(kind, Money):
        return _fen
    if isinstance(kind, Percent):
        return _ten_thousandths
    if isinstance(kind, Stamp):
        return _sqlite_stamp
    if isinstance(kind, UTCDateTime):
        return _sqlite_datetime
    if isinstance(kind, JSON):
        return compact_json
    if isinstance(kind, Date):
        return date.isoformat
    if isinstance(kind, Boolean):
        return int
    return None


def _row_function(table: Table) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """A compiled row -> stored tuple function for `table` (a generic loop is 3x slower)."""
    env: dict[str, Any] = {}
    parts = []
    for i, col in enumerate(table.columns):
        conv = _converter(col)
        if conv is None:
            parts.append(f"g({col.name!r})")
        else:
            env[f"c{i}"] = conv
            parts.append(f"(None if (v := g({col.name!r})) is None else c{i}(v))")
    source = f"def f(row):\n    g = row.get\n    return ({', '.join(parts)},)\n"
    exec(source, env)  # generated from the table's own column list
    return env["f"]  # type: ignore[no-any-return]


def _defaults(table: Table) -> dict[str, Any]:
    out = {}
    for col in table.columns:
        default = col.default
        if default is not None and default.is_scalar:
            out[col.name] = getattr(default.arg, "value", default.arg)
    return out


def snapshot(row: dict[str, Any]) -> dict[str, Any]:
    """The "after" values of an insert event (JSON-safe, like `audit.plain`); empty columns
    are left out to keep a million events small."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        kind = type(value)
        if kind is str or kind is int or kind is bool:
            if key not in _SKIP and key[0] != "_":
                out[key] = value
        elif value is None or key in _SKIP or key[0] == "_":
            continue
        elif kind is Decimal:
            out[key] = str(value)
        elif kind is date:
            out[key] = value.isoformat()
        else:
            out[key] = audit.plain(value)
    return out


class _Chain:
    """`audit.chain_rows` for a million events: the same canonical changes and hashes, with
    the key looked up once."""

    def __init__(self, actor: str, end: tuple[int, bytes], key: bytes | None) -> None:
        self.actor = actor
        self.last_id, self.prev = end
        self.key = key

    def link(self, action: str, at: datetime, entity: str, entity_id: int, ref: str | None,
             changes: dict[str, Any]) -> audit_store.Sealed:
        """The next event, numbered and hashed (the hash in `self.prev`)."""
        iso = at.isoformat()
        # the stored form of UTCDateTime on SQLite (the demo's stamps are whole minutes, UTC)
        stamp = f"{iso[:10]} {iso[11:19]}.000000"
        raw = event_json(protect(entity, changes) if entity in PERSONAL_COLUMNS else changes)
        self.prev = audit.link(self.prev, stamp, self.actor, action, entity, entity_id, ref,
                               raw, self.key)
        self.last_id += 1
        return (self.last_id, stamp, self.actor, action, entity, entity_id, ref, raw)


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
        self.events: list[Event] = []
        self.counts: dict[str, int] = {}
        self._indexes: list[str] = []
        if self.fast:
            # A bigger page cache keeps a large build's pages in memory.
            self.conn.exec_driver_sql("PRAGMA cache_size=-262144")

    # -- progress ------------------------------------------------------------------------
    def step(self, n: int, message: str) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        self.done += n
        if self.progress is not None:
            self.progress(min(1.0, 0.1 + 0.88 * self.done / self.total), message)

    # -- indexes -------------------------------------------------------------------------
    def drop_indexes(self) -> None:
        """SQLite: drop the secondary (non-unique, named) indexes; `restore_indexes` builds
        them again from their own stored definitions. Both are part of the transaction."""
        if not self.fast:
            return
        rows = self.conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND sql NOT LIKE 'CREATE UNIQUE%'").all()
        prep = self.conn.dialect.identifier_preparer
        for name, sql in rows:
            self.conn.exec_driver_sql(f"DROP INDEX {prep.quote(name)}")
            self._indexes.append(sql)

    def restore_indexes(self) -> None:
        for sql in self._indexes:
            self.conn.exec_driver_sql(sql)
        self._indexes = []

    def advance_sequences(self) -> None:
        """PostgreSQL: ids were given explicitly, so move each id sequence past them."""
        if self.conn.dialect.name != "postgresql":
            return
        for name in self.counts:
            table = Base.metadata.tables[name]
            if "id" in table.columns:
                self.conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT MAX(id) FROM {self.conn.dialect.identifier_preparer.quote(name)}))")

    # -- business rows -------------------------------------------------------------------
    def insert(self, name: str, rows: list[dict[str, Any]], *, audited: bool = True) -> None:
        """Insert `rows` into table `name` (ids pre-assigned) and queue their audit events."""
        if not rows:
            return
        table = Base.metadata.tables[name]
        name = str(name)  # not SQLAlchemy's quoted_name: sqlite3 adapts str subclasses slowly
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
            self._queue_inserts(name, rows)
        touch(self.session, name, (row["id"] for row in rows if "id" in row))
        to_tuple = _row_function(table) if self.fast else None
        for start in range(0, len(rows), BATCH):
            chunk = rows[start:start + BATCH]
            self._write(table, chunk, to_tuple)
            self.step(len(chunk), name)
        self.counts[name] = self.counts.get(name, 0) + len(rows)

    def _queue_inserts(self, name: str, rows: list[dict[str, Any]]) -> None:
        ref_key = next((k for k in _REF_KEYS if k in rows[0]), None)
        initial = LATER.get(name)
        events = self.events
        for row in rows:
            at = row["created_at"] if "created_at" in row else row["_at"]
            ref = row[ref_key] if ref_key else None
            after = snapshot(row)
            if initial is None:
                events.append((at, len(events), name, row["id"], ref, {"after": after}))
                continue
            # Recorded as first created, then one update to where it stands today.
            changes = {}
            for key, first in initial.items():
                now = after.pop(key, None)
                if first is not None:
                    after[key] = first
                if now != first:
                    changes[key] = {"before": first, "after": now}
            events.append((at, len(events), name, row["id"], ref, {"after": after}))
            if changes:
                events.append((max(at, row["updated_at"]), len(events), name, row["id"], ref,
                               changes))

    def update_event(self, at: datetime, name: str, entity_id: int, ref: str | None,
                     changes: dict[str, Any]) -> None:
        self.events.append((at, len(self.events), name, entity_id, ref, changes))

    def _write(self, table: Table, rows: list[dict[str, Any]],
               to_tuple: Callable[[dict[str, Any]], tuple[Any, ...]] | None) -> None:
        if to_tuple is None:
            keys = [c.name for c in table.columns]
            self.conn.execute(insert(table), [{k: row.get(k) for k in keys} for row in rows])
            return
        prep = self.conn.dialect.identifier_preparer
        names = ", ".join(prep.quote(c.name) for c in table.columns)
        marks = ", ".join("?" for _ in table.columns)
        self.conn.exec_driver_sql(
            f"INSERT INTO {prep.format_table(table)} ({names}) VALUES ({marks})",
            [to_tuple(row) for row in rows])

    # -- audit -------------------------------------------------------------------------
    def write_audit(self) -> int:
        """Sort the queued events by time, chain them after the last event and store them:
        full segments sealed at once (`audit_store`), the rest as loose rows."""
        self.events.sort(key=lambda e: (e[0], e[1]))
        chain = _Chain(self.actor, audit.chain_end(self.session),
                       audit.chain_key(self.session))
        total = len(self.events)
        size = audit_store.SEAL_AT
        for start in range(0, total, size):
            run: list[audit_store.Sealed] = []
            hashes: list[bytes] = []
            prev = chain.prev
            for at, _, entity, entity_id, ref, changes in self.events[start:start + size]:
                if at.microsecond or at.utcoffset():
                    raise ValueError("demo timestamps must be whole minutes in UTC")
                action = "insert" if "after" in changes else "update"
                run.append(chain.link(action, at, entity, entity_id, ref, changes))
                hashes.append(chain.prev)
            self._check_first(prev, run[0][3], hashes[0], self.events[start], chain.key)
            if len(run) == size:
                audit_store.write_segment(self.conn, run, chain.prev)
            else:
                self._write_loose(run, hashes)
            self.step(len(run), "audit_event")
        self.events = []
        return total

    def _check_first(self, prev: bytes, action: str, got: bytes, event: Event,
                     key: bytes | None) -> None:
        at, _, entity, entity_id, ref, changes = event
        expected = audit.chain_rows_check(prev, {
            "at": at, "actor": self.actor, "action": action, "entity": entity,
            "entity_id": entity_id, "entity_ref": ref, "changes": changes}, key)
        if expected != got:  # audit's hashing changed: never write a broken chain
            raise RuntimeError("bulk audit hashing disagrees with audit.event_hash")

    def _write_loose(self, run: list[audit_store.Sealed], hashes: list[bytes]) -> None:
        """The last, partial run as loose rows, each with its hash."""
        rows = [(*e[:7], pack_raw(e[7]), h) for e, h in zip(run, hashes, strict=True)]
        if not self.fast:
            self.conn.execute(insert(AuditEvent.__table__), [
                dict(zip(_AUDIT_COLUMNS, row, strict=True),
                     at=datetime.fromisoformat(row[1]).replace(tzinfo=UTC))
                for row in rows])
            return
        self.conn.exec_driver_sql(
            f"INSERT INTO audit_event ({', '.join(_AUDIT_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in _AUDIT_COLUMNS)})", rows)
