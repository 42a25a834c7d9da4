"""技术合同认定登记 under the national measures of 2026 (domain.md §6), and licence conflicts.

The seller registers once per contract: the submission (date; the contract value decides the
registration office's answer time), the certificate (number, date, contract value 成交额 and
certified technology amount 技术交易额), then a change (re-registration) or a
deregistration when the contract changes or ends. Each step is one unit of work and leaves a
`RegistrationEvent`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import IMPLEMENTATION_MODES, LICENSE_MODES, DealMode, DealStatus
from ttdesk.codes import RegistrationEventKind as K
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import Problem, RuleViolation, ValidationFailed
from ttdesk.core.office import deadlines
from ttdesk.core.office import holiday_calendar as calendar_store
from ttdesk.core.rules import licences, policy, registration
from ttdesk.core.rules.checks import P, step_problems
from ttdesk.core.rules.money import parse_money
from ttdesk.core.rules.statemachine import DEAL_SIGNED_OR_LATER
from ttdesk.db.models import Deal, IPAsset, RegistrationEvent, deal_ip_asset


@dataclass(frozen=True)
class Submitted:
    answer_due: date
    working_days: int


def _money(value: Decimal | str | None, name: str) -> Decimal | None:
    return None if value is None or value == "" else parse_money(value, field=name)


def events(s: Session, deal_id: int) -> list[RegistrationEvent]:
    return list(s.execute(select(RegistrationEvent).where(RegistrationEvent.deal_id == deal_id)
                          .order_by(RegistrationEvent.event_date, RegistrationEvent.id))
                .scalars())


def _last_kind(s: Session, deal: Deal) -> K | None:
    found = events(s, deal.id)
    return found[-1].kind if found else None


def _registrable(deal: Deal) -> None:
    if deal.mode in IMPLEMENTATION_MODES:
        raise RuleViolation("R14", "自行实施/合作实施没有技术合同，无需认定登记",
                            "self or joint implementation has no contract to register",
                            "mode")
    if deal.status not in DEAL_SIGNED_OR_LATER or deal.signing_date is None:
        raise RuleViolation("R14", "合同签订后方可申请认定登记",
                            "a contract is registered once it is signed", "signing_date")


@requires(Act.CASE_WORK)
def submit(ctx: AppContext, deal_no: str, on: date, contract_amount: Decimal | str | None = None,
           disputed: bool = False) -> Submitted:
    """Record the submission; the office's answer is due 15 working days later (30 for a
    contract value of ¥5M or more, or a disputed contract)."""
    with ctx.write() as s:
        deal = lookup.deal(s, deal_no)
        _registrable(deal)
        if deal.registration_no:
            raise RuleViolation("R14", "该合同已认定登记；合同变更请办理变更登记",
                                "this contract is registered already: record a change instead",
                                "registration_no")
        problems = step_problems([("signing_date", deal.signing_date, "registration_date",
                                   on)], deal_no)
        if on > ctx.today():
            problems.append(P("R12", "提交日期不能晚于今天", "the submission date cannot be in "
                              "the future", "registration_submitted_on", deal_no))
        if problems:
            raise ValidationFailed(problems)
        value = _money(contract_amount, "registration_contract_amount")
        value = deal.price if value is None else value
        pol = policy.current(s)
        n = registration.answer_working_days(value, disputed, pol)
        due = registration.answer_due(on, value, disputed, pol, calendar_store.load(s))
        deal.registration_submitted_on, deal.registration_disputed = on, disputed
        s.add(RegistrationEvent(deal_id=deal.id, kind=K.SUBMITTED, event_date=on,
                                contract_amount=value,
                                note="有争议 / disputed" if disputed else None))
        deadlines.mark_done(s, f"deal:{deal.id}:registration", on)
        deadlines.for_registration_answer(s, deal, on, due)
        return Submitted(due, n)


def certificate_problems(deal: Deal, number: str, on: date, contract_amount: Decimal | None,
                         tech_amount: Decimal | None) -> list[Problem]:
    problems = step_problems([("signing_date", deal.signing_date, "registration_date", on)],
                             deal.deal_no)
    sent = deal.registration_submitted_on
    if sent and on < sent:
        problems.append(P("R12", f"登记日期（{on}）不得早于提交日期（{sent}）",
                          f"the registration date ({on}) cannot precede the submission "
                          f"({sent})", "registration_date", deal.deal_no))
    if not number.strip():
        problems.append(P("INPUT", "须填写登记编号", "the registration number is required",
                          "registration_no", deal.deal_no))
    return problems + registration.amounts_problems(contract_amount, tech_amount, deal.deal_no)


def record_certificate(s: Session, deal: Deal, number: str, on: date,
                       contract_amount: Decimal | None, tech_amount: Decimal | None) -> None:
    """The certificate on the deal (called by `deals.register` inside its unit of work).
    Amounts left out default to the deal's price as the contract value, and to the whole
    contract value as the technology amount (the forms prefill the same)."""
    if contract_amount is None:
        contract_amount = deal.price
    if tech_amount is None:
        tech_amount = contract_amount
    problems = certificate_problems(deal, number, on, contract_amount, tech_amount)
    if problems:
        raise ValidationFailed(problems)
    deal.registration_no, deal.registration_date = number.strip(), on
    deal.registration_contract_amount, deal.registration_tech_amount = (contract_amount,
                                                                        tech_amount)
    s.add(RegistrationEvent(deal_id=deal.id, kind=K.CERTIFIED, event_date=on,
                            certificate_no=number.strip(), contract_amount=contract_amount,
                            tech_amount=tech_amount))
    deadlines.mark_done(s, f"deal:{deal.id}:registration", on)
    deadlines.mark_done(s, f"deal:{deal.id}:registration_answer", on)


@requires(Act.CASE_WORK)
def change(ctx: AppContext, deal_no: str, on: date, reason: str,
           contract_amount: Decimal | str | None, tech_amount: Decimal | str | None,
           certificate_no: str | None = None) -> None:
    """变更登记: a changed contract is re-registered with its new amounts."""
    with ctx.write() as s:
        deal = lookup.deal(s, deal_no)
        _require_registered(s, deal, reason)
        value = _money(contract_amount, "registration_contract_amount")
        tech = _money(tech_amount, "registration_tech_amount")
        number = (certificate_no or deal.registration_no or "").strip()
        problems = certificate_problems(deal, number, on, value, tech)
        problems += step_problems([("registration_date", deal.registration_date,
                                    "registration_date", on)], deal_no)
        if problems:
            raise ValidationFailed(problems)
        deal.registration_no = number
        deal.registration_contract_amount, deal.registration_tech_amount = value, tech
        s.add(RegistrationEvent(deal_id=deal.id, kind=K.CHANGED, event_date=on,
                                certificate_no=number, contract_amount=value, tech_amount=tech,
                                note=reason.strip()))


@requires(Act.CASE_WORK)
def deregister(ctx: AppContext, deal_no: str, on: date, reason: str) -> None:
    """注销登记: an ended contract's registration is withdrawn."""
    with ctx.write() as s:
        deal = lookup.deal(s, deal_no)
        _require_registered(s, deal, reason)
        problems = step_problems([("registration_date", deal.registration_date,
                                   "registration_date", on)], deal_no)
        if problems:
            raise ValidationFailed(problems)
        s.add(RegistrationEvent(deal_id=deal.id, kind=K.DEREGISTERED, event_date=on,
                                certificate_no=deal.registration_no, note=reason.strip()))


