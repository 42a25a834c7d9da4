"""Re-validation of the money rules over stored data (R10, R11), in the shape of the steps of
`ttdesk.core.records.check` (`(name, step(session, policy) -> problems)`), so `check` can run them.

Each step is set-based SQL over exact integers (fen, ten-thousandths of a percent), so it
stays fast on the 100k-case database.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sqlalchemy import Integer, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from ttdesk.codes import IMPLEMENTATION_MODES, DistributionStatus, HolderType, LeaderLevel
from ttdesk.core.base.errors import Problem
from ttdesk.core.money import income
from ttdesk.core.money.income import ZERO
from ttdesk.core.rules.checks import P
from ttdesk.core.rules.policy import Policy
from ttdesk.db.models import (
    Allocation,
    Deal,
    Distribution,
    EquityEvent,
    EquityPosition,
    OperatingProfit,
    PaymentMilestone,
    Person,
    Publicity,
    Receipt,
    RoyaltyReport,
    Shareholding,
    distribution_receipt,
)
from ttdesk.db.types import PCT_SCALE


def _int(column):  # type: ignore[no-untyped-def]
    return type_coerce(column, Integer)


def distributions(s: Session, pol: Policy) -> list[Problem]:
    """R10: parts add up to the net income, the allocations to the team amount, the team
    share is at least the policy floor, nothing negative."""
    alloc = select(func.coalesce(func.sum(_int(Allocation.amount)), 0)).where(
        Allocation.distribution_id == Distribution.id).scalar_subquery()
    floor_cash = int(pol.team_share_min_income * PCT_SCALE)
    floor_equity = int(pol.team_share_min_equity * PCT_SCALE)
    floor_profit = int(pol.team_share_min_self_profit * PCT_SCALE)
    d = Distribution
    on_profit = d.profit_year.is_not(None)
    parts = _int(d.team_amount) + _int(d.department_amount) + _int(d.tto_amount) \
        + _int(d.university_amount)
    rows = s.execute(select(Deal.deal_no, d.id).join(Deal, Deal.id == d.deal_id).where(or_(
        parts != _int(d.net_income),
        _int(d.net_income) != _int(d.gross_income) - _int(d.deductible_costs),
        _int(d.university_amount) < 0, _int(d.net_income) < 0,
        alloc != _int(d.team_amount),
        (d.is_equity.is_(False)) & ~on_profit & (_int(d.team_share_pct) < floor_cash),
        on_profit & (_int(d.team_share_pct) < floor_profit),
        (d.is_equity.is_(True)) & (_int(d.team_share_pct) < floor_equity)))).all()
    return [P("R10", f"收益分配 #{i} 的金额不平衡或团队比例低于下限",
              f"distribution #{i} does not add up, or its team share is below the floor",
              "distribution", n) for n, i in rows]


def receipts_once(s: Session, _pol: Policy) -> list[Problem]:
    """R10: a receipt is in one distribution at most, and never a reversed one."""
    twice = s.execute(select(distribution_receipt.c.receipt_id)
                      .group_by(distribution_receipt.c.receipt_id)
                      .having(func.count() > 1)).scalars().all()
    reversal = select(Receipt.id).where(Receipt.reverses_id.is_not(None))
    reversed_ = select(Receipt.reverses_id).where(Receipt.reverses_id.is_not(None))
    bad = s.execute(select(distribution_receipt.c.receipt_id).where(or_(
        distribution_receipt.c.receipt_id.in_(reversal),
        distribution_receipt.c.receipt_id.in_(reversed_)))).scalars().all()
    return [P("R10", f"收款 #{r} 列入了多个收益分配", f"receipt #{r} is in more than one "
              "distribution", "receipts", str(r)) for r in twice] + [
        P("R10", f"已冲销的收款 #{r} 不能分配", f"reversed receipt #{r} is in a distribution",
          "receipts", str(r)) for r in bad]


def distributed_within_income(s: Session, _pol: Policy) -> list[Problem]:
    """R10: the cash distributed on a deal is at most the income received on it (`money.income`,
    reversals subtracted): money undone by a reversal cannot stay distributed."""
    got = income.received_by(s, income.DEAL)
    rows = s.execute(select(Deal.id, Deal.deal_no, func.sum(_int(Distribution.gross_income)))
                     .join(Distribution, Distribution.deal_id == Deal.id)
                     .where(Distribution.is_equity.is_(False),
                            Distribution.profit_year.is_(None))
                     .group_by(Deal.id, Deal.deal_no)).all()
    out = []
    for deal_id, deal_no, fen in rows:
        distributed = Decimal(int(fen or 0)) / 100
        received = got.get(deal_id, ZERO)
        if distributed > received:
            out.append(P("R10", f"已分配收入 {distributed:.2f} 元超过实收 {received:.2f} 元",
                         f"{distributed:.2f} distributed exceeds the {received:.2f} received",
                         "distribution", deal_no))
    return out


def profit_based(s: Session, _pol: Policy) -> list[Problem]:
    """R10 (domain.md §6): a self / joint implementation is rewarded on a year's operating
    profit, never on receipts; the base is the profit entered for that year."""
    d = Distribution
    wrong = s.execute(select(Deal.deal_no, d.id).join(Deal, Deal.id == d.deal_id).where(
        Deal.mode.in_(sorted(IMPLEMENTATION_MODES)), d.profit_year.is_(None))).all()
    base = select(OperatingProfit.amount).where(
        OperatingProfit.deal_id == d.deal_id, OperatingProfit.year == d.profit_year
    ).scalar_subquery()
    off = s.execute(select(Deal.deal_no, d.id, d.profit_year).join(Deal, Deal.id == d.deal_id)
                    .where(d.profit_year.is_not(None), or_(
                        base.is_(None), _int(d.gross_income) != _int(base),
                        Deal.mode.not_in(sorted(IMPLEMENTATION_MODES))))).all()
    return [P("R10", f"实施转化项目的收益分配 #{i} 未以年度营业利润为基数",
              f"distribution #{i} of a self / joint implementation is not based on a year's "
              "operating profit", "profit_year", n) for n, i in wrong] + [
        P("R10", f"收益分配 #{i} 的基数与 {y} 年度营业利润记录不符",
          f"distribution #{i} does not match the {y} operating profit entered",
          "profit_year", n) for n, i, y in off]


def leader_equity(s: Session, _pol: Policy) -> list[Problem]:
    """R10 (domain.md §6): no equity to a principal leader, in an equity distribution or on a
    cap table; another leader's equity carries its approval record."""
    alloc = s.execute(select(Person.staff_no, Person.leader_level, Allocation.leader_approval_date)
                      .join(Allocation, Allocation.person_id == Person.id)
                      .join(Distribution, Distribution.id == Allocation.distribution_id)
                      .where(Person.leader_level != LeaderLevel.NONE,
                             Distribution.is_equity.is_(True),
                             _int(Allocation.amount) > 0)).all()
    held = s.execute(select(Person.staff_no, Person.leader_level,
                            Shareholding.leader_approval_date)
                     .join(Shareholding, Shareholding.person_id == Person.id)
                     .where(Person.leader_level != LeaderLevel.NONE,
                            Shareholding.holder_type == HolderType.TEAM_MEMBER,
                            _int(Shareholding.subscribed_capital) > 0)).all()
    out = []
    for staff_no, level, approved in [*alloc, *held]:
        if level == LeaderLevel.PRINCIPAL:
            out.append(P("R10", "正职领导获得了股权奖励", "a principal leader received equity",
                         "allocations", staff_no))
        elif approved is None:
            out.append(P("R10", "担任领导职务者的股权奖励缺少报批/备案记录",
                         "a leader's equity has no approval record", "leader_approval",
                         staff_no))
    return out


