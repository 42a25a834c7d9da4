"""The 交易 tab: the case's deals; for the selected one its status and next step, every
action its status machine allows, its terms, pricing publicity with objections, valuations,
and the money and filings panels of the other areas (built when first looked at)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QTabWidget, QVBoxLayout, QWidget

from ttdesk.codes import COOPERATION_MODES
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.base.labels import field_label, label, pick, yes_no
from ttdesk.core.views.case_detail import CaseDetail
from ttdesk.core.views.deal_detail import DealDetail, deal_detail
from ttdesk.core.views.stepper import deal_hint
from ttdesk.ui.case.actions import ActionBar
from ttdesk.ui.case.panels import (
    KeyValues,
    publicity_table,
    scrolled,
    show_publicities,
)
from ttdesk.ui.case.records_tabs import fill_table, record_table
from ttdesk.ui.deals.deal_specs import DEAL_ACTIONS, DEAL_RECORDS, NEW_DEAL
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.problems import messages_of
from ttdesk.ui.kit.screens import build_screen


class DealsTab(QWidget):
    """Deal list on top, the selected deal below; `deal_changed(deal_no)` on selection."""

    deal_changed = Signal(str)

    def __init__(self, ctx: AppContext, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.case: CaseDetail | None = None
        self.deal: DealDetail | None = None
        self._lazy_for: dict[int, str] = {}
        self.new_bar = ActionBar(ctx, bus, [NEW_DEAL])
        self.list = QListWidget()
        self.list.setObjectName("deal_list")
        self.list.setMaximumHeight(110)
        self.list.currentRowChanged.connect(self._load_current)
        self.header = QLabel()
        self.header.setObjectName("deal_header")
        bold = self.header.font()
        bold.setBold(True)
        self.header.setFont(bold)
        self.hint = QLabel()
        self.hint.setObjectName("deal_hint")
        self.hint.setWordWrap(True)
        for line in (self.header, self.hint):  # data, never markup
            line.setTextFormat(Qt.TextFormat.PlainText)
        self.actions = ActionBar(ctx, bus, DEAL_ACTIONS)
        self.records = ActionBar(ctx, bus, DEAL_RECORDS)
        self.terms = KeyValues()
        self.pubs = publicity_table("deal_publicity")
        self.valuations = record_table([field_label(k, ctx.lang) for k in (
            "appraised", "no_appraisal_reason", "firm", "report_no", "base_date", "approach",
            "appraised_value", "agreed_value")], "valuation_table")
        self.sub = QTabWidget()
        self.sub.setObjectName("deal_tabs")
        self.sub.addTab(scrolled(self.terms), self.tr("条款"))
        self.sub.addTab(self.pubs, self.tr("公示与异议"))
        self.sub.addTab(self.valuations, self.tr("评估/定价"))
        self.diligence = record_table([
            self.tr("核查项"), self.tr("已核查"), self.tr("核查日期"), self.tr("核查人"),
            self.tr("说明")], "diligence_table")
        self.sub.addTab(self.diligence, self.tr("尽职调查"))
        self.money_index = self.sub.addTab(QWidget(), self.tr("收款与分配"))
        self.filings_index = self.sub.addTab(QWidget(), self.tr("文件"))
        self.files_index = self.sub.addTab(QWidget(), self.tr("附件"))
        self.sub.currentChanged.connect(lambda _i: self._build_lazy())
        lay = QVBoxLayout(self)
        lay.addWidget(self.new_bar)
        lay.addWidget(self.list)
        lay.addWidget(self.header)
        lay.addWidget(self.hint)
        lay.addWidget(self.actions)
        lay.addWidget(self.records)
        lay.addWidget(self.sub, 1)

    # ---- selection ----------------------------------------------------------------------
    def show_detail(self, c: CaseDetail) -> None:
        self.case = c
        self.new_bar.set_record(c)
        keep = self.deal.deal_no if self.deal else None
        self.list.blockSignals(True)
        self.list.clear()
        for d in c.deals:
            self.list.addItem(f"{d.deal_no} · {label(d.status, self.ctx.lang)} · {d.title}")
        self.list.blockSignals(False)
        nos = [d.deal_no for d in c.deals]
        self.list.blockSignals(True)
        self.list.setCurrentRow(nos.index(keep) if keep in nos else (0 if nos else -1))
        self.list.blockSignals(False)
        self._load_current(self.list.currentRow())

    def select(self, deal_no: str) -> bool:
        nos = [d.deal_no for d in self.case.deals] if self.case else []
        if deal_no not in nos:
            return False
        self.list.setCurrentRow(nos.index(deal_no))
        return True

    def _load_current(self, row: int) -> None:
        self.deal = None
        if self.case is not None and 0 <= row < len(self.case.deals):
            try:
                self.deal = deal_detail(self.ctx, self.case.deals[row].deal_no)
            except TTDeskError as exc:
                self.hint.setText("\n".join(messages_of(exc, self.ctx.lang)))
        self._show_deal()
        if self.deal is not None:
            self.deal_changed.emit(self.deal.deal_no)

    # ---- display ------------------------------------------------------------------------
    def _show_deal(self) -> None:
        d, lang = self.deal, self.ctx.lang
        self.actions.set_record(d)
        self.records.set_record(d)
        self.sub.setEnabled(d is not None)
        if d is None:
            self.header.setText(self.tr("尚无转化项目") if not (self.case and self.case.deals)
                                else "")
            self.hint.setText(self.tr("可点击“新建转化项目…”开始。"))
            self.terms.set_pairs([])
            show_publicities(self.pubs, [], self.ctx.today(), lang)
            fill_table(self.valuations, [])
            fill_table(self.diligence, [])
            return
        self.header.setText(f"{d.deal_no} {d.title} · {self.tr('状态')}：{label(d.status, lang)}")
        self.hint.setText(self.tr("下一步 / 当前：") + deal_hint(d, self.ctx.today()).text(lang))
        party = d.counterparty.name if d.counterparty else None
        pairs = [
            ("mode", label(d.mode, lang)), ("counterparty", party),
            ("pricing_method", label(d.pricing_method, lang)),
            ("price", f"¥{d.price:,}" if d.price is not None else None),
            ("exchange_reference", d.exchange_reference),
            ("payment_terms", d.payment_terms),
            ("deferred_payment", yes_no(d.deferred_payment, lang)),
            ("related_party_declaration", d.related_party_declaration),
            ("approval_tier", d.approval_tier), ("approval_body", d.approval_body),
            ("approval_date", d.approval_date),
            ("supervising_approval_ref", d.supervising_approval_ref),
            ("signing_date", d.signing_date), ("registration_no", d.registration_no),
            ("registration_date", d.registration_date),
            ("registration_submitted_on", d.registration_submitted_on),
            ("registration_contract_amount", f"¥{d.registration_contract_amount:,}"
             if d.registration_contract_amount is not None else None),
            ("registration_tech_amount", f"¥{d.registration_tech_amount:,}"
             if d.registration_tech_amount is not None else None),
            ("term_end", d.term_end),
            ("completion_date", d.completion_date),
            ("termination_reason", d.termination_reason),
        ]
        names = {"registration_date": self.tr("登记日期"), "price": self.tr("价格（元）")}
        self.terms.set_pairs([(names.get(k) or field_label(k, lang), v) for k, v in pairs])
        show_publicities(self.pubs, d.publicities, self.ctx.today(), lang)
        fill_table(self.valuations, [
            (yes_no(v.appraised, lang), v.no_appraisal_reason, v.firm, v.report_no, v.base_date,
             label(v.approach, lang), v.appraised_value, v.agreed_value) for v in d.valuations])
        self._show_diligence(d)
        self._build_lazy()

    def _show_diligence(self, d: DealDetail) -> None:
        """The checklist of the policy, ticked or not (cooperation contracts have none)."""
        from ttdesk.core.deals import diligence

        rows = [] if d.mode in COOPERATION_MODES else diligence.checklist(self.ctx, d.deal_no)
        fill_table(self.diligence, [
            (pick((r.zh, r.en), self.ctx.lang), "✓" if r.done else "—", r.on, r.by, r.note)
            for r in rows])

    def _build_lazy(self) -> None:
        """Host the money / filings / attachments panel of the selected deal when its sub-tab
        is shown."""
        index = self.sub.currentIndex()
        builders = {self.money_index: (self.tr("收款与分配"), self._money_panel),
                    self.filings_index: (self.tr("文件"), self._filings_panel),
                    self.files_index: (self.tr("附件"), self._files_panel)}
        if self.deal is None or index not in builders:
            return
        deal_no = self.deal.deal_no
        if self._lazy_for.get(index) == deal_no:
            return
        what, make = builders[index]
        panel = build_screen(what, lambda: make(deal_no))
        text = self.sub.tabText(index)
        old = self.sub.widget(index)
        self.sub.blockSignals(True)
        self.sub.removeTab(index)
        self.sub.insertTab(index, panel, text)
        self.sub.setCurrentIndex(index)
        self.sub.blockSignals(False)
        old.deleteLater()
        self._lazy_for[index] = deal_no

    def _money_panel(self, deal_no: str) -> QWidget:
        from ttdesk.ui.deals.money_panel import DealMoneyPanel

        return DealMoneyPanel(self.ctx, self.bus, deal_no)

    def _filings_panel(self, deal_no: str) -> QWidget:
        from ttdesk.ui.filings.panel import FilingsPanel

        return FilingsPanel(self.ctx, self.bus, "deal", deal_no)

    def _files_panel(self, deal_no: str) -> QWidget:
        """The deal's attachments and notes (the signed contract, the appraisal report)."""
        from ttdesk.ui.case.files_tab import FilesTab

        tab = FilesTab(self.ctx, self.bus)
        tab.show_ref(deal_no)
        return tab
