"""Payment terms of a deal: upfront fee, milestone payments, running royalties (rate, base,
minimum annual royalty, reporting period) and use-first-pay-later (先使用后付费) deferral.

The terms drive deadlines (待办): each milestone's due date, the deferral's review date and
the next licensee royalty report. Price and pricing stay with `ttdesk.core.deals.deals` (they are
fixed at approval); the payment schedule may be completed until the contract is closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ttdesk.codes import DeadlineKind
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ConflictError, NotFound, RuleViolation
from ttdesk.core.money import income
from ttdesk.core.money.receipts import ZERO, optional_money, positive_money, received_by_milestone
from ttdesk.core.office import deadlines
from ttdesk.core.rules import workdays
from ttdesk.core.rules.money import parse_percent
from ttdesk.core.rules.statemachine import DEAL_CLOSED
from ttdesk.db.models import Deal, PaymentMilestone, Receipt, RoyaltyReport

PERIODS = (1, 3, 6, 12)  # months a licensee's royalty report may cover
REPORT_GRACE_DAYS = 30   # a report is due this many days after its period ends


@dataclass
class PaymentTermsIn:
    """The money terms of a contract, as typed (amounts as text or Decimal)."""

    upfront_amount: Decimal | str | None = None
    royalty_rate: Decimal | str | None = None
    royalty_base: str | None = None
    minimum_annual_royalty: Decimal | str | None = None
    royalty_period_months: int | None = None
    deferred_payment: bool = False
    deferred_trigger: str | None = None
    deferred_review_date: date | None = None
    payment_terms: str | None = None


@dataclass
class MilestoneIn:
    title: str
    amount: Decimal | str
    due_date: date | None = None
    trigger: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    seq: int
    title: str
    amount: Decimal
    due_date: date | None
    trigger: str | None
    note: str | None
    received: Decimal
    status: str  # "open", "overdue", "partly_paid", "paid"


@dataclass(frozen=True)
class PaymentTerms:
    deal_no: str
    version: int
    price: Decimal | None
    upfront_amount: Decimal | None
    royalty_rate: Decimal | None
    royalty_base: str | None
    minimum_annual_royalty: Decimal | None
    royalty_period_months: int | None
    deferred_payment: bool
    deferred_trigger: str | None
    deferred_review_date: date | None
    payment_terms: str | None
    milestones: list[MilestoneRow]
    scheduled_total: Decimal  # upfront + milestones
    received_total: Decimal   # every receipt of the deal, reversals netted
    next_report_due: date | None


def _open_deal(s: Session, deal_no: str, expected_version: int | None = None) -> Deal:
    deal = lookup.deal(s, deal_no)
    if expected_version is not None and deal.version != expected_version:
        raise ConflictError("转化项目 / deal", deal_no, f"(version {expected_version} → "
                            f"{deal.version})")
    if deal.status in DEAL_CLOSED:
        raise RuleViolation("STATUS", "已完成或已终止的合同不能修改付款条款",
                            "a completed or terminated contract's payment terms cannot change",
                            "status", deal_no)
    return deal


def _milestone_total(s: Session, deal_id: int, without: int | None = None) -> Decimal:
    stmt = select(func.coalesce(func.sum(PaymentMilestone.amount), 0)).where(
        PaymentMilestone.deal_id == deal_id)
    if without is not None:
        stmt = stmt.where(PaymentMilestone.id != without)
    return Decimal(s.execute(stmt).scalar_one())  # SUM keeps the Money type: yuan


def _check_schedule(deal: Deal, upfront: Decimal | None, milestones: Decimal) -> None:
    """R11: fixed payments never exceed the contract price."""
    if deal.price is not None and (upfront or ZERO) + milestones > deal.price:
        raise RuleViolation("R11", f"首付款与节点付款合计超过合同价格 ¥{deal.price:,}",
                            f"upfront and milestone payments exceed the contract price "
                            f"¥{deal.price:,}", "milestones", deal.deal_no)


@requires(Act.MONEY)
def set_terms(ctx: AppContext, deal_no: str, t: PaymentTermsIn,
              expected_version: int | None = None) -> int:
    """Record the payment terms; returns the deal's new version."""
    with ctx.write() as s:
        deal = _open_deal(s, deal_no, expected_version)
        upfront = optional_money(t.upfront_amount, "upfront_amount")
        rate = None if t.royalty_rate in (None, "") else parse_percent(
            t.royalty_rate, field="royalty_rate", allow_zero=True)
        if t.royalty_period_months is not None and t.royalty_period_months not in PERIODS:
            raise RuleViolation("INPUT", "提成结算周期须为 1、3、6 或 12 个月",
                                "the royalty period must be 1, 3, 6 or 12 months",
                                "royalty_period_months", deal_no)
        if t.deferred_payment and not (t.deferred_trigger or "").strip():
            raise RuleViolation("INPUT", "先使用后付费须写明付费触发条件",
                                "deferred payment needs its trigger", "deferred_trigger",
                                deal_no)
        _check_schedule(deal, upfront, _milestone_total(s, deal.id))
        deal.upfront_amount, deal.royalty_rate = upfront, rate
        deal.royalty_base = (t.royalty_base or "").strip() or None
        deal.minimum_annual_royalty = optional_money(t.minimum_annual_royalty,
                                                     "minimum_annual_royalty")
        deal.royalty_period_months = t.royalty_period_months
        deal.deferred_payment = t.deferred_payment
        deal.deferred_trigger = (t.deferred_trigger or "").strip() or None
        deal.deferred_review_date = t.deferred_review_date if t.deferred_payment else None
        deal.payment_terms = (t.payment_terms or "").strip() or None
        s.flush()
        refresh_deadlines(s, deal)
        return deal.version


