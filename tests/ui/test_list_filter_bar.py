"""A narrowed list says so (issue 12 §6): a visible bar naming the search and filters with the
count, and one click to clear them all."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.test_lists import make_page
from ttdesk.codes import AchievementStatus
from ttdesk.core.base.context import AppContext
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.lists.specs import CASES


def test_filter_bar_shows_and_clears_in_one_click(qtbot: QtBot, demo_ctx: AppContext,
                                                  data_bus: DataBus, ui_settings: UiSettings,
                                                  tmp_path: Path) -> None:
    page = make_page(qtbot, demo_ctx, data_bus, ui_settings, CASES)
    page.model.complete_ids()
    everything = page.model.rowCount()
    assert everything > 0 and page.filter_bar.isHidden()
    page.set_filter_value("status", AchievementStatus.MARKETING)
    page.search.setText("不存在的成果名称")
    page.apply_search()
    assert page.model.rowCount() == 0
    assert not page.filter_bar.isHidden()
    text = page.filter_text.text()
    assert "共 0 条" in text and "不存在的成果名称" in text and "推广中" in text
    page.grab().save(str(tmp_path / "filter_bar.png"))
    page.clear_filters_button.click()
    page.model.complete_ids()
    assert page.model.rowCount() == everything
    assert page.filter_bar.isHidden() and page.search.text() == ""
    assert page.filters["status"].currentIndex() == 0
