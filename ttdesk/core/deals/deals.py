"""Deals (转化项目/合同): terms, valuation, approval, pricing publicity, signing, registration.

Each step is one unit of work that first asks the status machine, then the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from ttdesk.codes import (
    COOPERATION_MODES,
    IMPLEMENTATION_MODES,
    DealMode,
    DealStatus,
    PricingMethod,
    PublicityResult,
    Secrecy,
    ValuationApproach,
)
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ConflictError, RuleViolation, ValidationFailed
from ttdesk.core.cases import follow
from ttdesk.core.cases.achievements import enum_value, next_number
from ttdesk.core.deals import registration
from ttdesk.core.money import payments
from ttdesk.core.office import deadlines, publicity
from ttdesk.core.rules import policy
from ttdesk.core.rules.checks import (
    P,
    StepPair,
    approval_problems,
    deal_facts,
    deal_step_pairs,
    publicity_facts,
    signing_problems,
    step_problems,
)
from ttdesk.core.rules.money import parse_money, parse_percent
from ttdesk.core.rules.statemachine import (
    DEAL_BEFORE_APPROVAL,
    deal_table,
    require_transition,
)
from ttdesk.db.models import Contribution, Deal, PersonInterest, Publicity, Valuation


@dataclass
class DealIn:
    title: str
    mode: str
    achievements: list[str] = field(default_factory=list)  # case numbers
    counterparty: str | None = None  # credit code
    pricing_method: str | None = None
    price: Decimal | str | None = None
    ip_assets: list[str] = field(default_factory=list)  # application numbers
    rights_grant_id: int | None = None
    deferred_payment: bool = False
    deferred_trigger: str | None = None
    deferred_review_date: date | None = None
    upfront_amount: Decimal | str | None = None
    royalty_rate: Decimal | str | None = None
    royalty_base: str | None = None
    minimum_annual_royalty: Decimal | str | None = None
    payment_terms: str | None = None
    term_end: date | None = None  # a licence's term (an open licence needs one)


@dataclass
class ValuationIn:
    appraised: bool
    no_appraisal_reason: str | None = None
    firm: str | None = None
    report_no: str | None = None
    base_date: date | None = None
    approach: str | None = None
    appraised_value: Decimal | str | None = None
    agreed_value: Decimal | str | None = None
    filing_date: date | None = None


def _money(value: Any, name: str) -> Decimal | None:
    return None if value is None or value == "" else parse_money(value, field=name)


@requires(Act.CASE_WORK)
def create(ctx: AppContext, d: DealIn) -> str:
    """Draft a deal; returns its deal number."""
    mode = enum_value(DealMode, d.mode, "mode")
    method = enum_value(PricingMethod, d.pricing_method, "pricing_method") \
        if d.pricing_method else None
    if mode in COOPERATION_MODES and method:
        raise RuleViolation("R5", "技术开发/咨询/服务合同不适用定价方式与定价公示",
                            "cooperation contracts take no pricing method or pricing publicity",
                            "pricing_method")
    if mode in IMPLEMENTATION_MODES and method:
        raise RuleViolation("R5", "自行实施/合作实施不是交易，不适用定价方式与定价公示",
                            "self or joint implementation is no sale: no pricing method or "
                            "pricing publicity", "pricing_method")
    if not d.title.strip():
        raise RuleViolation("INPUT", "项目名称不能为空", "the title cannot be empty", "title")
    with ctx.write() as s:
        pol = policy.current(s)
        deal = Deal(
            deal_no=next_number(s, Deal.deal_no, pol["deal_no_format"], ctx.today().year),
            title=d.title.strip(), mode=mode, pricing_method=method,
            price=_money(d.price, "price"),
            counterparty_id=lookup.company(s, d.counterparty).id if d.counterparty else None,
            rights_grant=lookup.grant(s, d.rights_grant_id) if d.rights_grant_id else None,
            deferred_payment=d.deferred_payment, deferred_trigger=d.deferred_trigger,
            deferred_review_date=d.deferred_review_date,
            upfront_amount=_money(d.upfront_amount, "upfront_amount"),
            royalty_rate=None if d.royalty_rate in (None, "") else parse_percent(
                d.royalty_rate, field="royalty_rate", allow_zero=True),
            royalty_base=d.royalty_base,
            minimum_annual_royalty=_money(d.minimum_annual_royalty, "minimum_annual_royalty"),
            payment_terms=d.payment_terms, policy_number=pol.number, status=DealStatus.DRAFT,
            term_end=d.term_end,
        )
        deal.achievements = [lookup.achievement(s, c) for c in d.achievements]
        for a in deal.achievements:
            follow.require_open(a)
        if d.deferred_payment and not (d.deferred_trigger or "").strip():
            raise RuleViolation("INPUT", "先使用后付费须写明付费触发条件",
                                "deferred payment needs its trigger", "deferred_trigger")
        s.add(deal)
        s.flush()
        follow.follow_deal(s, deal)  # the first active deal: the case is converting
        return deal.deal_no


def _load(s: Session, deal_no: str, expected_version: int | None = None) -> Deal:
    deal = lookup.deal(s, deal_no)
    if expected_version is not None and deal.version != expected_version:
        raise ConflictError("转化项目 / deal", deal_no, f"(version {expected_version} → "
                            f"{deal.version})")
    return deal


def _move(deal: Deal, target: DealStatus) -> None:
    require_transition(deal_table(deal.mode), deal.status, target, where=deal.deal_no)
    deal.status = target
    session = object_session(deal)
    if session is not None:
        follow.follow_deal(session, deal)  # the cases follow their deals (domain.md §6)


def _pubs(s: Session, deal: Deal) -> list[Publicity]:
    return list(s.execute(select(Publicity).where(Publicity.deal_id == deal.id)).scalars())


def _step_pairs(deal: Deal, publicity_start: date | None = None) -> list[StepPair]:
    """R12 across steps for this deal; `publicity_start` for a publicity being opened."""
    disclosed = max((a.disclosure_date for a in deal.achievements), default=None)
    return deal_step_pairs(disclosed, deal.approval_date, publicity_start, deal.signing_date,
                           deal.registration_date)


def contributor_interest(s: Session, deal: Deal) -> bool:
    """R7: does any contributor of the deal's achievements have an interest in the
    counterparty?"""
    if deal.counterparty_id is None or not deal.achievements:
        return False
    ids = [a.id for a in deal.achievements]
    found = s.execute(
        select(PersonInterest.id)
        .join(Contribution, Contribution.person_id == PersonInterest.person_id)
        .where(Contribution.achievement_id.in_(ids),
               PersonInterest.company_id == deal.counterparty_id)
        .limit(1)
    ).first()
    return found is not None


@requires(Act.CASE_WORK)
def update_terms(ctx: AppContext, deal_no: str, changes: dict[str, Any],
                 expected_version: int | None = None) -> int:
    """Edit price and terms before approval; returns the new version."""
    with ctx.write() as s:
        deal = _load(s, deal_no, expected_version)
        if deal.status not in DEAL_BEFORE_APPROVAL:
            raise RuleViolation("STATUS", "审批后价格与条款不可再修改",
                                "price and terms are fixed once approved", "status")
        for key, value in changes.items():
            if key in ("price", "upfront_amount", "minimum_annual_royalty"):
                setattr(deal, key, _money(value, key))
            elif key == "pricing_method":
                deal.pricing_method = enum_value(PricingMethod, value, key) if value else None
            elif key in ("exchange_reference", "payment_terms", "royalty_base",
                         "deferred_trigger", "title"):
                setattr(deal, key, value)
            elif key == "term_end":
                deal.term_end = value if value is None or isinstance(value, date) \
                    else date.fromisoformat(str(value))
            elif key == "counterparty":
                deal.counterparty_id = lookup.company(s, value).id if value else None
            elif key == "due_diligence":
                deal.due_diligence = dict(value)
            else:
                raise RuleViolation("INPUT", f"字段 {key} 不可在此修改",
                                    f"field {key} cannot be edited here", field=key)
        s.flush()
        return deal.version


@requires(Act.CASE_WORK)
def add_valuation(ctx: AppContext, deal_no: str, v: ValuationIn) -> None:
    """评估/定价: an appraisal, or the reason for not appraising (optional since 2019)."""
    with ctx.write() as s:
        deal = _load(s, deal_no)
        if not v.appraised and not (v.no_appraisal_reason or "").strip():
            raise RuleViolation("R8", "未评估须记录理由", "record why no appraisal was made",
                                "no_appraisal_reason")
        if v.appraised and not (v.firm and v.report_no and v.appraised_value is not None):
            raise RuleViolation("R8", "评估须记录评估机构、报告编号和评估值",
                                "an appraisal needs the firm, report number and value",
                                "valuation")
        deal.valuations.append(Valuation(
            appraised=v.appraised, no_appraisal_reason=v.no_appraisal_reason, firm=v.firm,
            report_no=v.report_no, base_date=v.base_date,
            approach=enum_value(ValuationApproach, v.approach, "approach") if v.approach
            else None,
            appraised_value=_money(v.appraised_value, "appraised_value"),
            agreed_value=_money(v.agreed_value, "agreed_value"), filing_date=v.filing_date))


@requires(Act.CASE_WORK)
def declare_related_party(ctx: AppContext, deal_no: str, declaration: str,
                          extra_approval_on: date) -> None:
    """R7: the related-party declaration and its extra approval step."""
    if not declaration.strip():
        raise RuleViolation("R7", "须填写关联关系申报内容", "the declaration text is required",
                            "related_party_declaration")
    with ctx.write() as s:
        deal = _load(s, deal_no)
        deal.related_party_declared = True
        deal.related_party_declaration = declaration.strip()
        deal.related_party_approval_date = extra_approval_on


@requires(Act.CASE_WORK)
def record_supervising_approval(ctx: AppContext, deal_no: str, ref: str, on: date) -> None:
    """R9: the supervising ministry's approval for secret / security achievements; raises
    the Ministry of Finance filing deadline."""
    with ctx.write() as s:
        deal = _load(s, deal_no)
        if not any(a.secrecy == Secrecy.SECRET_OR_SECURITY for a in deal.achievements):
            raise RuleViolation("R9", "该项目不涉及涉密成果，无需主管部门审批",
                                "no secret achievement in this deal: no supervising approval",
                                "supervising_approval")
        deal.supervising_approval_ref, deal.supervising_approval_date = ref, on
        deadlines.for_secret_deal(s, deal, policy.current(s), on)


@requires(Act.CASE_WORK)
def start_due_diligence(ctx: AppContext, deal_no: str) -> None:
    with ctx.write() as s:
        _move(_load(s, deal_no), DealStatus.DUE_DILIGENCE)


@requires(Act.CASE_WORK)
def submit_for_approval(ctx: AppContext, deal_no: str) -> None:
    """Move to approval once the price, pricing method and R7-R9 prerequisites are there."""
    with ctx.write() as s:
        deal = _load(s, deal_no)
        _move(deal, DealStatus.APPROVAL)
        problems = approval_problems(deal_facts(deal), policy.current(s),
                                     contributor_interest(s, deal))
        if problems:
            raise ValidationFailed(problems)


@requires(Act.APPROVE)
def record_approval(ctx: AppContext, deal_no: str, body: str, on: date,
                    minutes_no: str | None = None) -> None:
    """R6: the approving body must be the policy's tier for the price."""
    with ctx.write() as s:
        deal = _load(s, deal_no)
        if deal.status != DealStatus.APPROVAL:
            raise RuleViolation("STATUS", "只有审批中的项目可以记录审批",
                                "only a deal in approval can record an approval", "status")
        pol = policy.current(s)
        deal.approval_body, deal.approval_date, deal.approval_minutes_no = body, on, minutes_no
        if deal.price is not None:
            deal.approval_tier = pol.tier_for(deal.price).body
        problems = approval_problems(deal_facts(deal), pol, contributor_interest(s, deal))
        problems += step_problems(_step_pairs(deal), deal_no, only="approval_date")
        if deal.related_party_approval_date and on < deal.related_party_approval_date:
            problems.append(P("R7", "关联关系加签审批须在审批之前", "the related-party approval "
                              "must come before the approval", "approval_date", deal_no))
        if problems:
            raise ValidationFailed(problems)


