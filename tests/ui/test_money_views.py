"""The read views behind the money screens (`ttdesk.core.views.money`), on SQLite and
PostgreSQL: the overview by year and mode nets reversals and splits distributed from
pending money; the distribution list carries the deal's first case."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from builders import make_company
from core.money.conftest import signed_licence

from ttdesk.codes import CostCategory, DealMode, DistributionStatus
from ttdesk.core.base.context import AppContext
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import receipts
from ttdesk.core.views import money as money_views
from ttdesk.core.views.deal_detail import deal_detail


def test_overview_list_team_and_header(any_ctx: AppContext) -> None:
    ctx = any_ctx
    ctx.today = lambda: date(2026, 11, 20)
    lic = signed_licence(ctx)
    no = lic.deal.deal_no
    first = receipts.add_receipt(ctx, receipts.ReceiptIn(no, date(2026, 4, 1), "1000000",
                                                         "upfront"))
    wrong = receipts.add_receipt(ctx, receipts.ReceiptIn(no, date(2026, 5, 1), "200000",
                                                         "milestone"))
    receipts.reverse_receipt(ctx, wrong, date(2026, 5, 2), "typo")
    receipts.add_receipt(ctx, receipts.ReceiptIn(no, date(2026, 6, 1), "30000", "royalty"))
    cost = receipts.add_cost(ctx, receipts.CostIn(date(2026, 3, 5), "50000", "legal",
                                                  deal_no=no))
    receipts.add_cost(ctx, receipts.CostIn(date(2026, 3, 6), "9000", "patent_fees",
                                           deal_no=no))
    receipts.reverse_cost(ctx, cost, date(2026, 3, 7), "wrong deal")
    did = dist.save(ctx, dist.DistributionIn(no, receipt_ids=[first]))

    (bucket,) = money_views.income_overview(ctx)
    assert (bucket.year, bucket.mode) == (2026, DealMode.LICENSE_EXCLUSIVE)
    assert bucket.received == Decimal("1030000.00")
    assert bucket.deductible_costs == Decimal("9000.00")
    assert bucket.net == Decimal("1021000.00")
    assert bucket.distributed == Decimal("1000000.00")
    assert bucket.pending == Decimal("30000.00")

    (row,) = money_views.distribution_list(ctx)
    assert (row.id, row.deal_no, row.status) == (did, no, DistributionStatus.DRAFT)
    assert row.case_no == deal_detail(ctx, no).achievements[0].case_no
    assert money_views.distribution_list(ctx, DistributionStatus.PAID) == []

    assert [m.staff_no for m in money_views.deal_team(ctx, no)] == [
        p.staff_no for p in lic.people]
    assert money_views.deductible_by_category(ctx, no) == [
        (CostCategory.PATENT_FEES, Decimal("9000.00"))]  # the legal fee was reversed
    company = make_company(ctx, registered_capital=Decimal("5000000"))
    header = money_views.company_header(ctx, company.id)
    assert (header.credit_code, header.registered_capital) == (company.credit_code,
                                                               Decimal("5000000.00"))
