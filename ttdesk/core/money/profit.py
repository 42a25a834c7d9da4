"""The yearly operating profit of a self / joint implementation (实施转化) and its reward
schedule (domain.md §6, R10).

A unit that implements an achievement itself rewards the team with a share (policy
`team_share_min_self_profit`, ≥ 5%) of each year's *operating profit*, for `self_reward_years`
(5) years after production starts — never with a share of receipts. Each year's profit is
entered with the document it comes from (e.g. the audited accounts); each year of the
schedule has a deadline (`self_reward_due`, a month-day of the following year) that the
payment of that year's distribution marks done. The distribution itself is computed by
`money.distribution` on this base.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import IMPLEMENTATION_MODES, DeadlineKind
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.office import deadlines
from ttdesk.core.rules import policy
from ttdesk.core.rules.money import parse_money
from ttdesk.core.rules.policy import Policy, month_day
from ttdesk.db.models import Deal, Distribution, OperatingProfit

__all__ = ["ProfitRow", "profit_rows", "record_operating_profit", "reward_due",
           "reward_years", "set_production_start"]


@dataclass(frozen=True)
class ProfitRow:
    """One year of the schedule: its profit as entered (None: not yet) and its deadline."""

    year: int
    amount: Decimal | None
    source_document: str | None
    note: str | None
    due: date
    distribution_id: int | None


def _implementation(s: Session, deal_no: str) -> Deal:
    deal = lookup.deal(s, deal_no)
    if deal.mode not in IMPLEMENTATION_MODES:
        raise RuleViolation("R10", "只有自行实施或合作实施的项目按营业利润计奖",
                            "only a self or joint implementation is rewarded on operating "
                            "profit", "mode", deal_no)
    return deal


def reward_years(deal: Deal, pol: Policy) -> range:
    """The years of the reward schedule: from the year production started, `self_reward_years`
    of them (empty before production starts)."""
    start = deal.production_start_date
    if start is None:
        return range(0)
    return range(start.year, start.year + pol.self_reward_years)


def reward_due(year: int, pol: Policy) -> date:
    """The deadline of a year's reward: the policy's month-day of the following year."""
    due = month_day(pol.values["self_reward_due"], year + 1)
    assert due is not None  # validated with the policy
    return due


def _schedule_deadlines(s: Session, deal: Deal, pol: Policy) -> None:
    for year in reward_years(deal, pol):
        deadlines.upsert(s, f"deal:{deal.id}:self_reward:{year}", reward_due(year, pol),
                         DeadlineKind.SELF_REWARD,
                         f"{year} 年度实施转化奖励（营业利润 × "
                         f"{pol.team_share_min_self_profit}% 起）：{deal.deal_no}", "deal",
                         deal.id, deal.deal_no)


@requires(Act.MONEY)
def set_production_start(ctx: AppContext, deal_no: str, on: date) -> None:
    """Record when production started (投产); raises the yearly reward deadlines."""
    with ctx.write() as s:
        deal = _implementation(s, deal_no)
        if on > ctx.today():
            raise RuleViolation("R12", "投产日期不能晚于今天", "the production start cannot be "
                                "in the future", "production_start_date", deal_no)
        if deal.approval_date is not None and on < deal.approval_date:
            raise RuleViolation("R12", f"投产日期（{on}）不得早于实施决定日期"
                                f"（{deal.approval_date}）",
                                f"production ({on}) cannot start before the decision "
                                f"({deal.approval_date})", "production_start_date", deal_no)
        deal.production_start_date = on
        _schedule_deadlines(s, deal, policy.current(s))


@requires(Act.MONEY)
def record_operating_profit(ctx: AppContext, deal_no: str, year: int,
                            amount: Decimal | str, source_document: str,
                            note: str | None = None) -> None:
    """Enter (or correct, while no distribution uses it) one year's operating profit with its
    source document. A year outside the reward schedule is refused."""
    with ctx.write() as s:
        deal = _implementation(s, deal_no)
        pol = policy.current(s)
        years = reward_years(deal, pol)
        if not years:
            raise RuleViolation("R10", "须先记录投产日期", "record when production started first",
                                "production_start_date", deal_no)
        if year not in years:
            raise RuleViolation("R10", f"{year} 年不在奖励期内（{years[0]}–{years[-1]} 年）",
                                f"{year} is outside the reward years ({years[0]}–{years[-1]})",
                                "year", deal_no)
        if not (source_document or "").strip():
            raise RuleViolation("R10", "须注明营业利润的来源文件（如年度审计报告）",
                                "the source document of the operating profit is required "
                                "(e.g. the audited accounts)", "source_document", deal_no)
        value = parse_money(amount, "amount")
        used = s.execute(select(Distribution.id).where(
            Distribution.deal_id == deal.id, Distribution.profit_year == year)).first()
        if used is not None:
            raise RuleViolation("R10", f"{year} 年度营业利润已用于收益分配 #{used[0]}，不能修改",
                                f"the {year} operating profit is used by distribution "
                                f"#{used[0]}: it cannot change", "year", deal_no)
        row = s.execute(select(OperatingProfit).where(
            OperatingProfit.deal_id == deal.id, OperatingProfit.year == year)
        ).scalar_one_or_none()
        if row is None:
            row = OperatingProfit(deal_id=deal.id, year=year)
            s.add(row)
        row.amount, row.source_document = value, source_document.strip()[:200]
        row.note = (note or "").strip() or None
        _schedule_deadlines(s, deal, pol)


def operating_profit(s: Session, deal: Deal, year: int) -> OperatingProfit | None:
    return s.execute(select(OperatingProfit).where(
        OperatingProfit.deal_id == deal.id, OperatingProfit.year == year)).scalar_one_or_none()


def profit_base(s: Session, deal: Deal, year: int | None, pol: Policy,
                exclude_distribution: int | None = None) -> OperatingProfit:
    """R10 for a self / joint deal: the base of a distribution is the operating profit of one
    year of the schedule, entered with its source, distributed once."""
    where = deal.deal_no
    if year is None:
        raise RuleViolation("R10", "自行实施或合作实施的奖励以年度营业利润为基数，不按收款计算；"
                            "须选择营业利润年度",
                            "a self or joint implementation is rewarded on a year's operating "
                            "profit, not on receipts: choose the year", "profit_year", where)
    years = reward_years(deal, pol)
    if year not in years:
        span_zh = f"（{years[0]}–{years[-1]} 年）" if years else "（未记录投产日期）"
        span_en = f"({years[0]}–{years[-1]})" if years else "(no production start recorded)"
        raise RuleViolation("R10", f"{year} 年不在投产后的奖励期内{span_zh}",
                            f"{year} is not one of the reward years after production {span_en}",
                            "profit_year", where)
    row = operating_profit(s, deal, year)
    if row is None:
        raise RuleViolation("R10", f"须先录入 {year} 年度营业利润及其来源文件",
                            f"enter the {year} operating profit and its source first",
                            "profit_year", where)
    done = select(Distribution.id).where(Distribution.deal_id == deal.id,
                                         Distribution.profit_year == year)
    if exclude_distribution is not None:
        done = done.where(Distribution.id != exclude_distribution)
    found = s.execute(done).first()
    if found is not None:
        raise RuleViolation("R10", f"{year} 年度营业利润已在收益分配 #{found[0]} 中分配",
                            f"the {year} operating profit is already distributed "
                            f"(#{found[0]})", "profit_year", where)
    return row


def profit_rows(ctx: AppContext, deal_no: str) -> list[ProfitRow]:
    """The reward schedule of a self / joint deal, year by year (empty before production)."""
    with ctx.read() as s:
        deal = lookup.deal(s, deal_no)
        pol = policy.current(s)
        rows = {r.year: r for r in s.execute(select(OperatingProfit).where(
            OperatingProfit.deal_id == deal.id)).scalars()}
        used = dict(s.execute(select(Distribution.profit_year, Distribution.id).where(
            Distribution.deal_id == deal.id, Distribution.profit_year.is_not(None))).all())
        years = sorted(set(reward_years(deal, pol)) | set(rows))
        return [ProfitRow(y, rows[y].amount if y in rows else None,
                          rows[y].source_document if y in rows else None,
                          rows[y].note if y in rows else None, reward_due(y, pol), used.get(y))
                for y in years]

