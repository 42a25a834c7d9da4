"""The audit trail sealed into compressed segments, hashed over canonical change bytes (B1).

Revision ID: 0014_audit_segments
Revises: 0013_patent_review
Create Date: 2026-12-03

From this revision on an event's hash covers the canonical bytes of its changes (compact
JSON, sorted keys) instead of their stored, packed form, so that runs of events can be
sealed into one compressed row of `audit_segment` (one stored hash per run, the last event's)
and found again through `audit_locator` (entity, block of 1024 ids, segment -> the ids of
the block with events there, as 2-byte offsets in machine order, little-endian on every
supported platform). The whole
chain is therefore re-hashed here, and a `rechain` marker event records what the old chain
was: its first hash (the database's name in anchors printed before), its head, whether it
verified whole, and where it broke. Anchors printed before name the old chain; `check`
and `verify` say so.

Frozen: explicit operations and formats written out below (the old and new hash, the
segment format 1), nothing from today's code except the trained zstd dictionary the events
were packed with (data, never changed). In server mode the chain is keyed with the key file
named by TTDESK_CHAIN_KEY_FILE, as the running program keys it; the migration runs as the
owner role, which may delete the sealed rows.
"""

from __future__ import annotations

import array
import base64
import hashlib
import hmac
import json
import os
import zlib
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
import zstandard
from alembic import op

from ttdesk.db.audit_dictionary import DICTIONARY_1

revision = "0014_audit_segments"
down_revision = "0013_patent_review"
branch_labels = None
depends_on = None

_SEGMENT = 4096
_BUCKET = 1024
_BATCH = 20_000
_GENESIS = bytes(32)


def _key(conn: Any) -> bytes | None:
    path = os.environ.get("TTDESK_CHAIN_KEY_FILE")
    if conn.dialect.name != "postgresql" or not path:
        return None
    with open(path, "rb") as f:
        return f.read().strip()


def _link(prev: bytes, at: str, actor: str, action: str, entity: str, entity_id: int,
          ref: str | None, changes: bytes, key: bytes | None) -> bytes:
    message = prev + f"{at}|{actor}|{action}|{entity}|{entity_id}|{ref or ''}\x1e".encode() + changes
    if key is not None:
        return hmac.new(key, message, hashlib.sha256).digest()
    return hashlib.sha256(message).digest()


def _stamp(at: Any) -> str:
    if isinstance(at, str):
        return at if len(at) == 26 else datetime.fromisoformat(at).strftime(
            "%Y-%m-%d %H:%M:%S.%f")
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


class _Raw:
    """The canonical bytes of a stored `changes` value (plain, zlib or dictionary zstd)."""

    def __init__(self) -> None:
        trained = zstandard.ZstdCompressionDict(base64.b64decode("".join(DICTIONARY_1)),
                                                dict_type=zstandard.DICT_TYPE_FULLDICT)
        self.zstd = zstandard.ZstdDecompressor(dict_data=trained,
                                               format=zstandard.FORMAT_ZSTD1_MAGICLESS)

    def __call__(self, stored: Any) -> bytes:
        if isinstance(stored, str):
            return stored.encode("utf-8")
        data = bytes(stored)
        try:
            if data[:1] == b"\x01":
                return bytes(self.zstd.decompress(data[1:]))
            if data[:1] == b"x":
                return zlib.decompress(data)
        except (zstandard.ZstdError, zlib.error):
            pass  # damaged: kept as it is (the old chain shows the break)
        return data


def _encode(events: list[tuple[Any, ...]]) -> bytes:
    """Segment format 1 (see ttdesk.core.base.audit_store)."""
    head = {"v": 1, "first": events[0][0], "at": [e[1] for e in events],
            "actor": [e[2] for e in events], "action": [e[3] for e in events],
            "entity": [e[4] for e in events], "id": [e[5] for e in events],
            "ref": [e[6] for e in events], "len": [len(e[7]) for e in events]}
    data = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return zstandard.ZstdCompressor(level=9).compress(
        data + b"\n" + b"".join(e[7] for e in events))


