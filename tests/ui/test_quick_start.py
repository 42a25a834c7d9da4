"""The main window built while starting (a `Starting` instead of the context): the case list
shows the first page read by plain sqlite3, sorts through the same reader, and takes over the
service context on `attach` — then every id, the filters and SQL searching work as usual."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ttdesk.core.base.context import AppContext
from ttdesk.core.views import CaseFilter, CaseSort, list_cases
from ttdesk.core.views.light import first_cases_reader
from ttdesk.ui.app.main_window import MainWindow
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.kit.starting import Starting
from ttdesk.ui.lists.page import ListPage


def test_the_case_list_starts_without_the_context_and_takes_it_over(
        qtbot: QtBot, demo_ctx: AppContext, ui_settings: UiSettings) -> None:
    reader = first_cases_reader(demo_ctx.db.url)
    assert reader is not None
    asked: list[Any] = []

    def first_page(f: Any, limit: int) -> tuple[int, list[Any]]:
        asked.append(f)
        return reader(f, limit)

    ui_settings.last_page = "achievements"
    win = MainWindow(Starting("zh", "cases", first_page), settings=ui_settings)
    qtbot.addWidget(win)
    win.show()
    page = win.area("achievements")
    assert isinstance(page, ListPage) and not win.ready
    assert page.model.rowCount() == 150 and page.model.cached_pages() == 1
    newest = list_cases(demo_ctx, CaseFilter(), limit=100)
    assert page.model.index(0, 0).data() == newest[0].case_no
    assert page.model.index(120, 0).data() is None  # beyond the first page: after attach

    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # a header click while starting
    assert asked[-1].sort is CaseSort.CASE_NO and not asked[-1].descending
    by_no = list_cases(demo_ctx, CaseFilter(sort=CaseSort.CASE_NO, descending=False))
    assert page.model.index(0, 0).data() == by_no[0].case_no

    win.attach(demo_ctx)
    assert win.ready and win.statusBar().currentMessage().startswith("数据库")
    qtbot.waitUntil(lambda: page._choices_loaded and len(page.model.ids()) == 150,
                    timeout=5000)
    assert page.model.index(120, 0).data() == by_no[120].case_no
    assert page.filters["status"].count() > 1
    calls = len(asked)
    page.model.update_filter(search=by_no[7].case_no)  # SQL search: no start-up reader now
    assert len(asked) == calls and page.model.rowCount() >= 1
    assert page.model.index(0, 0).data() == by_no[7].case_no


def test_a_start_up_list_whose_plain_read_failed_is_built_again_on_attach(
        qtbot: QtBot, demo_ctx: AppContext, ui_settings: UiSettings) -> None:
    def broken(_f: Any, _limit: int) -> tuple[int, list[Any]]:
        raise OSError("database is locked")

    ui_settings.last_page = "achievements"
    win = MainWindow(Starting("zh", "cases", broken), settings=ui_settings)
    qtbot.addWidget(win)
    assert win.area("achievements").objectName() == "broken_screen"
    win.attach(demo_ctx)
    page = win.area("achievements")
    assert isinstance(page, ListPage) and page.model.rowCount() == 150
    holder = win.pages.widget(1)
    qtbot.waitUntil(lambda: not holder.findChildren(QWidget, "broken_screen"), timeout=2000)
    assert holder.findChildren(ListPage) == [page]
