"""The workload and results of each technology manager (技术经理人), for the director: open
cases, deals signed in the year and their value, income received in the year, overdue tasks.
The figures are `core.views.workload`'s, read off the GUI thread; any change reloads them."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ttdesk.core.base.context import AppContext
from ttdesk.core.views.workload import ManagerWorkload, manager_workload
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import read_op
from ttdesk.ui.kit.table import Column, RowsModel, make_view


class WorkloadPage(QWidget):
    def __init__(self, ctx: AppContext, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workload_page")
        self.ctx = ctx
        self.rows: list[ManagerWorkload] = []
        lang = ctx.lang
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(ctx.today().year)
        self.year.valueChanged.connect(lambda _y: self.reload())
        self.model = RowsModel([
            Column(self.tr("技术经理人"), lambda r: r.name),
            Column(self.tr("工号"), lambda r: r.staff_no),
            Column(self.tr("等级"), lambda r: r.level, "enum"),
            Column(self.tr("证书编号"), lambda r: r.cert_no or ""),
            Column(self.tr("在办成果"), lambda r: r.open_cases),
            Column(self.tr("签约交易"), lambda r: r.deals_signed),
            Column(self.tr("合同金额"), lambda r: r.deals_value, "money"),
            Column(self.tr("到账收入"), lambda r: r.income_received, "money"),
            Column(self.tr("逾期待办"), lambda r: r.overdue_tasks),
        ], lang)
        self.view = make_view(self.model, "workload_view", stretch=0)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("<b>技术经理人工作量与业绩</b>")))
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("年度")))
        bar.addWidget(self.year)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.summary)
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.reload)
        bus.changed.connect(lambda _k, _i: self._timer.start())
        self.reload()

    def reload(self) -> None:
        ctx, year = self.ctx, self.year.value()
        read_op(self, lambda: manager_workload(ctx, year), self.show_rows)

    def show_rows(self, rows: list[ManagerWorkload]) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        self.summary.setText(self.tr("共 %1 位技术经理人").replace("%1", str(len(rows))) if rows
                             else self.tr("尚无技术经理人：在基础数据的人员中填写技术经理人等级。"))
