"""A company's page (企业): header, the cap table with totals, equity events with their
actions, ownership over time as a chart, and the state-owned equity ledger (国有股权台账).

Opened by the companies list (main window) and the case page's 企业 tab with the company's
id; the equity services work by credit code, read here once from `money_views`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.base.labels import label, yes_no
from ttdesk.core.companies import equity
from ttdesk.core.views import money as money_views
from ttdesk.core.views.company_page import CompanyPage as CompanyPageData
from ttdesk.core.views.company_page import company_page
from ttdesk.ui.case.files_tab import FilesTab
from ttdesk.ui.case.panels import KeyValues
from ttdesk.ui.companies import equity_dialogs as ed
from ttdesk.ui.companies.ownership_chart import legend_widget, ownership_chart
from ttdesk.ui.kit.bus import ALL, COMPANIES, MONEY, DataBus
from ttdesk.ui.kit.fields import date_edit, from_qdate
from ttdesk.ui.kit.forms import FormDialog
from ttdesk.ui.kit.ops import read_op, write_op
from ttdesk.ui.kit.problems import show_problem
from ttdesk.ui.kit.table import Column, RowsModel, make_view, money_text, pct_text, selected_row


class CompanyPage(QWidget):
    """One company; reloads on `bus.COMPANIES` / `bus.MONEY`."""

    def __init__(self, ctx: AppContext, bus: DataBus, company_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus, self.company_id = ctx, bus, company_id
        self.setObjectName("company_page")
        lang = ctx.lang
        self.last_dialog: QWidget | None = None
        # Filled by `show_page` when the page read returns (buttons wait for it).
        self.page: CompanyPageData | None = None
        self.header: money_views.CompanyHeader | None = None
        self.credit_code = ""
        self.table: equity.CapTable | None = None
        self.title = QLabel()
        self.title.setObjectName("company_title")
        self.title.setWordWrap(True)
        self.facts = KeyValues()
        self.notice = QLabel()
        self.notice.setObjectName("notice")

        self.cap = RowsModel([
            Column(self.tr("股东"), lambda h: h.holder_name),
            Column(self.tr("类型"), lambda h: label(h.holder_type, lang) + (
                self.tr("（国有）") if h.is_state_owned else "")),
            Column(self.tr("工号 · 创业方式"), lambda h: " · ".join(
                x for x in (h.staff_no, label(h.employment_status, lang)) if x)),
            Column(self.tr("认缴出资"), lambda h: h.subscribed_capital, "money"),
            Column(self.tr("实缴出资"), lambda h: h.paid_in_capital, "money"),
            Column(self.tr("持股比例"), lambda h: h.percentage, "pct"),
            Column(self.tr("领导人员持股报批/备案"), lambda h: h.leader_approval or ""),
        ], lang)
        self.cap_view = make_view(self.cap, "cap_table_view", stretch=0)
        self.cap_total = QLabel()
        self.cap_total.setObjectName("cap_total")
        self.cap_total.setAlignment(Qt.AlignmentFlag.AlignRight)

        self.events = RowsModel([
            Column(self.tr("日期"), lambda e: e.happened_on),
            Column(self.tr("事件"), lambda e: e.kind),
            Column(self.tr("股东"), lambda e: e.holder_name or ""),
            Column(self.tr("相对方"), lambda e: e.counterparty_name or ""),
            Column(self.tr("金额"), lambda e: e.amount, "money"),
            Column(self.tr("比例"), lambda e: e.percentage, "pct"),
            Column(self.tr("变动后注册资本"), lambda e: e.capital_after, "money"),
            Column(self.tr("合同"), lambda e: e.deal_no or ""),
            Column(self.tr("收款"), lambda e: f"#{e.receipt_id}" if e.receipt_id else ""),
            Column(self.tr("备注"), lambda e: e.note or ""),
        ], lang)
        self.event_view = make_view(self.events, "event_view", stretch=2)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        self.equity_deals: list[money_views.EquityDealRef] = []
        for name, text, slot in (
                ("formation", self.tr("作价入股…"), self.form_company),
                ("capital_increase", self.tr("增资…"), self.capital_increase),
                ("transfer", self.tr("转让所选股权…"), self.transfer),
                ("exit", self.tr("所选股东退出…"), self.exit_holding),
                ("impairment", self.tr("计提减值…"), self.impairment),
                ("dividend", self.tr("分红…"), self.dividend)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _c=False, f=slot: f())
            self.buttons[name] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.cap_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons())

        self.chart_box = QGroupBox(self.tr("股权结构变化"))
        self.chart_lay = QVBoxLayout(self.chart_box)
        self.chart = ownership_chart([], ctx.today(), "")
        self.legend = legend_widget(self.chart)
        self.chart_lay.addWidget(self.chart, 1)
        self.chart_lay.addWidget(self.legend)
        self.ledger_box = QGroupBox(self.tr("国有股权台账"))
        self.ledger = KeyValues()
        QVBoxLayout(self.ledger_box).addWidget(self.ledger)

        # header on top; cap table beside the chart; events beside the ledger
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.facts, 2)
        cap_box = QWidget()
        cap_lay = QVBoxLayout(cap_box)
        cap_lay.setContentsMargins(0, 0, 0, 0)
        cap_head = QHBoxLayout()
        cap_head.addWidget(QLabel(self.tr("<b>股权结构</b>")))
        cap_head.addStretch(1)
        self.history_check = QCheckBox(self.tr("查看历史：截至"))
        self.history_check.setObjectName("history_check")
        self.as_of_edit = date_edit(ctx.today())
        self.as_of_edit.setObjectName("as_of_edit")
        self.as_of_edit.setEnabled(False)
        self.history_check.toggled.connect(self.as_of_edit.setEnabled)
        self.history_check.toggled.connect(lambda _on: self.reload())
        self.as_of_edit.dateChanged.connect(
            lambda _d: self.reload() if self.history_check.isChecked() else None)
        cap_head.addWidget(self.history_check)
        cap_head.addWidget(self.as_of_edit)
        cap_lay.addLayout(cap_head)
        cap_lay.addWidget(self.cap_view, 1)
        cap_lay.addWidget(self.cap_total)
        cap_lay.addLayout(actions)
        events_box = QWidget()
        events_lay = QVBoxLayout(events_box)
        events_lay.setContentsMargins(0, 0, 0, 0)
        events_lay.addWidget(QLabel(self.tr("<b>股权事件</b>")))
        events_lay.addWidget(self.event_view, 1)
        self.chart_box.setMinimumSize(440, 330)
        right = QVBoxLayout()
        right.addWidget(self.chart_box, 3)
        right.addWidget(self.ledger_box, 2)
        grid = QGridLayout()
        grid.addWidget(cap_box, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addWidget(events_box, 1, 0, 1, 2)
        # The company's files (articles of association, the appraisal report); notes belong
        # to cases and deals.
        self.files = FilesTab(ctx, bus, with_notes=False)
        grid.addWidget(self.files, 2, 0, 1, 2)
        # spin-off follow-up: milestones, support received, founders (issue 17 §2)
        from ttdesk.ui.companies.followup import FollowUpBox

        self.followup = FollowUpBox(ctx, self._open, self._remove_milestone)
        self.followup.setMinimumHeight(420)
        grid.addWidget(self.followup, 3, 0, 1, 2)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 1)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.addLayout(head)
        lay.addWidget(self.notice)
        lay.addLayout(grid, 1)
        inner.setMinimumHeight(1850)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        bus.changed.connect(self._on_changed)
        self.reload()

    # ---- loading ----------------------------------------------------------------------------
    def _on_changed(self, kind: str, _record: int) -> None:
        if kind in (COMPANIES, MONEY, ALL):
            self.reload()

    def reload(self) -> None:
        """Read the page on the worker; `show_page` paints it when it returns."""
        ctx, cid, as_of = self.ctx, self.company_id, self.as_of
        read_op(self, lambda: company_page(ctx, cid, as_of), self.show_page, self._read_failed)

    def _read_failed(self, exc: BaseException) -> None:
        if isinstance(exc, TTDeskError):
            self.title.setText("✖ " + "; ".join(exc.messages(self.ctx.lang)))
        else:
            show_problem(self, exc, self.ctx.lang)

    def show_page(self, page: CompanyPageData) -> None:
        ctx, lang = self.ctx, self.ctx.lang
        self.page = page
        self.header, self.table, self.equity_deals = page.header, page.cap_table, \
            list(page.equity_deals)
        self.credit_code = page.header.credit_code
        if self.credit_code and self.files.ref != self.credit_code:
            self.files.show_ref(self.credit_code)
        events, series = list(page.events), list(page.series)
        h, t = self.header, self.table
        kind = self.tr("衍生企业") if h.is_spinoff else self.tr("企业")
        if t.as_of is not None:
            kind += " · " + self.tr("股权结构截至 %1").replace("%1", str(t.as_of))
        self.title.setText(f"<h2>{h.name}</h2>{kind}")
        self.facts.set_pairs([
            (self.tr("统一社会信用代码"), h.credit_code),
            (self.tr("注册资本"), money_text(h.registered_capital)),
            (self.tr("成立日期"), h.registration_date),
            (self.tr("法定代表人"), h.legal_representative),
            (self.tr("园区/孵化器"), h.park),
        ])
        self.cap.set_rows(t.holdings)
        paid = sum((x.paid_in_capital for x in t.holdings), 0)
        subscribed = sum((x.subscribed_capital for x in t.holdings), 0)
        self.cap_total.setText(
            self.tr("合计：认缴 %1 · 实缴 %2 · %3 · 其中国有 %4")
            .replace("%1", money_text(subscribed)).replace("%2", money_text(paid))
            .replace("%3", pct_text(t.total_pct)).replace("%4", pct_text(t.state_pct))
            if t.holdings else self.tr("尚无股权登记"))
        self.events.set_rows(events)
        chart = ownership_chart(series if t.holdings or events else [], ctx.today(),
                                self.tr("持股比例（%）"))
        legend = legend_widget(chart)
        for old, new in ((self.chart, chart), (self.legend, legend)):
            self.chart_lay.replaceWidget(old, new)
            old.hide()  # gone at once, not only when the deferred delete runs
            old.deleteLater()
        self.chart, self.legend = chart, legend
        self._show_ledger(page.state_ledger, lang)
        self.followup.show_page(page)
        self.chart_box.setVisible(page.has_equity)  # a counterparty often has none recorded
        self.ledger_box.setVisible(page.has_equity)
        self._update_buttons()

    def _show_ledger(self, row: equity.StateEquityRow | None, lang: str) -> None:
        if row is None:
            self.ledger.set_pairs([(self.tr("国有股权"), self.tr("无"))])
            return
        self.ledger.set_pairs([
            (self.tr("持有人"), row.holder_name),
            (self.tr("作价投资合同"), "、".join(row.deal_nos)),
            (self.tr("形成日期"), row.formed_on),
            (self.tr("原始价值"), money_text(row.original_value)),
            (self.tr("累计减值"), money_text(row.impairments)),
            (self.tr("已处置成本"), money_text(row.disposed_cost)),
            (self.tr("账面价值"), money_text(row.book_value)),
            (self.tr("现持认缴出资"), money_text(row.subscribed_capital)),
            (self.tr("现持股比例"), pct_text(row.percentage)),
            (self.tr("退出收益"), money_text(row.proceeds)),
            (self.tr("累计分红"), money_text(row.dividends)),
            (self.tr("事件"), "；".join(f"{e.happened_on} {label(e.kind, lang)}"
                                       for e in row.events)),
            (self.tr("单列管理"), yes_no(True, lang)),
        ])

    @property
    def as_of(self) -> date | None:
        """The date of the cap table shown; None: today's (the one events change)."""
        if not self.history_check.isChecked():
            return None
        return from_qdate(self.as_of_edit.date())

    def _update_buttons(self) -> None:
        current = self.as_of is None and self.page is not None  # a past one is only looked at
        held = current and selected_row(self.cap_view) is not None
        has_table = current and bool(self.table and self.table.holdings)
        self.buttons["capital_increase"].setEnabled(current)
        self.buttons["formation"].setEnabled(current and bool(self.equity_deals))
        self.buttons["transfer"].setEnabled(held)
        self.buttons["exit"].setEnabled(held)
        state = bool(self.table and self.table.state_pct)
        self.buttons["impairment"].setEnabled(has_table and state)
        self.buttons["dividend"].setEnabled(has_table and state)

    # ---- actions ----------------------------------------------------------------------------
    def _open(self, dialog: FormDialog, after: Callable[[Any], None] | None = None
              ) -> FormDialog:
        """Show a dialog; its service call runs through `write_op` (the bus hears what the
        core says changed)."""
        self.last_dialog = dialog
        submit = dialog.submit
        dialog.submit = lambda d: write_op(self.ctx, self.bus, submit, d)
        if after is not None:
            dialog.accepted.connect(lambda: after(dialog.result_value))
        dialog.open()
        return dialog

    def _remove_milestone(self, milestone_id: int) -> None:
        from ttdesk.core.companies import milestones

        write_op(self.ctx, self.bus, milestones.remove, self.ctx, milestone_id)

    def form_company(self) -> FormDialog:
        return self._open(ed.formation_dialog(self.ctx, self.company_id, self.credit_code,
                                              self))

    def capital_increase(self) -> FormDialog:
        return self._open(ed.capital_increase_dialog(self.ctx, self.credit_code, self))

    def transfer(self) -> FormDialog | None:
        h = selected_row(self.cap_view)
        return self._open(ed.transfer_dialog(self.ctx, self.credit_code, h, self)) if h else None

    def exit_holding(self) -> FormDialog | None:
        h = selected_row(self.cap_view)
        if h is None:
            return None
        return self._open(ed.exit_dialog(self.ctx, self.credit_code, h, self), self._receipt)

    def impairment(self) -> FormDialog:
        return self._open(ed.impairment_dialog(self.ctx, self.credit_code, self))

    def dividend(self) -> FormDialog:
        return self._open(ed.dividend_dialog(self.ctx, self.credit_code, self), self._receipt)

    def _receipt(self, result: Any) -> None:
        """Exit proceeds and dividends of the state-owned share became a receipt."""
        rid = getattr(result, "receipt_id", None)
        if rid is not None:
            self.notice.setText("ℹ " + self.tr("已在作价投资合同上登记收款 #%1。")
                                .replace("%1", str(rid)))
