"""The audit trail in its compact form: 32-byte hashes over the stored bytes, no stored
previous hash, packed change records, the entity index without the redundant id; the chain
re-hashed, and a `rechain` marker event recording the old head.

Revision ID: 0005_audit_compact
Revises: 0004_master_data
Create Date: 2026-12-03

Frozen: explicit operations only, never today's models or services. Both hash functions
(the old one, to verify the chain being replaced, and the new one) are written out below, so
that a later change of `ttdesk.core.base.audit` cannot change what this step did.

The old chain is verified while it is copied. Whatever it shows (edited or deleted events in
the middle, a first event that does not start from the genesis hash) is written into the
marker (`old_chain_whole`, `breaks`, `whole_since`), so `check` can say since when the chain is
whole; a chain cut at its end cannot be seen from inside the database — that is what the
printed anchors are for.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005_audit_compact"
down_revision = "0004_master_data"
branch_labels = None
depends_on = None

_BATCH = 20_000
_OLD_GENESIS = "0" * 64


def _old_hash(prev: str, at: datetime, actor: str, action: str, entity: str, entity_id: int,
              changes: Any) -> str:
    body = {"at": at.isoformat(), "actor": actor, "action": action, "entity": entity,
            "entity_id": entity_id, "changes": changes}
    payload = prev + json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _pack(value: Any) -> bytes:
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True,
                     default=str).encode("utf-8")
    return zlib.compress(raw, 6) if len(raw) > 200 else raw


def _stamp(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


def _new_hash(prev: bytes, at: str, actor: str, action: str, entity: str, entity_id: int,
              ref: str | None, changes: bytes) -> bytes:
    head = f"{at}|{actor}|{action}|{entity}|{entity_id}|{ref or ''}\x1e"
    return hashlib.sha256(prev + head.encode("utf-8") + changes).digest()


def _naive_utc(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def _compact(action: str, changes: Any) -> Any:
    """Insert snapshots without their empty values (an absent key reads as empty)."""
    if isinstance(changes, str):
        changes = json.loads(changes)
    if action == "insert" and isinstance(changes.get("after"), dict):
        return dict(changes, after={k: v for k, v in changes["after"].items()
                                    if v is not None})
    return changes


def upgrade() -> None:
    conn = op.get_bind()
    new = op.create_table(
        "audit_event_v2",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("entity_ref", sa.String(length=60), nullable=True),
        sa.Column("changes", sa.LargeBinary(), nullable=False),
        sa.Column("hash", sa.LargeBinary(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_event_v2"),
    )
    old_prev, new_prev = _OLD_GENESIS, bytes(32)
    breaks: list[int] = []
    last_id, head_hash, count = 0, _OLD_GENESIS, 0
    select = sa.text("SELECT id, at, actor, action, entity, entity_id, entity_ref, changes, "
                     "prev_hash, hash FROM audit_event WHERE id > :after ORDER BY id LIMIT :n")
    while rows := conn.execute(select, {"after": last_id, "n": _BATCH}).all():
        out = []
        for (id_, at, actor, action, entity, entity_id, ref, changes, prev_hash,
             stored) in rows:
            at = _naive_utc(at)
            decoded = json.loads(changes) if isinstance(changes, str) else changes
            expected = _old_hash(old_prev, at.replace(tzinfo=UTC), actor, action, entity,
                                 entity_id, decoded)
            if prev_hash != old_prev or stored != expected:
                breaks.append(id_)
            old_prev = stored
            packed = _pack(_compact(action, decoded))
            new_prev = _new_hash(new_prev, _stamp(at), actor, action, entity, entity_id, ref,
                                 packed)
            out.append({"id": id_, "at": at, "actor": actor, "action": action,
                        "entity": entity, "entity_id": entity_id, "entity_ref": ref,
                        "changes": packed, "hash": new_prev})
        conn.execute(new.insert(), out)
        last_id, head_hash, count = rows[-1][0], rows[-1][9], count + len(rows)
    if count:
        _marker(conn, new, last_id, head_hash, count, breaks, new_prev)
    op.drop_index("ix_audit_entity", table_name="audit_event")
    op.drop_table("audit_event")
    op.rename_table("audit_event_v2", "audit_event")
    if conn.dialect.name == "postgresql":
        op.execute("ALTER TABLE audit_event RENAME CONSTRAINT pk_audit_event_v2 "
                   "TO pk_audit_event")
        op.execute("SELECT setval(pg_get_serial_sequence('audit_event', 'id'), "
                   "(SELECT COALESCE(MAX(id), 0) + 1 FROM audit_event), false)")
    op.create_index("ix_audit_entity", "audit_event", ["entity", "entity_id"], unique=False)


def _marker(conn: Any, new: Any, last_id: int, head_hash: str, count: int,
            breaks: list[int], prev: bytes) -> None:
    """The event that records the old chain's head and what its verification found."""
    marker = {"old_head": {"id": last_id, "hash": head_hash}, "events": count,
              "old_chain_whole": not breaks, "breaks": breaks[:20],
              "whole_since": breaks[-1] if breaks else 1}
    at = datetime.now(UTC).replace(tzinfo=None)
    packed = _pack(marker)
    conn.execute(new.insert(), [{
        "id": last_id + 1, "at": at, "actor": "migration", "action": "rechain",
        "entity": "audit_event", "entity_id": last_id, "entity_ref": None, "changes": packed,
        "hash": _new_hash(prev, _stamp(at), "migration", "rechain", "audit_event",
                          last_id, None, packed)}])


def downgrade() -> None:
    raise NotImplementedError("0005_audit_compact cannot be undone: restore the backup "
                              "taken before the migration")
