"""Reading recorded distributions: one in full (the F07 filing's data), a deal's list, its
latest; and the small lookups the distribution services share."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ttdesk.codes import EquityEventKind, GrantForm
from ttdesk.core.base import lookup
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ConflictError, NotFound
from ttdesk.core.money.distribution_types import (
    AllocationLine,
    DistributionDetail,
    DistributionPlan,
    DistributionSummary,
    PublicityInfo,
)
from ttdesk.core.money.receipts import ReceiptRow, receipt_rows
from ttdesk.core.people.leaders import LeaderApproval
from ttdesk.core.rules import policy
from ttdesk.core.rules.checks import late_payment_warnings, reward_deadline, team_share_floor
from ttdesk.db.models import (
    Allocation,
    Deal,
    Distribution,
    EquityEvent,
    OperatingProfit,
    Person,
    Publicity,
    distribution_receipt,
)


def agreed_share(deal: Deal) -> Decimal | None:
    grant = deal.rights_grant
    if grant is not None and grant.form == GrantForm.CO_OWNERSHIP and grant.team_share:
        return grant.team_share
    return None


def formed_stake(s: Session, deal: Deal) -> Decimal | None:
    return s.execute(select(EquityEvent.percentage).where(
        EquityEvent.deal_id == deal.id, EquityEvent.kind == EquityEventKind.FORMATION)
        .order_by(EquityEvent.happened_on).limit(1)).scalar()


def load_distribution(s: Session, distribution_id: int, expected_version: int | None = None
          ) -> Distribution:
    dist = s.get(Distribution, distribution_id)
    if dist is None:
        raise NotFound("收益分配 / distribution", distribution_id)
    if expected_version is not None and dist.version != expected_version:
        raise ConflictError("收益分配 / distribution", distribution_id,
                            f"(version {expected_version} → {dist.version})")
    return dist


def allocation_lines(s: Session, distribution_ids: list[int]) -> dict[int, list[AllocationLine]]:
    """The recorded allocations of the distributions, by distribution id, in entry order."""
    out: dict[int, list[AllocationLine]] = {}
    if not distribution_ids:
        return out
    for a, p in s.execute(select(Allocation, Person).join(Person, Person.id == Allocation.person_id)
                          .where(Allocation.distribution_id.in_(distribution_ids))
                          .order_by(Allocation.id)).all():
        out.setdefault(a.distribution_id, []).append(AllocationLine(
            p.staff_no, p.name, a.contribution_pct, a.amount, a.taxable_amount, a.equity_pct,
            a.adjustment_reason, p.leader_level, a.id, a.person_id,
            None if a.leader_approval_date is None else LeaderApproval(
                a.leader_approval_date, a.leader_approval_body or "",
                a.leader_approval_doc or "")))
    return out


def receipt_ids_of(s: Session, distribution_id: int) -> list[int]:
    return list(s.execute(select(distribution_receipt.c.receipt_id).where(
        distribution_receipt.c.distribution_id == distribution_id)
        .order_by(distribution_receipt.c.receipt_id)).scalars())


def distribution_receipts(s: Session, dist: Distribution) -> list[ReceiptRow]:
    deal = s.get(Deal, dist.deal_id)
    assert deal is not None
    ids = set(receipt_ids_of(s, dist.id))
    return [r for r in receipt_rows(s, deal) if r.id in ids]


def latest_publicity(s: Session, distribution_id: int) -> Publicity | None:
    return s.execute(select(Publicity).where(Publicity.distribution_id == distribution_id)
                     .order_by(Publicity.start_date.desc(), Publicity.id.desc()).limit(1)
                     ).scalar()


def publicity_info(pub: Publicity | None) -> PublicityInfo | None:
    if pub is None:
        return None
    return PublicityInfo(pub.channel, pub.start_date, pub.end_date, pub.days,
                         pub.day_kind.value, pub.result.value if pub.result else None,
                         pub.closed_on, sum(1 for o in pub.objections if o.resolved_on is None))


def detail_in_session(s: Session, distribution_id: int, today: date) -> DistributionDetail:
    dist = load_distribution(s, distribution_id)
    deal = s.get(Deal, dist.deal_id)
    assert deal is not None
    pol = policy.current(s)
    lines = allocation_lines(s, [dist.id]).get(dist.id, [])
    receipts = distribution_receipts(s, dist)
    floor = team_share_floor(pol, dist.is_equity, agreed_share(deal),
                             on_profit=dist.profit_year is not None)
    source = None if dist.profit_year is None else s.execute(
        select(OperatingProfit.source_document).where(
            OperatingProfit.deal_id == deal.id, OperatingProfit.year == dist.profit_year)
    ).scalar()
    paid = dist.payment_date or today
    warnings = [] if dist.is_equity else late_payment_warnings(
        [r.received_on for r in receipts], paid, pol, deal.deal_no)
    plan = DistributionPlan(
        deal.deal_no, deal.title, deal.mode, dist.is_equity, receipts, dist.gross_income,
        dist.deductible_costs, dist.net_income, floor, dist.team_share_pct, dist.team_amount,
        dist.department_amount, dist.tto_amount, dist.university_amount, lines,
        formed_stake(s, deal) if dist.is_equity else None, warnings,
        dist.policy_number or 0, dist.profit_year, source)
    due = min((reward_deadline(r.received_on, pol) for r in receipts), default=None)
    return DistributionDetail(dist.id, dist.status, dist.version, plan, dist.approval_date,
                              dist.approval_body, dist.payment_date, due,
                              publicity_info(latest_publicity(s, dist.id)), dist.note,
                              dist.created_at)


def distribution_detail(ctx: AppContext, distribution_id: int) -> DistributionDetail:
    """Everything about one recorded distribution (the F07 filing's data)."""
    with ctx.read() as s:
        return detail_in_session(s, distribution_id, ctx.today())


def distributions_of(ctx: AppContext, deal_no: str) -> list[DistributionSummary]:
    """A deal's distributions, oldest first."""
    with ctx.read() as s:
        deal = lookup.deal(s, deal_no)
        counts = dict(s.execute(
            select(distribution_receipt.c.distribution_id, func.count())
            .join(Distribution, Distribution.id == distribution_receipt.c.distribution_id)
            .where(Distribution.deal_id == deal.id)
            .group_by(distribution_receipt.c.distribution_id)).all())
        rows = s.execute(select(Distribution).where(Distribution.deal_id == deal.id)
                         .order_by(Distribution.id)).scalars()
        return [DistributionSummary(d.id, deal_no, d.status, d.is_equity, d.net_income,
                                    d.team_amount, counts.get(d.id, 0), d.approval_date,
                                    d.payment_date) for d in rows]


def latest_distribution_id(ctx: AppContext, deal_no: str) -> int | None:
    """The newest distribution of a deal (F07's default subject)."""
    with ctx.read() as s:
        deal = lookup.deal(s, deal_no)
        return s.execute(select(func.max(Distribution.id))
                         .where(Distribution.deal_id == deal.id)).scalar()
