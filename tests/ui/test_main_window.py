"""The main window: eight areas, lazily built pages, shortcuts, opening records, the demo-data
offer off the GUI thread, window state remembered, Chinese glyphs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

import ttdesk.core.demo
import ttdesk.ui.case.case_page
import ttdesk.ui.case.new_disclosure
import ttdesk.ui.filings.archive_page
import ttdesk.ui.income.page
from ttdesk.__main__ import install_cjk_font
from ttdesk.core.base.context import AppContext
from ttdesk.core.views import CaseFilter, DealFilter, list_cases, list_deals
from ttdesk.core.views.stats import count_achievements
from ttdesk.ui.app import main_window_actions
from ttdesk.ui.app.main_window import NAV_PAGES, WINDOW_TITLE, MainWindow
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.lists.page import ListPage


def make_window(qtbot: QtBot, ctx: AppContext, settings: UiSettings) -> MainWindow:
    win = MainWindow(ctx, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, ui_settings: UiSettings) -> MainWindow:
    return make_window(qtbot, ctx, ui_settings)


def test_window_shows_its_areas(window: MainWindow) -> None:
    assert window.windowTitle() == WINDOW_TITLE
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == ["工作台", "成果", "交易", "企业", "转化企业", "对接", "收益", "待办",
                      "技术经理人", "专利盘活", "文件", "基础数据", "设置"]
    assert window.pages.count() == len(NAV_PAGES) == 13
    assert window.pages.currentIndex() == 0


def test_clicking_an_entry_switches_the_page(qtbot: QtBot, window: MainWindow) -> None:
    for row in (3, 7, 8, 0, 1, 2, 4, 5, 6):
        item = window.nav.item(row)
        rect = window.nav.visualItemRect(item)
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.pages.currentIndex() == row
        assert window.pages.currentWidget().objectName() == f"page_{NAV_PAGES[row][0]}"
        assert window.pages.currentWidget().layout().count() == 1  # built on first show


def test_a_screen_whose_module_fails_to_import_is_an_error_naming_it(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.delitem(sys.modules, "ttdesk.ui.income.page", raising=False)
    monkeypatch.delattr(ttdesk.ui.income, "page", raising=False)
    monkeypatch.setitem(sys.modules, "ttdesk.ui.income.page", None)  # importing it fails
    shown = window.go("income")
    assert shown.objectName() == "broken_screen"
    text = shown.findChild(QLabel, "broken_screen_text").text()
    assert "“收益”无法打开" in text and "ModuleNotFoundError" in text and "建设中" not in text
    assert "could not build the screen 收益" in caplog.text


def test_hosted_screen_is_built_with_ctx_and_bus(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, ctx: AppContext) -> None:
    made: list[tuple[object, object]] = []

    class FakePage(QWidget):
        def __init__(self, c: AppContext, b: object) -> None:
            super().__init__()
            made.append((c, b))

    monkeypatch.setattr(ttdesk.ui.filings.archive_page, "ArchivePage", FakePage)
    assert isinstance(window.go("filings"), FakePage)
    assert made == [(ctx, window.bus)]


def test_ctrl_f_focuses_the_search_of_the_case_list(qtbot: QtBot, window: MainWindow) -> None:
    window.nav.setCurrentRow(0)
    window.activateWindow()
    window.actions_by_name["find"].trigger()
    page = window.area("achievements")
    assert window.pages.currentIndex() == 1
    assert isinstance(page, ListPage)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search, timeout=2000)
    assert window.actions_by_name["find"].shortcut().toString() == "Ctrl+F"
    assert window.actions_by_name["new_disclosure"].shortcut().toString() == "Ctrl+N"


def test_new_disclosure_that_fails_to_build_says_why(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_a: object) -> None:
        raise RuntimeError("坏了")

    monkeypatch.setattr(ttdesk.ui.case.new_disclosure, "NewDisclosureDialog", broken)
    assert window.new_disclosure() is None
    box = window.findChild(QMessageBox, "broken_dialog_box")
    assert box is not None and "“新建披露”无法打开" in box.text() and "坏了" in box.text()
    box.close()


def test_new_disclosure_opens_the_dialog_and_then_the_new_case(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, stub_case_page: None) -> None:
    opened: list[object] = []

    class FakeDialog(QWidget):
        created = Signal(str)

        def __init__(self, c: object, b: object, parent: QWidget) -> None:
            super().__init__(parent, Qt.WindowType.Dialog)
            opened.append((c, b, parent))

        def open(self) -> None:
            self.show()

    monkeypatch.setattr(ttdesk.ui.case.new_disclosure, "NewDisclosureDialog", FakeDialog)
    window.actions_by_name["new_disclosure"].trigger()
    assert len(opened) == 1 and opened[0][2] is window
    dialog = window.findChild(FakeDialog)
    dialog.created.emit("CG-2026-9999")  # the new case opens at once
    assert window.detail_windows[("case", "CG-2026-9999")].case_no == "CG-2026-9999"


class StubCasePage(QWidget):
    """Stands in for the case page helper's CasePage."""

    def __init__(self, ctx: AppContext, bus: object, case_no: str) -> None:
        super().__init__()
        self.case_no = case_no
        self.deals: list[str] = []

    def show_deal(self, deal_no: str) -> None:
        self.deals.append(deal_no)


