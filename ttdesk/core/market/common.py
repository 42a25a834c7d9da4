"""Checks the market services share: an open case, a stage date, an officer."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.core.base import lookup
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.base.labels import label
from ttdesk.core.rules.statemachine import CASE_OPEN
from ttdesk.db.models import Achievement, User


def open_case(s: Session, case_no: str, field: str = "case_no") -> Achievement:
    """The achievement `case_no`; refused (M4) when it is archived or released."""
    case = lookup.achievement(s, case_no)
    if case.status not in CASE_OPEN:
        raise RuleViolation(
            "M4", f"成果 {case.case_no} 状态为“{label(case.status, 'zh')}”，不能再推广或对接",
            f"case {case.case_no} is {case.status.value}: it can no longer be promoted or "
            "matched", field=field)
    return case


def not_future(ctx: AppContext, on: date, field: str) -> date:
    if on > ctx.today():
        raise RuleViolation("M3", f"日期 {on.isoformat()} 晚于今天",
                            f"the date {on.isoformat()} is in the future", field=field)
    return on


def officer_id(s: Session, ctx: AppContext, username: str | None) -> int | None:
    """The officer by user name; without one, the acting user when the office has such a
    user (until logins exist the actor is the OS account), else nobody."""
    if username:
        return lookup.user(s, username).id
    return s.execute(select(User.id).where(User.username == ctx.actor)).scalar_one_or_none()
