"""A deal's money on its case page (收款与分配): payment terms and milestones, receipts and
costs (never deleted: a wrong entry is reversed, and both rows stay, marked in words and
struck through), net income per year, the royalty audit, and the deal's distributions with
the actions their status allows. It reads the core's DTOs and refreshes on `bus.MONEY`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ttdesk.codes import IMPLEMENTATION_MODES, DealMode
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.base.labels import label
from ttdesk.core.money import payments, receipts, royalty
from ttdesk.core.money.income import signed_amount
from ttdesk.core.rules.statemachine import DEAL_CLOSED
from ttdesk.core.views.deal_detail import DealDetail
from ttdesk.core.views.deal_money_page import DealMoneyPage, deal_money_page
from ttdesk.ui.case.panels import KeyValues
from ttdesk.ui.deals import money_dialogs as dd
from ttdesk.ui.deals.distributions_tab import DistributionsTab
from ttdesk.ui.deals.profit_tab import ProfitTab
from ttdesk.ui.kit.bus import ALL, DEALS, MONEY, DataBus
from ttdesk.ui.kit.forms import FormDialog
from ttdesk.ui.kit.ops import read_op, write_op
from ttdesk.ui.kit.problems import show_problem
from ttdesk.ui.kit.table import Column, RowsModel, make_view, money_text, pct_text, selected_row


def tr(text: str) -> str:
    return QCoreApplication.translate("DealMoneyPanel", text)


def entry_state(row: Any, _lang: str = "zh") -> str:
    """Words for a receipt / cost row's standing (the struck font only repeats it)."""
    if row.reverses_id is not None:
        return tr("冲销记录（冲 #{0}）").format(row.reverses_id)
    if row.reversed_by is not None:
        return tr("已冲销（由 #{0}）").format(row.reversed_by)
    if getattr(row, "distribution_id", None) is not None:
        return tr("已列入分配 #{0}").format(row.distribution_id)
    return tr("有效")


def struck(row: Any) -> bool:
    return row.reverses_id is not None or row.reversed_by is not None


