"""Screenshots of the desk's own widgets, outside the main window (see scripts/screenshots.py)."""

from __future__ import annotations

from typing import Any

from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.dashboard.page import DashboardPage
from ttdesk.ui.lists.page import ListPage
from ttdesk.ui.lists.specs import COMPANIES, DEADLINES, DEALS


def _settings() -> UiSettings:
    import os
    from pathlib import Path

    return UiSettings(Path(os.environ.get("TTDESK_HOME", ".")) / "shots-settings.ini")


def dashboard(ctx: Any, bus: Any) -> Any:
    page = DashboardPage(ctx, bus)
    page.resize(1300, 1250)
    return page


def deals_filtered(ctx: Any, bus: Any) -> Any:
    page = ListPage(ctx, bus, DEALS, _settings())
    page.set_filter_value("mode", page.filters["mode"].itemData(1))
    page.resize(1300, 700)
    return page


def companies_spinoffs(ctx: Any, bus: Any) -> Any:
    page = ListPage(ctx, bus, COMPANIES, _settings())
    page.set_filter_value("is_spinoff", True)
    page.resize(1300, 600)
    return page


def deadlines_overdue(ctx: Any, bus: Any) -> Any:
    from ttdesk.core.views import DeadlineState

    page = ListPage(ctx, bus, DEADLINES, _settings())
    page.set_filter_value("state", DeadlineState.OVERDUE)
    page.resize(1200, 600)
    return page


SHOTS = [
    ("dashboard", dashboard),
    ("deals_filtered", deals_filtered),
    ("companies_spinoffs", companies_spinoffs),
    ("deadlines_overdue", deadlines_overdue),
]