@pytest.fixture
def stub_case_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ttdesk.ui.case.case_page, "CasePage", StubCasePage)


def test_enter_in_the_case_list_opens_the_case(qtbot: QtBot, demo_ctx: AppContext,
                                               ui_settings: UiSettings,
                                               stub_case_page: None) -> None:
    win = make_window(qtbot, demo_ctx, ui_settings)
    page = win.go("achievements")
    assert isinstance(page, ListPage)
    page.table.setCurrentIndex(page.model.index(2, 1))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    case_no = page.model.index(2, 0).data()
    opened = win.detail_windows[("case", case_no)]
    assert isinstance(opened, StubCasePage) and opened.case_no == case_no
    assert opened.isVisible() and opened.isWindow()
    assert win.open_case(case_no) is opened  # one window per case, raised again


def test_opening_a_deal_shows_its_case_at_the_deal(qtbot: QtBot, demo_ctx: AppContext,
                                                   ui_settings: UiSettings,
                                                   stub_case_page: None) -> None:
    win = make_window(qtbot, demo_ctx, ui_settings)
    deal = next(d for d in list_deals(demo_ctx, DealFilter(), limit=20) if d.case_nos)
    page = win.go("deals")
    assert isinstance(page, ListPage)
    page.opened.emit(deal)
    opened = win.detail_windows[("case", deal.case_nos[0])]
    assert isinstance(opened, StubCasePage) and opened.deals == [deal.deal_no]


def test_a_case_page_that_fails_to_build_is_an_error_naming_the_case(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_a: object) -> None:
        raise ValueError("no such stage")

    monkeypatch.setattr(ttdesk.ui.case.case_page, "CasePage", broken)
    shown = window.open_case("CG-2026-0001", "HT-2026-0001")
    assert shown.objectName() == "broken_screen" and shown.isWindow()
    text = shown.findChild(QLabel, "broken_screen_text").text()
    assert "“CG-2026-0001”无法打开" in text and "ValueError: no such stage" in text


def test_window_geometry_and_last_page_are_remembered(qtbot: QtBot, ctx: AppContext,
                                                      ui_settings: UiSettings) -> None:
    win = make_window(qtbot, ctx, ui_settings)
    win.resize(771, 531)
    win.go("companies")
    win.close()
    again = make_window(qtbot, ctx, ui_settings)
    assert again.pages.currentIndex() == 3
    assert (again.width(), again.height()) == (771, 531)


def test_bus_refreshes_open_lists(qtbot: QtBot, demo_ctx: AppContext,
                                  ui_settings: UiSettings) -> None:
    win = make_window(qtbot, demo_ctx, ui_settings)
    page = win.go("achievements")
    assert isinstance(page, ListPage)
    before = page.model.rowCount()
    from tests.builders import make_achievement

    make_achievement(demo_ctx, case_no="TEST-0001")
    win.bus.announce("all")
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=2000)
    assert win.count_label.text() == f"共 {before + 1} 条"


def test_backup_now_runs_off_the_gui_thread(qtbot: QtBot, demo_ctx: AppContext,
                                            ui_settings: UiSettings, tmp_path: Path) -> None:
    win = make_window(qtbot, demo_ctx, ui_settings)
    target = tmp_path / "备份.db"
    op = win.backup_now(target)
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=15000):
        pass
    assert op.error is None and target.stat().st_size > 0


def test_export_json_runs_off_the_gui_thread(qtbot: QtBot, demo_ctx: AppContext,
                                             ui_settings: UiSettings, tmp_path: Path) -> None:
    win = make_window(qtbot, demo_ctx, ui_settings)
    target = tmp_path / "export.json"
    op = win.export_json(target)
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=30000):
        pass
    assert op.error is None and '"format"' in target.read_text(encoding="utf-8")[:200]


def test_restore_brings_back_the_backup(qtbot: QtBot, demo_ctx: AppContext,
                                        ui_settings: UiSettings, tmp_path: Path) -> None:
    win = make_window(qtbot, demo_ctx, ui_settings)
    target = tmp_path / "before.db"
    op = win.backup_now(target)
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=15000):
        pass
    from tests.builders import make_achievement

    make_achievement(demo_ctx, case_no="TEST-0001")
    assert count_achievements(demo_ctx) == 151
    op = win.restore_backup(target, confirm=False)
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=30000):
        pass
    assert op.error is None
    assert count_achievements(demo_ctx) == 150


