"""Read-only views for the money screens: the income overview by year and deal mode, every
distribution with its deal, and a company's header by id (the equity services take the
credit code). No rule lives here; totals follow the same conventions as `receipts`
(a reversing entry counts negative, a receipt is distributed once it is in a distribution).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from ttdesk.codes import CostCategory, DealMode, DistributionStatus, LeaderLevel
from ttdesk.core.base import lookup
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound
from ttdesk.core.money import distribution, income
from ttdesk.db.models import Company, Deal, Distribution
from ttdesk.db.models.achievements import Achievement, deal_achievement

ZERO = Decimal("0.00")


@dataclass
class IncomeBucket:
    """One (year, mode) line of the income overview; `pending` = receipts that still count
    and are in no distribution yet."""

    year: int
    mode: DealMode
    received: Decimal = ZERO
    deductible_costs: Decimal = ZERO
    distributed: Decimal = ZERO
    pending: Decimal = ZERO

    @property
    def net(self) -> Decimal:
        return self.received - self.deductible_costs


@dataclass(frozen=True)
class DistributionListRow:
    id: int
    deal_no: str
    deal_title: str
    case_no: str | None
    mode: DealMode
    status: DistributionStatus
    is_equity: bool
    net_income: Decimal
    team_amount: Decimal
    approval_date: date | None
    payment_date: date | None


@dataclass(frozen=True)
class CompanyHeader:
    id: int
    name: str
    credit_code: str
    registered_capital: Decimal | None
    registration_date: date | None
    legal_representative: str | None
    is_spinoff: bool
    park: str | None


def income_overview(ctx: AppContext) -> list[IncomeBucket]:
    """Receipts, deductible costs, distributed and pending money per year and deal mode,
    newest year first. Received and deductible costs are `money.income`'s sums."""
    buckets: dict[tuple[int, DealMode], IncomeBucket] = {}

    def bucket(key: tuple[int, DealMode]) -> IncomeBucket:
        if key not in buckets:
            buckets[key] = IncomeBucket(*key)
        return buckets[key]

    with ctx.read() as s:
        for key, total in income.received_by(s, income.YEAR, income.MODE).items():
            bucket(key).received = total
        for key, total in income.costs_by(s, income.YEAR, income.MODE, deductible=True).items():
            bucket(key).deductible_costs = total
        for key, state in income.distribution_state_by_year_mode(s).items():
            bucket(key).distributed = state.distributed
            bucket(key).pending = state.waiting
    return sorted(buckets.values(), key=lambda b: (-b.year, list(DealMode).index(b.mode)))


def distribution_list(ctx: AppContext, status: DistributionStatus | None = None
                      ) -> list[DistributionListRow]:
    """Every distribution (or those of one status), newest first, with its deal and the
    deal's first case number (to open it)."""
    stmt = (select(Distribution.id, Deal.deal_no, Deal.title, Deal.id, Deal.mode,
                   Distribution.status, Distribution.is_equity, Distribution.net_income,
                   Distribution.team_amount, Distribution.approval_date,
                   Distribution.payment_date)
            .join(Deal, Deal.id == Distribution.deal_id)
            .order_by(Distribution.id.desc()))
    if status is not None:
        stmt = stmt.where(Distribution.status == status)
    with ctx.read() as s:
        rows = s.execute(stmt).all()
        wanted = select(Distribution.deal_id)
        if status is not None:
            wanted = wanted.where(Distribution.status == status)
        cases = dict(s.execute(
            select(deal_achievement.c.deal_id, func.min(Achievement.case_no))
            .join(Achievement, Achievement.id == deal_achievement.c.achievement_id)
            .where(deal_achievement.c.deal_id.in_(wanted.distinct()))
            .group_by(deal_achievement.c.deal_id)).all())
    return [DistributionListRow(r[0], r[1], r[2], cases.get(r[3]), *r[4:]) for r in rows]


def company_header(ctx: AppContext, company_id: int) -> CompanyHeader:
    with ctx.read() as s:
        c = s.get(Company, company_id)
        if c is None:
            raise NotFound("企业 / company", company_id)
        return CompanyHeader(c.id, c.name, c.credit_code, c.registered_capital,
                             c.registration_date, c.legal_representative, c.is_spinoff, c.park)


def preview(ctx: AppContext, d: distribution.DistributionIn,
            exclude_distribution: int | None = None) -> distribution.DistributionPlan:
    """`distribution.compute`, but while revising a draft its own receipts stay choosable."""
    with ctx.read() as s:
        return distribution.plan_in_session(s, d, ctx.today(), exclude_distribution)


def deductible_by_category(ctx: AppContext, deal_no: str) -> list[tuple[CostCategory, Decimal]]:
    """The deal's deductible costs per category (reversals netted), categories with money."""
    with ctx.read() as s:
        totals = income.costs_by(s, income.CATEGORY, deductible=True,
                                 scope=income.Scope.deal(lookup.deal(s, deal_no).id))
    return [(cat, totals[cat]) for cat in CostCategory if totals.get(cat)]


@dataclass(frozen=True)
class TeamMember:
    staff_no: str
    name: str
    leader_level: LeaderLevel


def deal_team(ctx: AppContext, deal_no: str) -> list[TeamMember]:
    """The contributors of a deal's achievements (once each, in order of first mention):
    whom a distribution's per-person adjustment may name, even while its plan is refused."""
    with ctx.read() as s:
        deal = lookup.deal(s, deal_no)
        seen: dict[int, TeamMember] = {}
        for ach in deal.achievements:
            for c in ach.contributions:
                p = c.person
                seen.setdefault(p.id, TeamMember(p.staff_no, p.name, p.leader_level))
        return list(seen.values())


@dataclass(frozen=True)
class EquityDealRef:
    deal_no: str
    title: str
    price: Decimal | None
    signing_date: date | None


def equity_deals_of(ctx: AppContext, company_id: int) -> list[EquityDealRef]:
    """The equity deals (作价投资) whose counterparty is the company: what may form it."""
    with ctx.read() as s:
        rows = s.execute(select(Deal.deal_no, Deal.title, Deal.price, Deal.signing_date)
                         .where(Deal.counterparty_id == company_id,
                                Deal.mode == DealMode.EQUITY)
                         .order_by(Deal.deal_no)).all()
    return [EquityDealRef(*r) for r in rows]
