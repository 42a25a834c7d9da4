"""The 企业 tab (counterparties and spin-offs of the case's deals, each opening the
companies area's page) and the 历史 tab (audit events of the case and its deals)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.labels import label
from ttdesk.core.views import history
from ttdesk.core.views.case_companies import CaseCompany, case_companies
from ttdesk.core.views.case_detail import CaseDetail
from ttdesk.core.views.deal_detail import CompanyRef
from ttdesk.core.views.parts import HistoryEvent
from ttdesk.core.views.timeline import TimelineFilter, case_notes, keep_event
from ttdesk.ui.case.records_tabs import fill_table, record_table
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import read_op
from ttdesk.ui.kit.screens import build_screen, empty_state


class CompanyTab(QWidget):
    """Companies met through the case's deals; the selected one's page on the right."""

    def __init__(self, ctx: AppContext, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.companies: list[CompanyRef] = []
        self.note = QLabel()
        self.note.setObjectName("company_note")
        self.list = QListWidget()
        self.list.setObjectName("company_list")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show)
        self.holder = QWidget()
        self.holder_layout = QVBoxLayout(self.holder)
        self.holder_layout.setContentsMargins(0, 0, 0, 0)
        self.shown: QWidget = empty_state(self.tr("未选择企业"))
        self.holder_layout.addWidget(self.shown)
        self.split = QSplitter()
        self.split.addWidget(self.list)
        self.split.addWidget(self.holder)
        self.split.setSizes([320, 800])
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.split, 1)

    def show_detail(self, c: CaseDetail) -> None:
        """Read the case's companies on the worker (one query); `show_companies` paints."""
        ctx, case_no = self.ctx, c.case_no
        read_op(self, lambda: case_companies(ctx, case_no), self.show_companies)

    def show_companies(self, found: Sequence[CaseCompany]) -> None:
        lang = self.ctx.lang
        self.companies = [x.company for x in found]
        self.list.blockSignals(True)
        self.list.clear()
        for x in found:
            kind = self.tr("衍生企业") if x.company.is_spinoff else self.tr("受让方/合作方")
            deals = "、".join(f"{no} {label(mode, lang)}" for no, mode in x.deals)
            self.list.addItem(f"{x.company.name}\n{kind} · {deals}")
        self.list.blockSignals(False)
        self.note.setText(self.tr("共 %1 家企业").replace("%1", str(len(self.companies)))
                          if self.companies else self.tr("尚无企业：签约的受让方、合作方与"
                                                         "作价投资形成的企业将列在这里。"))
        if self.companies:
            self.list.blockSignals(True)
            self.list.setCurrentRow(0)
            self.list.blockSignals(False)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.companies):
            page: QWidget = empty_state(self.tr("未选择企业"))
        else:
            cid = self.companies[row].id
            page = build_screen(self.tr("企业详情"), lambda: self._company_page(cid))
        self.holder_layout.removeWidget(self.shown)
        self.shown.hide()
        self.shown.deleteLater()
        self.shown = page
        self.holder_layout.addWidget(page)

    def _company_page(self, company_id: int) -> QWidget:
        from ttdesk.ui.companies.company_page import CompanyPage

        return CompanyPage(self.ctx, self.bus, company_id)


class HistoryTab(QWidget):
    """One timeline: the audit history and the notes of the case and its deals, newest
    first, filterable (all, notes, status moves, money, filings)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filter = QComboBox()
        self.filter.setObjectName("timeline_filter")
        for code, text in ((TimelineFilter.ALL, self.tr("全部")),
                           (TimelineFilter.NOTES, self.tr("备注")),
                           (TimelineFilter.STATUS, self.tr("状态变化")),
                           (TimelineFilter.MONEY, self.tr("资金")),
                           (TimelineFilter.FILINGS, self.tr("文件"))):
            self.filter.addItem(text, code.value)
        self.filter.currentIndexChanged.connect(lambda _i: self._refill())
        self.table = record_table([self.tr("时间"), self.tr("用户"), self.tr("操作"),
                                   self.tr("对象"), self.tr("修改内容")], "history_table")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("显示：")))
        top.addWidget(self.filter)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table)
        self._events: Sequence[HistoryEvent] = ()
        self._case: CaseDetail | None = None

    def show_detail(self, c: CaseDetail) -> None:
        self.show_events(history.case_history(self.ctx, c), c)

    def show_events(self, events: Sequence[HistoryEvent], c: CaseDetail | None = None) -> None:
        self._events, self._case = events, c
        self._refill()

    def _refill(self) -> None:
        wanted = TimelineFilter(self.filter.currentData() or TimelineFilter.ALL.value)
        c = self._case
        events = [] if wanted == TimelineFilter.NOTES else [
            e for e in self._events if keep_event(e.entity, e.changes, wanted)]
        rows = history.lines(events, self.ctx.lang, history.refs_of(c) if c else None)
        lines = [(r.at, r.at.astimezone().strftime("%Y-%m-%d %H:%M"), r.actor, r.action, r.what,
                  r.changes) for r in rows]
        if c is not None and wanted in (TimelineFilter.ALL, TimelineFilter.NOTES):
            for n in case_notes(self.ctx, c.id, [d.id for d in c.deals]):
                lines.append((n.created_at, n.written_on.isoformat(), n.author,
                              self.tr("备注"), "", n.body))
        lines.sort(key=lambda line: line[0], reverse=True)
        fill_table(self.table, [line[1:] for line in lines])
        for i, line in enumerate(lines):  # the whole change list when the cell is cut short
            item = self.table.item(i, 4)
            if item is not None:
                item.setToolTip(str(line[5]).replace("; ", "\n"))
