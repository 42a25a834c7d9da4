"""The dashboard (工作台): KPI tiles, overdue and upcoming deadlines, and charts.

The figures are aggregate queries (`ttdesk.core.views.dashboard`) run off the GUI thread, so the
window appears at once even on the 100,000-case database; the deadline tables are the same
lazy list model as the big lists. Any change announced on the bus reloads the figures.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ttdesk.codes import AchievementStatus, DealMode
from ttdesk.core.base.context import AppContext
from ttdesk.core.rules.money import format_money
from ttdesk.core.views import DeadlineFilter, DeadlineState
from ttdesk.core.views import dashboard as overview
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.lists.model import LazyListModel
from ttdesk.ui.lists.specs import DEADLINES

log = logging.getLogger(__name__)

DEADLINE_COLUMNS = ("due_date", "days_left", "kind", "title", "subject_ref")


@dataclass(frozen=True)
class Figures:
    kpis: overview.Kpis
    pipeline: list[tuple[AchievementStatus, int]]
    income: dict[int, dict[DealMode, Decimal]]
    deals_by_mode: dict[DealMode, int]
    companies_by_year: dict[int, tuple[int, int]]
    plan: Any = None  # core.views.action_plan.ActionPlan


def load_figures(ctx: AppContext) -> Figures:
    from ttdesk.core.views.action_plan import action_plan

    return Figures(overview.kpis(ctx), overview.pipeline(ctx),
                   overview.income_by_year_and_mode(ctx), overview.deals_by_mode(ctx),
                   overview.companies_by_year(ctx), action_plan(ctx))


def short_money(amount: Decimal, _lang: str = "zh") -> str:
    """A tile-sized amount: 万元 in Chinese, millions in English (full figure as tooltip).

    The translation picks its own scale: the source uses {0} (万元), English uses {1} (M)."""
    return QCoreApplication.translate("DashboardPage", "{0} 万元").format(
        f"{amount / 10000:,.1f}", f"¥{amount / 1_000_000:,.2f}M")


class _Carrier(QObject):
    """Brings the figures from the worker thread to the GUI thread (a queued signal)."""

    arrived = Signal(object)


class KpiTile(QFrame):
    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"kpi_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("…")
        self.value.setObjectName("value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        caption_label = QLabel(caption)
        caption_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(caption_label)


class DashboardPage(QScrollArea):
    """`open_deadline(row)` asks the host to open what a deadline is about."""

    open_deadline = Signal(object)
    open_list = Signal(str, object)  # (list area, filter values): a tile's records
    loaded = Signal()

    def __init__(self, ctx: AppContext, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setWidgetResizable(True)
        self._ctx = ctx
        self.figures: Figures | None = None
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self.setWidget(body)
        self._build_tiles()
        from ttdesk.ui.dashboard.plan import ActionPlanBox

        self.plan_box = ActionPlanBox()
        self.plan_box.open_list.connect(self.open_list)
        self._layout.addWidget(self.plan_box)
        self._build_deadlines()
        self._charts = QGridLayout()
        self._layout.addLayout(self._charts)
        self._layout.addStretch(1)
        self._reload_timer = QTimer(self, singleShot=True, interval=300)
        self._reload_timer.timeout.connect(self.reload)
        bus.changed.connect(lambda _k, _i: self._reload_timer.start())
        QTimer.singleShot(0, self.reload)

    def _build_tiles(self) -> None:
        year = self._ctx.today().year
        specs = (
            ("cases", self.tr("成果总数")),
            ("deals", self.tr("%1 年签约交易").replace("%1", str(year))),
            ("income", self.tr("%1 年到账收入").replace("%1", str(year))),
            ("companies", self.tr("企业")),
            ("overdue", self.tr("逾期待办")),
        )
        row = QHBoxLayout()
        self.tiles = {name: KpiTile(name, caption) for name, caption in specs}
        for tile in self.tiles.values():
            row.addWidget(tile)
        self._layout.addLayout(row)

    def _deadline_table(self, state: DeadlineState, title: str) -> QGroupBox:
        model = LazyListModel(self._ctx, DEADLINES, self)
        model.filter = DeadlineFilter(state=state)
        table = QTableView()
        table.setObjectName(f"deadlines_{state.value}")
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setMinimumHeight(200)
        widths = {c.key: c.width for c in DEADLINES.columns}
        for i, column in enumerate(DEADLINES.columns):
            table.setColumnHidden(i, column.key not in DEADLINE_COLUMNS)
            table.setColumnWidth(i, widths[column.key])
        table.activated.connect(lambda index, m=model: self._open(m, index.row()))
        self.deadline_models[state] = model
        box = QGroupBox(title)
        box.setObjectName(f"box_{state.value}")
        QVBoxLayout(box).addWidget(table)
        return box

    def _build_deadlines(self) -> None:
        self.deadline_models: dict[DeadlineState, LazyListModel] = {}
        grid = QGridLayout()
        grid.addWidget(self._deadline_table(DeadlineState.OVERDUE, self.tr("已逾期")), 0, 0)
        grid.addWidget(self._deadline_table(DeadlineState.UPCOMING,
                                            self.tr("30 天内到期")), 0, 1)
        self._layout.addLayout(grid)

    def _open(self, model: LazyListModel, row: int) -> None:
        found = model.row_at(row)
        if found is not None:
            self.open_deadline.emit(found)

    # ---- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Deadline tables now; the figures from a worker thread, shown when they arrive.

        A plain daemon thread rather than `run_op`: the page may be closed (or the app quit)
        while the figures are computed, and nothing needs to wait for them then.
        """
        for state, model in self.deadline_models.items():
            model.set_filter(DeadlineFilter(state=state))
        ctx = self._ctx
        carrier = _Carrier()
        carrier.arrived.connect(self._show)
        self._carrier = carrier

        def work() -> None:
            try:
                carrier.arrived.emit(load_figures(ctx))
            except Exception:  # e.g. the database was closed meanwhile
                log.exception("dashboard figures could not be loaded")

        threading.Thread(target=work, name="dashboard", daemon=True).start()

    def _show(self, figures: Figures) -> None:
        self.figures = figures
        k = figures.kpis
        self.tiles["cases"].value.setText(f"{k.cases:,}")
        self.tiles["deals"].value.setText(f"{k.deals_signed_this_year:,}")
        income = self.tiles["income"]
        income.value.setText(short_money(k.income_this_year, self._ctx.lang))
        income.setToolTip(format_money(k.income_this_year))
        self.tiles["companies"].value.setText(f"{k.companies:,}")
        self.tiles["overdue"].value.setText(f"{k.overdue_deadlines:,}")
        if figures.plan is not None:
            self.plan_box.show_plan(figures.plan)
        self._show_charts(figures)
        self.loaded.emit()

    def _show_charts(self, figures: Figures) -> None:
        from ttdesk.ui.dashboard import charts

        while self._charts.count():
            item = self._charts.takeAt(0)
            widget: Any = item.widget()
            if widget is not None:
                widget.deleteLater()
        lang = self._ctx.lang
        views = (
            charts.pipeline_chart(figures.pipeline, lang, self.tr("成果状态分布")),
            charts.income_chart(figures.income, lang, self.tr("近五年到账收入（按转化方式）"),
                                self.tr("万元")),
            charts.deals_by_mode_chart(figures.deals_by_mode, lang,
                                       self.tr("已签约交易（按转化方式）")),
            charts.companies_chart(figures.companies_by_year, lang, self.tr("企业（按成立年份）"),
                                   self.tr("衍生企业"), self.tr("其他企业")),
        )
        for i, view in enumerate(views):
            view.setObjectName(f"chart_{i}")
            self._charts.addWidget(view, i // 2, i % 2)