def _milestone_fields(m: MilestoneIn) -> dict[str, Any]:
    if not (m.title or "").strip():
        raise RuleViolation("INPUT", "须填写付款节点名称", "the milestone needs a title", "title")
    return {"title": m.title.strip(), "amount": positive_money(m.amount, "amount"),
            "due_date": m.due_date, "trigger": (m.trigger or "").strip() or None,
            "note": (m.note or "").strip() or None}


@requires(Act.MONEY)
def add_milestone(ctx: AppContext, deal_no: str, m: MilestoneIn) -> int:
    """Schedule a milestone payment; its due date becomes a deadline. Returns its id."""
    fields = _milestone_fields(m)
    with ctx.write() as s:
        deal = _open_deal(s, deal_no)
        _check_schedule(deal, deal.upfront_amount, _milestone_total(s, deal.id)
                        + fields["amount"])
        seq = (s.execute(select(func.max(PaymentMilestone.seq)).where(
            PaymentMilestone.deal_id == deal.id)).scalar() or 0) + 1
        row = PaymentMilestone(deal_id=deal.id, seq=seq, **fields)
        s.add(row)
        s.flush()
        _milestone_deadline(s, deal, row)
        return row.id


def _milestone(s: Session, milestone_id: int) -> tuple[PaymentMilestone, Deal]:
    row = s.get(PaymentMilestone, milestone_id)
    if row is None:
        raise NotFound("付款节点 / payment milestone", milestone_id)
    deal = s.get(Deal, row.deal_id)
    assert deal is not None
    return row, deal


@requires(Act.MONEY)
def update_milestone(ctx: AppContext, milestone_id: int, m: MilestoneIn) -> None:
    fields = _milestone_fields(m)
    with ctx.write() as s:
        row, deal = _milestone(s, milestone_id)
        _open_deal(s, deal.deal_no)
        _check_schedule(deal, deal.upfront_amount, _milestone_total(s, deal.id, milestone_id)
                        + fields["amount"])
        for key, value in fields.items():
            setattr(row, key, value)
        _milestone_deadline(s, deal, row)


