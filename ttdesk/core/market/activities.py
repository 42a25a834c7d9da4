"""Matchmaking activities (对接活动: roadshow, exhibition, salon): when and where, how many took
part, the achievements shown and the companies met; matches name the activity that produced
them (`Match.activity_id`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from ttdesk.codes import ActivityKind
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, RuleViolation
from ttdesk.core.people import fields as check
from ttdesk.db.models import MatchActivity


@dataclass
class ActivityIn:
    kind: ActivityKind | str
    held_on: date
    title: str
    place: str | None = None
    participants: int | None = None
    case_nos: Sequence[str] = field(default_factory=tuple)  # achievements shown
    credit_codes: Sequence[str] = field(default_factory=tuple)  # companies met
    note: str | None = None


def get(s: Session, activity_id: int) -> MatchActivity:
    found = s.get(MatchActivity, activity_id)
    if found is None:
        raise NotFound("对接活动 / activity", activity_id)
    return found


def _apply(s: Session, a: MatchActivity, v: ActivityIn) -> None:
    a.kind = check.code(ActivityKind, v.kind, "kind")
    if not isinstance(v.held_on, date):
        raise RuleViolation("INPUT", "举办日期不能为空", "held on is required", field="held_on")
    a.held_on = v.held_on
    a.title = check.required(v.title, "title", 200)
    a.place = check.text(v.place, "place", 200)
    if v.participants is not None and (not isinstance(v.participants, int)
                                       or v.participants < 0):
        raise RuleViolation("INPUT", "参加人数应为不小于 0 的整数",
                            "participants must be a whole number ≥ 0", field="participants")
    a.participants = v.participants
    a.note = check.text(v.note, "note", 2000)


def _links(s: Session, a: MatchActivity, v: ActivityIn) -> None:
    cases = {c.id: c for c in (lookup.achievement(s, n) for n in v.case_nos if n)}
    companies = {c.id: c for c in (lookup.company(s, n) for n in v.credit_codes if n)}
    a.shown = [cases[i] for i in sorted(cases)]
    a.met = [companies[i] for i in sorted(companies)]


@requires(Act.CASE_WORK)
def add_activity(ctx: AppContext, v: ActivityIn) -> int:
    """Record an activity with what it showed to whom; returns its id."""
    with ctx.write() as s:
        a = MatchActivity()
        _apply(s, a, v)
        _links(s, a, v)
        s.add(a)
        s.flush()
        return a.id


@requires(Act.CASE_WORK)
def edit_activity(ctx: AppContext, activity_id: int, v: ActivityIn) -> None:
    with ctx.write() as s:
        a = get(s, activity_id)
        _apply(s, a, v)
        _links(s, a, v)
