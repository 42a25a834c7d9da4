"""The income page: tiles and the overview by year (and mode) add up what was received,
reversed, deducted and distributed; the distribution list filters by status and opens the
deal on double-click."""

from __future__ import annotations

from datetime import date

from core.money.conftest import signed_licence
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QLabel

from ttdesk.codes import DealMode
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.labels import label
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import receipts
from ttdesk.core.rules.money import format_money
from ttdesk.core.views.deal_detail import deal_detail
from ttdesk.ui.income.page import IncomePage
from ttdesk.ui.kit.bus import MONEY, DataBus


def _tile(page: IncomePage, key: str) -> str:
    return page.findChild(QLabel, f"tile_{key}").text()


def _page(qtbot, ctx: AppContext, bus: DataBus) -> IncomePage:
    page = IncomePage(ctx, bus)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.dist_count.text() != "加载中…", timeout=20000)
    return page


def test_overview_and_distributions(qtbot, ctx: AppContext) -> None:
    ctx.today = lambda: date(2026, 11, 20)
    lic = signed_licence(ctx)
    no = lic.deal.deal_no
    receipts.add_receipt(ctx, receipts.ReceiptIn(no, date(2026, 4, 1), "1000000", "upfront"))
    wrong = receipts.add_receipt(ctx, receipts.ReceiptIn(no, date(2026, 5, 1), "200000",
                                                         "milestone"))
    receipts.reverse_receipt(ctx, wrong, date(2026, 5, 2), "typo")
    receipts.add_cost(ctx, receipts.CostIn(date(2026, 3, 5), "50000", "legal", deal_no=no))
    receipts.add_cost(ctx, receipts.CostIn(date(2026, 3, 6), "8000", "other", deal_no=no))
    did = dist.save(ctx, dist.DistributionIn(no))
    bus = DataBus()
    page = _page(qtbot, ctx, bus)
    assert _tile(page, "received") == "¥1,000,000.00"
    assert _tile(page, "deductible_costs") == "¥50,000.00"
    assert _tile(page, "net") == "¥950,000.00"
    assert _tile(page, "distributed") == "¥1,000,000.00"
    assert _tile(page, "pending") == "¥0.00"
    m = page.overview
    assert [m.index(0, c).data() for c in (0, 2, 4)] == ["2026", "¥1,000,000.00",
                                                         "¥950,000.00"]
    page.group.setCurrentIndex(1)
    assert m.rowCount() == 1
    assert m.index(0, 1).data() == label(DealMode.LICENSE_EXCLUSIVE, "zh")
    QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal)
    (series,) = page.chart.chart().series()
    sets = series.barSets()
    assert [s.label() for s in sets] == ["净收入", "已列入分配", "待分配"]
    assert [s.at(0) for s in sets] == [95.0, 100.0, 0.0]  # 万元 in 2026

    receipts.add_receipt(ctx, receipts.ReceiptIn(no, date(2026, 6, 1), "30000", "royalty"))
    bus.announce(MONEY)  # not on screen: reloads when shown
    assert page.stale and _tile(page, "pending") == "¥0.00"
    with qtbot.waitSignal(page.loaded):
        page.show()
    assert not page.stale
    assert _tile(page, "pending") == "¥30,000.00"
    assert _tile(page, "received") == "¥1,030,000.00"

    assert page.dists.rowCount() == 1
    assert page.dists.index(0, 0).data() == f"#{did}"
    assert page.dists.index(0, 4).data() == "草拟"
    with qtbot.waitSignal(page.loaded):
        page.status.setCurrentIndex(page.status.findData("paid"))
    assert page.dists.rowCount() == 0
    with qtbot.waitSignal(page.loaded):
        page.status.setCurrentIndex(0)
    with qtbot.waitSignal(page.open_deal_requested) as opened:
        page.open_row(page.dist_view.model().index(0, 1))
    assert opened.args == [deal_detail(ctx, no).achievements[0].case_no, no]
    assert page.dists.index(0, 6).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight)


def test_demo_database_adds_up(qtbot, demo_ctx: AppContext) -> None:
    page = _page(qtbot, demo_ctx, DataBus())
    buckets = page.buckets
    assert buckets
    # a reversal carries its original's amount: overall, what was received is either
    # distributed already or pending
    received = sum(b.received for b in buckets)
    assert sum(b.distributed + b.pending for b in buckets) == received
    assert _tile(page, "received") == format_money(received)
    assert page.dists.rowCount() > 0