@requires(Act.MONEY)
def remove_milestone(ctx: AppContext, milestone_id: int) -> None:
    """Drop a milestone nothing was received against yet."""
    with ctx.write() as s:
        row, deal = _milestone(s, milestone_id)
        _open_deal(s, deal.deal_no)
        if s.execute(select(Receipt.id).where(Receipt.milestone_id == row.id)).first():
            raise RuleViolation("R11", "该付款节点已有收款，不能删除", "money was received "
                                "against this milestone: it cannot be removed", "milestone",
                                deal.deal_no)
        deadlines.mark_done(s, f"milestone:{row.id}:due", row.due_date or date.today())
        s.delete(row)


def _milestone_deadline(s: Session, deal: Deal, row: PaymentMilestone) -> None:
    if row.due_date is not None:
        deadlines.upsert(s, f"milestone:{row.id}:due", row.due_date,
                         DeadlineKind.LICENSE_MILESTONE, f"节点付款：{row.title}（{deal.deal_no}）",
                         "deal", deal.id, deal.deal_no)


def next_report_period(s: Session, deal: Deal) -> tuple[date, date] | None:
    """The first royalty period after the last one reported (from signing), if royalties run."""
    months = deal.royalty_period_months
    if not (deal.royalty_rate and months and deal.signing_date):
        return None
    last = s.execute(select(func.max(RoyaltyReport.period_end)).where(
        RoyaltyReport.deal_id == deal.id)).scalar()
    start = last + timedelta(days=1) if last else deal.signing_date
    return start, workdays.add_months(start, months) - timedelta(days=1)


def refresh_deadlines(s: Session, deal: Deal) -> None:
    """Deferral review and next royalty report deadlines from the current terms."""
    if deal.deferred_payment and deal.deferred_review_date:
        deadlines.upsert(s, f"deal:{deal.id}:deferred", deal.deferred_review_date,
                         DeadlineKind.DEFERRED_TRIGGER,
                         f"先使用后付费触发条件复核：{deal.deal_no}", "deal", deal.id, deal.deal_no)
    period = next_report_period(s, deal)
    if period is not None and deal.status not in DEAL_CLOSED:
        deadlines.upsert(s, f"deal:{deal.id}:royalty:{period[1].isoformat()}",
                         period[1] + timedelta(days=REPORT_GRACE_DAYS),
                         DeadlineKind.ROYALTY_REPORT,
                         f"被许可方提成报告（{period[0]}～{period[1]}）：{deal.deal_no}", "deal",
                         deal.id, deal.deal_no)


def _status(row: PaymentMilestone, received: Decimal, today: date) -> str:
    if received >= row.amount:
        return "paid"
    if received > 0:
        return "partly_paid"
    return "overdue" if row.due_date is not None and row.due_date < today else "open"


def payment_terms(ctx: AppContext, deal_no: str) -> PaymentTerms:
    """The deal's payment terms with its milestones and what was received against them."""
    with ctx.read() as s:
        deal = lookup.deal(s, deal_no)
        got = received_by_milestone(s, deal.id)
        ms = list(s.execute(select(PaymentMilestone).where(PaymentMilestone.deal_id == deal.id)
                            .order_by(PaymentMilestone.seq)).scalars())
        today = ctx.today()
        rows = [MilestoneRow(m.id, m.seq, m.title, m.amount, m.due_date, m.trigger, m.note,
                             got.get(m.id, ZERO), _status(m, got.get(m.id, ZERO), today))
                for m in ms]
        received = income.received(s, income.Scope.deal(deal.id))
        period = next_report_period(s, deal)
        return PaymentTerms(
            deal.deal_no, deal.version, deal.price, deal.upfront_amount, deal.royalty_rate,
            deal.royalty_base, deal.minimum_annual_royalty, deal.royalty_period_months,
            deal.deferred_payment, deal.deferred_trigger, deal.deferred_review_date,
            deal.payment_terms, rows, (deal.upfront_amount or ZERO) + sum(
                (m.amount for m in ms), ZERO), received,
            period[1] + timedelta(days=REPORT_GRACE_DAYS) if period else None)
