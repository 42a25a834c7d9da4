"""An exported list reads well in Excel (issue 12 §6): column widths, money as #,##0.00 and
dates as yyyy-mm-dd, the header row frozen and an autofilter over the columns."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from tests.ui.test_lists import make_page
from ttdesk.core.base.context import AppContext
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.lists.specs import DEALS


def test_exported_deals_have_widths_formats_frozen_header_and_filter(
        qtbot: QtBot, demo_ctx: AppContext, data_bus: DataBus, ui_settings: UiSettings,
        tmp_path: Path) -> None:
    page = make_page(qtbot, demo_ctx, data_bus, ui_settings, DEALS)
    page.model.update_filter(search=None)
    sel = page.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in range(6):
        sel.select(page.model.index(r, 0), flags)
    target = tmp_path / "交易.xlsx"
    op = page.export_selection(target, show_dialog=False)
    with qtbot.waitSignal(op.finished, timeout=10000):
        pass
    assert op.error is None
    ws = load_workbook(target).active
    keys = [c.key for c in page.visible_columns()]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(keys)).column_letter}7"
    assert ws.cell(1, 1).font.b
    title = ws.column_dimensions[ws.cell(1, keys.index("title") + 1).column_letter].width
    assert title >= 16  # a Chinese title column is wide enough to read
    prices = [ws.cell(r, keys.index("price") + 1) for r in range(2, 8)]
    assert any(c.value is not None for c in prices)
    assert all(c.number_format == "#,##0.00" for c in prices if c.value is not None)
    dates = [ws.cell(r, k + 1) for r in range(2, 8) for k, key in enumerate(keys)
             if isinstance(ws.cell(r, k + 1).value, datetime)]
    assert dates and all(c.number_format == "yyyy-mm-dd" for c in dates)
