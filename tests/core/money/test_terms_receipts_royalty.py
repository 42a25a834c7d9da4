"""Payment terms with milestones and their deadlines; receipts and costs with edit and
reversal; net income per period; the royalty audit with the minimum annual royalty."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from core.money.conftest import Licence
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.money import payments, receipts, royalty
from ttdesk.db import models as M


def _deadline(ctx: AppContext, key: str) -> M.Deadline | None:
    with ctx.read() as s:
        return s.execute(select(M.Deadline).where(M.Deadline.rule_key == key)).scalar()


def test_terms_milestones_and_their_deadlines(any_ctx: AppContext, lic: Licence) -> None:
    no = lic.deal.deal_no
    payments.set_terms(any_ctx, no, payments.PaymentTermsIn(
        upfront_amount="200000", royalty_rate="3", royalty_base="被许可产品净销售额",
        minimum_annual_royalty="40000", royalty_period_months=3, deferred_payment=True,
        deferred_trigger="首次销售", deferred_review_date=date(2027, 3, 1)))
    mid = payments.add_milestone(any_ctx, no, payments.MilestoneIn(
        "中试完成", "300000", due_date=date(2026, 12, 31), trigger="中试报告通过验收"))
    due = _deadline(any_ctx, f"milestone:{mid}:due")
    assert due is not None and due.due_date == date(2026, 12, 31) and not due.done
    assert _deadline(any_ctx, f"deal:{lic.deal.id}:deferred") is not None
    royalty_due = _deadline(any_ctx, f"deal:{lic.deal.id}:royalty:2026-05-31")
    assert royalty_due is not None and royalty_due.due_date == date(2026, 6, 30)
    with pytest.raises(RuleViolation) as exc:  # upfront + milestones above the price
        payments.add_milestone(any_ctx, no, payments.MilestoneIn("注册证", "500000.01"))
    assert exc.value.rule == "R11"
    receipts.add_receipt(any_ctx, receipts.ReceiptIn(no, date(2026, 11, 2), "300000",
                                                     "milestone", milestone_id=mid))
    terms = payments.payment_terms(any_ctx, no)
    assert [(m.title, m.status, m.received) for m in terms.milestones] == [
        ("中试完成", "paid", Decimal("300000.00"))]
    assert terms.scheduled_total == Decimal("500000.00")
    assert terms.received_total == Decimal("300000.00")
    assert _deadline(any_ctx, f"milestone:{mid}:due").done  # type: ignore[union-attr]
    with pytest.raises(RuleViolation):
        payments.remove_milestone(any_ctx, mid)


def test_receipt_edit_and_reversal_never_delete(any_ctx: AppContext, lic: Licence) -> None:
    no = lic.deal.deal_no
    rid = receipts.add_receipt(any_ctx, receipts.ReceiptIn(no, date(2026, 4, 1), "120000"))
    receipts.update_receipt(any_ctx, rid, receipts.ReceiptIn(no, date(2026, 4, 2), "125000",
                                                             invoice_no="JH002"))
    rev = receipts.reverse_receipt(any_ctx, rid, date(2026, 4, 10), "重复入账")
    rows = receipts.receipts_of(any_ctx, no)
    assert [(r.id, r.amount, r.reverses_id, r.reversed_by) for r in rows] == [
        (rid, Decimal("125000.00"), None, rev), (rev, Decimal("125000.00"), rid, None)]
    assert receipts.undistributed_receipts(any_ctx, no) == []
    with pytest.raises(RuleViolation):
        receipts.reverse_receipt(any_ctx, rid, date(2026, 4, 11), "再次冲销")
    with pytest.raises(RuleViolation):
        receipts.update_receipt(any_ctx, rid, receipts.ReceiptIn(no, date(2026, 4, 2), "1"))
    assert receipts.net_income(any_ctx, no).received == 0


def test_costs_follow_policy_and_net_income_by_period(any_ctx: AppContext, lic: Licence) -> None:
    no = lic.deal.deal_no
    receipts.add_receipt(any_ctx, receipts.ReceiptIn(no, date(2026, 4, 1), "100000"))
    receipts.add_receipt(any_ctx, receipts.ReceiptIn(no, date(2026, 8, 1), "50000"))
    fee = receipts.add_cost(any_ctx, receipts.CostIn(date(2026, 3, 10), "6000", "patent_fees",
                                                     deal_no=no))
    receipts.add_cost(any_ctx, receipts.CostIn(date(2026, 3, 11), "900", "other", deal_no=no))
    rows = receipts.costs_of(any_ctx, no)
    assert [(c.category, c.deductible) for c in rows] == [("patent_fees", True),
                                                         ("other", False)]
    first_half = receipts.net_income(any_ctx, no, date(2026, 1, 1), date(2026, 6, 30))
    assert (first_half.gross, first_half.deductible_costs, first_half.other_costs,
            first_half.net) == (Decimal("100000.00"), Decimal("6000.00"), Decimal("900.00"),
                                Decimal("94000.00"))
    receipts.reverse_cost(any_ctx, fee, date(2026, 9, 1), "发票作废")
    assert receipts.net_income(any_ctx, no).net == Decimal("150000.00")
    receipts.update_cost(any_ctx, rows[1].id, receipts.CostIn(date(2026, 3, 11), "800",
                                                             "legal", deal_no=no))
    assert receipts.net_income(any_ctx, no).deductible_costs == Decimal("800.00")


def test_royalty_audit_with_minimum(any_ctx: AppContext, lic: Licence) -> None:
    no = lic.deal.deal_no  # 3%, minimum ¥40,000 a year, quarterly
    payments.set_terms(any_ctx, no, payments.PaymentTermsIn(
        royalty_rate="3", minimum_annual_royalty="40000", royalty_period_months=3))
    q1 = royalty.add_report(any_ctx, royalty.RoyaltyReportIn(
        no, date(2026, 3, 1), date(2026, 5, 31), "1000000", reported_on=date(2026, 6, 10),
        reported_royalty="30000"))
    q2 = royalty.add_report(any_ctx, royalty.RoyaltyReportIn(
        no, date(2026, 6, 1), date(2026, 8, 31), "200000", reported_on=date(2026, 9, 5)))
    q3 = royalty.add_report(any_ctx, royalty.RoyaltyReportIn(
        no, date(2026, 9, 1), date(2026, 10, 15), "0"))
    receipts.add_receipt(any_ctx, receipts.ReceiptIn(no, date(2026, 6, 20), "30000", "royalty",
                                                     royalty_report_id=q1))
    receipts.add_receipt(any_ctx, receipts.ReceiptIn(no, date(2026, 9, 20), "6000", "royalty",
                                                     sales_base="200000",
                                                     royalty_report_id=q2))
    result = royalty.audit(any_ctx, no)
    assert [(x.by_rate, x.minimum_part, x.expected, x.received, x.status)
            for x in result.lines] == [
        (Decimal("30000.00"), Decimal("10000.00"), Decimal("30000.00"), Decimal("30000.00"),
         "ok"),
        (Decimal("6000.00"), Decimal("10000.00"), Decimal("10000.00"), Decimal("6000.00"),
         "underpaid"),
        (Decimal("0.00"), Decimal("4931.51"), Decimal("4931.51"), Decimal("0.00"), "unpaid")]
    assert [x.report_id for x in result.discrepancies] == [q2, q3]
    assert result.difference_total == Decimal("-8931.51")
    assert royalty.report(any_ctx, q1).status == "ok"
    assert _deadline(any_ctx, f"deal:{lic.deal.id}:royalty:2026-05-31").done  # type: ignore
    following = _deadline(any_ctx, f"deal:{lic.deal.id}:royalty:2027-01-15")
    assert following is not None and not following.done
    with pytest.raises(RuleViolation):  # overlapping period
        royalty.add_report(any_ctx, royalty.RoyaltyReportIn(no, date(2026, 5, 1),
                                                            date(2026, 5, 31), "1"))


def test_year_fraction() -> None:
    assert royalty.year_fraction(date(2026, 1, 1), date(2026, 3, 31)) == Decimal(3) / 12
    assert royalty.year_fraction(date(2026, 1, 31), date(2027, 1, 30)) == 1
    assert royalty.year_fraction(date(2026, 1, 1), date(2026, 1, 10)) == Decimal(10) / 365