def upgrade() -> None:
    conn = op.get_bind()
    event_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    segment = op.create_table(
        "audit_segment",
        sa.Column("first_id", event_id, nullable=False),
        sa.Column("last_id", event_id, nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("head", sa.LargeBinary(length=32), nullable=False),
        sa.PrimaryKeyConstraint("first_id", name="pk_audit_segment"),
    )
    locator = op.create_table(
        "audit_locator",
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("bucket", sa.Integer(), nullable=False),
        sa.Column("segment", event_id, nullable=False),
        sa.Column("ids", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "bucket", "segment", name="pk_audit_locator"),
        sqlite_with_rowid=False,
    )
    _rehash_and_seal(conn, segment, locator)


def _rehash_and_seal(conn: Any, segment: Any, locator: Any) -> None:
    key = _key(conn)
    raw_of = _Raw()
    old_prev, new_prev = _GENESIS, _GENESIS
    breaks: list[int] = []
    first_old: bytes | None = None
    pending: list[tuple[Any, ...]] = []  # (id, at, actor, action, entity, eid, ref, raw, new)
    last_id, count = 0, 0
    select = sa.text("SELECT id, at, actor, action, entity, entity_id, entity_ref, changes, "
                     "hash FROM audit_event WHERE id > :after ORDER BY id LIMIT :n")
    while rows := conn.execute(select, {"after": last_id, "n": _BATCH}).all():
        for id_, at, actor, action, entity, eid, ref, changes, stored in rows:
            stamp = _stamp(at)
            stored = bytes(stored)
            first_old = stored if first_old is None else first_old
            stored_changes = changes.encode("utf-8") if isinstance(changes, str) \
                else bytes(changes)
            if _link(old_prev, stamp, actor, action, entity, eid, ref, stored_changes,
                     key) != stored:
                breaks.append(id_)
            old_prev = stored
            raw = raw_of(changes)
            new_prev = _link(new_prev, stamp, actor, action, entity, eid, ref, raw, key)
            if pending and pending[-1][0] != id_ - 1:
                _keep_loose(conn, pending)  # a gap: only whole runs of consecutive ids seal
            pending.append((id_, stamp, actor, action, entity, eid, ref, raw, new_prev))
            if len(pending) == _SEGMENT:
                _seal(conn, segment, locator, pending)
        last_id, count = rows[-1][0], count + len(rows)
    _keep_loose(conn, pending)  # the last, partial run
    if count:
        _marker(conn, last_id, old_prev, first_old or _GENESIS, count, breaks, new_prev, key)


def _keep_loose(conn: Any, pending: list[tuple[Any, ...]]) -> None:
    """A run shorter than a segment stays loose, with its new hashes."""
    if pending:
        conn.execute(sa.text("UPDATE audit_event SET hash = :h WHERE id = :i"),
                     [{"h": e[8], "i": e[0]} for e in pending])
    pending.clear()


def _seal(conn: Any, segment: Any, locator: Any, pending: list[tuple[Any, ...]]) -> None:
    first, last = pending[0][0], pending[-1][0]
    conn.execute(segment.insert(), [{"first_id": first, "last_id": last,
                                     "body": _encode(pending), "head": pending[-1][8]}])
    held: dict[tuple[str, int], set[int]] = {}
    for e in pending:
        held.setdefault((e[4], e[5] // _BUCKET), set()).add(e[5] % _BUCKET)
    conn.execute(locator.insert(), [
        {"entity": entity, "bucket": bucket, "segment": first,
         "ids": array.array("H", sorted(found)).tobytes()}
        for (entity, bucket), found in sorted(held.items())])
    conn.execute(sa.text("DELETE FROM audit_event WHERE id BETWEEN :a AND :b"),
                 {"a": first, "b": last})
    pending.clear()


def _marker(conn: Any, last_id: int, old_head: bytes, old_first: bytes, count: int,
            breaks: list[int], prev: bytes, key: bytes | None) -> None:
    """The event that records the old chain and what its verification found."""
    marker = {"old_head": {"id": last_id, "hash": old_head.hex()},
              "old_origin": old_first.hex()[:16], "events": count,
              "old_chain_whole": not breaks, "breaks": breaks[:20],
              "whole_since": breaks[-1] if breaks else 1, "format": "segments"}
    raw = json.dumps(marker, ensure_ascii=False, separators=(",", ":"), sort_keys=True,
                     default=str).encode("utf-8")
    at = datetime.now(UTC).replace(tzinfo=None)
    conn.execute(sa.text(
        "INSERT INTO audit_event (id, at, actor, action, entity, entity_id, entity_ref, "
        "changes, hash) VALUES (:id, :at, 'migration', 'rechain', 'audit_event', :eid, NULL, "
        ":changes, :hash)"),
        {"id": last_id + 1, "at": _stamp(at) if conn.dialect.name == "sqlite" else at,
         "eid": last_id, "changes": raw,
         "hash": _link(prev, _stamp(at), "migration", "rechain", "audit_event", last_id,
                       None, raw, key)})


def downgrade() -> None:
    raise NotImplementedError("0014_audit_segments cannot be undone: restore the backup "
                              "taken before the migration")
