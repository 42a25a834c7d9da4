"""R10 distribution: the worked example to the fen, receipts in one distribution only, the
status machine with publicity before payment, and the late-payment warning."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from builders import make_person
from sqlalchemy import func, select

from core.money.conftest import Licence
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation, TransitionRefused
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import receipts
from ttdesk.core.office import holiday_calendar
from ttdesk.db import models as M


def _book(ctx: AppContext, lic: Licence, amount: str = "1000000.00",
          on: date = date(2026, 4, 1)) -> int:
    return receipts.add_receipt(ctx, receipts.ReceiptIn(lic.deal.deal_no, on, amount,
                                                        "upfront", invoice_no="JH001"))


def test_worked_example_to_the_fen(any_ctx: AppContext, lic: Licence) -> None:
    rid = _book(any_ctx, lic)
    receipts.add_cost(any_ctx, receipts.CostIn(date(2026, 3, 5), "50000.00", "legal",
                                               deal_no=lic.deal.deal_no))
    receipts.add_cost(any_ctx, receipts.CostIn(date(2026, 3, 6), "8000", "other",
                                               deal_no=lic.deal.deal_no))  # not deductible
    plan = dist.compute(any_ctx, dist.DistributionIn(lic.deal.deal_no))
    assert plan.receipt_ids == [rid]
    assert (plan.gross_income, plan.deductible_costs, plan.net_income) == (
        Decimal("1000000.00"), Decimal("50000.00"), Decimal("950000.00"))
    assert plan.team_share_floor == Decimal(70) and plan.team_share_pct == Decimal(70)
    assert plan.team_amount == Decimal("665000.00")
    assert [a.amount for a in plan.allocations] == [
        Decimal("332500.00"), Decimal("199500.00"), Decimal("133000.00")]
    assert [a.taxable_amount for a in plan.allocations] == [
        Decimal("166250.00"), Decimal("99750.00"), Decimal("66500.00")]
    assert [a.contribution_pct for a in plan.allocations] == [50, 30, 20]
    assert plan.department_amount == Decimal("95000.00")
    assert plan.tto_amount == Decimal("47500.00")
    assert plan.university_amount == Decimal("142500.00")
    assert plan.warnings == []


def test_save_then_approve_publicise_and_pay(any_ctx: AppContext, lic: Licence) -> None:
    rid = _book(any_ctx, lic)
    did = dist.save(any_ctx, dist.DistributionIn(lic.deal.deal_no, team_share_pct="75"))
    detail = dist.distribution_detail(any_ctx, did)
    assert detail.status == "draft" and detail.plan.team_amount == Decimal("750000.00")
    assert sum(a.amount for a in detail.plan.allocations) == Decimal("750000.00")
    assert detail.payment_due == date(2029, 4, 1)
    with pytest.raises(TransitionRefused):
        dist.record_payment(any_ctx, did, date(2026, 6, 1))
    dist.approve(any_ctx, did, date(2026, 5, 1), "技术转移中心")
    end = dist.start_publicity(any_ctx, did, date(2026, 5, 10), "学校信息公开网")
    assert end == date(2026, 5, 29)  # 15 working days (the reward publicity, domain.md §6)
    with pytest.raises(RuleViolation) as exc:
        dist.record_payment(any_ctx, did, end)
    assert exc.value.rule == "R10"
    assert dist.record_payment(any_ctx, did, date(2026, 6, 1)) == []
    detail = dist.distribution_detail(any_ctx, did)
    assert detail.status == "paid" and detail.publicity is not None
    assert detail.publicity.result == "no_objection"
    with any_ctx.read() as s:
        done = s.execute(select(M.Deadline.done).where(
            M.Deadline.rule_key == f"receipt:{rid}:reward")).scalar_one()
    assert done is True


def test_a_receipt_is_in_one_distribution_only(any_ctx: AppContext, lic: Licence) -> None:
    rid = _book(any_ctx, lic)
    dist.save(any_ctx, dist.DistributionIn(lic.deal.deal_no, receipt_ids=[rid]))
    with pytest.raises(RuleViolation) as exc:
        dist.save(any_ctx, dist.DistributionIn(lic.deal.deal_no, receipt_ids=[rid]))
    assert exc.value.rule == "R10"
    with pytest.raises(RuleViolation):  # nothing left to distribute either
        dist.save(any_ctx, dist.DistributionIn(lic.deal.deal_no))
    with any_ctx.read() as s:
        assert s.execute(select(func.count()).select_from(M.Distribution)).scalar() == 1


def test_costs_are_deducted_once(any_ctx: AppContext, lic: Licence) -> None:
    first = _book(any_ctx, lic, "30000.00", date(2026, 4, 1))
    second = _book(any_ctx, lic, "100000.00", date(2026, 5, 1))
    receipts.add_cost(any_ctx, receipts.CostIn(date(2026, 3, 5), "50000.00", "appraisal",
                                               deal_no=lic.deal.deal_no))
    a = dist.save(any_ctx, dist.DistributionIn(lic.deal.deal_no, receipt_ids=[first]))
    b = dist.compute(any_ctx, dist.DistributionIn(lic.deal.deal_no, receipt_ids=[second]))
    assert dist.distribution_detail(any_ctx, a).plan.deductible_costs == Decimal("30000.00")
    assert b.deductible_costs == Decimal("20000.00")


def test_late_payment_is_warned_not_refused(any_ctx: AppContext, lic: Licence) -> None:
    _book(any_ctx, lic, on=date(2026, 4, 1))
    any_ctx.today = lambda: date(2029, 9, 1)
    did = dist.save(any_ctx, dist.DistributionIn(lic.deal.deal_no))
    assert dist.distribution_detail(any_ctx, did).plan.warnings[0].rule == "R10"
    dist.approve(any_ctx, did, date(2029, 5, 1), "技术转移中心")
    with any_ctx.write() as s:  # the reward publicity counts working days: 2029 entered
        holiday_calendar.set_year(s, 2029, [date(2029, 5, 1)], [])
    dist.start_publicity(any_ctx, did, date(2029, 5, 2), "公示栏")
    warnings = dist.record_payment(any_ctx, did, date(2029, 8, 1))
    assert len(warnings) == 1 and "36" in warnings[0].zh


def test_adjusted_allocation_with_reason(any_ctx: AppContext, lic: Licence) -> None:
    _book(any_ctx, lic, "100000.00")
    helper = make_person(any_ctx)
    plan = dist.compute(any_ctx, dist.DistributionIn(lic.deal.deal_no, adjustments=[
        dist.AllocationAdjust(lic.people[0].staff_no, "30000.00", "提前离开项目组"),
        dist.AllocationAdjust(helper.staff_no, "1000.00", "实验技术支持")]))
    amounts = {a.staff_no: a.amount for a in plan.allocations}
    assert amounts[lic.people[0].staff_no] == Decimal("30000.00")
    assert amounts[helper.staff_no] == Decimal("1000.00")
    assert sum(amounts.values()) == plan.team_amount == Decimal("70000.00")
    # the rest (39,000) splits 30:20 between the others
    assert amounts[lic.people[1].staff_no] == Decimal("23400.00")
    reasons = {a.staff_no: a.adjustment_reason for a in plan.allocations}
    assert reasons[helper.staff_no] == "实验技术支持" and reasons[lic.people[1].staff_no] is None


def test_revise_and_discard_a_draft(any_ctx: AppContext, lic: Licence) -> None:
    rid = _book(any_ctx, lic)
    did = dist.save(any_ctx, dist.DistributionIn(lic.deal.deal_no))
    dist.revise(any_ctx, did, dist.DistributionIn(lic.deal.deal_no, team_share_pct="80"))
    assert dist.distribution_detail(any_ctx, did).plan.team_amount == Decimal("800000.00")
    dist.discard(any_ctx, did)
    assert [r.id for r in receipts.undistributed_receipts(any_ctx, lic.deal.deal_no)] == [rid]


def test_summaries(any_ctx: AppContext, lic: Licence) -> None:
    _book(any_ctx, lic)
    did = dist.save(any_ctx, dist.DistributionIn(lic.deal.deal_no))
    rows = dist.distributions_of(any_ctx, lic.deal.deal_no)
    assert [(r.id, r.receipts, r.team_amount) for r in rows] == [(did, 1, Decimal("700000.00"))]
    assert dist.latest_distribution_id(any_ctx, lic.deal.deal_no) == did


def test_objection_to_the_reward_publicity(any_ctx: AppContext, lic: Licence) -> None:
    _book(any_ctx, lic)
    did = dist.save(any_ctx, dist.DistributionIn(lic.deal.deal_no))
    dist.approve(any_ctx, did, date(2026, 5, 1), "技术转移中心")
    dist.start_publicity(any_ctx, did, date(2026, 5, 10), "学校信息公开网")
    dist.object_to_publicity(any_ctx, did, "李明", date(2026, 5, 12), "贡献份额有误")
    with pytest.raises(RuleViolation):
        dist.record_payment(any_ctx, did, date(2026, 6, 1))
    dist.resolve_objection(any_ctx, did, "核实无误", date(2026, 5, 20), upheld=False)
    assert dist.distribution_detail(any_ctx, did).publicity.open_objections == 0  # type: ignore
    assert dist.record_payment(any_ctx, did, date(2026, 6, 1)) == []


def test_upheld_objection_blocks_payment(any_ctx: AppContext, lic: Licence) -> None:
    _book(any_ctx, lic)
    did = dist.save(any_ctx, dist.DistributionIn(lic.deal.deal_no))
    dist.approve(any_ctx, did, date(2026, 5, 1), "技术转移中心")
    dist.start_publicity(any_ctx, did, date(2026, 5, 10), "学校信息公开网")
    dist.object_to_publicity(any_ctx, did, "李明", date(2026, 5, 12), "漏列完成人")
    dist.resolve_objection(any_ctx, did, "异议成立", date(2026, 5, 20), upheld=True)
    with pytest.raises(RuleViolation) as exc:
        dist.record_payment(any_ctx, did, date(2026, 6, 1))
    assert exc.value.rule == "R10" and "upheld" in exc.value.problems[0].en
    dist.reopen(any_ctx, did)  # back to draft: revise, approve and publicise again
    detail = dist.distribution_detail(any_ctx, did)
    assert (detail.status, detail.approval_date) == ("draft", None)
    dist.revise(any_ctx, did, dist.DistributionIn(lic.deal.deal_no, team_share_pct="75"))
    dist.approve(any_ctx, did, date(2026, 6, 1), "技术转移中心")
    dist.start_publicity(any_ctx, did, date(2026, 6, 2), "学校信息公开网")
    assert dist.record_payment(any_ctx, did, date(2026, 7, 1)) == []


def test_reopen_only_after_an_upheld_objection(any_ctx: AppContext, lic: Licence) -> None:
    _book(any_ctx, lic)
    did = dist.save(any_ctx, dist.DistributionIn(lic.deal.deal_no))
    dist.approve(any_ctx, did, date(2026, 5, 1), "技术转移中心")
    dist.start_publicity(any_ctx, did, date(2026, 5, 10), "学校信息公开网")
    with pytest.raises(RuleViolation) as exc:
        dist.reopen(any_ctx, did)
    assert exc.value.rule == "R10"
    assert dist.distribution_detail(any_ctx, did).status == "in_publicity"


def test_equity_distribution_of_reward_shares(any_ctx: AppContext) -> None:
    from builders import make_company

    from core.money.conftest import signed_licence
    from ttdesk import codes as E
    from ttdesk.core.companies import equity

    any_ctx.today = lambda: date(2026, 11, 20)
    lic = signed_licence(any_ctx, mode=E.DealMode.EQUITY, price=Decimal("9000000.00"))
    company = make_company(any_ctx, registration_date=date(2026, 1, 1))
    equity.form_company(any_ctx, lic.deal.deal_no, company.credit_code, date(2026, 4, 1), [
        equity.HolderIn("institution_amc", "资产公司", "1200000"),
        equity.HolderIn("team_member", lic.people[0].name, "1400000",
                        staff_no=lic.people[0].staff_no),
        equity.HolderIn("team_member", lic.people[1].name, "840000",
                        staff_no=lic.people[1].staff_no),
        equity.HolderIn("team_member", lic.people[2].name, "560000",
                        staff_no=lic.people[2].staff_no),
        equity.HolderIn("investor", "天使投资", "6000000")])
    plan = dist.compute(any_ctx, dist.DistributionIn(lic.deal.deal_no, is_equity=True))
    assert plan.company_equity_pct == 40 and plan.team_amount == Decimal("6300000.00")
    assert (plan.department_amount, plan.tto_amount) == (0, 0)
    assert [a.equity_pct for a in plan.allocations] == [14, Decimal("8.4"), Decimal("5.6")]
    assert all(a.taxable_amount == 0 for a in plan.allocations)
    dist.save(any_ctx, dist.DistributionIn(lic.deal.deal_no, is_equity=True))
    with pytest.raises(RuleViolation):
        dist.save(any_ctx, dist.DistributionIn(lic.deal.deal_no, is_equity=True))
