"""Royalty audit (提成核查): from a licensee's reported sales and the contract terms, what
should have been paid, and where it differs from what was received.

Expected royalty of a reported period = max(sales base × rate, minimum annual royalty × the
period's share of a year). The minimum is applied pro rata because licences settle per
period ("quarterly, not less than a quarter of the annual minimum"); a period of whole months
counts months/12, any other span days/365. Received = the receipts booked against the report
(reversals netted). Every amount is rounded half up to the fen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, RuleViolation
from ttdesk.core.base.labels import register_labels
from ttdesk.core.money import income
from ttdesk.core.money.payments import refresh_deadlines
from ttdesk.core.money.receipts import ZERO, optional_money
from ttdesk.core.office import deadlines
from ttdesk.core.rules import workdays
from ttdesk.core.rules.money import HUNDRED, parse_money, round_fen
from ttdesk.core.rules.statemachine import DEAL_TAKES_RECEIPTS
from ttdesk.db.models import Deal, RoyaltyReport


class AuditStatus(StrEnum):
    OK = "ok"
    UNPAID = "unpaid"
    UNDERPAID = "underpaid"
    OVERPAID = "overpaid"


register_labels(AuditStatus, {
    "ok": ("相符", "Matches"), "unpaid": ("未付款", "Not paid"),
    "underpaid": ("少付", "Underpaid"), "overpaid": ("多付", "Overpaid"),
})


@dataclass
class RoyaltyReportIn:
    deal_no: str
    period_start: date
    period_end: date
    sales_base: Decimal | str
    reported_on: date | None = None
    reported_royalty: Decimal | str | None = None
    note: str | None = None


@dataclass(frozen=True)
class RoyaltyLine:
    """One reported period of one deal, as audited."""

    deal_no: str
    report_id: int
    period_start: date
    period_end: date
    sales_base: Decimal
    rate: Decimal
    by_rate: Decimal
    minimum_part: Decimal
    expected: Decimal
    reported_royalty: Decimal | None
    received: Decimal
    difference: Decimal  # received − expected
    status: AuditStatus


@dataclass(frozen=True)
class RoyaltyAudit:
    lines: list[RoyaltyLine]
    expected_total: Decimal
    received_total: Decimal

    @property
    def difference_total(self) -> Decimal:
        return self.received_total - self.expected_total

    @property
    def discrepancies(self) -> list[RoyaltyLine]:
        return [x for x in self.lines if x.status != AuditStatus.OK]


def year_fraction(start: date, end: date) -> Decimal:
    """Share of a year covered by [start, end]: whole months / 12, else days / 365."""
    after = end + timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    if months > 0 and workdays.add_months(start, months) == after:
        return Decimal(months) / 12
    return Decimal((after - start).days) / 365


def expected_royalty(sales_base: Decimal, rate: Decimal, minimum_annual: Decimal | None,
                     start: date, end: date) -> tuple[Decimal, Decimal, Decimal]:
    """(by rate, minimum for the period, expected) — all rounded to the fen."""
    by_rate = round_fen(sales_base * rate / HUNDRED)
    minimum = round_fen(minimum_annual * year_fraction(start, end)) if minimum_annual else ZERO
    return by_rate, minimum, max(by_rate, minimum)


@requires(Act.MONEY)
def add_report(ctx: AppContext, r: RoyaltyReportIn) -> int:
    """Record a licensee's royalty report for one period; returns its id."""
    sales = parse_money(r.sales_base, field="sales_base")
    reported = optional_money(r.reported_royalty, "reported_royalty")
    with ctx.write() as s:
        deal = lookup.deal(s, r.deal_no)
        where = deal.deal_no
        if not deal.royalty_rate:
            raise RuleViolation("INPUT", "该合同没有约定提成费率", "this contract has no royalty "
                                "rate", "royalty_rate", where)
        if deal.status not in DEAL_TAKES_RECEIPTS:
            raise RuleViolation("R12", "合同签订后才有提成报告", "royalty reports follow the "
                                "signing", "period_start", where)
        if r.period_end < r.period_start or (deal.signing_date and
                                             r.period_start < deal.signing_date):
            raise RuleViolation("R12", "报告期间须在签约之后且起止有序", "the period must start "
                                "after signing and end after it starts", "period_end", where)
        if r.reported_on is not None and r.reported_on < r.period_end:
            raise RuleViolation("R12", "报告日期不得早于期间结束", "a report cannot precede the "
                                "end of its period", "reported_on", where)
        overlap = s.execute(select(RoyaltyReport.id).where(
            RoyaltyReport.deal_id == deal.id, RoyaltyReport.period_start <= r.period_end,
            RoyaltyReport.period_end >= r.period_start)).first()
        if overlap:
            raise RuleViolation("INPUT", "与已登记的报告期间重叠", "the period overlaps a report "
                                "already recorded", "period_start", where)
        row = RoyaltyReport(deal_id=deal.id, period_start=r.period_start,
                            period_end=r.period_end, reported_on=r.reported_on,
                            sales_base=sales, reported_royalty=reported,
                            note=(r.note or "").strip() or None)
        s.add(row)
        s.flush()
        deadlines.mark_done(s, f"deal:{deal.id}:royalty:{r.period_end.isoformat()}",
                            r.reported_on or ctx.today())
        refresh_deadlines(s, deal)
        return row.id