def _require_registered(s: Session, deal: Deal, reason: str) -> None:
    if not deal.registration_no:
        raise RuleViolation("R14", "合同尚未认定登记", "the contract is not registered",
                            "registration_no")
    if _last_kind(s, deal) == K.DEREGISTERED:
        raise RuleViolation("R14", "该合同的登记已注销", "this contract's registration was "
                            "withdrawn", "registration_no")
    if not reason.strip():
        raise RuleViolation("INPUT", "须填写变更或注销的理由", "a reason is required", "reason")


# ---- licence conflicts on one IP asset ------------------------------------------------------

def stored_spans(s: Session, asset_ids: list[int] | None
                 ) -> dict[int, list[licences.LicenceSpan]]:
    """The licences on these assets (None: on every asset) whose period started (signed or
    later, or terminated with a date), by asset id."""
    stmt = (select(deal_ip_asset.c.ip_asset_id, Deal.deal_no, Deal.mode, Deal.signing_date,
                   Deal.term_end, Deal.terminated_on, Deal.status)
            .join(Deal, Deal.id == deal_ip_asset.c.deal_id)
            .where(Deal.mode.in_(sorted(LICENSE_MODES)), Deal.signing_date.is_not(None)))
    if asset_ids is not None:
        stmt = stmt.where(deal_ip_asset.c.ip_asset_id.in_(asset_ids))
    rows = s.execute(stmt).all()
    out: dict[int, list[licences.LicenceSpan]] = {}
    for asset_id, deal_no, mode, signing, term_end, terminated_on, status in rows:
        if status == DealStatus.TERMINATED and terminated_on is None:
            continue  # ended on an unknown day: nothing to compare
        span = licences.span(deal_no, mode, signing, term_end, terminated_on)
        if span is not None:
            out.setdefault(asset_id, []).append(span)
    return out


def licence_problems(s: Session, deal: Deal, start: date) -> list[Problem]:
    """A licence about to start on `start`: its open-licence terms and every conflict with
    the licences already on its IP assets."""
    if deal.mode not in LICENSE_MODES:
        return []
    out: list[Problem] = []
    if deal.mode == DealMode.LICENSE_OPEN:
        out += licences.open_licence_problems(deal.deal_no, start, deal.term_end,
                                              deal.payment_terms, deal.price, policy.current(s))
    new = licences.span(deal.deal_no, deal.mode, start, deal.term_end, deal.terminated_on)
    assets = {a.id: a.application_no for a in deal.ip_assets}
    if new is None or not assets:
        return out
    for asset_id, spans in stored_spans(s, list(assets)).items():
        out += licences.conflict_problems(new, spans, assets[asset_id])
    return out


def asset_numbers(s: Session, ids: list[int]) -> dict[int, str]:
    """Application numbers by asset id, read in slices (bound-parameter limits)."""
    out: dict[int, str] = {}
    for i in range(0, len(ids), 5000):
        out.update(s.execute(select(IPAsset.id, IPAsset.application_no)
                             .where(IPAsset.id.in_(ids[i:i + 5000]))).all())
    return out
