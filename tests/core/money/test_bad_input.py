"""Bad input is refused with its rule and a message in both languages, and nothing is
written: negative or malformed amounts, shares over 100%, a team share under the floor,
allocations that do not add up, equity to a unit head, an exit larger than the holding."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from builders import make_achievement, make_company, make_deal, make_person

from core.exchange.dbcompare import signatures
from core.money.conftest import Licence, signed_licence
from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.companies import equity
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import payments, receipts, royalty


def _refused(ctx: AppContext, rule: str, action: Callable[[], object]) -> None:
    """The action is refused by `rule`, with Chinese and English text, writing nothing."""
    before = signatures(ctx)
    with pytest.raises(ValidationFailed) as exc:
        action()
    problem = exc.value.problems[0]
    assert problem.rule == rule, exc.value.problems
    assert problem.zh and problem.en and problem.zh != problem.en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in problem.zh)
    assert signatures(ctx) == before


@pytest.mark.parametrize("amount", ["-100", "12.345", "1,23", "abc", "", "NaN", Decimal("-1"),
                                    "0", 1.5])
def test_bad_receipt_amounts(ctx: AppContext, amount: object) -> None:
    ctx.today = lambda: date(2026, 11, 20)
    lic = signed_licence(ctx)
    _refused(ctx, "R11", lambda: receipts.add_receipt(ctx, receipts.ReceiptIn(
        lic.deal.deal_no, date(2026, 4, 1), amount)))  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", ["-5", "1.001", "¥-3"])
def test_bad_cost_milestone_and_report_amounts(ctx: AppContext, amount: str) -> None:
    ctx.today = lambda: date(2026, 11, 20)
    no = signed_licence(ctx).deal.deal_no
    _refused(ctx, "R11", lambda: receipts.add_cost(ctx, receipts.CostIn(
        date(2026, 3, 1), amount, "legal", deal_no=no)))
    _refused(ctx, "R11", lambda: payments.add_milestone(ctx, no, payments.MilestoneIn(
        "中试", amount)))
    _refused(ctx, "R11", lambda: royalty.add_report(ctx, royalty.RoyaltyReportIn(
        no, date(2026, 3, 1), date(2026, 5, 31), amount)))


def test_receipt_before_signing_or_in_future(any_ctx: AppContext, lic: Licence) -> None:
    no = lic.deal.deal_no
    _refused(any_ctx, "R12", lambda: receipts.add_receipt(any_ctx, receipts.ReceiptIn(
        no, date(2026, 2, 1), "100")))
    _refused(any_ctx, "R12", lambda: receipts.add_receipt(any_ctx, receipts.ReceiptIn(
        no, date(2026, 12, 1), "100")))


def test_shares_over_hundred_percent(any_ctx: AppContext, lic: Licence) -> None:
    receipts.add_receipt(any_ctx, receipts.ReceiptIn(lic.deal.deal_no, date(2026, 4, 1), "1000"))
    _refused(any_ctx, "R11", lambda: dist.save(any_ctx, dist.DistributionIn(
        lic.deal.deal_no, team_share_pct="90", department_pct="8", tto_pct="5")))
    _refused(any_ctx, "R11", lambda: dist.save(any_ctx, dist.DistributionIn(
        lic.deal.deal_no, team_share_pct="100.5")))


def test_team_share_under_the_floor(any_ctx: AppContext, lic: Licence) -> None:
    receipts.add_receipt(any_ctx, receipts.ReceiptIn(lic.deal.deal_no, date(2026, 4, 1), "1000"))
    _refused(any_ctx, "R10", lambda: dist.save(any_ctx, dist.DistributionIn(
        lic.deal.deal_no, team_share_pct="69.9999")))


def test_allocations_that_do_not_add_up(any_ctx: AppContext, lic: Licence) -> None:
    receipts.add_receipt(any_ctx, receipts.ReceiptIn(lic.deal.deal_no, date(2026, 4, 1),
                                                     "10000"))
    staff = [p.staff_no for p in lic.people]
    everyone = [dist.AllocationAdjust(no, "2000", "按实际工作量") for no in staff]
    _refused(any_ctx, "R10", lambda: dist.save(any_ctx, dist.DistributionIn(
        lic.deal.deal_no, adjustments=everyone)))  # 6,000 of 7,000
    _refused(any_ctx, "R10", lambda: dist.save(any_ctx, dist.DistributionIn(
        lic.deal.deal_no, adjustments=[dist.AllocationAdjust(staff[0], "7000.01", "全部")])))
    _refused(any_ctx, "R10", lambda: dist.save(any_ctx, dist.DistributionIn(
        lic.deal.deal_no, adjustments=[dist.AllocationAdjust(staff[0], "100", " ")])))


def test_equity_reward_to_a_unit_head(any_ctx: AppContext) -> None:
    any_ctx.today = lambda: date(2026, 11, 20)
    head = make_person(any_ctx, leader_level=E.LeaderLevel.PRINCIPAL)
    other = make_person(any_ctx)
    case = make_achievement(any_ctx, contributors=[(head, "40"), (other, "60")])
    lic = Licence(make_deal(any_ctx, [case], mode=E.DealMode.EQUITY,
                            price=Decimal("5000000.00"), status=E.DealStatus.SIGNED,
                            signing_date=date(2026, 3, 1)), [head, other])
    _refused(any_ctx, "R10", lambda: dist.save(any_ctx, dist.DistributionIn(
        lic.deal.deal_no, is_equity=True)))
    # the unit head's part set to 0 (with a reason) goes to the others: accepted
    plan = dist.compute(any_ctx, dist.DistributionIn(lic.deal.deal_no, is_equity=True,
                                                     adjustments=[dist.AllocationAdjust(
                                                         head.staff_no, "0", "单位正职不持股")]))
    assert {a.staff_no: a.amount for a in plan.allocations}[head.staff_no] == 0
    company = make_company(any_ctx, registration_date=date(2025, 1, 1))
    _refused(any_ctx, "R10", lambda: equity.form_company(
        any_ctx, lic.deal.deal_no, company.credit_code, date(2026, 4, 1), [
            equity.HolderIn("institution_amc", "资产公司", "100"),
            equity.HolderIn("team_member", head.name, "100", staff_no=head.staff_no)]))


def test_exit_larger_than_the_holding(any_ctx: AppContext) -> None:
    any_ctx.today = lambda: date(2026, 11, 20)
    lic = signed_licence(any_ctx, mode=E.DealMode.EQUITY)
    company = make_company(any_ctx, registration_date=date(2025, 1, 1))
    equity.form_company(any_ctx, lic.deal.deal_no, company.credit_code, date(2026, 4, 1), [
        equity.HolderIn("institution_amc", "资产公司", "300000"),
        equity.HolderIn("investor", "天使投资", "700000")])
    amc = equity.cap_table(any_ctx, company.credit_code).holdings[0]
    _refused(any_ctx, "R11", lambda: equity.exit_holding(
        any_ctx, company.credit_code, date(2026, 6, 1), amc.shareholding_id, "300000.01",
        "500000"))
    _refused(any_ctx, "R11", lambda: equity.exit_holding(
        any_ctx, company.credit_code, date(2026, 6, 1), amc.shareholding_id, "-1", "5"))
    _refused(any_ctx, "R11", lambda: equity.capital_increase(
        any_ctx, company.credit_code, date(2026, 6, 1), [equity.HolderIn(
            "investor", "B轮", "100", paid_in_capital="200")]))