class DealMoneyPanel(QWidget):
    """Money of one deal; every write is one service call through `write_op`."""

    def __init__(self, ctx: AppContext, bus: DataBus, deal_no: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus, self.deal_no = ctx, bus, deal_no
        self.setObjectName("deal_money")
        self.last_dialog: QWidget | None = None
        self.terms: payments.PaymentTerms | None = None
        self.audit: royalty.RoyaltyAudit | None = None
        lang = ctx.lang
        # Filled by `show_page` when the page read returns (buttons wait for it).
        self.page: DealMoneyPage | None = None
        self.deal: DealDetail | None = None
        self.summary = QLabel()
        self.summary.setObjectName("money_summary")
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(6, 4, 6, 4)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("money_tabs")

        # terms + milestones
        self.terms_view = KeyValues()
        self.milestones = RowsModel([
            Column(self.tr("序号"), lambda m: m.seq),
            Column(self.tr("节点"), lambda m: m.title),
            Column(self.tr("金额"), lambda m: m.amount, "money"),
            Column(self.tr("应付日期"), lambda m: m.due_date),
            Column(self.tr("付款条件"), lambda m: m.trigger or ""),
            Column(self.tr("已收"), lambda m: m.received, "money"),
            Column(self.tr("状态"), lambda m: self._milestone_state(m.status)),
        ], lang)
        self.milestone_view = make_view(self.milestones, "milestone_view", stretch=1)
        self.buttons: dict[str, QPushButton] = {}
        terms_tab = self._tab([self.terms_view, QLabel(self.tr("付款节点：")),
                               self.milestone_view], [
            ("edit_terms", self.tr("编辑付款条款…"), self.edit_terms),
            ("add_milestone", self.tr("新增节点…"), self.add_milestone),
            ("edit_milestone", self.tr("修改节点…"), self.edit_milestone),
            ("remove_milestone", self.tr("删除节点"), self.remove_milestone)])

        # receipts
        self.receipts = RowsModel([
            Column(self.tr("编号"), lambda r: f"#{r.id}"),
            Column(self.tr("日期"), lambda r: r.received_on),
            Column(self.tr("类型"), lambda r: r.kind),
            Column(self.tr("金额"), signed_amount, "money"),
            Column(self.tr("发票号"), lambda r: r.invoice_no or ""),
            Column(self.tr("状态"), lambda r: entry_state(r, lang)),
            Column(self.tr("备注"), lambda r: r.note or ""),
        ], lang, struck)
        self.receipt_view = make_view(self.receipts, "receipt_view")
        receipts_tab = self._tab([self.receipt_view], [
            ("add_receipt", self.tr("登记收款…"), self.add_receipt),
            ("edit_receipt", self.tr("修改收款…"), self.edit_receipt),
            ("reverse_receipt", self.tr("冲销收款…"), self.reverse_receipt)])

        # costs
        self.costs = RowsModel([
            Column(self.tr("编号"), lambda c: f"#{c.id}"),
            Column(self.tr("日期"), lambda c: c.incurred_on),
            Column(self.tr("类别"), lambda c: c.category),
            Column(self.tr("金额"), signed_amount, "money"),
            Column(self.tr("可扣除"), lambda c: c.deductible),
            Column(self.tr("状态"), lambda c: entry_state(c, lang)),
            Column(self.tr("备注"), lambda c: c.note or ""),
        ], lang, struck)
        self.cost_view = make_view(self.costs, "cost_view")
        costs_tab = self._tab([self.cost_view], [
            ("add_cost", self.tr("登记费用…"), self.add_cost),
            ("edit_cost", self.tr("修改费用…"), self.edit_cost),
            ("reverse_cost", self.tr("冲销费用…"), self.reverse_cost)])

        # net income per year
        self.net = RowsModel([
            Column(self.tr("期间"), lambda n: n[0]),
            Column(self.tr("收款"), lambda n: n[1].gross, "money"),
            Column(self.tr("冲销"), lambda n: n[1].reversed, "money"),
            Column(self.tr("实收"), lambda n: n[1].received, "money"),
            Column(self.tr("可扣除费用"), lambda n: n[1].deductible_costs, "money"),
            Column(self.tr("其他费用"), lambda n: n[1].other_costs, "money"),
            Column(self.tr("净收入"), lambda n: n[1].net, "money"),
        ], lang)
        self.net_view = make_view(self.net, "net_view", sortable=False, stretch=None)
        net_tab = self._tab([self.net_view], [])

        # royalty audit
        self.royalty = RowsModel([
            Column(self.tr("期间"), lambda x: f"{x.period_start}～{x.period_end}"),
            Column(self.tr("报告销售额"), lambda x: x.sales_base, "money"),
            Column(self.tr("费率"), lambda x: x.rate, "pct"),
            Column(self.tr("按费率"), lambda x: x.by_rate, "money"),
            Column(self.tr("最低提成（折算）"), lambda x: x.minimum_part, "money"),
            Column(self.tr("应收提成"), lambda x: x.expected, "money"),
            Column(self.tr("报告提成"), lambda x: x.reported_royalty, "money"),
            Column(self.tr("实收"), lambda x: x.received, "money"),
            Column(self.tr("差额"), lambda x: x.difference, "money"),
            Column(self.tr("核查结果"), lambda x: x.status),
        ], lang)
        self.royalty_view = make_view(self.royalty, "royalty_view")
        self.royalty_total = QLabel()
        self.royalty_total.setObjectName("royalty_total")
        royalty_tab = self._tab([self.royalty_view, self.royalty_total], [
            ("add_report", self.tr("登记提成报告…"), self.add_report)])

        # distributions
        self.distributions = DistributionsTab(ctx, bus, deal_no, self._open, self._guard)
        self.buttons.update(self.distributions.buttons)
        self.dists, self.dist_view = self.distributions.dists, self.distributions.dist_view
        self.people, self.dist_facts = self.distributions.people, self.distributions.dist_facts
        # self / joint implementation: the yearly operating profit (added once the mode is known)
        self.profit: ProfitTab | None = None

        for widget, text in ((terms_tab, self.tr("付款条款")), (receipts_tab, self.tr("收款")),
                             (costs_tab, self.tr("费用")), (net_tab, self.tr("净收入")),
                             (royalty_tab, self.tr("提成核查")),
                             (self.distributions, self.tr("收益分配"))):
            self.tabs.addTab(widget, text)
        for view in (self.milestone_view, self.receipt_view, self.cost_view):
            view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.summary)
        lay.addWidget(self.tabs, 1)
        bus.changed.connect(self._on_changed)
        self.reload()

    def _tab(self, widgets: list[QWidget],
             actions: list[tuple[str, str, Callable[[], Any]]]) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        row = QHBoxLayout()
        for name, text, slot in actions:
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _c=False, f=slot: f())
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        if actions:
            lay.addLayout(row)
        for w in widgets:
            lay.addWidget(w, 0 if isinstance(w, (QLabel, KeyValues)) else 1)
        return page

    def _milestone_state(self, status: str) -> str:
        words = {"open": self.tr("未到期"), "overdue": self.tr("已逾期"),
                 "partly_paid": self.tr("部分收款"), "paid": self.tr("已收齐")}
        return words.get(status, status)

    # ---- loading ----------------------------------------------------------------------------
    def _on_changed(self, kind: str, record: int) -> None:
        """Reload for a change of this deal's money or terms (the core names the deal; 0:
        several or unknown), not for another deal's."""
        if kind == ALL or (kind in (MONEY, DEALS)
                           and (record == 0 or self.deal is None or record == self.deal.id)):
            self.reload()

    def reload(self) -> None:
        """Read the page on the worker; `show_page` paints it when it returns."""
        ctx, no = self.ctx, self.deal_no
        read_op(self, lambda: deal_money_page(ctx, no), self.show_page, self._read_failed)

    def _read_failed(self, exc: BaseException) -> None:
        if isinstance(exc, TTDeskError):  # e.g. the deal was deleted meanwhile
            self.summary.setText("✖ " + "; ".join(exc.messages(self.ctx.lang)))
        else:
            show_problem(self, exc, self.ctx.lang)

    def show_page(self, page: DealMoneyPage) -> None:
        lang = self.ctx.lang
        self.page, self.deal, self.terms, self.audit = page, page.deal, page.terms, page.audit
        t = self.terms
        self.terms_view.set_pairs([
            (self.tr("合同价格"), money_text(t.price)),
            (self.tr("首付款"), money_text(t.upfront_amount)),
            (self.tr("提成费率"), pct_text(t.royalty_rate)),
            (self.tr("提成基数"), t.royalty_base),
            (self.tr("年度最低提成"), money_text(t.minimum_annual_royalty)),
            (self.tr("提成结算周期"), self.tr("%1 个月").replace(
                "%1", str(t.royalty_period_months)) if t.royalty_period_months else ""),
            (self.tr("先使用后付费"), (self.tr("是：") + (t.deferred_trigger or "")
                                   if t.deferred_payment else self.tr("否"))),
            (self.tr("触发条件复核日期"), t.deferred_review_date),
            (self.tr("其他付款约定"), t.payment_terms),
            (self.tr("约定固定付款合计"), money_text(t.scheduled_total)),
            (self.tr("下次提成报告截止"), t.next_report_due),
        ])
        self.milestones.set_rows(t.milestones)
        self.receipts.set_rows(list(page.receipts))
        self.costs.set_rows(list(page.costs))
        self.net.set_rows([(str(y), n) for y, n in page.net_by_year]
                          + [(self.tr("合计"), page.net_total)])
        self.royalty.set_rows(self.audit.lines)
        self.royalty_total.setText(
            self.tr("应收合计 %1 · 实收合计 %2 · 差额 %3 · 不符 %4 期")
            .replace("%1", money_text(self.audit.expected_total))
            .replace("%2", money_text(self.audit.received_total))
            .replace("%3", money_text(self.audit.difference_total))
            .replace("%4", str(len(self.audit.discrepancies))))
        on_profit = self.deal.mode in IMPLEMENTATION_MODES
        if on_profit:
            if self.profit is None:
                self.profit = ProfitTab(self.ctx, self.deal_no, self._open)
                self.tabs.addTab(self.profit, self.tr("营业利润"))
            self.profit.show_schedule(self.deal.production_start_date)
        self.distributions.show_rows(list(page.distributions),
                                     page.has_free_receipts or on_profit
                                     or self.deal.mode == DealMode.EQUITY)
        self.summary.setText(
            f"<b>{self.deal.deal_no}</b> {self.deal.title} · {label(self.deal.mode, lang)} · "
            + self.tr("实收 %1 · 净收入 %2 · 分配 %3 次").replace(
                "%1", money_text(t.received_total)).replace(
                "%2", money_text(page.net_total.net) or "—").replace(
                "%3", str(len(page.distributions))))
        self._update_buttons()

    def _update_buttons(self) -> None:
        b = self.buttons
        if self.deal is None:  # not painted yet
            for button in b.values():
                button.setEnabled(False)
            return
        closed = self.deal.status in DEAL_CLOSED
        b["edit_terms"].setEnabled(not closed)
        b["add_milestone"].setEnabled(not closed)
        m = selected_row(self.milestone_view)
        b["edit_milestone"].setEnabled(m is not None and not closed)
        b["remove_milestone"].setEnabled(m is not None and not closed and m.received == 0)
        r = selected_row(self.receipt_view)
        open_receipt = r is not None and r.effective and r.distribution_id is None
        b["edit_receipt"].setEnabled(open_receipt)
        b["reverse_receipt"].setEnabled(open_receipt)
        c = selected_row(self.cost_view)
        open_cost = c is not None and not struck(c)
        b["edit_cost"].setEnabled(open_cost)
        b["reverse_cost"].setEnabled(open_cost)
        b["add_report"].setEnabled(bool(self.terms and self.terms.royalty_rate))

    # ---- running a dialog -----------------------------------------------------------------
    def _open(self, dialog: QWidget, after: Callable[[Any], None] | None = None) -> QWidget:
        """Show a dialog; its service call runs through `write_op`, so the bus hears what the
        core says changed (views reload)."""
        self.last_dialog = dialog
        if isinstance(dialog, FormDialog):
            submit = dialog.submit
            dialog.submit = lambda d: write_op(self.ctx, self.bus, submit, d)
            if after is not None:
                dialog.accepted.connect(lambda: after(dialog.result_value))
        dialog.open()
        return dialog

    def _guard(self, work: Callable[[], Any]) -> bool:
        try:
            write_op(self.ctx, self.bus, work)
        except TTDeskError as exc:
            show_problem(self, exc, self.ctx.lang)
            return False
        return True

    # ---- terms ------------------------------------------------------------------------------
    def edit_terms(self) -> QWidget | None:
        return self._open(dd.terms_dialog(self.ctx, self.terms, self)) if self.terms else None

    def add_milestone(self) -> QWidget:
        return self._open(dd.milestone_dialog(self.ctx, self.deal_no, None, self))

    def edit_milestone(self) -> QWidget | None:
        m = selected_row(self.milestone_view)
        return self._open(dd.milestone_dialog(self.ctx, self.deal_no, m, self)) if m else None

    def remove_milestone(self) -> bool:
        m = selected_row(self.milestone_view)
        return m is not None and self._guard(lambda: payments.remove_milestone(self.ctx, m.id))

    # ---- receipts and costs -----------------------------------------------------------------
    def _receipt_dialog(self, row: receipts.ReceiptRow | None) -> QWidget | None:
        if self.terms is None or self.deal is None:
            return None
        reports = self.audit.lines if self.audit else []
        return self._open(dd.receipt_dialog(self.ctx, self.deal_no, self.terms, reports, row,
                                            self.deal.mode == DealMode.EQUITY, self))

    def add_receipt(self) -> QWidget | None:
        return self._receipt_dialog(None)

    def edit_receipt(self) -> QWidget | None:
        r = selected_row(self.receipt_view)
        return self._receipt_dialog(r) if r is not None else None

    def reverse_receipt(self) -> QWidget | None:
        r = selected_row(self.receipt_view)
        if r is None:
            return None
        return self._open(dd.reverse_dialog(self.ctx, "receipt", r.id, money_text(r.amount),
                                            self))

    def add_cost(self) -> QWidget:
        return self._open(dd.cost_dialog(self.ctx, self.deal_no, None, self))

    def edit_cost(self) -> QWidget | None:
        c = selected_row(self.cost_view)
        return self._open(dd.cost_dialog(self.ctx, self.deal_no, c, self)) if c else None

    def reverse_cost(self) -> QWidget | None:
        c = selected_row(self.cost_view)
        if c is None:
            return None
        return self._open(dd.reverse_dialog(self.ctx, "cost", c.id, money_text(c.amount), self))

    def add_report(self) -> QWidget:
        return self._open(dd.report_dialog(self.ctx, self.deal_no, self))

    # ---- distributions (the tab's own actions, kept here for callers of the panel) -------
    def new_distribution(self) -> QWidget:
        return self.distributions.new_distribution()

    def revise_distribution(self) -> QWidget | None:
        return self.distributions.revise_distribution()

    def discard_distribution(self, confirm: bool = True) -> bool:
        return self.distributions.discard_distribution(confirm)

    def approve(self) -> QWidget | None:
        return self.distributions.approve()

    def start_publicity(self) -> QWidget | None:
        return self.distributions.start_publicity()

    def record_payment(self) -> QWidget | None:
        return self.distributions.record_payment()
