"""Walking the audit chain: recompute every hash from the stored events, in id order.

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

from ttdesk.core.base import audit, audit_store
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
    rechains: dict[int, dict[str, Any]] = field(default_factory=dict)  # marker id -> record


def walk(session: Session, limit: int = 100, at: Collection[int] = ()) -> Walk:
    """Recompute the chain; `at`: sequences (event ids) whose recomputed hash to keep.

    Loose events are compared one by one; a sealed segment at its last event, the only one
    whose hash it stores (a change inside it shows there, and at every later anchor)."""
    key = audit.chain_key(session)
    out = Walk()
    prev = audit.GENESIS
    link = audit.link
    wanted = set(at)
    unreadable: list[tuple[int, int]] = []
    for row in audit_store.events(session, unreadable=unreadable):
        (id_, stamp, actor, action, entity, entity_id, ref, changes, stored) = row
        if unreadable:
            for first, last in unreadable:
                _note(out, limit, f"audit events {first}–{last}: sealed segment unreadable "
                                  "(changed outside TT Desk)")
            unreadable.clear()
        digest = link(prev, stamp, actor, action, entity, entity_id, ref, changes, key)
        if stored is not None and digest != stored:
            _note(out, limit, f"audit event {id_}: hash chain broken")
        if action == "rechain":
            _marker(out, id_, changes)
        if id_ in wanted:
            out.seen[id_] = digest
        prev = stored if stored is not None else digest  # the next is checked against
        out.head_id, out.events = id_, out.events + 1  # what is stored
    for first, last in unreadable:
        _note(out, limit, f"audit events {first}–{last}: sealed segment unreadable "
                          "(changed outside TT Desk)")
    out.head_hash = prev
    return out


def _note(out: Walk, limit: int, finding: str) -> None:
    if len(out.findings) < limit:
        out.findings.append(finding)


def _marker(out: Walk, id_: int, changes: bytes) -> None:
    info: dict[str, Any] = unpack_json(changes)
    out.rechains[id_] = info
    old = info.get("old_head") or {}
    if info.get("old_chain_whole", True):
        out.notes.append(f"audit chain re-hashed at event {id_}; the old chain was whole "
                         f"up to its head (event {old.get('id')}, {old.get('hash')})")
        return
    out.whole_since = int(info.get("whole_since") or id_)
    out.findings.append(
        f"before event {id_} (re-hashed by a migration) the old chain was broken at "
        f"event(s) {info.get('breaks')}: the chain is whole since event {out.whole_since}")