def _status(difference: Decimal, received: Decimal) -> AuditStatus:
    if difference == 0:
        return AuditStatus.OK
    if received == 0:
        return AuditStatus.UNPAID
    return AuditStatus.UNDERPAID if difference < 0 else AuditStatus.OVERPAID


def audit_in_session(s: Session, deal_no: str | None = None, start: date | None = None,
                     end: date | None = None) -> RoyaltyAudit:
    stmt = select(RoyaltyReport, Deal.deal_no, Deal.royalty_rate, Deal.minimum_annual_royalty)\
        .join(Deal, Deal.id == RoyaltyReport.deal_id)
    scope = income.Scope()
    if deal_no is not None:
        deal_id = lookup.deal(s, deal_no).id
        stmt = stmt.where(RoyaltyReport.deal_id == deal_id)
        scope = income.Scope.deal(deal_id)
    if start is not None:
        stmt = stmt.where(RoyaltyReport.period_end >= start)
    if end is not None:
        stmt = stmt.where(RoyaltyReport.period_start <= end)
    rows = s.execute(stmt.order_by(Deal.deal_no, RoyaltyReport.period_start)).all()
    received = income.received_by(s, income.ROYALTY_REPORT, scope=scope) if rows else {}
    lines = []
    for rep, number, rate, minimum in rows:
        by_rate, floor, expected = expected_royalty(rep.sales_base, rate or ZERO, minimum,
                                                    rep.period_start, rep.period_end)
        got = received.get(rep.id, ZERO)
        lines.append(RoyaltyLine(number, rep.id, rep.period_start, rep.period_end,
                                 rep.sales_base, rate or ZERO, by_rate, floor, expected,
                                 rep.reported_royalty, got, got - expected,
                                 _status(got - expected, got)))
    return RoyaltyAudit(lines, sum((x.expected for x in lines), ZERO),
                        sum((x.received for x in lines), ZERO))


def audit(ctx: AppContext, deal_no: str | None = None, start: date | None = None,
          end: date | None = None) -> RoyaltyAudit:
    """Audit every reported period (of one deal, or all) overlapping [start, end]."""
    with ctx.read() as s:
        return audit_in_session(s, deal_no, start, end)


def report(ctx: AppContext, report_id: int) -> RoyaltyLine:
    """One report, audited."""
    with ctx.read() as s:
        rep = s.get(RoyaltyReport, report_id)
        if rep is None:
            raise NotFound("提成报告 / royalty report", report_id)
        deal = s.get(Deal, rep.deal_id)
        assert deal is not None
        lines = audit_in_session(s, deal.deal_no, rep.period_start, rep.period_end).lines
        return next(x for x in lines if x.report_id == report_id)
