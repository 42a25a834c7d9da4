"""The issue's scenario on the screens: book ¥1,000 on a deal and reverse it; the dashboard's
income tile and chart, the income page and the deal's money tab all show 0.00 (the dashboard
said 2,000.00), as `money.income` sums it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.money.conftest import signed_licence
from PySide6.QtWidgets import QLabel

from ttdesk.codes import DealMode
from ttdesk.core.base.context import AppContext
from ttdesk.core.money import income, receipts
from ttdesk.core.rules.money import format_money
from ttdesk.ui.dashboard.page import DashboardPage, short_money
from ttdesk.ui.deals.money_panel import DealMoneyPanel
from ttdesk.ui.income.page import IncomePage
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import reading

ZERO = Decimal("0.00")


def test_a_reversed_receipt_shows_zero_on_every_screen(qtbot, ctx: AppContext) -> None:
    ctx.today = lambda: date(2026, 11, 20)
    deal = signed_licence(ctx).deal
    rid = receipts.add_receipt(ctx, receipts.ReceiptIn(deal.deal_no, date(2026, 4, 1), "1000"))
    receipts.reverse_receipt(ctx, rid, date(2026, 4, 10), "错误入账")
    with ctx.read() as s:
        assert income.received(s, income.Scope.year(2026)) == ZERO

    dash = DashboardPage(ctx, DataBus())
    qtbot.addWidget(dash)
    dash.resize(1200, 900)
    dash.show()
    with qtbot.waitSignal(dash.loaded, timeout=20000):
        pass
    assert dash.figures is not None
    assert dash.tiles["income"].toolTip() == format_money(ZERO) == "¥0.00"
    assert dash.tiles["income"].value.text() == short_money(ZERO)
    assert dash.figures.income[2026].get(DealMode.LICENSE_EXCLUSIVE, ZERO) == ZERO

    page = IncomePage(ctx, DataBus())
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.dist_count.text() != "加载中…", timeout=20000)
    assert page.findChild(QLabel, "tile_received").text() == "¥0.00"

    panel = DealMoneyPanel(ctx, DataBus(), deal.deal_no)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: not reading(panel) and panel.page is not None, timeout=20000)
    net = panel.net
    total_row = net.rowCount() - 1
    assert net.index(total_row, 0).data() == "合计"
    assert net.index(total_row, 3).data() == "¥0.00"  # 实收