@requires(Act.CASE_WORK)
def start_publicity(ctx: AppContext, deal_no: str, start: date, channel: str) -> date:
    """R5: a negotiated price is publicised (name, price...) before signing; returns the
    last day of the publicity."""
    with ctx.write() as s:
        deal = _load(s, deal_no)
        if deal.pricing_method != PricingMethod.NEGOTIATED:
            raise RuleViolation("R5", "只有协议定价需要公示", "only a negotiated price is "
                                "publicised", "pricing_method")
        if deal.approval_date is None:
            raise RuleViolation("R6", "须先记录审批", "record the approval first",
                                "approval_date")
        problems = step_problems(_step_pairs(deal, publicity_start=start), deal_no,
                                 only="publicity_start")
        if problems:
            raise ValidationFailed(problems)
        _move(deal, DealStatus.IN_PUBLICITY)
        pub = publicity.open_publicity(s, deal, start, channel, policy.current(s))
        deadlines.for_publicity(s, pub, deal.deal_no)
        return pub.end_date


@requires(Act.CASE_WORK)
def object_to(ctx: AppContext, deal_no: str, raised_by: str, on: date, content: str) -> None:
    """An objection suspends the deal (异议处理)."""
    with ctx.write() as s:
        deal = _load(s, deal_no)
        pub = publicity.running(_pubs(s, deal))
        if pub is None:
            raise RuleViolation("R5", "没有进行中的公示", "no running publicity")
        publicity.add_objection(s, pub, raised_by, on, content)
        _move(deal, DealStatus.OBJECTION)


