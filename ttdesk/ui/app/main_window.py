"""The main window: navigation on the left, one page per area, case pages in their own windows.

Pages are built the first time they are shown (the start-up page only at start), so start-up
stays quick on a big database. Every screen is imported where it is first built (a plain
deferred import); a screen that fails to build is shown as an error naming it (`kit.screens`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ttdesk.ui.app.main_window_actions import DataActions
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.inventors.window_actions import InventorActions
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import Operation, write_op
from ttdesk.ui.kit.problems import show_problem
from ttdesk.ui.kit.screens import build_screen, open_dialog
from ttdesk.ui.kit.starting import Starting, is_starting

if TYPE_CHECKING:  # start-up shows the window before the ORM (and so the context) is imported
    from ttdesk.core.base.context import AppContext

log = logging.getLogger(__name__)

WINDOW_TITLE = "TT Desk 科技成果转化管理"
CTX = "MainWindow"

# (key, label): the areas of quality.md's "main window with navigation", in that order.
NAV_PAGES: tuple[tuple[str, str], ...] = (
    ("dashboard", QT_TRANSLATE_NOOP("MainWindow", "工作台")),
    ("achievements", QT_TRANSLATE_NOOP("MainWindow", "成果")),
    ("deals", QT_TRANSLATE_NOOP("MainWindow", "交易")),
    ("companies", QT_TRANSLATE_NOOP("MainWindow", "企业")),
    ("spinoffs", QT_TRANSLATE_NOOP("MainWindow", "转化企业")),
    ("market", QT_TRANSLATE_NOOP("MainWindow", "对接")),  # the matchmaking ledger
    ("income", QT_TRANSLATE_NOOP("MainWindow", "收益")),
    ("deadlines", QT_TRANSLATE_NOOP("MainWindow", "待办")),
    ("managers", QT_TRANSLATE_NOOP("MainWindow", "技术经理人")),
    ("revitalise", QT_TRANSLATE_NOOP("MainWindow", "专利盘活")),  # 存量专利盘活
    ("filings", QT_TRANSLATE_NOOP("MainWindow", "文件")),
    ("masterdata", QT_TRANSLATE_NOOP("MainWindow", "基础数据")),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "设置")),
)
NAV_KEYS = [key for key, _label in NAV_PAGES]



def nav_text(label: str) -> str:
    """An area's name in the interface language (marked with QT_TRANSLATE_NOOP above)."""
    return QCoreApplication.translate(CTX, label)


