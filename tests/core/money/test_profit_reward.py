"""Self / joint implementation (domain.md §6, R10): the reward is a share (≥ 5%) of the year's
operating profit, entered with its source, for 5 years after production starts, each year
with its deadline — never a share of receipts; F07's base is the profit; `check` finds a self
deal rewarded on receipts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from builders import make_achievement, make_deal, make_distribution, make_person, make_receipt
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from core.exchange.dbcompare import signatures
from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation, ValidationFailed
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import profit
from ttdesk.core.money.distribution import split_net, split_team
from ttdesk.core.records.money_check import profit_based
from ttdesk.core.rules import policy
from ttdesk.core.rules.money import round_fen
from ttdesk.db import models as M


def _self_deal(ctx: AppContext, mode: E.DealMode = E.DealMode.SELF
               ) -> tuple[M.Deal, list[M.Person]]:
    ctx.today = lambda: date(2026, 11, 20)
    people = [make_person(ctx), make_person(ctx)]
    case = make_achievement(ctx, contributors=[(people[0], "60"), (people[1], "40")])
    deal = make_deal(ctx, [case], mode=mode, title="固态电解质中试线自行实施",
                     pricing_method=None, price=None, status=E.DealStatus.PERFORMING,
                     approval_date=date(2025, 1, 15), approval_body="校长办公会")
    return deal, people


def _refused(ctx: AppContext, action, field: str) -> str:  # type: ignore[no-untyped-def]
    before = signatures(ctx)
    with pytest.raises(ValidationFailed) as exc:
        action()
    p = exc.value.problems[0]
    assert (p.rule, p.field) == ("R10", field), exc.value.problems
    assert signatures(ctx) == before
    return p.zh


def _deadlines(ctx: AppContext, deal: M.Deal) -> dict[str, tuple[date, bool]]:
    with ctx.read() as s:
        return {k: (d, done) for k, d, done in s.execute(
            select(M.Deadline.rule_key, M.Deadline.due_date, M.Deadline.done)
            .where(M.Deadline.kind == E.DeadlineKind.SELF_REWARD,
                   M.Deadline.subject_id == deal.id))}


def test_five_percent_of_two_million_is_the_team_amount(any_ctx: AppContext) -> None:
    deal, people = _self_deal(any_ctx)
    profit.set_production_start(any_ctx, deal.deal_no, date(2025, 3, 1))
    # one deadline a year for five years, each by 30 June of the year after
    assert _deadlines(any_ctx, deal) == {
        f"deal:{deal.id}:self_reward:{y}": (date(y + 1, 6, 30), False)
        for y in range(2025, 2030)}
    zh = _refused(any_ctx, lambda: dist.save(any_ctx, dist.DistributionIn(deal.deal_no)),
                  "profit_year")
    assert "营业利润" in zh and "不按收款" in zh
    _refused(any_ctx, lambda: dist.save(any_ctx, dist.DistributionIn(
        deal.deal_no, profit_year=2025)), "profit_year")  # no profit entered yet
    profit.record_operating_profit(any_ctx, deal.deal_no, 2025, "2000000", "2025 年度审计报告")
    plan = dist.compute(any_ctx, dist.DistributionIn(deal.deal_no, profit_year=2025))
    assert (plan.gross_income, plan.deductible_costs, plan.net_income) == (
        Decimal("2000000.00"), Decimal("0.00"), Decimal("2000000.00"))
    assert (plan.team_share_floor, plan.team_share_pct) == (Decimal(5), Decimal(5))
    assert plan.team_amount == Decimal("100000.00")
    assert (plan.department_amount, plan.tto_amount, plan.university_amount) == (
        Decimal(0), Decimal(0), Decimal("1900000.00"))
    assert [(a.staff_no, a.amount, a.taxable_amount) for a in plan.allocations] == [
        (people[0].staff_no, Decimal("60000.00"), Decimal("30000.00")),
        (people[1].staff_no, Decimal("40000.00"), Decimal("20000.00"))]
    assert (plan.profit_year, plan.profit_source) == (2025, "2025 年度审计报告")
    assert plan.receipts == []
    _refused(any_ctx, lambda: dist.save(any_ctx, dist.DistributionIn(
        deal.deal_no, profit_year=2025, team_share_pct="4.99")), "team_share_pct")
    did = dist.save(any_ctx, dist.DistributionIn(deal.deal_no, profit_year=2025))
    detail = dist.distribution_detail(any_ctx, did)
    assert (detail.plan.profit_year, detail.plan.team_amount) == (2025, Decimal("100000.00"))
    # once distributed, the year is neither distributed again nor changed
    _refused(any_ctx, lambda: dist.save(any_ctx, dist.DistributionIn(
        deal.deal_no, profit_year=2025)), "profit_year")
    _refused(any_ctx, lambda: profit.record_operating_profit(
        any_ctx, deal.deal_no, 2025, "2500000", "更正"), "year")
    dist.approve(any_ctx, did, date(2026, 4, 1), "校长办公会")
    dist.start_publicity(any_ctx, did, date(2026, 4, 7), "学校信息公开网")
    dist.record_payment(any_ctx, did, date(2026, 5, 8))
    assert _deadlines(any_ctx, deal)[f"deal:{deal.id}:self_reward:2025"] == (
        date(2026, 6, 30), True)
    assert _deadlines(any_ctx, deal)[f"deal:{deal.id}:self_reward:2026"] == (
        date(2027, 6, 30), False)
    with any_ctx.read() as s:
        assert profit_based(s, policy.current(s)) == []


def test_years_outside_the_schedule_and_receipts_are_refused(any_ctx: AppContext) -> None:
    deal, _people = _self_deal(any_ctx, E.DealMode.JOINT)
    _refused(any_ctx, lambda: profit.record_operating_profit(
        any_ctx, deal.deal_no, 2026, "1000", "审计报告"), "production_start_date")
    profit.set_production_start(any_ctx, deal.deal_no, date(2026, 3, 1))
    zh = _refused(any_ctx, lambda: profit.record_operating_profit(
        any_ctx, deal.deal_no, 2031, "1000", "审计报告"), "year")
    assert "2026–2030" in zh
    _refused(any_ctx, lambda: profit.record_operating_profit(
        any_ctx, deal.deal_no, 2027, "1000", "  "), "source_document")
    profit.record_operating_profit(any_ctx, deal.deal_no, 2026, "1000", "审计报告")
    rid = make_receipt(any_ctx, deal, received_on=date(2026, 6, 1)).id
    _refused(any_ctx, lambda: dist.save(any_ctx, dist.DistributionIn(
        deal.deal_no, receipt_ids=[rid], profit_year=2026)), "receipts")
    rows = profit.profit_rows(any_ctx, deal.deal_no)
    assert [(r.year, r.amount, r.due) for r in rows][:2] == [
        (2026, Decimal("1000.00"), date(2027, 6, 30)), (2027, None, date(2028, 6, 30))]
    assert len(rows) == 5


def test_a_licence_has_no_profit_schedule(ctx: AppContext) -> None:
    ctx.today = lambda: date(2027, 5, 20)
    deal = make_deal(ctx, [], mode=E.DealMode.LICENSE_EXCLUSIVE)
    with pytest.raises(RuleViolation) as exc:
        profit.set_production_start(ctx, deal.deal_no, date(2026, 3, 1))
    assert exc.value.problems[0].field == "mode"


def test_check_finds_a_self_deal_rewarded_on_receipts(ctx: AppContext) -> None:
    deal, people = _self_deal(ctx)
    r = make_receipt(ctx, deal, received_on=date(2026, 6, 1), amount=Decimal("100000.00"))
    make_distribution(ctx, deal, [r], [(people[0], "100", "70000.00")])
    with ctx.read() as s:
        found = profit_based(s, policy.current(s))
    assert [(p.rule, p.where, p.field) for p in found] == [("R10", deal.deal_no,
                                                            "profit_year")]


@given(profit_fen=st.integers(min_value=0, max_value=10**13),
       extra=st.integers(min_value=0, max_value=950_000),
       weights=st.lists(st.integers(min_value=1, max_value=1_000_000), min_size=1,
                        max_size=8))
@settings(max_examples=300)
def test_profit_share_is_exact_to_the_fen(profit_fen: int, extra: int,
                                           weights: list[int]) -> None:
    """Any operating profit, any team share ≥ 5%: the team amount is the share rounded half up
    to the fen, the university keeps the rest, the members' parts add up exactly."""
    base = Decimal(profit_fen).scaleb(-2)
    pct = Decimal(5) + Decimal(extra).scaleb(-4)
    team, dept, tto, uni = split_net(base, pct, Decimal(0), Decimal(0))
    assert team == round_fen(base * pct / 100) >= round_fen(base * 5 / 100)
    assert (dept, tto) == (0, 0) and team + uni == base and uni >= 0
    parts = split_team(team, [Decimal(w) for w in weights], [])
    assert sum(parts) == team and min(parts) >= 0