@requires(Act.CASE_WORK)
def resolve_objection(ctx: AppContext, deal_no: str, resolution: str, on: date,
                      upheld: bool) -> None:
    """Upheld: the deal is terminated. Dismissed: back to approval, then a new publicity."""
    with ctx.write() as s:
        deal = _load(s, deal_no)
        pub = publicity.running(_pubs(s, deal))
        open_objs = [o for o in pub.objections if o.resolved_on is None] if pub else []
        if pub is None or not open_objs:
            raise RuleViolation("R5", "没有待处理的异议", "no open objection")
        for obj in open_objs:
            publicity.resolve_objection(obj, resolution, on, upheld)
        publicity.close(pub, on, PublicityResult.TERMINATED_BY_OBJECTION)
        if upheld:
            _move(deal, DealStatus.TERMINATED)
            deal.termination_reason = f"异议成立 / objection upheld: {resolution}"
        else:
            _move(deal, DealStatus.APPROVAL)
            deal.approval_date = deal.approval_body = None


@requires(Act.CASE_WORK)
def sign(ctx: AppContext, deal_no: str, on: date) -> None:
    """Sign: R5 (publicity over with no objection, or exchange reference), R4 (grant first)."""
    with ctx.write() as s:
        deal = _load(s, deal_no)
        _move(deal, DealStatus.SIGNED)
        pubs = _pubs(s, deal)
        pub = publicity.running(pubs)
        if pub is not None and on > pub.end_date and not pub.objections:
            publicity.close(pub, on, PublicityResult.NO_OBJECTION)
        grant = deal.rights_grant.status if deal.rights_grant else None
        problems = signing_problems(deal_facts(deal), publicity_facts(pubs), on, grant)
        problems += registration.licence_problems(s, deal, on)  # R13, domain.md §6
        if on > ctx.today():
            problems.append(P("R12", "签约日期不能晚于今天", "the signing date cannot be in the "
                              "future", "signing_date", deal_no))
        if problems:
            raise ValidationFailed(problems)
        deal.signing_date = on
        deadlines.for_signed_deal(s, deal, policy.current(s))
        payments.refresh_deadlines(s, deal)  # a licence's first royalty report falls due
        if pub is not None:
            deadlines.mark_done(s, f"publicity:{pub.id}:end", on)


