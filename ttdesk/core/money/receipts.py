"""Receipts (收款) and costs (费用) of a deal, and its net income for a period.

Money once booked is never deleted: a wrong receipt or cost is undone by a *reversing* entry
(`reverses_id`) that carries the same amount, so the ledger keeps both and every total can be
traced. A receipt may still be edited while nothing depends on it (it is in no distribution
and not reversed). Whether a cost is deductible from net income follows the policy's
`deductible_cost_categories` at the time it is booked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import CostCategory, DealMode, ReceiptKind
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, RuleViolation
from ttdesk.core.cases.achievements import enum_value
from ttdesk.core.money import income
from ttdesk.core.office import deadlines
from ttdesk.core.rules import policy
from ttdesk.core.rules.money import parse_money
from ttdesk.core.rules.statemachine import DEAL_TAKES_RECEIPTS
from ttdesk.db.models import (
    Achievement,
    Cost,
    Deal,
    PaymentMilestone,
    Receipt,
    RoyaltyReport,
    distribution_receipt,
)

ZERO = Decimal("0.00")
EQUITY_KINDS = frozenset({ReceiptKind.EQUITY_PROCEEDS, ReceiptKind.DIVIDEND})


# ---- DTOs ------------------------------------------------------------------------------------

@dataclass
class ReceiptIn:
    """A receipt as typed by an officer; amounts as text or Decimal (never float)."""

    deal_no: str
    received_on: date
    amount: Decimal | str
    kind: str = "upfront"
    invoice_no: str | None = None
    sales_base: Decimal | str | None = None
    milestone_id: int | None = None
    royalty_report_id: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class ReceiptRow:
    id: int
    deal_no: str
    received_on: date
    amount: Decimal
    kind: ReceiptKind
    invoice_no: str | None
    sales_base: Decimal | None
    milestone_id: int | None
    royalty_report_id: int | None
    reverses_id: int | None
    reversed_by: int | None
    distribution_id: int | None
    note: str | None

    @property
    def is_reversal(self) -> bool:
        return self.reverses_id is not None

    @property
    def effective(self) -> bool:
        """An original receipt that still counts (not reversed)."""
        return self.reverses_id is None and self.reversed_by is None


@dataclass
class CostIn:
    incurred_on: date
    amount: Decimal | str
    category: str
    deal_no: str | None = None
    case_no: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class CostRow:
    id: int
    deal_no: str | None
    case_no: str | None
    incurred_on: date
    amount: Decimal
    category: CostCategory
    deductible: bool
    reverses_id: int | None
    reversed_by: int | None
    note: str | None


NetIncome = income.DealIncome  # the one DTO of a deal's money over a period


# ---- shared checks ---------------------------------------------------------------------------

def positive_money(value: Any, name: str, rule: str = "R11") -> Decimal:
    """A required amount > 0 (R11: non-negative, two places; a zero entry means nothing)."""
    if value is None or value == "":
        raise RuleViolation(rule, "金额不能为空", "the amount is required", field=name)
    amount = parse_money(value, field=name)
    if amount <= 0:
        raise RuleViolation(rule, "金额须大于 0", "the amount must be greater than 0", field=name)
    return amount


def optional_money(value: Any, name: str) -> Decimal | None:
    return None if value is None or value == "" else parse_money(value, field=name)


def _in_distribution(s: Session, receipt_id: int) -> int | None:
    return s.execute(select(distribution_receipt.c.distribution_id).where(
        distribution_receipt.c.receipt_id == receipt_id)).scalar()


def _reversal_of(s: Session, model: Any, row_id: int) -> int | None:
    return s.execute(select(model.id).where(model.reverses_id == row_id)).scalar()


def _receipt_problems(s: Session, deal: Deal, r: ReceiptIn, today: date) -> None:
    where = deal.deal_no
    if deal.status not in DEAL_TAKES_RECEIPTS:
        raise RuleViolation("R12", "合同签订后方可登记收款", "receipts are booked only once the "
                            "contract is signed", "received_on", where)
    if deal.signing_date is None or r.received_on < deal.signing_date:
        raise RuleViolation("R12", f"收款日期 {r.received_on} 不得早于签约日期 {deal.signing_date}",
                            f"the receipt date {r.received_on} cannot precede the signing "
                            f"date {deal.signing_date}", "received_on", where)
    if r.received_on > today:
        raise RuleViolation("R12", "收款日期不能晚于今天", "the receipt date cannot be in the "
                            "future", "received_on", where)


def _receipt_fields(s: Session, deal: Deal, r: ReceiptIn, today: date) -> dict[str, Any]:
    kind = enum_value(ReceiptKind, r.kind, "kind")
    amount = positive_money(r.amount, "amount")
    _receipt_problems(s, deal, r, today)
    if kind in EQUITY_KINDS and deal.mode != DealMode.EQUITY:
        raise RuleViolation("INPUT", "股权退出收益和分红只能记在作价投资项目上",
                            "equity proceeds and dividends belong to an equity deal", "kind",
                            deal.deal_no)
    if r.milestone_id is not None:
        ms = s.get(PaymentMilestone, r.milestone_id)
        if ms is None or ms.deal_id != deal.id:
            raise RuleViolation("INPUT", "付款节点不属于该合同", "the milestone is not one of "
                                "this deal's", "milestone_id", deal.deal_no)
    if r.royalty_report_id is not None:
        rep = s.get(RoyaltyReport, r.royalty_report_id)
        if rep is None or rep.deal_id != deal.id:
            raise RuleViolation("INPUT", "提成报告不属于该合同", "the royalty report is not one "
                                "of this deal's", "royalty_report_id", deal.deal_no)
    return {"deal_id": deal.id, "received_on": r.received_on, "amount": amount, "kind": kind,
            "invoice_no": (r.invoice_no or "").strip() or None,
            "sales_base": optional_money(r.sales_base, "sales_base"),
            "milestone_id": r.milestone_id, "royalty_report_id": r.royalty_report_id,
            "note": (r.note or "").strip() or None}


def book_receipt(s: Session, deal: Deal, r: ReceiptIn, today: date) -> Receipt:
    """Add a receipt inside an open unit of work (also used by equity exits and dividends)."""
    row = Receipt(**_receipt_fields(s, deal, r, today))
    s.add(row)
    s.flush()
    if row.milestone_id is not None:
        _settle_milestone(s, row.milestone_id, row.received_on)
    return row


def received_by_milestone(s: Session, deal_id: int) -> dict[int, Decimal]:
    """Money received against each milestone of a deal (reversals netted)."""
    found = income.received_by(s, income.MILESTONE, scope=income.Scope.deal(deal_id))
    return {mid: total for mid, total in found.items() if mid is not None}


def _settle_milestone(s: Session, milestone_id: int, on: date) -> None:
    """Close the milestone's deadline once the receipts against it cover its amount."""
    row = s.get(PaymentMilestone, milestone_id)
    if row is not None and received_by_milestone(s, row.deal_id).get(row.id, ZERO) >= row.amount:
        deadlines.mark_done(s, f"milestone:{row.id}:due", on)


