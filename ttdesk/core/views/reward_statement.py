"""A person's reward statement (issue 18 §3): every distribution they took part in over a
period, line by line from the recorded distribution (income, deductible costs, net income,
team share, their contribution and any hand adjustment, amount, taxable part, publicity,
payment), each line traceable to the archived F07 by its serial.

Only the person's own allocation is read: nobody else's name, share or amount, and none of
anyone's personal data, appears on a statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ttdesk.codes import DistributionStatus, PublicitySubject
from ttdesk.core.base import lookup
from ttdesk.core.base.context import AppContext
from ttdesk.db.models import Allocation, Deal, Distribution, Filing, Person, Publicity

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class StatementLine:
    distribution_id: int
    deal_no: str
    deal_title: str
    is_equity: bool
    received: Decimal
    deductible_costs: Decimal
    net_income: Decimal
    team_share_pct: Decimal
    team_amount: Decimal
    contribution_pct: Decimal
    adjustment_reason: str | None
    amount: Decimal
    taxable_amount: Decimal
    equity_pct: Decimal | None
    approval_date: date | None
    publicity_start: date | None
    publicity_end: date | None
    payment_date: date | None
    f07_serial: str | None


@dataclass(frozen=True)
class RewardStatement:
    staff_no: str
    name: str
    department: str
    start: date | None
    end: date | None
    lines: tuple[StatementLine, ...]

    @property
    def total_amount(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), ZERO)

    @property
    def total_taxable(self) -> Decimal:
        return sum((ln.taxable_amount for ln in self.lines), ZERO)


def _day(d: Distribution) -> date | None:
    """The day a distribution counts in a period: paid, else approved."""
    return d.payment_date or d.approval_date


def _f07_serial(s: Session, deal_no: str, distribution_id: int) -> str | None:
    return s.execute(
        select(Filing.serial_no).where(Filing.kind == "F07",
                                       Filing.subject == f"{deal_no}#{distribution_id}",
                                       Filing.superseded.is_(False))
        .order_by(Filing.version.desc()).limit(1)).scalar()


def _publicity(s: Session, distribution_id: int) -> tuple[date | None, date | None]:
    pub = s.execute(
        select(Publicity).where(Publicity.distribution_id == distribution_id,
                                Publicity.subject == PublicitySubject.DISTRIBUTION)
        .order_by(Publicity.id.desc()).limit(1)).scalar()
    return (pub.start_date, pub.end_date) if pub is not None else (None, None)


def _lines(s: Session, person_id: int, start: date | None, end: date | None,
           deal_id: int | None = None) -> list[StatementLine]:
    day = func.coalesce(Distribution.payment_date, Distribution.approval_date)
    stmt = (select(Allocation, Distribution, Deal)
            .join(Distribution, Distribution.id == Allocation.distribution_id)
            .join(Deal, Deal.id == Distribution.deal_id)
            .where(Allocation.person_id == person_id,
                   Distribution.status != DistributionStatus.DRAFT)
            .order_by(day, Distribution.id))
    if start is not None:
        stmt = stmt.where(or_(day.is_(None), day >= start))
    if end is not None:
        stmt = stmt.where(day <= end)
    if deal_id is not None:
        stmt = stmt.where(Deal.id == deal_id)
    out = []
    for alloc, dist, deal in s.execute(stmt).all():
        pub_start, pub_end = _publicity(s, dist.id)
        out.append(StatementLine(
            dist.id, deal.deal_no, deal.title, dist.is_equity, dist.gross_income,
            dist.deductible_costs, dist.net_income, dist.team_share_pct, dist.team_amount,
            alloc.contribution_pct, alloc.adjustment_reason, alloc.amount,
            alloc.taxable_amount, alloc.equity_pct, dist.approval_date, pub_start, pub_end,
            dist.payment_date, _f07_serial(s, deal.deal_no, dist.id)))
    return out


def _statement(s: Session, p: Person, start: date | None, end: date | None,
               deal_id: int | None = None) -> RewardStatement:
    return RewardStatement(p.staff_no, p.name, p.department.name if p.department else "",
                           start, end, tuple(_lines(s, p.id, start, end, deal_id)))


def person_statement(ctx: AppContext, staff_no: str, start: date | None = None,
                     end: date | None = None) -> RewardStatement:
    """Every distribution `staff_no` took part in whose payment (or, unpaid, approval) date
    falls in [start, end]; drafts are left out."""
    with ctx.read() as s:
        return _statement(s, lookup.person(s, staff_no), start, end)


def deal_statements(ctx: AppContext, deal_no: str) -> list[RewardStatement]:
    """One statement per person who took part in a distribution of the deal, each holding
    only that deal's lines: for handing out after a payment."""
    with ctx.read() as s:
        deal = lookup.deal(s, deal_no)
        people = s.execute(
            select(Person).join(Allocation, Allocation.person_id == Person.id)
            .join(Distribution, Distribution.id == Allocation.distribution_id)
            .where(Distribution.deal_id == deal.id,
                   Distribution.status != DistributionStatus.DRAFT)
            .distinct().order_by(Person.staff_no)).scalars().all()
        return [_statement(s, p, None, None, deal.id) for p in people]
