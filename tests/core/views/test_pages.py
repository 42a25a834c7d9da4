"""Page reads of the heavy screens: one call returns the figures their one authors compute
(net income per year with a reversal, the cap table), and the case's companies come from
one query, each company once with all its deals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from builders import make_achievement, make_company, make_deal

from core.money.conftest import signed_licence
from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound
from ttdesk.core.companies import equity
from ttdesk.core.money import receipts
from ttdesk.core.views.case_companies import case_companies
from ttdesk.core.views.company_page import company_page
from ttdesk.core.views.deal_money_page import deal_money_page


def test_deal_money_page_with_a_reversal(any_ctx: AppContext) -> None:
    ctx = any_ctx
    ctx.today = lambda: date(2026, 11, 20)
    no = signed_licence(ctx, signing_date=date(2025, 11, 1)).deal.deal_no
    first = receipts.add_receipt(ctx, receipts.ReceiptIn(no, date(2025, 12, 1), "1000.00"))
    receipts.add_receipt(ctx, receipts.ReceiptIn(no, date(2026, 4, 1), "300000", "upfront"))
    receipts.reverse_receipt(ctx, first, date(2026, 5, 1), "duplicate")
    receipts.add_cost(ctx, receipts.CostIn(date(2026, 6, 1), "50000", "legal", deal_no=no))
    page = deal_money_page(ctx, no)
    assert page.deal.deal_no == no and len(page.receipts) == 3 and len(page.costs) == 1
    assert [y for y, _ in page.net_by_year] == [2025, 2026]
    by_year = dict(page.net_by_year)
    assert by_year[2025].received == Decimal("1000.00")
    assert by_year[2026].received == Decimal("299000.00")  # the 2025 receipt reversed in 2026
    assert page.net_total.received == Decimal("300000.00")
    assert page.net_total.net == receipts.net_income(ctx, no).net == Decimal("250000.00")
    assert page.terms.received_total == Decimal("300000.00")
    assert page.has_free_receipts and page.distributions == ()
    with pytest.raises(NotFound):
        deal_money_page(ctx, "HT-1999-0001")


def test_company_page_and_the_companies_of_a_case(any_ctx: AppContext) -> None:
    ctx = any_ctx
    ctx.today = lambda: date(2026, 11, 20)
    case = make_achievement(ctx)
    other_case = make_achievement(ctx)
    buyer = make_company(ctx)
    spinoff = make_company(ctx, is_spinoff=True, registration_date=date(2025, 1, 10))
    first = make_deal(ctx, [case], buyer, mode=E.DealMode.TRANSFER)
    second = make_deal(ctx, [case], buyer, mode=E.DealMode.LICENSE_NONEXCLUSIVE)
    equity_deal = make_deal(ctx, [case], spinoff, mode=E.DealMode.EQUITY,
                            status=E.DealStatus.PERFORMING, approval_date=date(2025, 2, 1),
                            signing_date=date(2025, 3, 1))
    make_deal(ctx, [other_case], make_company(ctx))  # another case's: not listed
    make_deal(ctx, [case])  # no counterparty: not listed
    found = case_companies(ctx, case.case_no)
    assert [x.company.id for x in found] == [buyer.id, spinoff.id]
    assert found[0].deals == ((first.deal_no, E.DealMode.TRANSFER),
                              (second.deal_no, E.DealMode.LICENSE_NONEXCLUSIVE))
    assert found[1].company.is_spinoff and found[1].deals[0][0] == equity_deal.deal_no

    equity.form_company(ctx, equity_deal.deal_no, spinoff.credit_code, date(2025, 3, 20), [
        equity.HolderIn("institution_amc", "某大学资产经营有限公司", "3000000"),
        equity.HolderIn("investor", "北京启航创业投资有限公司", "7000000")])
    page = company_page(ctx, spinoff.id)
    assert page.header.credit_code == spinoff.credit_code and page.has_equity
    assert page.cap_table == equity.cap_table(ctx, spinoff.credit_code)
    assert page.cap_table.total_pct == Decimal("100")
    assert len(page.events) == 1 and page.series
    assert page.state_ledger is not None
    assert [d.deal_no for d in page.equity_deals] == [equity_deal.deal_no]
    before = company_page(ctx, spinoff.id, as_of=date(2025, 1, 31))
    assert before.cap_table.holdings == []
    assert not company_page(ctx, buyer.id).has_equity
