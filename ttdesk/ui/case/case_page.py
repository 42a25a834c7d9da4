"""The case page: one achievement from disclosure to company and income.

Header (number, title, status), the case's own status actions, the stage stepper saying what
is missing for the next step, and one tab per stage. The page reads everything through
`case_detail` and listens on the bus: after any change (its own actions announce too) it
reloads, keeping unsaved disclosure edits on screen. Leaving with unsaved edits asks first.
Keys: Ctrl+S save, Esc discard edits, Ctrl+Z / Ctrl+Shift+Z undo / redo in the form.
"""

from __future__ import annotations

import logging
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.base.labels import label
from ttdesk.core.views.case_detail import CaseDetail
from ttdesk.core.views.history import case_with_history
from ttdesk.core.views.parts import HistoryEvent
from ttdesk.core.views.stepper import steps_for
from ttdesk.ui.case.actions import ActionBar
from ttdesk.ui.case.case_specs import CASE_ACTIONS
from ttdesk.ui.case.choices import forget as forget_choices
from ttdesk.ui.case.disclosure_tab import DisclosureTab
from ttdesk.ui.case.files_tab import FilesTab
from ttdesk.ui.case.grants_tab import GrantsTab
from ttdesk.ui.case.other_tabs import CompanyTab, HistoryTab
from ttdesk.ui.case.records_tabs import RecordsTab
from ttdesk.ui.case.stepper import StageStepper
from ttdesk.ui.deals.deals_tab import DealsTab
from ttdesk.ui.kit.bus import ACHIEVEMENTS, ALL, COMPANIES, DEALS, FILINGS, MONEY, SETTINGS, DataBus
from ttdesk.ui.kit.problems import messages_of
from ttdesk.ui.kit.screens import build_screen

log = logging.getLogger(__name__)

RELOAD_ON = (ACHIEVEMENTS, DEALS, MONEY, COMPANIES, FILINGS, SETTINGS, ALL)
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
# Stepper stage -> tab key.
STAGE_TABS = {"disclosure": "disclosure", "assessment": "assessment", "grant": "grant",
              "deal": "deals", "company": "company"}


