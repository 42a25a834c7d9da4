"""One timeline per case or deal: its notes beside its audit history, filterable by what an
officer looks for (notes, status moves, money, filings, everything)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select

from ttdesk.core.activity import refs
from ttdesk.core.base.context import AppContext
from ttdesk.db.models import Note


class TimelineFilter(StrEnum):
    ALL = "all"
    NOTES = "notes"
    STATUS = "status"
    MONEY = "money"
    FILINGS = "filings"


@dataclass(frozen=True)
class NoteRow:
    id: int
    written_on: date
    author: str
    body: str
    created_at: datetime


def notes_of(ctx: AppContext, ref: str) -> list[NoteRow]:
    """The notes of a case or deal, newest first."""
    with ctx.read() as s:
        entity, entity_id = refs.resolve(s, ref)
        return notes_in(s, entity, [entity_id])


def notes_in(session: object, entity: str, ids: list[int]) -> list[NoteRow]:
    if not ids:
        return []
    found = session.execute(  # type: ignore[attr-defined]
        select(Note).where(Note.entity_type == entity, Note.entity_id.in_(ids))
        .order_by(Note.written_on.desc(), Note.id.desc())).scalars()
    return [NoteRow(n.id, n.written_on, n.author, n.body, n.created_at) for n in found]


_MONEY = {"receipt", "cost", "distribution", "allocation", "payment_milestone",
          "royalty_report"}


def event_filter(entity: str, changes: dict | None) -> set[TimelineFilter]:
    """Which filters an audit event belongs to (besides ALL)."""
    out = set()
    if entity in _MONEY:
        out.add(TimelineFilter.MONEY)
    if entity == "filing":
        out.add(TimelineFilter.FILINGS)
    if changes and ("status" in changes or "status" in (changes.get("after") or {})):
        out.add(TimelineFilter.STATUS)
    return out


def case_notes(ctx: AppContext, case_id: int, deal_ids: list[int]) -> list[NoteRow]:
    """The notes of a case and of its deals, newest first (one read)."""
    with ctx.read() as s:
        rows = notes_in(s, "achievement", [case_id]) + notes_in(s, "deal", deal_ids)
    return sorted(rows, key=lambda n: (n.written_on, n.created_at), reverse=True)


def keep_event(entity: str, changes: dict | None, wanted: TimelineFilter) -> bool:
    """Whether an audit event shows under filter `wanted` (notes are not audit events)."""
    if wanted == TimelineFilter.ALL:
        return True
    return wanted in event_filter(entity, changes)