# ---- receipts --------------------------------------------------------------------------------

@requires(Act.MONEY)
def add_receipt(ctx: AppContext, r: ReceiptIn) -> int:
    """Book a receipt (R11 amount > 0, R12 not before signing nor in the future); its id."""
    with ctx.write() as s:
        return book_receipt(s, lookup.deal(s, r.deal_no), r, ctx.today()).id


def _editable_receipt(s: Session, receipt_id: int) -> Receipt:
    row = s.get(Receipt, receipt_id)
    if row is None:
        raise NotFound("收款 / receipt", receipt_id)
    if row.reverses_id is not None:
        raise RuleViolation("R11", "冲销记录不能修改", "a reversing entry cannot be changed",
                            "receipt", str(receipt_id))
    if _reversal_of(s, Receipt, receipt_id) is not None:
        raise RuleViolation("R11", "该收款已被冲销", "this receipt has been reversed", "receipt",
                            str(receipt_id))
    dist = _in_distribution(s, receipt_id)
    if dist is not None:
        raise RuleViolation("R10", f"该收款已列入收益分配 #{dist}，不能修改或冲销",
                            f"this receipt is in distribution #{dist}: it cannot be changed or "
                            "reversed", "receipt", str(receipt_id))
    return row


@requires(Act.MONEY)
def update_receipt(ctx: AppContext, receipt_id: int, r: ReceiptIn) -> None:
    """Correct a receipt that nothing depends on yet (no distribution, not reversed)."""
    with ctx.write() as s:
        row = _editable_receipt(s, receipt_id)
        deal = lookup.deal(s, r.deal_no)
        if deal.id != row.deal_id:
            raise RuleViolation("INPUT", "收款不能改到另一个合同，请冲销后重新登记",
                                "a receipt cannot move to another deal: reverse it and book "
                                "it again", "deal_no", r.deal_no)
        for key, value in _receipt_fields(s, deal, r, ctx.today()).items():
            setattr(row, key, value)
        s.flush()
        if row.milestone_id is not None:
            _settle_milestone(s, row.milestone_id, row.received_on)


