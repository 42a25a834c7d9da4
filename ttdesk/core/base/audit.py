"""Audit trail: every insert, update and delete of business data leaves a hash-chained event.

Recorded automatically at flush time for every mapped object, so no service can forget it.
Each event's hash covers the previous event's hash and this event's stored fields, so
editing or deleting an event breaks the chain and `verify_chain` (and `ttdesk-cli check`)
reports where; removing or rebuilding the end of the chain shows against an anchor kept
outside the database (`anchor`).

Compact storage (B1): a hash is 32 raw bytes and the previous hash is not stored (it is the
previous event's); an insert records its non-empty values, an update only the changed
fields. The hash covers the canonical bytes of the changes (`event_json`: compact JSON,
sorted keys), whatever form they are stored in: packed in a loose row (zstd with a trained
dictionary, ttdesk.db.types) or sealed with thousands of others into one compressed segment
(`audit_store`, schema 0014), where only the last event's hash is stored.

    hash = H(prev_hash || "at|actor|action|entity|entity_id|entity_ref" || 0x1e || changes)

with `at` as "YYYY-MM-DD HH:MM:SS.ffffff" in UTC (SQLite's stored text) and H sha256, or
HMAC-sha256 when the database has a chain key (`chain_key`, server mode).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect, text
from sqlalchemy.orm import Session, UOWTransaction

from ttdesk.core.base import audit_store
from ttdesk.core.base.audit_store import at_text
from ttdesk.core.base.privacy import PERSONAL_COLUMNS, protect
from ttdesk.db.models import AuditEvent, Base
from ttdesk.db.types import event_json, pack_raw, utcnow

__all__ = ["append", "at_text", "chain_end", "chain_rows", "link", "plain", "verify_chain"]

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


def link(prev: bytes, at: str, actor: str, action: str, entity: str, entity_id: int,
         entity_ref: str | None, changes: bytes, key: bytes | None = None) -> bytes:
    """The hash of one event (see the module docstring); `at` as `at_text`."""
    head = f"{at}|{actor}|{action}|{entity}|{entity_id}|{entity_ref or ''}\x1e"
    message = prev + head.encode("utf-8") + changes
    if key is not None:
        return hmac.new(key, message, hashlib.sha256).digest()
    return hashlib.sha256(message).digest()


def event_hash(prev: bytes, row: dict[str, Any], key: bytes | None = None) -> bytes:
    """`link` for an event row whose `changes` are its canonical bytes (`event_json`)."""
    return link(prev, at_text(row["at"]), row["actor"], str(plain(row["action"])),
                row["entity"], row["entity_id"], row.get("entity_ref"), row["changes"], key)


def personal(row: dict[str, Any]) -> dict[str, Any]:
    """An event's changes with personal fields as keyed hashes (`privacy.protect`): applied
    to every event before it is packed, so no ID number is stored in clear text."""
    entity = row["entity"]
    return protect(entity, row["changes"]) if entity in PERSONAL_COLUMNS else row["changes"]


def chain_rows_check(prev: bytes, row: dict[str, Any], key: bytes | None) -> bytes:
    """The hash `chain_rows` gives one event row (changes not yet encoded): the reference a
    faster writer is checked against."""
    return event_hash(prev, dict(row, changes=event_json(personal(row))), key)


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


End = tuple[int, bytes]  # (last sequence number, its hash)


def chain_end(session: Session) -> End:
    """Where the next event chains on; on PostgreSQL it also takes the lock that serializes
    appends until the transaction ends."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
    last_id, digest = audit_store.end(session)
    return last_id, digest or GENESIS


def chain_rows(session: Session, end: End, rows: Iterable[dict[str, Any]]
               ) -> tuple[list[dict[str, Any]], End]:
    """Number each event row after `end`, hash its canonical changes, pack them; return the
    rows to insert and the new end."""
    key = chain_key(session)
    last_id, prev = end
    out = []
    for row in rows:
        raw = event_json(personal(row))
        last_id += 1
        prev = event_hash(prev, dict(row, changes=raw), key)
        out.append(dict(row, id=last_id, changes=pack_raw(raw), hash=prev))
    return out, (last_id, prev)


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
    append(session, rows)


def append(session: Session, rows: list[dict[str, Any]]) -> None:
    """Chain event rows (changes as values) after the last event and store them, inside the
    session's transaction; every writer of events outside a flush calls this too."""
    end = session.info.get("audit_end") or chain_end(session)
    chained, session.info["audit_end"] = chain_rows(session, end, rows)
    session.connection().execute(insert(_AUDIT_TABLE), chained)
    if end[0] // audit_store.SEAL_AT != session.info["audit_end"][0] // audit_store.SEAL_AT:
        audit_store.seal_due(session)


def _forget_hash(session: Session, *_: Any) -> None:
    session.info.pop("audit_end", None)


def verify_chain(session: Session, limit: int = 100) -> list[str]:
    """Recompute every event's hash in order; return findings (empty when intact)."""
    from ttdesk.core.base.chain_check import walk

    return walk(session, limit).findings


event.listen(Session, "after_flush", _record)
event.listen(Session, "after_commit", _forget_hash)
event.listen(Session, "after_rollback", _forget_hash)
