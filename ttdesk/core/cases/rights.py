"""Rights grants (赋权): application, reviews, publicity, approval, agreement, title change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import GrantForm, GrantStatus, PublicityResult
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ConflictError, RuleViolation, ValidationFailed
from ttdesk.core.cases import follow
from ttdesk.core.cases.achievements import enum_value
from ttdesk.core.office import deadlines, publicity
from ttdesk.core.rules import policy
from ttdesk.core.rules.checks import (
    P,
    grant_agreement_problems,
    grant_step_pairs,
    grant_terms_problems,
    publicity_facts,
    step_problems,
)
from ttdesk.core.rules.money import parse_percent
from ttdesk.core.rules.statemachine import GRANT, require_transition
from ttdesk.db.models import Publicity, RightsGrant


@dataclass
class GrantIn:
    form: str
    application_date: date
    team_share: Decimal | str | None = None
    term_years: int | None = None
    representative: str | None = None  # staff_no
    plan_attached: bool = False
    plan_summary: str | None = None
    consent_recorded: bool = False


@requires(Act.CASE_WORK)
def apply(ctx: AppContext, case_no: str, g: GrantIn) -> int:
    """Record a team's application for a rights grant; returns the grant id (R3 terms)."""
    with ctx.write() as s:
        a = lookup.achievement(s, case_no)
        follow.require_open(a)
        pol = policy.current(s)
        grant = RightsGrant(
            achievement=a, form=enum_value(GrantForm, g.form, "form"),
            team_share=None if g.team_share is None else parse_percent(
                g.team_share, field="team_share", allow_zero=True),
            term_years=g.term_years, application_date=g.application_date,
            representative=lookup.person(s, g.representative) if g.representative else None,
            plan_attached=g.plan_attached, plan_summary=g.plan_summary,
            consent_recorded=g.consent_recorded, policy_number=pol.number,
        )
        problems = grant_terms_problems(grant, a, pol)
        if g.application_date < a.disclosure_date:
            problems.append(P("R12", "申请日期早于成果披露日期", "the application predates the "
                              "disclosure", "application_date", case_no))
        if problems:
            raise ValidationFailed(problems)
        s.add(grant)
        s.flush()
        return grant.id


def _load(s: Session, grant_id: int, expected_version: int | None) -> RightsGrant:
    g = lookup.grant(s, grant_id)
    if expected_version is not None and g.version != expected_version:
        raise ConflictError("赋权申请 / rights grant", grant_id)
    return g


def _pubs(s: Session, g: RightsGrant) -> list[Publicity]:
    return list(s.execute(select(Publicity).where(Publicity.rights_grant_id == g.id)).scalars())


def _dates_agree(g: RightsGrant, step: str, publicity_start: date | None = None) -> None:
    """R12 across steps (domain.md §6) for the step just entered; names both dates."""
    problems = step_problems(grant_step_pairs(g.achievement.disclosure_date, g,
                                              publicity_start), g.achievement.case_no, step)
    if problems:
        raise ValidationFailed(problems)


def _move(g: RightsGrant, target: GrantStatus) -> None:
    require_transition(GRANT, g.status, target, where=g.achievement.case_no)
    g.status = target


@requires(Act.REVIEW)
def college_review(ctx: AppContext, grant_id: int, on: date, opinion: str) -> None:
    with ctx.write() as s:
        g = _load(s, grant_id, None)
        _move(g, GrantStatus.COLLEGE_REVIEWED)
        g.college_review_date, g.college_opinion = on, opinion
        _dates_agree(g, "college_review_date")


@requires(Act.REVIEW)
def tto_review(ctx: AppContext, grant_id: int, on: date, opinion: str) -> None:
    with ctx.write() as s:
        g = _load(s, grant_id, None)
        _move(g, GrantStatus.TTO_REVIEWED)
        problems = []
        if not g.consent_recorded:
            problems.append(P("R3", "须记录全体完成人同意", "consent of all inventors must be "
                              "recorded", "consent_recorded", g.achievement.case_no))
        if not g.plan_attached:
            problems.append(P("R3", "须附成果转化方案", "the commercialization plan must be "
                              "attached", "plan_attached", g.achievement.case_no))
        if problems:
            raise ValidationFailed(problems)
        g.tto_review_date, g.tto_opinion = on, opinion
        _dates_agree(g, "tto_review_date")


