"""Matches (对接): a demand or a company matched to an achievement, and the stages it goes
through (contacted → NDA → negotiating → deal / declined, `rules.statemachine.MATCH`), each
with the day it was reached and the officer who follows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ttdesk.codes import MatchOutcome
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, RuleViolation
from ttdesk.core.base.labels import label
from ttdesk.core.market.common import not_future, officer_id, open_case
from ttdesk.core.market.demands import get as get_demand
from ttdesk.core.people import fields as check
from ttdesk.core.rules.statemachine import MATCH, require_transition
from ttdesk.db.models import Match, MatchActivity

STAGE_DATE = {
    MatchOutcome.CONTACTED: "contacted_on",
    MatchOutcome.NDA: "nda_on",
    MatchOutcome.NEGOTIATING: "negotiating_on",
    MatchOutcome.DEAL: "deal_on",
    MatchOutcome.DECLINED: "declined_on",
}


@dataclass
class MatchIn:
    case_no: str
    demand_id: int | None = None
    credit_code: str | None = None  # None with a demand: the demand's company
    activity_id: int | None = None
    officer: str | None = None  # user name; None: the acting user when known
    on: date | None = None  # contacted on; None: today
    note: str | None = None


def get(s: Session, match_id: int) -> Match:
    found = s.get(Match, match_id)
    if found is None:
        raise NotFound("对接 / match", match_id)
    return found


def _company_id(s: Session, v: MatchIn) -> int | None:
    if v.credit_code:
        return lookup.company(s, v.credit_code).id
    if v.demand_id is not None:
        return get_demand(s, v.demand_id).company_id
    return None


@requires(Act.CASE_WORK)
def add_match(ctx: AppContext, v: MatchIn) -> int:
    """A new match at "contacted"; returns its id. Needs a demand or a company (M2)."""
    with ctx.write() as s:
        case = open_case(s, v.case_no)
        if v.demand_id is None and not v.credit_code:
            raise RuleViolation("M2", "对接需要一个企业需求或一家企业",
                                "a match needs a demand or a company", field="company_id")
        company_id = _company_id(s, v)
        if v.activity_id is not None and s.get(MatchActivity, v.activity_id) is None:
            raise NotFound("对接活动 / activity", v.activity_id)
        day = not_future(ctx, v.on or ctx.today(), "contacted_on")
        m = Match(achievement_id=case.id, demand_id=v.demand_id, company_id=company_id,
                  activity_id=v.activity_id, officer_id=officer_id(s, ctx, v.officer),
                  outcome=MatchOutcome.CONTACTED, updated_on=day, contacted_on=day,
                  note=check.text(v.note, "note", 2000))
        s.add(m)
        s.flush()
        return m.id


@requires(Act.CASE_WORK)
def add_matches(ctx: AppContext, demand_id: int, case_nos: list[str],
                officer: str | None = None, on: date | None = None) -> list[int]:
    """One demand matched to several achievements, in one unit of work."""
    ids = []
    with ctx.write() as s:
        demand = get_demand(s, demand_id)
        day = not_future(ctx, on or ctx.today(), "contacted_on")
        who = officer_id(s, ctx, officer)
        if not case_nos:
            raise RuleViolation("INPUT", "请至少选择一项成果", "choose at least one achievement",
                                field="case_no")
        for case_no in case_nos:
            case = open_case(s, case_no)
            m = Match(achievement_id=case.id, demand_id=demand.id, company_id=demand.company_id,
                      officer_id=who, outcome=MatchOutcome.CONTACTED, updated_on=day,
                      contacted_on=day)
            s.add(m)
            s.flush()
            ids.append(m.id)
    return ids


def _last_stage_day(m: Match) -> date:
    days = [getattr(m, col) for col in STAGE_DATE.values() if getattr(m, col) is not None]
    return max(days, default=m.updated_on)


@requires(Act.CASE_WORK)
def move(ctx: AppContext, match_id: int, to: MatchOutcome | str, on: date | None = None,
         note: str | None = None) -> MatchOutcome:
    """Move a match to its next stage on `on` (today by default). Transitions the machine
    does not list are refused (STATUS); the day may not precede the last stage's (M3)."""
    target = check.code(MatchOutcome, to, "outcome")
    with ctx.write() as s:
        m = get(s, match_id)
        require_transition(MATCH, m.outcome, target)
        day = not_future(ctx, on or ctx.today(), STAGE_DATE[target])
        last = _last_stage_day(m)
        if day < last:
            raise RuleViolation(
                "M3", f"“{label(target, 'zh')}”的日期 {day.isoformat()} 早于上一阶段的日期 "
                f"{last.isoformat()}", f"{target.value} on {day.isoformat()} precedes the "
                f"previous stage ({last.isoformat()})", field=STAGE_DATE[target])
        setattr(m, STAGE_DATE[target], day)
        m.outcome, m.updated_on = target, day
        if note:
            m.note = check.text(note, "note", 2000)
        return target


@requires(Act.CASE_WORK)
def link_deal(ctx: AppContext, match_id: int, deal_no: str) -> None:
    """Record the deal a match became (the deal form opened from a match at "deal")."""
    with ctx.write() as s:
        m = get(s, match_id)
        if m.outcome != MatchOutcome.DEAL:
            raise RuleViolation("STATUS", "只有已成交的对接可以关联转化项目",
                                "only a match at deal can be linked to a deal", field="deal_id")
        m.deal_id = lookup.deal(s, deal_no).id
