"""The money screens where other areas host them: the income area of the main window (a
double-click opens the deal's case page at the deal), the company window, and the case
page's 收款与分配 sub-tab showing the deal money panel."""

from __future__ import annotations

from datetime import date

from core.money.conftest import signed_licence

from ttdesk.core.base.context import AppContext
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import receipts
from ttdesk.core.views.deal_detail import deal_detail
from ttdesk.ui.app.main_window import MainWindow
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.case.case_page import CasePage
from ttdesk.ui.companies.company_page import CompanyPage
from ttdesk.ui.deals.money_panel import DealMoneyPanel
from ttdesk.ui.income.page import IncomePage
from ttdesk.ui.kit.bus import DataBus


def _licence_with_distribution(ctx: AppContext) -> tuple[str, str]:
    ctx.today = lambda: date(2026, 11, 20)
    lic = signed_licence(ctx)
    no = lic.deal.deal_no
    receipts.add_receipt(ctx, receipts.ReceiptIn(no, date(2026, 4, 1), "1000000", "upfront"))
    dist.save(ctx, dist.DistributionIn(no))
    return deal_detail(ctx, no).achievements[0].case_no, no


def test_income_area_opens_the_deal(qtbot, ctx: AppContext, ui_settings: UiSettings) -> None:
    case_no, deal_no = _licence_with_distribution(ctx)
    win = MainWindow(ctx, settings=ui_settings)
    qtbot.addWidget(win)
    win.show()
    page = win.go("income")
    assert isinstance(page, IncomePage)
    qtbot.waitUntil(lambda: page.dists.rowCount() == 1, timeout=10000)
    assert page.open_row(page.dist_view.model().index(0, 0))
    opened = win.detail_windows[("case", case_no)]
    assert isinstance(opened, CasePage)
    money_index = opened.deals.money_index
    opened.deals.sub.setCurrentIndex(money_index)
    panel = opened.deals.sub.widget(money_index)
    assert isinstance(panel, DealMoneyPanel) and panel.deal_no == deal_no
    qtbot.waitUntil(lambda: panel.page is not None)  # read on the worker, then painted
    assert panel.dists.rowCount() == 1


def test_company_window_is_the_company_page(qtbot, ctx: AppContext,
                                            ui_settings: UiSettings) -> None:
    from builders import make_company

    company = make_company(ctx, name="北京智源测试科技有限公司")
    win = MainWindow(ctx, bus=DataBus(), settings=ui_settings)
    qtbot.addWidget(win)
    opened = win.open_company(company.id, company.name)
    assert isinstance(opened, CompanyPage)
    qtbot.waitUntil(lambda: opened.page is not None)  # read on the worker, then painted
    assert opened.credit_code == company.credit_code