@requires(Act.CASE_WORK)
def start_publicity(ctx: AppContext, grant_id: int, start: date, channel: str) -> date:
    """Publicise the grant; returns the publicity's last day."""
    with ctx.write() as s:
        g = _load(s, grant_id, None)
        _move(g, GrantStatus.IN_PUBLICITY)
        _dates_agree(g, "publicity_start", start)
        pub = publicity.open_publicity(s, g, start, channel, policy.current(s))
        deadlines.for_publicity(s, pub, g.achievement.case_no)
        return pub.end_date


@requires(Act.CASE_WORK)
def object_to(ctx: AppContext, grant_id: int, raised_by: str, on: date, content: str) -> None:
    with ctx.write() as s:
        g = _load(s, grant_id, None)
        pub = publicity.running(_pubs(s, g))
        if pub is None:
            raise RuleViolation("R3", "没有进行中的公示", "no running publicity")
        publicity.add_objection(s, pub, raised_by, on, content)
        _move(g, GrantStatus.OBJECTION)


@requires(Act.CASE_WORK)
def resolve_objection(ctx: AppContext, grant_id: int, resolution: str, on: date,
                      upheld: bool) -> None:
    """Upheld: the grant is rejected. Dismissed: the publicity goes on."""
    with ctx.write() as s:
        g = _load(s, grant_id, None)
        pubs = _pubs(s, g)
        pub = publicity.running(pubs)
        open_objs = [o for p in pubs for o in p.objections if o.resolved_on is None]
        if pub is None or not open_objs:
            raise RuleViolation("R3", "没有待处理的异议", "no open objection")
        for obj in open_objs:
            publicity.resolve_objection(obj, resolution, on, upheld)
        if upheld:
            _move(g, GrantStatus.REJECTED)
            g.rejection_reason = resolution
            publicity.close(pub, on, PublicityResult.TERMINATED_BY_OBJECTION)
        else:
            _move(g, GrantStatus.IN_PUBLICITY)


@requires(Act.APPROVE)
def approve(ctx: AppContext, grant_id: int, body: str, on: date, minutes_no: str) -> None:
    """Record the decision; the publicity must have run its full period without objection."""
    with ctx.write() as s:
        g = _load(s, grant_id, None)
        _move(g, GrantStatus.APPROVED)
        pub = publicity.running(_pubs(s, g))
        if pub is not None:
            publicity.close(pub, on, PublicityResult.NO_OBJECTION)
            deadlines.mark_done(s, f"publicity:{pub.id}:end", on)
        if not body.strip():
            raise RuleViolation("R3", "须填写审批机构", "the approving body is required",
                                "decision_body")
        g.decision_body, g.decision_date, g.minutes_no = body.strip(), on, minutes_no
        _dates_agree(g, "decision_date")


@requires(Act.CASE_WORK)
def sign_agreement(ctx: AppContext, grant_id: int, agreement_no: str, on: date) -> None:
    with ctx.write() as s:
        g = _load(s, grant_id, None)
        _move(g, GrantStatus.AGREEMENT_SIGNED)
        g.agreement_no, g.agreement_date = agreement_no, on
        _dates_agree(g, "agreement_date")
        problems = grant_agreement_problems(g, publicity_facts(_pubs(s, g)))
        if problems:
            raise ValidationFailed(problems)


@requires(Act.CASE_WORK)
def change_title(ctx: AppContext, grant_id: int, on: date) -> None:
    with ctx.write() as s:
        g = _load(s, grant_id, None)
        _move(g, GrantStatus.TITLE_CHANGED)
        g.title_change_date = on
        _dates_agree(g, "title_change_date")


@requires(Act.APPROVE)
def reject(ctx: AppContext, grant_id: int, reason: str) -> None:
    with ctx.write() as s:
        g = _load(s, grant_id, None)
        _move(g, GrantStatus.REJECTED)
        if not reason.strip():
            raise RuleViolation("R3", "须填写不予通过的理由", "a reason is required", "reason")
        g.rejection_reason = reason.strip()
