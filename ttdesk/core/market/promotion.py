"""The promotion list (列入推广清单): the institution's supply list of achievements, each with
a public summary. A secret achievement is refused (M1): the list is sent to parks and fairs."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import Secrecy
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.market.common import not_future, open_case
from ttdesk.core.people import fields as check
from ttdesk.db.models import Achievement, Promotion

SUMMARY_MAX = 1000


def _entry(s: Session, case: Achievement) -> Promotion | None:
    return s.execute(select(Promotion).where(Promotion.achievement_id == case.id)
                     ).scalar_one_or_none()


@requires(Act.CASE_WORK)
def promote(ctx: AppContext, case_no: str, public_summary: str, on: date | None = None,
            park: str | None = None) -> int:
    """Put `case_no` on the promotion list (again, when it was taken off); returns the
    entry's id. Refused for a secret case (M1) and a closed one (M4)."""
    with ctx.write() as s:
        case = open_case(s, case_no)
        if case.secrecy == Secrecy.SECRET_OR_SECURITY:
            raise RuleViolation(
                "M1", f"成果 {case.case_no} 为涉密成果，不能列入推广清单",
                f"case {case.case_no} is secret: it cannot be put on the promotion list",
                field="secrecy")
        summary = check.required(public_summary, "public_summary", SUMMARY_MAX)
        listed = not_future(ctx, on or ctx.today(), "listed_on")
        entry = _entry(s, case)
        if entry is not None and entry.delisted_on is None:
            raise RuleViolation(
                "DUP", f"成果 {case.case_no} 已在推广清单中（{entry.listed_on.isoformat()} 列入）",
                f"case {case.case_no} is already on the promotion list "
                f"(since {entry.listed_on.isoformat()})", field="case_no")
        if entry is None:
            entry = Promotion(achievement_id=case.id)
            s.add(entry)
        entry.listed_on, entry.delisted_on = listed, None
        entry.public_summary = summary
        entry.park = check.text(park, "park", 200)
        s.flush()
        return entry.id


@requires(Act.CASE_WORK)
def edit_summary(ctx: AppContext, case_no: str, public_summary: str,
                 park: str | None = None) -> None:
    with ctx.write() as s:
        entry = _listed(s, case_no)
        entry.public_summary = check.required(public_summary, "public_summary", SUMMARY_MAX)
        entry.park = check.text(park, "park", 200)


@requires(Act.CASE_WORK)
def delist(ctx: AppContext, case_no: str, on: date | None = None) -> None:
    """Take `case_no` off the list; the entry stays with the day it left."""
    with ctx.write() as s:
        entry = _listed(s, case_no)
        day = not_future(ctx, on or ctx.today(), "delisted_on")
        if day < entry.listed_on:
            raise RuleViolation("M3", "移出日期早于列入日期",
                                "taken off before it was listed", field="delisted_on")
        entry.delisted_on = day


def _listed(s: Session, case_no: str) -> Promotion:
    entry = _entry(s, lookup.achievement(s, case_no))
    if entry is None or entry.delisted_on is not None:
        raise RuleViolation("INPUT", f"成果 {case_no} 不在推广清单中",
                            f"case {case_no} is not on the promotion list", field="case_no")
    return entry
