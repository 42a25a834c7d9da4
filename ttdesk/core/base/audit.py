"""Audit trail: every insert, update and delete of business data leaves a hash-chained event.

Recorded automatically at flush time for every mapped object, so no service can forget it.
Each event's hash covers the previous event's hash, so editing or deleting an event breaks
the chain and `verify_chain` (and `ttdesk-cli check`) reports where.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect, select, text
from sqlalchemy.orm import Session, UOWTransaction

from ttdesk.db.models import AuditEvent, Base
from ttdesk.db.types import utcnow

GENESIS = "0" * 64
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


def event_hash(prev_hash: str, row: dict[str, Any]) -> str:
    body = {k: row[k] for k in ("at", "actor", "action", "entity", "entity_id", "changes")}
    body["at"] = plain(body["at"])
    body["action"] = plain(body["action"])
    payload = prev_hash + json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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
    return {
        a.key: plain(getattr(obj, a.key))
        for a in inspect(obj).mapper.column_attrs
        if a.key not in _SKIP
    }


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


def last_hash(session: Session) -> str:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
    found = session.execute(
        select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).scalar()
    return found or GENESIS


def chain_rows(prev: str, rows: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], str]:
    """Give each row its prev_hash and hash, in order; return them and the last hash."""
    out = []
    for row in rows:
        row = dict(row, prev_hash=prev)
        row["hash"] = prev = event_hash(prev, row)
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
    chained, session.info["audit_last_hash"] = chain_rows(prev, rows)
    session.connection().execute(insert(_AUDIT_TABLE), chained)


def _forget_hash(session: Session, *_: Any) -> None:
    session.info.pop("audit_last_hash", None)


def verify_chain(session: Session, batch: int = 50_000) -> list[str]:
    """Recompute every event's hash in order; return findings (empty when intact)."""
    findings: list[str] = []
    prev = GENESIS
    last_id = 0
    cols = [
        AuditEvent.id, AuditEvent.at, AuditEvent.actor, AuditEvent.action, AuditEvent.entity,
        AuditEvent.entity_id, AuditEvent.changes, AuditEvent.prev_hash, AuditEvent.hash,
    ]
    while True:
        rows = session.execute(
            select(*cols).where(AuditEvent.id > last_id).order_by(AuditEvent.id).limit(batch)
        ).all()
        if not rows:
            return findings
        for r in rows:
            row = r._asdict()
            if row["prev_hash"] != prev or event_hash(prev, row) != row["hash"]:
                findings.append(f"audit event {row['id']}: hash chain broken")
            prev = row["hash"]
            last_id = row["id"]
            if len(findings) > 100:
                return findings


event.listen(Session, "after_flush", _record)
event.listen(Session, "after_commit", _forget_hash)
event.listen(Session, "after_rollback", _forget_hash)
