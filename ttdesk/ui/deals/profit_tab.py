"""The operating-profit tab of a self / joint implementation (实施转化, domain.md §6): when
production started, each year of the reward schedule with its profit, source document,
deadline and distribution. The reward itself is made in the distributions tab on one year."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ttdesk.core.base.context import AppContext
from ttdesk.core.money import profit
from ttdesk.ui.kit.fields import date_edit
from ttdesk.ui.kit.forms import FormDialog, money_edit, text_edit
from ttdesk.ui.kit.table import Column, RowsModel, make_view, selected_row


def tr(text: str) -> str:
    return QCoreApplication.translate("ProfitTab", text)


def production_dialog(ctx: AppContext, deal_no: str, parent: QWidget | None) -> FormDialog:
    def submit(d: FormDialog) -> object:
        profit.set_production_start(ctx, deal_no, d.value("production_start_date"))
        return deal_no

    d = FormDialog(tr("投产日期"), ctx.lang, submit, parent)
    d.add("production_start_date", tr("投产日期"), date_edit(ctx.today()))
    return d


def profit_dialog(ctx: AppContext, deal_no: str, row: profit.ProfitRow | None,
                  parent: QWidget | None) -> FormDialog:
    def submit(d: FormDialog) -> object:
        profit.record_operating_profit(ctx, deal_no, int(d.value("year") or 0),
                                       d.value("amount"), d.value("source_document"),
                                       d.value("note"))
        return deal_no

    d = FormDialog(tr("年度营业利润"), ctx.lang, submit, parent)
    d.add("year", tr("年度"), text_edit(str(row.year) if row else None))
    d.add("amount", tr("营业利润（元）"), money_edit(row.amount if row else None))
    d.add("source_document", tr("来源文件"), text_edit(row.source_document if row else None)
          ).setPlaceholderText(tr("如 2026 年度审计报告"))
    d.add("note", tr("备注"), text_edit(row.note if row else None))
    return d


class ProfitTab(QWidget):
    """The reward schedule; writes go through the panel's `open_dialog` (write_op)."""

    def __init__(self, ctx: AppContext, deal_no: str,
                 open_dialog: Callable[[QWidget], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.deal_no, self.open_dialog = ctx, deal_no, open_dialog
        self.setObjectName("profit_tab")
        self.start = QLabel()
        self.start.setObjectName("production_start")
        self.model = RowsModel([
            Column(tr("年度"), lambda r: str(r.year)),
            Column(tr("营业利润"), lambda r: r.amount, "money"),
            Column(tr("来源文件"), lambda r: r.source_document or ""),
            Column(tr("奖励截止"), lambda r: r.due),
            Column(tr("收益分配"), lambda r: f"#{r.distribution_id}" if r.distribution_id
                   else ""),
        ], ctx.lang)
        self.view = make_view(self.model, "profit_view", sortable=False)
        buttons = QHBoxLayout()
        for name, text, slot in (("production_start", tr("记录投产日期…"), self.set_start),
                                 ("add_profit", tr("录入营业利润…"), self.add_profit)):
            button = QPushButton(text)
            button.setObjectName(name + "_button")
            button.clicked.connect(lambda _c=False, f=slot: f())
            buttons.addWidget(button)
        buttons.addStretch(1)
        note = QLabel(tr("自行实施或合作实施：投产后每年按营业利润的一定比例（不低于政策下限）"
                         "奖励团队，不按收款分配。"))
        note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(buttons)
        lay.addWidget(self.start)
        lay.addWidget(note)
        lay.addWidget(self.view, 1)

    def show_schedule(self, production_start: Any) -> None:
        self.start.setText(tr("投产日期：") + (str(production_start) if production_start
                                           else tr("未记录")))
        self.model.set_rows(profit.profit_rows(self.ctx, self.deal_no))

    def set_start(self) -> QWidget:
        return self.open_dialog(production_dialog(self.ctx, self.deal_no, self))

    def add_profit(self) -> QWidget:
        return self.open_dialog(profit_dialog(self.ctx, self.deal_no, selected_row(self.view),
                                              self))
