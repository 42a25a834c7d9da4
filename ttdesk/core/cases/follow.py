"""A case follows its deals (domain.md §6), and an archived case is read-only.

Opening the first active deal moves the case to `converting`; a signed or later deal moves it
to `converted` once nothing else of the case is in progress; every deal terminated moves it
back to `marketing`. Each move is an audit event whose `cause` names the deal. The same rule,
as a pure function, lets `check` find stored cases that contradict their deals.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import AchievementStatus as A
from ttdesk.codes import DealStatus as D
from ttdesk.core.base import audit
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.rules.statemachine import (
    ACHIEVEMENT,
    CASE_FOLLOWS_DEALS,
    stage_from_deals,
)
from ttdesk.db.models import Achievement, Deal, deal_achievement

FOLLOWING = CASE_FOLLOWS_DEALS  # the case statuses that follow the deals (named set)


def followed_status(current: A, deal_statuses: Iterable[D]) -> A | None:
    """The status the deals call for, or None when the case stays as it is."""
    statuses = list(deal_statuses)
    if current not in FOLLOWING or not statuses:
        return None
    goal = stage_from_deals(statuses)
    if goal == A.MARKETING and current != A.CONVERTING:
        return None
    return None if goal == current else goal


def _path(current: A, goal: A) -> list[A]:
    """The steps from `current` to `goal` the status machine allows (converted is reached
    through converting)."""
    if goal in ACHIEVEMENT[current]:
        return [goal]
    if goal == A.CONVERTED and A.CONVERTING in ACHIEVEMENT[current]:
        return [A.CONVERTING, A.CONVERTED]
    return []


def deal_statuses(s: Session, achievement_id: int) -> list[D]:
    return list(s.execute(
        select(Deal.status).join(deal_achievement, deal_achievement.c.deal_id == Deal.id)
        .where(deal_achievement.c.achievement_id == achievement_id)).scalars())


def follow_deal(s: Session, deal: Deal) -> None:
    """Move every case of `deal` to where its deals put it; call after the deal's status
    changed (in the same unit of work)."""
    s.flush()
    for a in deal.achievements:
        goal = followed_status(a.status, deal_statuses(s, a.id))
        steps = _path(a.status, goal) if goal else []
        if not steps:
            continue
        before = a.status
        a.status = steps[-1]
        audit.note_cause(s, a, {"deal": deal.deal_no, "deal_status": deal.status.value,
                                "from": before.value})


def require_open(a: Achievement) -> None:
    """An archived case is read-only until it is reopened with a reason."""
    if a.status == A.ARCHIVED:
        raise RuleViolation("STATUS",
                            f"成果 {a.case_no} 已归档，只读；如需修改请先填写理由重新打开",
                            f"case {a.case_no} is archived and read-only; reopen it with a "
                            "reason to change it", "status", a.case_no)


def reopen(s: Session, a: Achievement, reason: str) -> None:
    """Archived → converted (the only way into the archive), with the reason in the audit
    event."""
    if a.status != A.ARCHIVED:
        raise RuleViolation("STATUS", "只有已归档的成果可以重新打开",
                            "only an archived case can be reopened", "status", a.case_no)
    if not (reason or "").strip():
        raise RuleViolation("STATUS", "重新打开须填写理由", "reopening needs a reason",
                            "reason", a.case_no)
    a.status = A.CONVERTED
    audit.note_cause(s, a, {"reopen": reason.strip()})