@requires(Act.MONEY)
def reverse_receipt(ctx: AppContext, receipt_id: int, on: date, reason: str) -> int:
    """Undo a receipt with a reversing entry of the same amount; returns the new entry's id."""
    if not (reason or "").strip():
        raise RuleViolation("R11", "冲销须写明原因", "a reversal needs its reason", "reason")
    with ctx.write() as s:
        row = _editable_receipt(s, receipt_id)
        if on < row.received_on or on > ctx.today():
            raise RuleViolation("R12", "冲销日期须在原收款日期与今天之间", "the reversal date must "
                                "lie between the receipt's date and today", "on",
                                str(receipt_id))
        rev = Receipt(deal_id=row.deal_id, received_on=on, amount=row.amount, kind=row.kind,
                      invoice_no=row.invoice_no, sales_base=row.sales_base,
                      milestone_id=row.milestone_id, royalty_report_id=row.royalty_report_id,
                      reverses_id=row.id, note=reason.strip())
        s.add(rev)
        s.flush()
        return rev.id


def receipt_rows(s: Session, deal: Deal) -> list[ReceiptRow]:
    rows = list(s.execute(select(Receipt).where(Receipt.deal_id == deal.id)
                          .order_by(Receipt.received_on, Receipt.id)).scalars())
    reversed_by = {r.reverses_id: r.id for r in rows if r.reverses_id is not None}
    links = dict(s.execute(select(distribution_receipt.c.receipt_id,
                                  distribution_receipt.c.distribution_id)
                           .where(distribution_receipt.c.receipt_id.in_([r.id for r in rows]))
                           ).all()) if rows else {}
    return [ReceiptRow(r.id, deal.deal_no, r.received_on, r.amount, r.kind, r.invoice_no,
                       r.sales_base, r.milestone_id, r.royalty_report_id, r.reverses_id,
                       reversed_by.get(r.id), links.get(r.id), r.note) for r in rows]


def receipts_of(ctx: AppContext, deal_no: str) -> list[ReceiptRow]:
    """Every receipt of a deal, reversals included, oldest first."""
    with ctx.read() as s:
        return receipt_rows(s, lookup.deal(s, deal_no))


def undistributed_receipts(ctx: AppContext, deal_no: str) -> list[ReceiptRow]:
    """Receipts that still count and are in no distribution: what a new one may cover."""
    return [r for r in receipts_of(ctx, deal_no) if r.effective and r.distribution_id is None]


# ---- costs -----------------------------------------------------------------------------------

def _cost_fields(s: Session, c: CostIn) -> dict[str, Any]:
    category = enum_value(CostCategory, c.category, "category")
    amount = positive_money(c.amount, "amount")
    if not c.deal_no and not c.case_no:
        raise RuleViolation("INPUT", "费用须记在合同或成果上", "a cost belongs to a deal or a "
                            "case", "deal_no")
    deal = lookup.deal(s, c.deal_no) if c.deal_no else None
    case = lookup.achievement(s, c.case_no) if c.case_no else None
    deductible = category.value in set(policy.current(s).values["deductible_cost_categories"])
    return {"deal_id": deal.id if deal else None, "achievement_id": case.id if case else None,
            "incurred_on": c.incurred_on, "amount": amount, "category": category,
            "deductible": deductible, "note": (c.note or "").strip() or None}