def paid_after_publicity(s: Session, _pol: Policy) -> list[Problem]:
    """R10: a paid distribution was publicised first (closed with no objection)."""
    ok = select(Publicity.id).where(Publicity.distribution_id == Distribution.id,
                                    Publicity.end_date < Distribution.payment_date).exists()
    rows = s.execute(select(Distribution.id).where(
        Distribution.status == DistributionStatus.PAID, ~ok)).scalars().all()
    return [P("R10", f"收益分配 #{i} 未经公示即已发放", f"distribution #{i} was paid without a "
              "publicity first", "publicity", str(i)) for i in rows]


def cap_tables_over_time(s: Session, _pol: Policy) -> list[Problem]:
    """R11: the cap table recorded after each equity event sums to at most 100%."""
    total = func.sum(_int(EquityPosition.percentage))
    rows = s.execute(select(EquityPosition.event_id, total).group_by(EquityPosition.event_id)
                     .having(total > 100 * PCT_SCALE)).all()
    return [P("R11", f"股权事件 #{e} 后股权比例合计超过 100%", f"the cap table after equity "
              f"event #{e} exceeds 100%", "equity_position", str(e)) for e, _ in rows]


def receipt_links(s: Session, _pol: Policy) -> list[Problem]:
    """A receipt paid against a milestone or a royalty report of its own deal."""
    wrong_ms = select(Receipt.id).join(PaymentMilestone, PaymentMilestone.id ==
                                       Receipt.milestone_id).where(
        PaymentMilestone.deal_id != Receipt.deal_id)
    wrong_rep = select(Receipt.id).join(RoyaltyReport, RoyaltyReport.id ==
                                        Receipt.royalty_report_id).where(
        RoyaltyReport.deal_id != Receipt.deal_id)
    wrong_ev = select(EquityEvent.receipt_id).join(Receipt, Receipt.id ==
                                                   EquityEvent.receipt_id).where(
        EquityEvent.deal_id.is_not(None), EquityEvent.deal_id != Receipt.deal_id)
    ids = set(s.execute(wrong_ms.union(wrong_rep, wrong_ev)).scalars())
    return [P("R11", f"收款 #{i} 关联的付款节点、提成报告或股权事件属于其他合同",
              f"receipt #{i} points at another deal's milestone, report or equity event",
              "receipt", str(i)) for i in sorted(ids)]


Step = Callable[[Session, Policy], list[Problem]]
MONEY_STEPS: list[tuple[str, Step]] = [
    ("R10 distributions", distributions),
    ("R10 receipts in one distribution", receipts_once),
    ("R10 distributed within income", distributed_within_income),
    ("R10 leaders and equity", leader_equity),
    ("R10 self / joint on operating profit", profit_based),
    ("R10 publicity before payment", paid_after_publicity),
    ("R11 cap tables over time", cap_tables_over_time),
    ("R11 receipt links", receipt_links),
]


def run_money_checks(s: Session, pol: Policy) -> list[Problem]:
    return [p for _, step in MONEY_STEPS for p in step(s, pol)]

