"""The main window shell: navigation, pages, the demo-data offer, Chinese glyphs."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ttdesk.__main__ import install_cjk_font
from ttdesk.core.context import AppContext
from ttdesk.core.stats import count_achievements
from ttdesk.ui import main_window
from ttdesk.ui.main_window import NAV_PAGES, WINDOW_TITLE, MainWindow


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_window_shows_eight_areas(window: MainWindow) -> None:
    assert window.windowTitle() == WINDOW_TITLE
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == ["工作台", "成果", "交易", "企业", "收益", "待办", "文件", "设置"]
    assert window.pages.count() == len(NAV_PAGES) == 8
    assert window.pages.currentIndex() == 0


def test_clicking_an_entry_switches_the_page(qtbot: QtBot, window: MainWindow) -> None:
    for row in (3, 7, 0):
        item = window.nav.item(row)
        rect = window.nav.visualItemRect(item)
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.pages.currentIndex() == row
        assert window.pages.currentWidget().objectName() == f"page_{NAV_PAGES[row][0]}"


def fake_demo(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    calls: list[dict[str, object]] = []
    module = types.ModuleType(main_window.DEMO_MODULE)
    module.generate = lambda ctx, **kw: calls.append(kw)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, main_window.DEMO_MODULE, module)
    return calls


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_empty_database_offers_demo_data(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton
) -> None:
    calls = fake_demo(monkeypatch)
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    loaded = window.offer_demo_data()
    assert len(asked) == 1 and "示例" in asked[0]
    assert loaded == (answer == QMessageBox.StandardButton.Yes)
    assert [(c["cases"], c["seed"]) for c in calls] == ([(300, 1)] if loaded else [])


def test_accepting_the_offer_loads_real_demo_data(
    window: MainWindow, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip(main_window.DEMO_MODULE)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert window.offer_demo_data() is True
    assert count_achievements(ctx) == main_window.DEMO_CASES
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("asked twice"))
    assert window.offer_demo_data() is False  # not empty any more: no second offer


def test_no_offer_without_a_demo_generator(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, main_window.DEMO_MODULE, None)  # import now fails
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("asked"))
    assert window.offer_demo_data() is False


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