@requires(Act.MONEY)
def add_cost(ctx: AppContext, c: CostIn) -> int:
    """Book a cost; the policy's categories decide whether it is deductible."""
    if c.incurred_on > ctx.today():
        raise RuleViolation("R12", "费用日期不能晚于今天", "the cost date cannot be in the "
                            "future", "incurred_on")
    with ctx.write() as s:
        row = Cost(**_cost_fields(s, c))
        s.add(row)
        s.flush()
        return row.id


def _editable_cost(s: Session, cost_id: int) -> Cost:
    row = s.get(Cost, cost_id)
    if row is None:
        raise NotFound("费用 / cost", cost_id)
    if row.reverses_id is not None or _reversal_of(s, Cost, cost_id) is not None:
        raise RuleViolation("R11", "已冲销的费用或冲销记录不能修改", "a reversed cost or a "
                            "reversing entry cannot be changed", "cost", str(cost_id))
    return row


@requires(Act.MONEY)
def update_cost(ctx: AppContext, cost_id: int, c: CostIn) -> None:
    with ctx.write() as s:
        row = _editable_cost(s, cost_id)
        for key, value in _cost_fields(s, c).items():
            setattr(row, key, value)


@requires(Act.MONEY)
def reverse_cost(ctx: AppContext, cost_id: int, on: date, reason: str) -> int:
    """Undo a cost with a reversing entry; returns the new entry's id."""
    if not (reason or "").strip():
        raise RuleViolation("R11", "冲销须写明原因", "a reversal needs its reason", "reason")
    with ctx.write() as s:
        row = _editable_cost(s, cost_id)
        rev = Cost(deal_id=row.deal_id, achievement_id=row.achievement_id, incurred_on=on,
                   amount=row.amount, category=row.category, deductible=row.deductible,
                   reverses_id=row.id, note=reason.strip())
        s.add(rev)
        s.flush()
        return rev.id


def cost_rows_where(s: Session, where: Any) -> list[CostRow]:
    """Cost rows matching `where` (e.g. `Cost.deal_id == 7`), oldest first, with the deal and
    case numbers they are booked on and the entry that reverses each."""
    rows = s.execute(select(Cost, Deal.deal_no, Achievement.case_no)
                     .outerjoin(Deal, Deal.id == Cost.deal_id)
                     .outerjoin(Achievement, Achievement.id == Cost.achievement_id)
                     .where(where).order_by(Cost.incurred_on, Cost.id)).all()
    ids = [c.id for c, *_ in rows]
    reversed_by = dict(s.execute(select(Cost.reverses_id, Cost.id).where(
        Cost.reverses_id.in_(ids))).all()) if ids else {}
    return [CostRow(c.id, deal_no, case_no, c.incurred_on, c.amount, c.category, c.deductible,
                    c.reverses_id, reversed_by.get(c.id), c.note) for c, deal_no, case_no in rows]


def cost_rows(s: Session, deal: Deal) -> list[CostRow]:
    return cost_rows_where(s, Cost.deal_id == deal.id)


def costs_of(ctx: AppContext, deal_no: str) -> list[CostRow]:
    with ctx.read() as s:
        return cost_rows(s, lookup.deal(s, deal_no))


def deductible_cost_total(s: Session, deal_id: int, until: date | None = None) -> Decimal:
    """Deductible costs of a deal (reversals netted), optionally only those up to `until`."""
    return max(income.costs(s, income.Scope.deal(deal_id, end=until), deductible=True), ZERO)


def net_income(ctx: AppContext, deal_no: str, start: date | None = None,
               end: date | None = None) -> NetIncome:
    """Received less deductible costs for a deal over [start, end] (dates inclusive)."""
    with ctx.read() as s:
        return income.deal_income(s, lookup.deal(s, deal_no), start, end)