def fake_demo(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    calls: list[dict[str, object]] = []
    monkeypatch.setattr(ttdesk.core.demo, "generate", lambda ctx, **kw: calls.append(kw))
    return calls


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_empty_database_offers_demo_data(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton
) -> None:
    calls = fake_demo(monkeypatch)
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    op = window.offer_demo_data()
    assert len(asked) == 1 and "示例" in asked[0]
    assert (op is not None) == (answer == QMessageBox.StandardButton.Yes)
    if op is not None:
        with qtbot.waitSignal(op.finished, timeout=10000):
            pass
    assert [(c["cases"], c["seed"]) for c in calls] == ([(300, 1)] if op else [])


def test_accepting_the_offer_loads_real_demo_data_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    page = window.go("achievements")
    assert isinstance(page, ListPage) and page.model.rowCount() == 0
    op = window.offer_demo_data()
    assert op is not None
    assert op.dialog is not None
    assert "取消" in [b.text() for b in op.dialog.findChildren(QPushButton)]
    with qtbot.waitSignal(op.finished, timeout=30000):
        pass
    assert op.error is None
    assert count_achievements(ctx) == main_window_actions.DEMO_CASES
    qtbot.waitUntil(lambda: page.model.rowCount() == main_window_actions.DEMO_CASES, timeout=3000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("asked twice"))
    assert window.offer_demo_data() is None  # not empty any more: no second offer


def test_cancelling_the_demo_writes_nothing(qtbot: QtBot, window: MainWindow, ctx: AppContext,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    errors: list[BaseException] = []
    from ttdesk.ui.kit import ops

    monkeypatch.setattr(ops, "run_op", _run_op_cancelled(errors))  # under run_write_op
    op = window.offer_demo_data()
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=30000):
        pass
    assert errors and count_achievements(ctx) == 0


def _run_op_cancelled(errors: list[BaseException]):
    from ttdesk.ui.kit.ops import run_op

    def patched(parent, title, work, on_done, on_error=None, **kw):
        op = run_op(parent, title, work, on_done, on_error=errors.append, **kw)
        op.cancel()  # the user pressed Cancel straight away
        return op

    return patched


def test_search_box_placeholder_names_the_shortcut(window: MainWindow) -> None:
    page = window.go("deals")
    search = page.findChild(QLineEdit, "search")
    assert search is not None and "Ctrl+F" in search.placeholderText()


def test_chinese_text_has_real_glyphs(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    try:
        family = install_cjk_font(app)
        assert family
        metrics = QFontMetrics(app.font())
        assert all(metrics.inFontUcs4(ord(ch)) for ch in "科技成果转化管理工作台")
    finally:
        app.setFont(before)  # other tests keep the default font


def test_list_case_query_used_by_the_page_matches_the_core(demo_ctx: AppContext,
                                                           qtbot: QtBot,
                                                           ui_settings: UiSettings) -> None:
    win = make_window(qtbot, demo_ctx, ui_settings)
    page = win.go("achievements")
    assert isinstance(page, ListPage)
    first = list_cases(demo_ctx, CaseFilter(), limit=5)
    assert [page.model.index(r, 0).data() for r in range(5)] == [c.case_no for c in first]


def test_real_case_page_opens_at_a_deal(qtbot: QtBot, demo_ctx: AppContext,
                                        ui_settings: UiSettings) -> None:
    pytest.importorskip("ttdesk.ui.case.case_page")
    win = make_window(qtbot, demo_ctx, ui_settings)
    deal = next(d for d in list_deals(demo_ctx, DealFilter(), limit=20) if d.case_nos)
    shown = win.open_deal(deal.deal_no, deal.case_nos)
    assert shown is not None and type(shown).__name__ == "CasePage"
    assert shown.isWindow() and deal.case_nos[0] in shown.windowTitle()
    shown.close()


def test_ticking_off_deadlines_from_the_list(qtbot: QtBot, demo_ctx: AppContext,
                                             ui_settings: UiSettings) -> None:
    from ttdesk.core.views import DeadlineFilter, DeadlineState, count_deadlines

    win = make_window(qtbot, demo_ctx, ui_settings)
    page = win.go("deadlines")
    assert isinstance(page, ListPage)
    open_before = page.model.rowCount()
    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.model.index(1, 0), page.table.selectionModel().SelectionFlag.Select
        | page.table.selectionModel().SelectionFlag.Rows)
    text, handler = page.row_actions[0]
    assert text == "标记为已完成"
    handler(page.selected_ids())
    qtbot.waitUntil(lambda: page.model.rowCount() == open_before - 2, timeout=2000)
    assert count_deadlines(demo_ctx, DeadlineFilter(state=DeadlineState.DONE)) >= 2


def test_closing_waits_for_a_running_operation(qtbot: QtBot, window: MainWindow) -> None:
    import threading

    from ttdesk.ui.kit.ops import run_op

    started = threading.Event()

    def work(_progress: object, cancelled: object) -> str:
        started.set()
        while not cancelled():  # type: ignore[operator]
            threading.Event().wait(0.01)
        return "stopped"

    op = run_op(window, "long", work, lambda _r: None, show_dialog=False)
    assert started.wait(5)
    assert window.running_ops() == [op]
    window.close()
    assert window.isVisible()  # not yet: the operation is asked to stop first
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert op.result == "stopped" and window.running_ops() == []


def test_real_hosted_screens_plug_in(qtbot: QtBot, demo_ctx: AppContext,
                                     ui_settings: UiSettings,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The other helpers' screens, where this build has them, are hosted without a stub."""
    from ttdesk.core.views import CompanyFilter, list_companies

    win = make_window(qtbot, demo_ctx, ui_settings)
    for key, name in (("income", "IncomePage"), ("filings", "ArchivePage")):
        assert type(win.go(key)).__name__ == name
    company = list_companies(demo_ctx, CompanyFilter(), limit=1)[0]
    page = win.go("companies")
    assert isinstance(page, ListPage)
    page.opened.emit(company)
    shown = win.detail_windows[("company", company.id)]
    assert type(shown).__name__ == "CompanyPage" and company.name in shown.windowTitle()
    shown.hide()
    wizard = win.import_ledger()
    assert wizard is not None and type(wizard).__name__ == "ImportWizard"
    wizard.hide()


def test_a_publicity_deadline_opens_its_deal_or_case(qtbot: QtBot, demo_ctx: AppContext,
                                                     ui_settings: UiSettings,
                                                     stub_case_page: None) -> None:
    from ttdesk.core.views import DeadlineFilter, list_deadlines

    win = make_window(qtbot, demo_ctx, ui_settings)
    refs = [d for d in list_deadlines(demo_ctx, DeadlineFilter()) if d.subject_type == "publicity"
            and d.subject_ref]
    deal_ref = next(d for d in refs if d.subject_ref.startswith("HT-"))
    shown = win.open_deadline(deal_ref)
    assert isinstance(shown, StubCasePage) and shown.deals == [deal_ref.subject_ref]
    case_ref = next((d for d in refs if d.subject_ref.startswith("CG-")), None)
    if case_ref is not None:
        shown = win.open_deadline(case_ref)
        assert isinstance(shown, StubCasePage) and shown.case_no == case_ref.subject_ref


def test_a_hosted_screen_that_fails_shows_why_instead_of_crashing(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken(QWidget):
        def __init__(self, *_a: object) -> None:
            raise RuntimeError("坏了")

    monkeypatch.setattr(ttdesk.ui.income.page, "IncomePage", Broken)
    shown = window.go("income")
    assert shown.objectName() == "broken_screen"
    assert "坏了" in shown.findChild(QLabel, "broken_screen_text").text()
    window.go("deals")  # the rest of the window still works
    assert isinstance(window.area("deals"), ListPage)


def test_closing_the_main_window_closes_open_case_windows(
        qtbot: QtBot, window: MainWindow, stub_case_page: None) -> None:
    shown = window.open_case("CG-2026-0001")
    assert shown.isVisible()
    window.close()
    assert not shown.isVisible() and not window.isVisible()


def test_the_dashboards_overdue_list_opens_the_subject(qtbot: QtBot, demo_ctx: AppContext,
                                                       ui_settings: UiSettings,
                                                       stub_case_page: None) -> None:
    """Enter on an overdue deadline of a deal or case opens that record (issue 12 §5)."""
    from PySide6.QtWidgets import QTableView

    win = make_window(qtbot, demo_ctx, ui_settings)
    dash = win.go("dashboard")
    table = dash.findChild(QTableView, "deadlines_overdue")
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10000)
    row = next(r for r in range(model.rowCount())
               if (found := model.row_at(r)) is not None
               and found.subject_type in ("deal", "achievement", "publicity") and found.subject_ref)
    before = set(win.detail_windows)
    table.activated.emit(model.index(row, 0))
    opened = set(win.detail_windows) - before
    assert opened, "no window opened for the overdue deadline"
    (key,) = opened
    shown = win.detail_windows[key]
    assert isinstance(shown, StubCasePage)
    ref = model.row_at(row).subject_ref
    assert ref in (shown.case_no, *shown.deals)
