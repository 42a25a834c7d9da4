"""The 收益 area: income received, deductible costs, net income, what is already distributed
and what still waits for a distribution — by year (or year and mode) — and every
distribution with its status. Double-clicking a distribution opens its deal on the case page.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ttdesk.codes import DealMode, DistributionStatus
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.labels import choices
from ttdesk.core.views import money as money_views
from ttdesk.core.views.money import IncomeBucket
from ttdesk.ui.income.chart import income_chart
from ttdesk.ui.kit.bus import ALL, DEALS, MONEY, DataBus
from ttdesk.ui.kit.ops import Operation, run_op
from ttdesk.ui.kit.table import Column, RowsModel, make_view, money_text

TILES = ("received", "deductible_costs", "net", "distributed", "pending")


def by_year(buckets: list[IncomeBucket]) -> list[IncomeBucket]:
    """The year × mode buckets summed over the modes (mode kept as the first one seen)."""
    years: dict[int, IncomeBucket] = {}
    for b in buckets:
        y = years.setdefault(b.year, IncomeBucket(b.year, b.mode))
        y.received += b.received
        y.deductible_costs += b.deductible_costs
        y.distributed += b.distributed
        y.pending += b.pending
    return list(years.values())


class IncomePage(QWidget):
    """Income overview + distributions; reloads when money or deals change."""

    open_deal_requested = Signal(str, str)  # case_no, deal_no
    loaded = Signal()  # after each (background) reload filled the tables

    def __init__(self, ctx: AppContext, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.setObjectName("income_page")
        lang = ctx.lang
        self.buckets: list[IncomeBucket] = []
        self.last_op: Operation | None = None
        self.stale = False
        self._generation = 0
        self.tiles: dict[str, QLabel] = {}
        tiles = QGridLayout()
        names = {"received": self.tr("实收"), "deductible_costs": self.tr("可扣除费用"),
                 "net": self.tr("净收入"), "distributed": self.tr("已列入分配"),
                 "pending": self.tr("待分配")}
        for i, key in enumerate(TILES):
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            lay = QVBoxLayout(box)
            title = QLabel(names[key])
            value = QLabel("—")
            value.setObjectName(f"tile_{key}")
            value.setStyleSheet("font-size: 16pt; font-weight: bold;")
            lay.addWidget(title)
            lay.addWidget(value)
            self.tiles[key] = value
            tiles.addWidget(box, 0, i)

        self.group = QComboBox()
        self.group.setObjectName("group_combo")
        self.group.addItem(self.tr("按年度"), "year")
        self.group.addItem(self.tr("按年度和转化方式"), "mode")
        self.group.currentIndexChanged.connect(lambda _i: self._show_buckets())
        self.overview = RowsModel([
            Column(self.tr("年度"), lambda b: str(b.year)),
            Column(self.tr("转化方式"), lambda b: b.mode if self.by_mode else self.tr("全部")),
            Column(self.tr("实收"), lambda b: b.received, "money"),
            Column(self.tr("可扣除费用"), lambda b: b.deductible_costs, "money"),
            Column(self.tr("净收入"), lambda b: b.net, "money"),
            Column(self.tr("已列入分配"), lambda b: b.distributed, "money"),
            Column(self.tr("待分配"), lambda b: b.pending, "money"),
        ], lang)
        self.overview_view = make_view(self.overview, "income_overview", stretch=None)

        self.status = QComboBox()
        self.status.setObjectName("status_combo")
        self.status.addItem(self.tr("全部状态"), None)
        for code, text in choices(DistributionStatus, lang):
            self.status.addItem(text, code)
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.dists = RowsModel([
            Column(self.tr("编号"), lambda d: f"#{d.id}"),
            Column(self.tr("合同编号"), lambda d: d.deal_no),
            Column(self.tr("合同名称"), lambda d: d.deal_title),
            Column(self.tr("转化方式"), lambda d: d.mode),
            Column(self.tr("状态"), lambda d: d.status),
            Column(self.tr("类型"), lambda d: self.tr("股权奖励") if d.is_equity
                   else self.tr("现金奖励")),
            Column(self.tr("净收入"), lambda d: d.net_income, "money"),
            Column(self.tr("团队奖励"), lambda d: d.team_amount, "money"),
            Column(self.tr("批准日期"), lambda d: d.approval_date),
            Column(self.tr("发放日期"), lambda d: d.payment_date),
        ], lang)
        self.dist_view = make_view(self.dists, "distribution_list")
        self.dist_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)  # thousands of rows: no measuring every one
        for col, width in enumerate((70, 130, 320, 90, 70, 80, 130, 130, 100, 100)):
            self.dist_view.setColumnWidth(col, width)
        self.dist_view.doubleClicked.connect(self.open_row)
        self.dist_count = QLabel()
        self.dist_count.setObjectName("distribution_count")

        top = QWidget()
        top_lay = QVBoxLayout(top)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("<b>收益概览</b>")))
        head.addStretch(1)
        head.addWidget(self.group)
        top_lay.addLayout(tiles)
        top_lay.addLayout(head)
        self.chart = income_chart([], self._chart_names(), "", "")
        self.overview_row = QHBoxLayout()
        self.overview_row.addWidget(self.overview_view, 3)
        self.overview_row.addWidget(self.chart, 2)
        top_lay.addLayout(self.overview_row, 1)
        bottom = QWidget()
        bottom_lay = QVBoxLayout(bottom)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("<b>收益分配</b>（双击打开合同）")))
        row.addStretch(1)
        row.addWidget(self.dist_count)
        row.addWidget(self.status)
        bottom_lay.addLayout(row)
        bottom_lay.addWidget(self.dist_view, 1)
        split = QSplitter()
        split.setOrientation(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        bus.changed.connect(self._on_changed)
        self.reload()

    @property
    def by_mode(self) -> bool:
        return self.group.currentData() == "mode"

    def _on_changed(self, kind: str, _record: int) -> None:
        """Reload now when on screen; otherwise once it is shown again (a big database's
        reload reads every distribution)."""
        if kind in (MONEY, DEALS, ALL):
            if self.isVisible():
                self.reload()
            else:
                self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self) -> Operation:
        """Read the overview and the distributions off the GUI thread (a big database has
        tens of thousands of distributions); the newest request wins."""
        self._generation += 1
        self.stale = False
        generation = self._generation
        code = self.status.currentData()
        status = DistributionStatus(code) if code else None
        ctx = self.ctx
        self.dist_count.setText(self.tr("加载中…"))

        def work(_progress: object, _cancelled: object) -> tuple[list[IncomeBucket], list]:
            return (money_views.income_overview(ctx),
                    money_views.distribution_list(ctx, status))

        def done(result: tuple[list[IncomeBucket], list]) -> None:
            if generation == self._generation:
                self._fill(*result)

        self.last_op = run_op(self, self.tr("正在读取收益…"), work, done, lang=ctx.lang,
                              show_dialog=False)
        return self.last_op

    def _fill(self, buckets: list[IncomeBucket], rows: list) -> None:
        self.buckets = buckets
        totals = IncomeBucket(0, DealMode.OTHER)
        for b in self.buckets:
            totals.received += b.received
            totals.deductible_costs += b.deductible_costs
            totals.distributed += b.distributed
            totals.pending += b.pending
        for key in TILES:
            value: Decimal = getattr(totals, key)
            self.tiles[key].setText(money_text(value))
        self._show_buckets()
        self._show_chart()
        self.dists.set_rows(rows)
        self.dist_count.setText(self.tr("共 %1 次").replace("%1", str(len(rows))))
        self.loaded.emit()

    def _chart_names(self) -> dict[str, str]:
        return {"net": self.tr("净收入"), "distributed": self.tr("已列入分配"),
                "pending": self.tr("待分配")}

    def _show_chart(self) -> None:
        chart = income_chart(by_year(self.buckets), self._chart_names(),
                             self.tr("各年度收益（万元）"), self.tr("万元"))
        self.overview_row.replaceWidget(self.chart, chart)
        self.chart.hide()
        self.chart.deleteLater()
        self.chart = chart

    def _show_buckets(self) -> None:
        self.overview.set_rows(self.buckets if self.by_mode else by_year(self.buckets))
        self.overview_view.setColumnHidden(1, not self.by_mode)

    def open_row(self, index: QModelIndex) -> bool:
        """Ask for the deal's case page: the signal, and the main window if there is one."""
        model = self.dist_view.model()
        if isinstance(model, QSortFilterProxyModel):
            index = model.mapToSource(index)
        row = self.dists.row_at(index)
        if row is None or row.case_no is None:
            return False
        self.open_deal_requested.emit(row.case_no, row.deal_no)
        window = self.window()
        opener = getattr(window, "open_case", None)
        if callable(opener):
            opener(row.case_no, row.deal_no)
        return True