class MainWindow(InventorActions, DataActions, QMainWindow):
    """Top-level window; holds the service context, never a session or ORM object.

    At start-up it may be built with a `Starting` in place of the context: the start-up list
    shows its first page read without the ORM, and `attach(ctx)` follows once the services
    are loaded (see `ttdesk.__main__`)."""

    def __init__(self, ctx: AppContext | Starting, bus: DataBus | None = None,
                 settings: UiSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx: Any = ctx
        self.bus = bus or DataBus(self)
        self.settings = settings or UiSettings()
        self.detail_windows: dict[tuple[str, Any], QWidget] = {}
        self.last_op: Operation | None = None
        self.setWindowTitle(WINDOW_TITLE)
        self.setAcceptDrops(True)  # a returned disclosure form (InventorActions)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(120)
        self.nav.setStyleSheet("QListWidget::item { padding: 8px 14px; }")
        self.pages = QStackedWidget()
        self._built: dict[str, QWidget] = {}
        for key, label in NAV_PAGES:
            self.nav.addItem(nav_text(label))
            holder = QWidget()
            holder.setObjectName(f"page_{key}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.pages.addWidget(holder)
        self.nav.currentRowChanged.connect(self._show_area)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        if not is_starting(ctx):
            self._show_database()
        self.resize(1280, 800)
        self._restore_window()

    def attach(self, ctx: AppContext) -> None:
        """The service context, loaded behind the painted window: the pages built while
        starting (the start-up list) take it over and read the rest of their data."""
        self._ctx = ctx
        for key, page in list(self._built.items()):
            attach = getattr(page, "attach", None)
            if callable(attach):
                attach(ctx)
            elif page.objectName() == "broken_screen":  # the plain read failed: try again
                self._rebuild_area(key)
        self._show_database()
        self._show_area(self.nav.currentRow())  # an area chosen while starting: built now

    def _rebuild_area(self, key: str) -> None:
        old = self._built.pop(key)
        old.hide()
        old.deleteLater()
        self.area(key)

    @property
    def ready(self) -> bool:
        """False while starting (no service context yet)."""
        return not is_starting(self._ctx)

    def _show_database(self) -> None:
        self.statusBar().showMessage(self.tr("数据库：") + self._ctx.db.engine.url.render_as_string(
            hide_password=True), 8000)

    # ---- areas ------------------------------------------------------------------------------
    def _restore_window(self) -> None:
        geometry = self.settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)
        last = self.settings.last_page
        self.nav.setCurrentRow(NAV_KEYS.index(last) if last in NAV_KEYS else 0)

    def _show_area(self, row: int) -> None:
        if row < 0:
            return
        key = NAV_KEYS[row]
        self.pages.setCurrentIndex(row)
        if not self.ready and key != self._ctx.page:
            return  # only the start page can be read while starting: this one on `attach`
        self.area(key)
        self.settings.last_page = key
        page = self._built.get(key)
        count = getattr(getattr(page, "model", None), "rowCount", None)
        self.count_label.setText(self.tr("共 %1 条").replace("%1", str(count())) if count else "")

    def area(self, key: str) -> QWidget:
        """The content widget of an area, built on first use."""
        if key not in self._built:
            widget = self._build_area(key)
            self._built[key] = widget
            holder = self.pages.widget(NAV_KEYS.index(key))
            holder.layout().addWidget(widget)
        return self._built[key]

    def _build_area(self, key: str) -> QWidget:
        return build_screen(nav_text(dict(NAV_PAGES)[key]), lambda: self._make_area(key))

    def _make_area(self, key: str) -> QWidget:
        ctx, bus = self._ctx, self.bus
        if key == "dashboard":
            from ttdesk.ui.dashboard.page import DashboardPage

            dash = DashboardPage(ctx, bus)
            dash.open_deadline.connect(self.open_deadline)
            dash.open_list.connect(self.open_list)
            return dash
        if key == "revitalise":
            from ttdesk.ui.revitalise.workbench import RevitalisationPage

            return RevitalisationPage(ctx, bus)
        if key == "managers":
            from ttdesk.ui.managers.page import WorkloadPage

            return WorkloadPage(ctx, bus)
        if key in ("achievements", "deals", "companies", "spinoffs", "deadlines"):
            return self._build_list(key)
        if key == "settings":
            from ttdesk.ui.settings.page import SettingsPage

            return SettingsPage(ctx, bus, self.settings)
        if key == "income":
            from ttdesk.ui.income.page import IncomePage

            return IncomePage(ctx, bus)
        if key == "filings":
            from ttdesk.ui.filings.archive_page import ArchivePage

            return ArchivePage(ctx, bus)
        if key == "masterdata":
            from ttdesk.ui.masterdata.page import MasterDataPage

            return MasterDataPage(ctx, bus)
        if key == "market":
            from ttdesk.ui.market.page import MarketPage

            market = MarketPage(ctx, bus, self.settings)
            market.deal_opened.connect(lambda deal_no, case_no: self.open_deal(deal_no, (case_no,)))
            return market
        raise KeyError(key)

    def _build_list(self, key: str) -> QWidget:
        from ttdesk.ui.lists import specs
        from ttdesk.ui.lists.page import ListPage

        spec, opener = {  # each spec named only when its list is built (see specs.py)
            "achievements": lambda: (specs.CASES, lambda r: self.open_case(r.case_no)),
            "deals": lambda: (specs.DEALS, lambda r: self.open_deal(r.deal_no, r.case_nos)),
            "companies": lambda: (specs.COMPANIES, lambda r: self.open_company(r.id, r.name)),
            "spinoffs": lambda: (specs.SPINOFFS, lambda r: self.open_company(r.id, r.name)),
            "deadlines": lambda: (specs.DEADLINES, self.open_deadline),
        }[key]()
        page = ListPage(self._ctx, self.bus, spec, self.settings)
        page.count_label.hide()  # the window's status line shows the count
        page.opened.connect(opener)
        if key == "deadlines":
            page.add_row_action(self.tr("标记为已完成"), self.complete_deadlines)
            from ttdesk.ui.lists import task_actions as tasks

            page.add_row_action(self.tr("完成并备注…"), lambda ids: tasks.complete_with_note(
                self, ids))
            page.add_row_action(self.tr("推迟至…"), lambda ids: tasks.snooze(self, ids))
            page.add_row_action(self.tr("新建待办…"), lambda ids: tasks.new_task(self, ids))
        page.count_changed.connect(
            lambda n, p=page: self.count_label.setText(self.tr("共 %1 条").replace("%1", str(n)))
            if self.pages.currentWidget().isAncestorOf(p) else None)
        return page

    def go(self, key: str) -> QWidget:
        self.nav.setCurrentRow(NAV_KEYS.index(key))
        return self.area(key)

    def open_list(self, key: str, filters: dict[str, Any]) -> QWidget:
        """A list area showing exactly `filters` (a dashboard tile's records): combos where
        the list has one for the value, the rest straight on the list's filter."""
        page: Any = self.go(key)
        if hasattr(page, "clear_filters"):
            page.clear_filters()
            extra = {}
            for name, value in filters.items():
                if name in page.filters and page.filters[name].findData(value) >= 0:
                    page.set_filter_value(name, value)
                else:
                    extra[name] = value
            if extra:
                page.model.update_filter(**extra)
        return page

    # ---- menus and shortcuts ----------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        specs = [
            ("new_disclosure", self.tr("新建披露…"), self.new_disclosure,
             QKeySequence.StandardKey.New),
            ("find", self.tr("搜索"), self.focus_search, QKeySequence.StandardKey.Find),
            ("import_ledger", self.tr("导入台账…"), self.import_ledger, None),
            ("export_json", self.tr("导出 JSON…"), self.export_json, None),
            ("issue_disclosure", self.tr("发放披露表…"), self.issue_disclosure_form, None),
            ("import_disclosure", self.tr("导入披露表…"), self.import_disclosure, None),
            ("backup", self.tr("立即备份…"), self.backup_now, None),
            ("restore", self.tr("从备份恢复…"), self.restore_backup, None),
            ("quit", self.tr("退出"), self.close, QKeySequence.StandardKey.Quit),
        ]
        for name, text, slot, key in specs:
            self.actions_by_name[name] = self._action(text, slot, key, name)
        a = self.actions_by_name
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        for name in ("new_disclosure", "import_ledger", "export_json"):
            file_menu.addAction(a[name])
        file_menu.addSeparator()
        for name in ("issue_disclosure", "import_disclosure"):
            file_menu.addAction(a[name])
        file_menu.addSeparator()
        file_menu.addAction(a["backup"])
        file_menu.addAction(a["restore"])
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])
        view_menu = self.menuBar().addMenu(self.tr("查看(&V)"))
        view_menu.addAction(a["find"])
        for i, (_key, label) in enumerate(NAV_PAGES):
            view_menu.addAction(self._action(nav_text(label), lambda i=i: self.nav.setCurrentRow(i),
                                             f"Ctrl+{i + 1}", f"go_{i}"))
        toolbar = self.addToolBar(self.tr("工具栏"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        for name in ("new_disclosure", "find", "import_ledger", "backup"):
            toolbar.addAction(a[name])

    def focus_search(self) -> None:
        """Ctrl+F: the search box of the list on screen (the case list from other areas)."""
        page = self._built.get(NAV_KEYS[self.pages.currentIndex()])
        if not hasattr(page, "focus_search"):
            page = self.go("achievements")
        page.focus_search()  # type: ignore[union-attr]

    def new_disclosure(self) -> QWidget | None:
        """Ctrl+N: the new-disclosure dialog; the new case opens when it has been created."""
        def make() -> QWidget:
            from ttdesk.ui.case.new_disclosure import NewDisclosureDialog

            return NewDisclosureDialog(self._ctx, self.bus, self)

        dialog = open_dialog(self, self.tr("新建披露"), make)
        if dialog is not None:
            dialog.created.connect(lambda case_no: self.open_case(case_no))  # type: ignore[attr-defined]
        return dialog

    def import_ledger(self) -> QWidget | None:
        def make() -> QWidget:
            from ttdesk.ui.ledger.wizard import ImportWizard

            return ImportWizard(self._ctx, self.bus, self)

        return open_dialog(self, self.tr("导入台账"), make)

    # ---- opening records --------------------------------------------------------------------
    def _detail_window(self, key: tuple[str, Any], title: str,
                       make: Callable[[], QWidget]) -> QWidget:
        window = self.detail_windows.get(key)
        if window is None:
            window = build_screen(title, make)
            window.setParent(self, Qt.WindowType.Window)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda *_a, k=key: self.detail_windows.pop(k, None))
            window.setWindowTitle(f"{title} — TT Desk")
            window.resize(1100, 760)
            self.detail_windows[key] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_case(self, case_no: str, deal_no: str | None = None) -> QWidget:
        """The case page of `case_no` in its own window (raised if already open)."""
        def make() -> QWidget:
            from ttdesk.ui.case.case_page import CasePage

            return CasePage(self._ctx, self.bus, case_no)

        window = self._detail_window(("case", case_no), case_no, make)
        if deal_no is not None and hasattr(window, "show_deal"):
            window.show_deal(deal_no)
        return window

    def open_deal(self, deal_no: str, case_nos: tuple[str, ...] = ()) -> QWidget | None:
        if not case_nos:
            self.statusBar().showMessage(self.tr("该交易未关联成果：") + deal_no, 8000)
            return None
        return self.open_case(case_nos[0], deal_no)

    def open_company(self, company_id: int, name: str = "") -> QWidget:
        def make() -> QWidget:
            from ttdesk.ui.companies.company_page import CompanyPage

            return CompanyPage(self._ctx, self.bus, company_id)

        return self._detail_window(("company", company_id), name or str(company_id), make)

    def open_deadline(self, row: Any) -> QWidget | None:
        """A deadline opens what it is about: its deal (at the deal) or its case; a deadline
        of a publicity names a deal or case number as its subject reference."""
        from ttdesk.core.views import CaseFilter, DealFilter, deal_rows, list_cases, list_deals

        if row.subject_type == "deal" and row.subject_id is not None:
            found = deal_rows(self._ctx, [row.subject_id])
            if found:
                return self.open_deal(found[0].deal_no, found[0].case_nos)
        ref = row.subject_ref or ""
        if row.subject_type == "achievement" and ref:
            return self.open_case(ref)
        if ref:
            deal = next((d for d in list_deals(self._ctx, DealFilter(search=ref), limit=5)
                         if d.deal_no == ref), None)
            if deal is not None:
                return self.open_deal(deal.deal_no, deal.case_nos)
            if any(c.case_no == ref for c in list_cases(self._ctx, CaseFilter(search=ref),
                                                          limit=5)):
                return self.open_case(ref)
        self.statusBar().showMessage(row.title, 8000)
        return None

    def complete_deadlines(self, ids: list[int]) -> int:
        """Tick off the selected deadlines (each one its own unit of work); how many were."""
        from ttdesk.core.base.errors import TTDeskError
        from ttdesk.core.office.deadlines import complete

        done = 0
        for deadline_id in ids:
            try:
                write_op(self._ctx, self.bus, complete, self._ctx, deadline_id)
            except TTDeskError as exc:
                show_problem(self, exc, self._ctx.lang)
                break
            done += 1
        return done

    # ---- closing ----------------------------------------------------------------------------
    def running_ops(self) -> list[Operation]:
        """Background operations of this window and its pages that have not ended yet
        (every service run in one returns a value, so no result and no error = running)."""
        return [op for op in self.findChildren(Operation)
                if op.result is None and op.error is None]

    def closeEvent(self, event: QCloseEvent) -> None:
        busy = self.running_ops()
        if busy:  # a worker thread must not outlive the window: cancel, close when it ends
            for op in busy:
                op.cancel()
                op.finished.connect(self.close)
            self.statusBar().showMessage(self.tr("正在取消后台任务…"))
            event.ignore()
            return
        for window in list(self.detail_windows.values()):
            if not window.close():  # e.g. the officer chose to keep editing a case
                event.ignore()
                return
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        for page in self._built.values():
            save = getattr(page, "save_layout", None)
            if callable(save):
                save()
        self.settings.sync()
        super().closeEvent(event)
