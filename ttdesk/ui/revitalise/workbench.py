"""The revitalisation workbench (存量专利盘活, issue 19 §7): every valid patent not yet
converted with its grade, decision and next annuity; several chosen at once get a grade or
a decision; below, what keeping them costs each college in the next three years; the
inventory as Excel. Figures are `core.views.revitalisation`'s, read off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ttdesk.codes import PatentDecision, PatentGrade
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.base.labels import choices
from ttdesk.core.cases import revitalisation
from ttdesk.core.views.revitalisation import (
    CollegeCost,
    InventoryRow,
    cost_by_college,
    first_forecast_year,
    inventory,
)
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import read_op, write_op
from ttdesk.ui.kit.problems import messages_of
from ttdesk.ui.kit.table import Column, RowsModel, make_view


class RevitalisationPage(QWidget):
    def __init__(self, ctx: AppContext, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revitalisation_page")
        self.ctx, self.bus = ctx, bus
        lang = ctx.lang
        self.first_year = first_forecast_year(ctx.today())
        self.model = RowsModel([
            Column(self.tr("申请号"), lambda r: r.application_no),
            Column(self.tr("类型"), lambda r: r.kind, "enum"),
            Column(self.tr("成果编号"), lambda r: r.case_no),
            Column(self.tr("成果名称"), lambda r: r.title),
            Column(self.tr("院系"), lambda r: r.department),
            Column(self.tr("授权日"), lambda r: r.grant_date),
            Column(self.tr("评级"), lambda r: r.grade, "enum"),
            Column(self.tr("处置决定"), lambda r: r.decision, "enum"),
            Column(self.tr("评估人"), lambda r: r.reviewer or ""),
            Column(self.tr("下次年费"), lambda r: r.next_due),
            Column(self.tr("应缴（减缴后）"), lambda r: r.next_payable, "money"),
            Column(self.tr("未缴失效日"), lambda r: r.lapse_date),
        ], lang)
        self.view = make_view(self.model, "inventory_view", stretch=3)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        years = range(self.first_year, self.first_year + 3)
        self.costs = RowsModel([
            Column(self.tr("院系"), lambda c: c.department),
            Column(self.tr("专利数"), lambda c: c.patents),
            *[Column(self.tr("%1 年").replace("%1", str(y)),
                     lambda c, y=y: c.by_year.get(y), "money") for y in years],
            Column(self.tr("合计"), lambda c: c.total, "money"),
        ], lang)
        self.cost_view = make_view(self.costs, "cost_view", stretch=None)
        self.filter = QComboBox()
        self.filter.setObjectName("decision_filter")
        self.filter.addItem(self.tr("全部决定"), None)
        for code, text in choices(PatentDecision, lang):
            self.filter.addItem(text, code)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.grade = QComboBox()
        self.grade.setObjectName("grade_choice")
        self.decision = QComboBox()
        self.decision.setObjectName("decision_choice")
        for combo, enum_cls, blank in ((self.grade, PatentGrade, self.tr("（评级不变）")),
                                       (self.decision, PatentDecision,
                                        self.tr("（决定不变）"))):
            combo.addItem(blank, None)
            for code, text in choices(enum_cls, lang):
                combo.addItem(text, code)
        self.apply_button = QPushButton(self.tr("应用到所选"))
        self.apply_button.setObjectName("apply_review")
        self.apply_button.clicked.connect(lambda: self.apply_to_selected())
        export = QPushButton(self.tr("导出 Excel…"))
        export.setObjectName("export_inventory")
        export.clicked.connect(lambda: self.export())
        self.message = QLabel()
        self.message.setObjectName("workbench_message")
        self.message.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("workbench_summary")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("<b>存量专利盘活</b>")))
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("评级")))
        top.addWidget(self.grade)
        top.addWidget(QLabel(self.tr("决定")))
        top.addWidget(self.decision)
        top.addWidget(self.apply_button)
        top.addWidget(export)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.message)
        lay.addWidget(self.view, 3)
        lay.addWidget(self.summary)
        lay.addWidget(QLabel(self.tr("未来三年年费（减缴后，按期缴纳；不含拟放弃的专利）")))
        lay.addWidget(self.cost_view, 1)
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.reload)
        bus.changed.connect(lambda _k, _i: self._timer.start())
        self.reload()

    # ---- reading ------------------------------------------------------------------------
    def reload(self) -> None:
        ctx, decision, first = self.ctx, self.filter.currentData(), self.first_year

        def read() -> tuple[list[InventoryRow], list[CollegeCost]]:
            everything = inventory(ctx)
            shown = [r for r in everything if decision is None or r.decision == decision]
            return shown, cost_by_college(everything, first)

        read_op(self, read, self.show)

    def show(self, found: tuple[list[InventoryRow], list[CollegeCost]]) -> None:
        rows, costs = found
        self.model.set_rows(rows)
        self.costs.set_rows(costs)
        undecided = sum(1 for r in rows if r.decision is None)
        self.summary.setText(self.tr("共 %1 项有效未转化专利，%2 项尚未决定")
                             .replace("%1", str(len(rows))).replace("%2", str(undecided)))

    def selected(self) -> list[InventoryRow]:
        proxy = self.view.model()
        source = proxy.sourceModel()  # type: ignore[attr-defined]
        return [source.row_at(proxy.mapToSource(i))  # type: ignore[attr-defined]
                for i in self.view.selectionModel().selectedRows()]

    # ---- writing ------------------------------------------------------------------------
    def apply_to_selected(self) -> int:
        """The chosen grade and/or decision for every selected patent, in one step."""
        rows = self.selected()
        try:
            n = write_op(self.ctx, self.bus, revitalisation.review, self.ctx,
                         [r.application_no for r in rows], grade=self.grade.currentData(),
                         decision=self.decision.currentData())
        except TTDeskError as exc:
            self.message.setText("\n".join(messages_of(exc, self.ctx.lang)))
            return 0
        self.message.setText(self.tr("已更新 %1 项专利").replace("%1", str(n)))
        self.reload()
        return n

    def export(self, target: Path | None = None) -> Path | None:
        from ttdesk.core.ledger.inventory_export import export_inventory

        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("导出存量专利台账"),
                                                    "存量专利盘活.xlsx", "Excel (*.xlsx)")
            if not chosen:
                return None
            target = Path(chosen)
        try:
            export_inventory(self.ctx, target, force=True)
        except TTDeskError as exc:
            self.message.setText("\n".join(messages_of(exc, self.ctx.lang)))
            return None
        self.message.setText(self.tr("已导出：%1").replace("%1", str(target)))
        return target
