"""Walking the audit chain: recompute every hash from the stored bytes, in id order.

One pass gives what `check` needs (where the chain is broken) and what an anchor needs (the
head, and the hash found at the sequence an anchor names). A `rechain` event, written by the
migration that introduced this format, records the head of the old chain and whether the old
chain was whole; the walk reports since when the chain is whole.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from ttdesk.core.base import audit
from ttdesk.db.types import unpack_json


@dataclass
class Walk:
    findings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    head_id: int = 0
    head_hash: bytes = audit.GENESIS
    events: int = 0
    seen: dict[int, bytes] = field(default_factory=dict)  # hashes at the sequences asked for
    whole_since: int | None = None  # set by a rechain marker over a broken old chain


def walk(session: Session, limit: int = 100, at: Collection[int] = ()) -> Walk:
    """Recompute the chain; `at`: sequences (event ids) whose recomputed hash to keep."""
    key = audit.chain_key(session)
    out = Walk()
    prev = audit.GENESIS
    link = audit.link
    at_text = audit.at_text
    wanted = set(at)
    for row in audit.stored_events(session):
        (id_, when, actor, action, entity, entity_id, ref, changes, stored) = row
        changes = bytes(changes) if not isinstance(changes, bytes) else changes
        stamp = when if isinstance(when, str) and len(when) == 26 else at_text(when)
        digest = link(prev, stamp, actor, action, entity, entity_id, ref, changes, key)
        if digest != bytes(stored) and len(out.findings) < limit:
            out.findings.append(f"audit event {id_}: hash chain broken")
        if action == "rechain":
            _marker(out, id_, changes)
        if id_ in wanted:
            out.seen[id_] = digest
        prev = bytes(stored)  # the next event is checked against what is stored
        out.head_id, out.events = id_, out.events + 1
    out.head_hash = prev
    return out


def _marker(out: Walk, id_: int, changes: bytes) -> None:
    info: dict[str, Any] = unpack_json(changes)
    old = info.get("old_head") or {}
    if info.get("old_chain_whole", True):
        out.notes.append(f"audit chain re-hashed at event {id_}; the old chain was whole "
                         f"up to its head (event {old.get('id')}, {old.get('hash')})")
        return
    out.whole_since = int(info.get("whole_since") or id_)
    out.findings.append(
        f"before event {id_} (re-hashed by a migration) the old chain was broken at "
        f"event(s) {info.get('breaks')}: the chain is whole since event {out.whole_since}")