@requires(Act.CASE_WORK)
def register(ctx: AppContext, deal_no: str, registration_no: str, on: date,
             contract_amount: Decimal | str | None = None,
             tech_amount: Decimal | str | None = None) -> None:
    """技术合同认定登记: the certificate of a signed contract (number, date, contract value
    成交额 and certified technology amount 技术交易额; measures of 2026)."""
    with ctx.write() as s:
        deal = _load(s, deal_no)
        _move(deal, DealStatus.REGISTERED)
        registration.record_certificate(
            s, deal, registration_no, on,
            _money(contract_amount, "registration_contract_amount"),
            _money(tech_amount, "registration_tech_amount"))


@requires(Act.CASE_WORK)
def start_performing(ctx: AppContext, deal_no: str) -> None:
    """Performing; for self / joint implementation this starts the implementation, which
    needs its decision (body, date) first."""
    with ctx.write() as s:
        deal = _load(s, deal_no)
        if deal.mode in IMPLEMENTATION_MODES and deal.approval_date is None:
            raise RuleViolation("R6", "实施转化须先记录决策（机构、日期）",
                                "an implementation needs its decision (body, date) first",
                                "approval_date")
        _move(deal, DealStatus.PERFORMING)


@requires(Act.CASE_WORK)
def complete(ctx: AppContext, deal_no: str, on: date) -> None:
    with ctx.write() as s:
        deal = _load(s, deal_no)
        _move(deal, DealStatus.COMPLETED)
        deal.completion_date = on


@requires(Act.CASE_WORK)
def terminate(ctx: AppContext, deal_no: str, reason: str, on: date | None = None) -> None:
    """End a deal; the date (today by default) ends a licence's period (R13)."""
    if not reason.strip():
        raise RuleViolation("STATUS", "终止须填写理由", "terminating needs a reason", "reason")
    with ctx.write() as s:
        deal = _load(s, deal_no)
        _move(deal, DealStatus.TERMINATED)
        deal.termination_reason = reason.strip()
        deal.terminated_on = on or ctx.today()
