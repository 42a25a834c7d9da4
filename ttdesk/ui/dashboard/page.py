"""The dashboard (工作台): KPI tiles, overdue and upcoming deadlines, and charts.

The figures are aggregate queries (`ttdesk.core.views.dashboard`) run off the GUI thread, so the
window appears at once even on the 100,000-case database; the deadline tables are the same
lazy list model as the big lists. Any change announced on the bus reloads the figures.

Start-up (B2): the page may be built with a `Starting` instead of the context. It then shows
the first figures (KPI tiles, the Action Plan block) and the first page of both deadline
tables, read by plain sqlite3 before the ORM is imported (`views.light_dashboard`), holds a
tile or deadline clicked meanwhile, and on `attach` reloads everything from the services
(charts included) and opens what was clicked. The module imports nothing that reaches
SQLAlchemy (`tests/ui/test_quick_start_dashboard.py`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

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
from ttdesk.core.rules.money import format_money
from ttdesk.core.views.dashboard_terms import FirstFigures, Kpis
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.starting import Starting, is_starting
from ttdesk.ui.lists.model import LazyListModel

if TYPE_CHECKING:  # start-up builds the page before the ORM (and so the context) is imported
    from ttdesk.core.base.context import AppContext

log = logging.getLogger(__name__)

DEADLINE_COLUMNS = ("due_date", "days_left", "kind", "title", "subject_ref")


@dataclass(frozen=True)
class Figures:
    """Everything the page shows; the chart series are None in the start-up figures."""

    kpis: Kpis
    pipeline: list[tuple[AchievementStatus, int]] | None
    income: dict[int, dict[DealMode, Decimal]] | None
    deals_by_mode: dict[DealMode, int] | None
    companies_by_year: dict[int, tuple[int, int]] | None
    plan: Any = None  # core.views.action_plan.ActionPlan

    @classmethod
    def first(cls, found: FirstFigures) -> Figures:
        """The figures read at start-up: tiles and Action Plan, no chart yet."""
        return cls(found.kpis, None, None, None, None, found.plan)


def load_figures(ctx: AppContext) -> Figures:
    from ttdesk.core.views import dashboard as overview
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

    def __init__(self, ctx: AppContext | Starting, bus: DataBus,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setWidgetResizable(True)
        self._ctx: Any = ctx
        self.figures: Figures | None = None
        self.held: Callable[[], None] | None = None  # what was clicked while starting
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self.setWidget(body)
        self._build_tiles()
        from ttdesk.ui.dashboard.plan import ActionPlanBox

        self.plan_box = ActionPlanBox()
        self.plan_box.open_list.connect(self._open_list)
        self._layout.addWidget(self.plan_box)
        self._build_deadlines()
        self._charts = QGridLayout()
        self._layout.addLayout(self._charts)
        self._layout.addStretch(1)
        self._reload_timer = QTimer(self, singleShot=True, interval=300)
        self._reload_timer.timeout.connect(self.reload)
        bus.changed.connect(lambda _k, _i: self._reload_timer.start())
        if is_starting(ctx):
            self._show_first(ctx)
            return
        QTimer.singleShot(0, self.reload)

    def _show_first(self, starting: Starting) -> None:
        """While starting: the first figures and the deadline tables' first pages from the
        plain readers, painted with the window."""
        try:
            if starting.list_key == "deadlines":
                self._filter_deadlines()
            found = None if starting.figures is None else starting.figures(starting.today())
        except Exception:  # e.g. a locked file: the services' read follows on attach
            log.exception("the dashboard's first figures could not be read")
            return
        if found is not None:
            self._show(Figures.first(found))

    def attach(self, ctx: AppContext) -> None:
        """The service context, loaded behind the painted window (start-up): the deadline
        tables, every figure from the services, then the list of a tile clicked meanwhile."""
        self._ctx = ctx
        for model in self.deadline_models.values():
            model.attach(ctx)
        self.reload()
        held, self.held = self.held, None
        if held is not None:
            held()

    def _open_list(self, area: str, filters: Any) -> None:
        if is_starting(self._ctx):  # no list can be read yet: opened on attach
            self.held = lambda: self.open_list.emit(area, filters)
            return
        self.open_list.emit(area, filters)

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

    def _deadline_table(self, state: str, title: str) -> QGroupBox:
        table = QTableView()
        table.setObjectName(f"deadlines_{state}")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setMinimumHeight(200)
        self.deadline_tables[state] = table
        box = QGroupBox(title)
        box.setObjectName(f"box_{state}")
        QVBoxLayout(box).addWidget(table)
        return box

    def _build_deadlines(self) -> None:
        """The two boxes; their rows are read by `_filter_deadlines` (while starting only
        with a start-up reader of the deadline list)."""
        self.deadline_tables: dict[str, QTableView] = {}
        self.deadline_models: dict[Any, LazyListModel] = {}
        grid = QGridLayout()
        grid.addWidget(self._deadline_table("overdue", self.tr("已逾期")), 0, 0)
        grid.addWidget(self._deadline_table("upcoming", self.tr("30 天内到期")), 0, 1)
        self._layout.addLayout(grid)
        self._connect_deadlines()

    def _connect_deadlines(self) -> None:
        from ttdesk.core.views.deadline_terms import DeadlineFilter, DeadlineState
        from ttdesk.ui.lists.specs import DEADLINES

        widths = {c.key: c.width for c in DEADLINES.columns}
        for key, table in self.deadline_tables.items():
            state = DeadlineState(key)
            model = LazyListModel(self._ctx, DEADLINES, self)
            model.filter = DeadlineFilter(state=state)
            table.setModel(model)
            for i, column in enumerate(DEADLINES.columns):
                table.setColumnHidden(i, column.key not in DEADLINE_COLUMNS)
                table.setColumnWidth(i, widths[column.key])
            table.activated.connect(lambda index, m=model: self._open(m, index.row()))
            self.deadline_models[state] = model

    def _filter_deadlines(self) -> None:
        from ttdesk.core.views.deadline_terms import DeadlineFilter

        for state, model in self.deadline_models.items():
            model.set_filter(DeadlineFilter(state=state))

    def _open(self, model: LazyListModel, row: int) -> None:
        found = model.row_at(row)
        if found is None:
            return
        if is_starting(self._ctx):  # its case or deal cannot be read yet: opened on attach
            self.held = lambda: self.open_deadline.emit(found)
            return
        self.open_deadline.emit(found)

    # ---- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Deadline tables now; the figures from a worker thread, shown when they arrive.

        A plain daemon thread rather than `run_op`: the page may be closed (or the app quit)
        while the figures are computed, and nothing needs to wait for them then.
        """
        if is_starting(self._ctx):
            return
        self._filter_deadlines()
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
        if figures.pipeline is not None:
            self._show_charts(figures)
        self.loaded.emit()

    def _show_charts(self, figures: Figures) -> None:
        from ttdesk.ui.dashboard import charts

        assert figures.pipeline is not None and figures.income is not None
        assert figures.deals_by_mode is not None and figures.companies_by_year is not None

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
