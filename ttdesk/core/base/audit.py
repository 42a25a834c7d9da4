"""Audit trail: every insert, update and delete of business data leaves a hash-chained event.

Recorded automatically at flush time for every mapped object, so no service can forget it.
Each event's hash covers the previous event's hash and this event's stored fields, so
editing or deleting an event breaks the chain and `verify_chain` (and `ttdesk-cli check`)
reports where; removing or rebuilding the end of the chain shows against an anchor kept
outside the database (`anchor`).

Compact storage (B1): a hash is 32 raw bytes and the previous hash is not stored (it is the
previous event's); `changes` is `pack_event` bytes (an insert records its non-empty values,
an update only the changed fields; zstd with a trained dictionary, ttdesk.db.types), and the
hash is computed over exactly those stored bytes, so verifying the chain never decodes JSON.

    hash = H(prev_hash || "at|actor|action|entity|entity_id|entity_ref" || 0x1e || changes)

with `at` as "YYYY-MM-DD HH:MM:SS.ffffff" in UTC (SQLite's stored text) and H sha256, or
HMAC-sha256 when the database has a chain key (`chain_key`, server mode).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect, select, text
from sqlalchemy.orm import Session, UOWTransaction

from ttdesk.core.base.privacy import PERSONAL_COLUMNS, protect
from ttdesk.db.models import AuditEvent, Base
from ttdesk.db.types import pack_event, utcnow

GENESIS = bytes(32)
_AUDIT_TABLE = AuditEvent.__table__
_PG_LOCK_KEY = 7_211_946_015  # serializes chain appends across PostgreSQL sessions
_SKIP = {"created_at", "updated_at"}


def plain(value: Any) -> Any:
    """JSON-safe form of a column value (Decimal and dates as strings, enums by code)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return "sha256:" + hashlib.sha256(value).hexdigest()
    return value


def at_text(at: datetime | str) -> str:
    """The hashed form of an event time: naive UTC with microseconds, as SQLite stores it."""
    if isinstance(at, str):
        return at if len(at) == 26 else datetime.fromisoformat(at).strftime(
            "%Y-%m-%d %H:%M:%S.%f")
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


def link(prev: bytes, at: str, actor: str, action: str, entity: str, entity_id: int,
         entity_ref: str | None, changes: bytes, key: bytes | None = None) -> bytes:
    """The hash of one event (see the module docstring); `at` as `at_text`."""
    head = f"{at}|{actor}|{action}|{entity}|{entity_id}|{entity_ref or ''}\x1e"
    message = prev + head.encode("utf-8") + changes
    if key is not None:
        return hmac.new(key, message, hashlib.sha256).digest()
    return hashlib.sha256(message).digest()


def event_hash(prev: bytes, row: dict[str, Any], key: bytes | None = None) -> bytes:
    """`link` for an event row as inserted (`changes` already packed)."""
    return link(prev, at_text(row["at"]), row["actor"], str(plain(row["action"])),
                row["entity"], row["entity_id"], row.get("entity_ref"), row["changes"], key)


def personal(row: dict[str, Any]) -> dict[str, Any]:
    """An event's changes with personal fields as keyed hashes (`privacy.protect`): applied
    to every event before it is packed, so no ID number is stored in clear text."""
    entity = row["entity"]
    return protect(entity, row["changes"]) if entity in PERSONAL_COLUMNS else row["changes"]


def chain_rows_check(prev: bytes, row: dict[str, Any], key: bytes | None) -> bytes:
    """The hash `chain_rows` gives one event row (changes not yet packed): the reference a
    faster writer is checked against."""
    return event_hash(prev, dict(row, changes=pack_event(personal(row))), key)


def chain_key(session: Session) -> bytes | None:
    """The key of a keyed chain (server mode), kept outside the database; None: plain."""
    from ttdesk.core.base.chain_key import key_for

    return key_for(session)


def _pk(obj: Any) -> int:
    """The row id; during after_flush a new object's identity key is not set yet, but its
    primary-key attribute is."""
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    return key[0] if key and isinstance(key[0], int) else 0


def _entity_ref(obj: Any) -> str | None:
    for key in ("case_no", "deal_no", "credit_code", "staff_no", "serial_no"):
        value = getattr(obj, key, None)
        if value:
            return str(value)
    pk = inspect(obj).mapper.primary_key_from_instance(obj)
    if pk and pk[0] is not None and not isinstance(pk[0], int):
        return str(plain(pk[0]))  # e.g. a calendar day
    return None


