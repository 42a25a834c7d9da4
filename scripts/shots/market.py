"""Screenshots of the 对接 area (see scripts/screenshots.py): each tab on the demo database,
the match form and the stage dialog of a match."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.market.page import MarketPage

SIZE = (1200, 800)


def _page(ctx: Any, bus: Any, tab: str) -> MarketPage:
    import tempfile
    from pathlib import Path

    page = MarketPage(ctx, bus, UiSettings(Path(tempfile.mkdtemp()) / "s.ini"))
    page.resize(*SIZE)
    page.show_tab(tab)
    return page


def _tab(tab: str) -> Any:
    return lambda ctx, bus: _page(ctx, bus, tab)


def _dialog(tab: str, open_it: str) -> Any:
    def make(ctx: Any, bus: Any) -> QWidget:
        page = _page(ctx, bus, tab)
        lst = page.lists[tab]
        lst.table.setCurrentIndex(lst.model.index(0, 0))
        dialog = getattr(page, open_it)()
        dialog.resize(560, 420)
        return dialog
    return make


SHOTS = [
    ("demands", _tab("demands")),
    ("supply", _tab("supply")),
    ("matches", _tab("matches")),
    ("activities", _tab("activities")),
    ("new_demand", _dialog("demands", "new_demand")),
    ("move_match", _dialog("matches", "move_match")),
    ("promote", _dialog("supply", "promote")),
]
