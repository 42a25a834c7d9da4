"""Publicity notices (公示) for rights grants, negotiated-price deals and cash rewards,
with objections. The end date is computed from the policy (calendar or working days)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ttdesk.codes import DayKind, PublicityResult, PublicitySubject
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.office import holiday_calendar as calendar_store
from ttdesk.core.rules.policy import Policy
from ttdesk.core.rules.workdays import publicity_end
from ttdesk.db.models import Deal, Distribution, Objection, Publicity, RightsGrant

Subject = RightsGrant | Deal | Distribution


def open_publicity(session: Session, subject: Subject, start: date, channel: str,
                   policy: Policy) -> Publicity:
    """Start a publicity of the policy's length for its subject (pricing, rights grant, cash
    reward); its end date follows rule R5's counting."""
    if not channel.strip():
        raise RuleViolation("R5", "须填写公示渠道（如学校网站）",
                            "the publicity channel (e.g. the university website) is required",
                            field="channel")
    if isinstance(subject, RightsGrant):
        code = PublicitySubject.RIGHTS_GRANT
    elif isinstance(subject, Deal):
        code = PublicitySubject.DEAL
    else:
        code = PublicitySubject.DISTRIBUTION
    days, day_kind = policy.publicity_for(code)  # each subject its own period (domain.md §6)
    kind = DayKind(day_kind)
    calendar = calendar_store.load(session) if kind == DayKind.WORKING else None
    end = publicity_end(start, days, kind, calendar)
    pub = Publicity(channel=channel.strip(), start_date=start, days=days, subject=code,
                    day_kind=kind, end_date=end, policy_number=policy.number)
    if code == PublicitySubject.RIGHTS_GRANT:
        pub.rights_grant_id = subject.id
    elif code == PublicitySubject.DEAL:
        pub.deal_id = subject.id
    else:
        pub.distribution_id = subject.id
    session.add(pub)
    session.flush()
    return pub


def running(pubs: list[Publicity]) -> Publicity | None:
    """The publicity that has not been closed yet, if any."""
    open_ones = [p for p in pubs if p.result is None]
    return max(open_ones, key=lambda p: p.start_date) if open_ones else None


def add_objection(session: Session, pub: Publicity, raised_by: str, raised_on: date,
                  content: str) -> Objection:
    if pub.result is not None:
        raise RuleViolation("R5", "公示已结束，不能再登记异议",
                            "the publicity is closed: no more objections", field="objection")
    if raised_on < pub.start_date:
        raise RuleViolation("R12", "异议日期早于公示开始日", "the objection predates the "
                            "publicity", field="raised_on")
    if not (raised_by.strip() and content.strip()):
        raise RuleViolation("INPUT", "须填写异议人和异议内容",
                            "who objected and what they said are required", field="objection")
    obj = Objection(raised_by=raised_by.strip(), raised_on=raised_on, content=content.strip())
    pub.objections.append(obj)
    session.flush()
    return obj


def resolve_objection(obj: Objection, resolution: str, resolved_on: date, upheld: bool) -> None:
    if obj.resolved_on is not None:
        raise RuleViolation("R5", "该异议已处理", "this objection is already resolved")
    if not resolution.strip():
        raise RuleViolation("INPUT", "须填写处理意见", "the resolution is required",
                            field="resolution")
    if resolved_on < obj.raised_on:
        raise RuleViolation("R12", "处理日期早于异议日期", "resolved before it was raised",
                            field="resolved_on")
    obj.resolution, obj.resolved_on, obj.upheld = resolution.strip(), resolved_on, upheld


def close(pub: Publicity, on: date, result: PublicityResult) -> None:
    """Close a publicity. 'No objection' only once its period is over and nothing is open."""
    if pub.result is not None:
        raise RuleViolation("R5", "公示已结束", "the publicity is already closed")
    if result == PublicityResult.NO_OBJECTION:
        if on <= pub.end_date:
            raise RuleViolation(
                "R5", f"公示期至 {pub.end_date}，期满后方可结束",
                f"the publicity runs to {pub.end_date}; it can close only after that",
                field="publicity")
        if any(o.resolved_on is None or o.upheld for o in pub.objections):
            raise RuleViolation("R5", "存在未处理或成立的异议", "an objection is open or upheld",
                                field="publicity")
    pub.result, pub.closed_on = result, on