def _snapshot(obj: Any) -> dict[str, Any]:
    """All values of a row; empty ones are left out (a missing key reads as empty)."""
    out = {}
    for a in inspect(obj).mapper.column_attrs:
        if a.key not in _SKIP:
            value = getattr(obj, a.key)
            if value is not None:
                out[a.key] = plain(value)
    return out


def _diff(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIP:
            continue
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            before = hist.deleted[0] if hist.deleted else None
            after = hist.added[0] if hist.added else None
            if plain(before) != plain(after):
                changes[attr.key] = {"before": plain(before), "after": plain(after)}
    for rel in state.mapper.relationships:
        if rel.secondary is None:
            continue
        hist = state.attrs[rel.key].history
        if hist.added or hist.deleted:
            changes[rel.key] = {
                "added": [_pk(o) for o in hist.added],
                "removed": [_pk(o) for o in hist.deleted],
            }
    return changes


def note_cause(session: Session, obj: Any, cause: dict[str, Any]) -> None:
    """Attach why `obj` changes (e.g. the deal that moved a case on) to its next update
    event, as `changes["cause"]`; used once, at the next flush."""
    session.info.setdefault("audit_causes", {})[id(obj)] = cause


def _events(session: Session) -> Iterator[tuple[str, Any, dict[str, Any]]]:
    causes = session.info.pop("audit_causes", {})
    for obj in session.new:
        if isinstance(obj, Base) and not isinstance(obj, AuditEvent):
            yield "insert", obj, {"after": _snapshot(obj)}
    for obj in session.dirty:
        if isinstance(obj, Base) and session.is_modified(obj):
            changes = _diff(obj)
            if changes and id(obj) in causes:
                changes["cause"] = causes[id(obj)]
            if changes:
                yield "update", obj, changes
    for obj in session.deleted:
        if isinstance(obj, Base):
            yield "delete", obj, {"before": _snapshot(obj)}


def last_hash(session: Session) -> bytes:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
    found = session.execute(
        select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).scalar()
    return bytes(found) if found else GENESIS


def chain_rows(session: Session, prev: bytes, rows: Iterable[dict[str, Any]]
               ) -> tuple[list[dict[str, Any]], bytes]:
    """Pack each row's changes and give it its hash, in order; return them and the last
    hash."""
    key = chain_key(session)
    out = []
    for row in rows:
        row = dict(row, changes=pack_event(personal(row)))
        row["hash"] = prev = event_hash(prev, row, key)
        out.append(row)
    return out, prev


def _record(session: Session, flush_context: UOWTransaction) -> None:
    # after_flush: new objects have their ids; attribute history is still available.
    actor = session.info.get("actor", "system")
    now = utcnow()
    rows = [
        {
            "at": now,
            "actor": actor,
            "action": action,
            "entity": type(obj).__tablename__,
            "entity_id": _pk(obj),
            "entity_ref": _entity_ref(obj),
            "changes": changes,
        }
        for action, obj, changes in _events(session)
    ]
    if not rows:
        return
    prev = session.info.get("audit_last_hash") or last_hash(session)
    chained, session.info["audit_last_hash"] = chain_rows(session, prev, rows)
    session.connection().execute(insert(_AUDIT_TABLE), chained)


def _forget_hash(session: Session, *_: Any) -> None:
    session.info.pop("audit_last_hash", None)


def stored_events(session: Session, after: int = 0, batch: int = 20_000
                  ) -> Iterator[tuple[Any, ...]]:
    """(id, at, actor, action, entity, entity_id, entity_ref, changes, hash) in id order, as
    stored: one query read straight from the driver, `batch` rows per call (no SQLAlchemy
    result rows: a walk over 1.3 million events spent a third of its time building them)."""
    cur = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cur.execute("SELECT id, at, actor, action, entity, entity_id, entity_ref, changes, "
                    f"hash FROM audit_event WHERE id > {int(after)} ORDER BY id")
        while rows := cur.fetchmany(batch):
            yield from rows
    finally:
        cur.close()


def verify_chain(session: Session, limit: int = 100) -> list[str]:
    """Recompute every event's hash in order; return findings (empty when intact)."""
    from ttdesk.core.base.chain_check import walk

    return walk(session, limit).findings


event.listen(Session, "after_flush", _record)
event.listen(Session, "after_commit", _forget_hash)
event.listen(Session, "after_rollback", _forget_hash)