def ask_unsaved(parent: QWidget) -> str:
    """Save / discard / cancel for unsaved edits (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("CasePage", "未保存的修改"),
                      QCoreApplication.translate("CasePage", "披露信息有未保存的修改。是否保存？"),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("unsaved_prompt")
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


class CasePage(QWidget):
    """`CasePage(ctx, bus, case_no)`; `show_deal(deal_no)` opens the deals tab on a deal."""

    reloaded = Signal()

    def __init__(self, ctx: AppContext, bus: DataBus, case_no: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus, self.case_no = ctx, bus, case_no
        self.detail: CaseDetail | None = None
        self.events: list[HistoryEvent] = []
        self._reload_when_shown = False
        self.setObjectName("case_page")
        self.header = QLabel()
        self.header.setObjectName("case_header")
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("case_status")
        self.actions = ActionBar(ctx, bus, CASE_ACTIONS)
        self.stepper = StageStepper(ctx.lang)
        self.stepper.stage_clicked.connect(self._stage_clicked)
        self._build_tabs()
        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        lay.addWidget(self.status)
        lay.addWidget(self.actions)
        lay.addWidget(self.stepper)
        lay.addWidget(self.tabs, 1)
        self.actions.guard = self.confirm_leave
        # Only while the focus is inside the page: the main window may bind the same keys.
        stack = self.disclosure.tracker.stack
        for key, slot in ((QKeySequence(QKeySequence.StandardKey.Save), self.save),
                          (QKeySequence(Qt.Key.Key_Escape), self.cancel_edits),
                          (QKeySequence(QKeySequence.StandardKey.Undo), stack.undo),
                          (QKeySequence(QKeySequence.StandardKey.Redo), stack.redo)):
            QShortcut(key, self, activated=slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        bus.changed.connect(self._bus_changed)
        self.reload()

    def _build_tabs(self) -> None:
        """The 披露 tab now; every other tab when it is first shown (opening stays fast)."""
        ctx, bus = self.ctx, self.bus
        self.disclosure = DisclosureTab(ctx, bus)
        self._factories = {
            "funding": lambda: RecordsTab(ctx, bus, "funding"),
            "ip": lambda: RecordsTab(ctx, bus, "ip"),
            "assessment": lambda: RecordsTab(ctx, bus, "assessment"),
            "grant": lambda: GrantsTab(ctx, bus),
            "deals": lambda: DealsTab(ctx, bus),
            "company": lambda: CompanyTab(ctx, bus),
            "filings": self._filings_panel,
            "files": lambda: FilesTab(ctx, bus),
            "history": lambda: HistoryTab(ctx),
        }
        self.built: dict[str, QWidget] = {"disclosure": self.disclosure}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        self.tab_keys: list[str] = []
        for key, text in (
            ("disclosure", self.tr("披露")), ("funding", self.tr("资助")),
            ("ip", self.tr("知识产权")), ("assessment", self.tr("评估")),
            ("grant", self.tr("赋权")), ("deals", self.tr("交易")), ("company", self.tr("企业")),
            ("filings", self.tr("文件")), ("files", self.tr("附件")),
            ("history", self.tr("历史")),
        ):
            self.tabs.addTab(self.built.get(key) or QWidget(), text)
            self.tab_keys.append(key)
        self._stale: set[str] = set(self.tab_keys)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())

    def tab(self, key: str) -> QWidget:
        """The widget of tab `key`, built on first use."""
        if key not in self.built:
            widget = self._factories[key]()
            for bar in widget.findChildren(ActionBar):
                bar.guard = self.confirm_leave
            index = self.tab_keys.index(key)
            current = self.tabs.currentIndex()
            old, text = self.tabs.widget(index), self.tabs.tabText(index)
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, text)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            old.deleteLater()
            self.built[key] = widget
        return self.built[key]

    @property
    def funding(self) -> RecordsTab:
        return self.tab("funding")  # type: ignore[return-value]

    @property
    def ip(self) -> RecordsTab:
        return self.tab("ip")  # type: ignore[return-value]

    @property
    def assessment(self) -> RecordsTab:
        return self.tab("assessment")  # type: ignore[return-value]

    @property
    def grants(self) -> GrantsTab:
        return self.tab("grant")  # type: ignore[return-value]

    @property
    def deals(self) -> DealsTab:
        return self.tab("deals")  # type: ignore[return-value]

    @property
    def company(self) -> CompanyTab:
        return self.tab("company")  # type: ignore[return-value]

    @property
    def files(self) -> FilesTab:
        return self.tab("files")  # type: ignore[return-value]

    @property
    def history(self) -> HistoryTab:
        return self.tab("history")  # type: ignore[return-value]

    # ---- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the case again; refresh the header, stepper, actions and the visible tab."""
        try:
            detail, self.events = case_with_history(self.ctx, self.case_no)
        except TTDeskError as exc:
            self.header.setText("\n".join(messages_of(exc, self.ctx.lang)))
            self.tabs.setEnabled(False)
            self.actions.set_record(None)
            return
        self.detail = detail
        lang = self.ctx.lang
        self.header.setText(f"<b>{escape(detail.case_no)}</b>　{escape(detail.title)}")
        self.status.setText(self.tr("状态：%1").replace("%1", label(detail.status, lang)))
        self.actions.set_record(detail)
        self.stepper.set_steps(steps_for(detail, self.ctx.today()))
        self._stale = set(self.tab_keys)
        self._refresh_current()
        self.reloaded.emit()

    def _refresh_current(self) -> None:
        key = self.tab_keys[self.tabs.currentIndex()]
        if self.detail is None or key not in self._stale:
            return
        self._stale.discard(key)
        tab = self.tab(key)
        if key == "disclosure":
            self.disclosure.load(self.detail)
        elif key == "history":
            self.history.show_events(self.events, self.detail)
        elif hasattr(tab, "show_detail"):
            tab.show_detail(self.detail)

    def _filings_panel(self) -> QWidget:
        case_no = self.case_no

        def make() -> QWidget:
            from ttdesk.ui.filings.panel import FilingsPanel

            return FilingsPanel(self.ctx, self.bus, "achievement", case_no)

        return build_screen(self.tr("文件"), make)

    def _bus_changed(self, kind: str, record_id: int) -> None:
        forget_choices(kind)
        if kind not in RELOAD_ON or not self._concerns(kind, record_id):
            return
        if self.isVisible():
            self.reload()
        else:
            self._reload_when_shown = True  # a page in a hidden tab catches up when shown

    def _concerns(self, kind: str, record_id: int) -> bool:
        """Whether a change announced on the bus may show on this page."""
        c = self.detail
        if c is None or record_id == 0 or kind not in (ACHIEVEMENTS, DEALS):
            return True
        if kind == ACHIEVEMENTS:
            return record_id == c.id
        return record_id in {d.id for d in c.deals}  # a new deal of it: ACHIEVEMENTS c.id

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._reload_when_shown:
            self._reload_when_shown = False
            self.reload()

    # ---- navigation ---------------------------------------------------------------------
    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(self.tab_keys.index(key))

    def show_deal(self, deal_no: str) -> bool:
        """Select the deals tab and the deal `deal_no`; False when the case has no such deal."""
        self.show_tab("deals")
        return self.deals.select(deal_no)

    def _stage_clicked(self, stage: str) -> None:
        if stage in STAGE_TABS:
            self.show_tab(STAGE_TABS[stage])

    # ---- editing ------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return self.disclosure.dirty

    def save(self) -> bool:
        if not self.disclosure.dirty:
            return True
        self.show_tab("disclosure")
        return self.disclosure.save()

    def cancel_edits(self) -> None:
        self.disclosure.revert()

    def confirm_leave(self) -> bool:
        """True when the page may be left (or an action may start): nothing unsaved, or the
        officer saved or discarded the edits."""
        if not self.disclosure.dirty:
            return True
        answer = ask_unsaved(self)
        if answer == SAVE:
            return self.save()
        if answer == DISCARD:
            self.disclosure.revert()
            return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_leave():
            event.accept()
        else:
            event.ignore()
