"""The big lists: SQL search/filter/sort through the lazy model, copy, export, layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from tests.builders import make_achievement
from ttdesk.codes import AchievementStatus
from ttdesk.core import views as q
from ttdesk.core.base.context import AppContext
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.kit.bus import ACHIEVEMENTS, DataBus
from ttdesk.ui.lists import model as lazy
from ttdesk.ui.lists.model import ID_ROLE, LazyListModel
from ttdesk.ui.lists.page import ListPage
from ttdesk.ui.lists.specs import ALL_SPECS, CASES, COMPANIES, DEALS


def make_page(qtbot: QtBot, ctx: AppContext, bus: DataBus, settings: UiSettings,
              spec=CASES) -> ListPage:
    page = ListPage(ctx, bus, spec, settings)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return page


def titles(model: LazyListModel) -> list[str]:
    col = model.spec.column_index("title")
    return [model.index(r, col).data() for r in range(model.rowCount())]


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda s: s.key)
def test_every_model_passes_the_qt_model_tester(demo_ctx: AppContext, spec) -> None:
    model = LazyListModel(demo_ctx, spec)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.refresh()
    assert model.rowCount() > 0
    model.update_filter(search="电池")
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.update_filter(search=None)
    for row in range(model.rowCount()):
        model.index(row, 1).data()
    assert tester is not None  # kept alive to the end: it checks every change above


def test_search_finds_a_chinese_substring_and_case_numbers(
        qtbot: QtBot, ctx: AppContext, data_bus: DataBus, ui_settings: UiSettings) -> None:
    make_achievement(ctx, title="一种固态电池电解质", case_no="CG-2025-0042")
    make_achievement(ctx, title="脑胶质瘤靶向药物", case_no="CG-2025-0043")
    page = make_page(qtbot, ctx, data_bus, ui_settings)
    assert page.model.rowCount() == 2
    page.search.insert("电池")  # typed text (QTest cannot type non-ASCII keys)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert titles(page.model) == ["一种固态电池电解质"]
    assert page.count_label.text() == "共 1 条"
    page.search.setText("cg-2025-0043")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and titles(page.model) == [
        "脑胶质瘤靶向药物"], timeout=2000)
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)


def test_filters_narrow_the_list_in_sql(qtbot: QtBot, demo_ctx: AppContext,
                                        data_bus: DataBus, ui_settings: UiSettings) -> None:
    page = make_page(qtbot, demo_ctx, data_bus, ui_settings)
    total = page.model.rowCount()
    page.set_filter_value("status", AchievementStatus.MARKETING)
    expected = q.count_cases(demo_ctx, q.CaseFilter(status=AchievementStatus.MARKETING))
    assert 0 < page.model.rowCount() == expected < total
    status_col = CASES.column_index("status")
    assert {page.model.index(r, status_col).data() for r in range(page.model.rowCount())} == {
        "推广中"}
    year = page.filters["year"].itemData(1)
    page.set_filter_value("year", year)
    assert page.model.rowCount() == q.count_cases(
        demo_ctx, q.CaseFilter(status=AchievementStatus.MARKETING, year=year))
    page.set_filter_value("status", None)
    page.set_filter_value("year", None)
    assert page.model.rowCount() == total


def test_header_click_requeries_sorted_in_sql(qtbot: QtBot, demo_ctx: AppContext,
                                              data_bus: DataBus, ui_settings: UiSettings,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    page = make_page(qtbot, demo_ctx, data_bus, ui_settings)
    calls: list[q.CaseFilter] = []
    real = CASES.ids
    spec = lazy.ListSpec(**{**CASES.__dict__, "ids": lambda c, f: calls.append(f) or real(c, f)})
    page.model.spec = spec
    header = page.table.horizontalHeader()
    col = CASES.column_index("case_no")
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().center().__class__(x, header.height() // 2))
    assert calls and calls[-1].sort is q.CaseSort.CASE_NO
    shown = [page.model.index(r, col).data() for r in range(page.model.rowCount())]
    assert shown == sorted(shown) or shown == sorted(shown, reverse=True)
    descending = calls[-1].descending
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().center().__class__(x, header.height() // 2))
    assert calls[-1].descending is (not descending)
    again = [page.model.index(r, col).data() for r in range(page.model.rowCount())]
    assert again == list(reversed(shown))


def test_rows_are_fetched_lazily_by_page(demo_ctx: AppContext,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lazy, "PAGE_SIZE", 20)
    monkeypatch.setattr(lazy, "MAX_PAGES", 3)
    fetched: list[int] = []
    spec = lazy.ListSpec(**{**CASES.__dict__,
                            "rows": lambda c, ids: fetched.append(len(ids)) or CASES.rows(c, ids)})
    model = LazyListModel(demo_ctx, spec)
    model.refresh()
    assert fetched == []  # ids only
    assert model.index(0, 1).data()
    assert fetched == [20]
    for row in range(0, model.rowCount(), 7):
        assert model.index(row, 0).data(ID_ROLE) == model.id_at(row)
        model.index(row, 1).data()
    assert model.cached_pages() <= 3


def test_copy_selection_is_tab_separated(qtbot: QtBot, demo_ctx: AppContext,
                                         data_bus: DataBus, ui_settings: UiSettings) -> None:
    page = make_page(qtbot, demo_ctx, data_bus, ui_settings)
    sel = page.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in (0, 2):
        sel.select(page.model.index(r, 0), flags)
    QGuiApplication.clipboard().clear()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:2] == ["成果编号", "名称"]
    case_nos = [page.model.index(r, 0).data() for r in (0, 2)]
    assert [line.split("\t")[0] for line in lines[1:]] == case_nos
    assert all(line.count("\t") == lines[0].count("\t") for line in lines)


def test_export_selection_to_xlsx(qtbot: QtBot, demo_ctx: AppContext, data_bus: DataBus,
                                  ui_settings: UiSettings, tmp_path: Path) -> None:
    page = make_page(qtbot, demo_ctx, data_bus, ui_settings, DEALS)
    page.model.update_filter(search=None)
    sel = page.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in (1, 3, 4):
        sel.select(page.model.index(r, 0), flags)
    target = tmp_path / "交易导出.xlsx"
    op = page.export_selection(target, show_dialog=False)
    with qtbot.waitSignal(op.finished, timeout=10000):
        pass
    assert op.error is None
    rows = list(load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    assert rows[0][0] == "项目编号"
    assert [r[0] for r in rows[1:]] == [page.model.index(r, 0).data() for r in (1, 3, 4)]
    price_col = [c.key for c in page.visible_columns()].index("price")
    assert all(isinstance(r[price_col], float | int | type(None)) for r in rows[1:])


def test_column_chooser_and_layout_are_remembered(qtbot: QtBot, demo_ctx: AppContext,
                                                  data_bus: DataBus,
                                                  ui_settings: UiSettings) -> None:
    page = make_page(qtbot, demo_ctx, data_bus, ui_settings, COMPANIES)
    header = page.table.horizontalHeader()
    park = COMPANIES.column_index("park")
    assert header.isSectionHidden(park)
    menu = page.column_menu()
    action = next(a for a in menu.actions() if a.text() == "园区/孵化器")
    action.trigger()
    assert not header.isSectionHidden(park)
    header.moveSection(header.visualIndex(park), 0)
    page.save_layout()
    again = make_page(qtbot, demo_ctx, data_bus, ui_settings, COMPANIES)
    h2 = again.table.horizontalHeader()
    assert not h2.isSectionHidden(park) and h2.logicalIndex(0) == park
    assert again.visible_columns()[0].key == "park"


def test_bus_announcement_refreshes_the_list(qtbot: QtBot, ctx: AppContext, data_bus: DataBus,
                                             ui_settings: UiSettings) -> None:
    make_achievement(ctx)
    page = make_page(qtbot, ctx, data_bus, ui_settings)
    assert page.model.rowCount() == 1
    make_achievement(ctx)
    data_bus.announce(ACHIEVEMENTS, 0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)


def test_open_row_emits_the_dto(qtbot: QtBot, demo_ctx: AppContext, data_bus: DataBus,
                                ui_settings: UiSettings) -> None:
    page = make_page(qtbot, demo_ctx, data_bus, ui_settings)
    page.table.setCurrentIndex(page.model.index(3, 1))
    with qtbot.waitSignal(page.opened) as got:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert got.args[0].case_no == page.model.index(3, 0).data()


def test_copying_a_big_selection_runs_off_the_gui_thread(
        qtbot: QtBot, demo_ctx: AppContext, data_bus: DataBus, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from ttdesk.ui.lists import page as page_module

    monkeypatch.setattr(page_module, "COPY_INLINE_ROWS", 10)
    page = make_page(qtbot, demo_ctx, data_bus, ui_settings)
    page.table.selectAll()
    assert page.copy_selection() == ""  # not yet: a background operation reads the rows
    op = page.last_export
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=10000):
        pass
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 1 + page.model.rowCount() == 151


def test_enter_in_the_search_box_searches_and_selects_the_first_match(
        qtbot: QtBot, ctx: AppContext, data_bus: DataBus, ui_settings: UiSettings) -> None:
    make_achievement(ctx, title="纳米发电机", case_no="CG-2025-0100")
    make_achievement(ctx, title="钠离子电池", case_no="CG-2025-0101")
    page = make_page(qtbot, ctx, data_bus, ui_settings)
    page.search.setText("CG-2025-0101")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # at once, no debounce wait
    assert page.model.rowCount() == 1
    assert page.current_row().case_no == "CG-2025-0101"
    with qtbot.waitSignal(page.opened):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)


def test_clicking_an_unsortable_column_keeps_the_sort(
        qtbot: QtBot, demo_ctx: AppContext, data_bus: DataBus, ui_settings: UiSettings) -> None:
    page = make_page(qtbot, demo_ctx, data_bus, ui_settings)
    header = page.table.horizontalHeader()
    before = page.model.filter
    col = CASES.column_index("lead_inventor")  # computed per row: not sortable in SQL
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert page.model.filter == before
    assert header.sortIndicatorSection() == CASES.column_index("disclosure_date")


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda s: s.key)
def test_big_lists_show_their_first_page_before_all_ids(
        demo_ctx: AppContext, monkeypatch: pytest.MonkeyPatch, spec) -> None:
    monkeypatch.setattr(lazy, "STAGE_ABOVE", 8)
    monkeypatch.setattr(lazy, "PAGE_SIZE", 5)
    if spec.key == "spinoffs":  # the small demo has few spin-offs: a dozen more
        from sqlalchemy import text

        with demo_ctx.db.engine.begin() as c:
            c.execute(text("UPDATE company SET is_spinoff = TRUE WHERE id IN "
                           "(SELECT id FROM company ORDER BY id LIMIT 12)"))
    asked: list[object] = []
    staged = lazy.ListSpec(**{**spec.__dict__,
                              "ids": lambda c, f: asked.append(f) or spec.ids(c, f)})
    model = LazyListModel(demo_ctx, staged)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.load_first()
    total = len(spec.ids(demo_ctx, spec.default_filter()))
    assert total > 8 and model.rowCount() == total
    assert asked == [] and model.cached_pages() == 1  # a count and one page, no id list
    first = [model.index(r, 0).data() for r in range(5)]
    assert asked == []
    assert model.index(total - 1, 0).data() is not None  # beyond the first page: ids read now
    assert len(asked) == 1 and model.rowCount() == total
    model.complete_ids()  # the deferred call finds nothing left to do
    assert len(asked) == 1
    whole = LazyListModel(demo_ctx, spec)
    whole.refresh()
    assert [whole.index(r, 0).data() for r in range(5)] == first
    assert tester is not None


def test_a_change_between_first_page_and_all_ids_relayouts(
        qtbot: QtBot, demo_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lazy, "STAGE_ABOVE", 8)
    monkeypatch.setattr(lazy, "PAGE_SIZE", 5)
    model = LazyListModel(demo_ctx, CASES)
    model.load_first()
    assert model.rowCount() == 150
    make_achievement(demo_ctx, case_no="CG-2099-0001")
    with qtbot.waitSignal(model.reloaded, timeout=2000) as got:
        model.complete_ids()
    assert got.args == [151] and model.rowCount() == 151
