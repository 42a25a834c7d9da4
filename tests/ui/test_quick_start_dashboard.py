"""The dashboard as the start page (B2): built with a `Starting` instead of the context, it
shows the first figures read by plain sqlite3 — the same texts the services' read shows —
holds a tile clicked meanwhile and opens its list once the services are attached; the real
entry point paints those figures before SQLAlchemy is imported."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from ttdesk.core.base.context import AppContext
from ttdesk.core.views.light import quick_file
from ttdesk.core.views.light_dashboard import ReadAhead
from ttdesk.ui.app.main_window import NAV_KEYS, MainWindow
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.dashboard.page import DashboardPage
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.starting import Starting
from ttdesk.ui.lists.page import ListPage

TODAY = date(2026, 12, 3)
SCREEN = 8  # deadline rows read before the services


def _texts(page: DashboardPage) -> dict[str, Any]:
    """Every figure the page shows first: KPI tiles, Action Plan tiles, funnel."""
    out: dict[str, Any] = {f"kpi_{n}": (t.value.text(), t.toolTip())
                           for n, t in page.tiles.items()}
    out |= {n: (t.value.text(), t.detail.text(), t.toolTip())
            for n, t in page.plan_box.tiles.items()}
    return out


def _starting_window(ctx: AppContext, settings: UiSettings) -> MainWindow:
    """The window as the entry point builds it on the quick start (`__main__.quick_start`)."""
    path = quick_file(ctx.db.url)
    assert path is not None
    settings.last_page = "dashboard"
    ahead = ReadAhead(path, ctx.today(), rows=SCREEN)  # fewer than the demo's overdue ones
    return MainWindow(Starting("zh", "deadlines", ahead.deadlines, page="dashboard",
                               figures=ahead.figures, today=ctx.today), settings=settings)


def _deadline_cells(page: DashboardPage) -> dict[str, list[list[str]]]:
    """The first screenful of both deadline tables as shown (every column)."""
    out = {}
    for key, table in page.deadline_tables.items():
        model = table.model()
        rows = min(model.rowCount(), SCREEN)
        out[key] = [[model.index(r, c).data() for c in range(model.columnCount())]
                    for r in range(rows)]
    return out


def _services_page(qtbot: QtBot, ctx: AppContext) -> DashboardPage:
    page = DashboardPage(ctx, DataBus())
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.figures is not None, timeout=20000)
    return page


def _audit_events(ctx: AppContext) -> int:
    with ctx.db.engine.connect() as c:
        return int(c.execute(text("SELECT count(*) FROM audit_event")).scalar_one())


def test_the_start_page_shows_the_services_figures_before_them(
        qtbot: QtBot, demo_ctx: AppContext, ui_settings: UiSettings) -> None:
    demo_ctx.today = lambda: TODAY
    win = _starting_window(demo_ctx, ui_settings)
    qtbot.addWidget(win)
    win.show()
    dash = win.area("dashboard")
    assert isinstance(dash, DashboardPage) and not win.ready
    assert dash.figures is not None and dash.figures.pipeline is None  # tiles, no chart yet
    first = _texts(dash)
    assert "…" not in {v[0] for v in first.values()}
    assert first["kpi_cases"][0] == "150"
    first_deadlines = _deadline_cells(dash)
    overdue_shown = dash.deadline_tables["overdue"].model().rowCount()
    assert overdue_shown == dash.figures.kpis.overdue_deadlines > SCREEN  # counts every row
    assert all(cell is not None for row in first_deadlines["overdue"] for cell in row[:5])
    assert first_deadlines["upcoming"]

    by_services = _services_page(qtbot, demo_ctx)
    services = _texts(by_services)
    assert first == services
    assert first_deadlines == _deadline_cells(by_services)

    win.attach(demo_ctx)
    qtbot.waitUntil(lambda: dash.figures.pipeline is not None, timeout=20000)
    assert _texts(dash) == services
    assert dash.findChildren(QWidget, "chart_0")
    overdue = dash.deadline_tables["overdue"].model()
    assert overdue.rowCount() == dash.figures.kpis.overdue_deadlines > 0


def test_clicks_while_starting_wait_for_the_services_and_write_nothing(
        qtbot: QtBot, demo_ctx: AppContext, ui_settings: UiSettings) -> None:
    demo_ctx.today = lambda: TODAY
    events = _audit_events(demo_ctx)
    win = _starting_window(demo_ctx, ui_settings)
    qtbot.addWidget(win)
    win.show()
    dash = win.area("dashboard")
    tile = dash.plan_box.tiles["contracts"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert dash.held is not None and set(win._built) == {"dashboard"}
    win.nav.setCurrentRow(NAV_KEYS.index("companies"))  # another area chosen while starting
    assert set(win._built) == {"dashboard"}  # not built yet: nothing to read it with
    assert ui_settings.last_page == "dashboard"
    table = dash.deadline_tables["overdue"]
    table.activated.emit(table.model().index(0, 0))  # a deadline opened while starting
    assert not win.detail_windows
    table.activated.emit(table.model().index(0, 0))
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))  # the newest wins
    assert not win.detail_windows

    win.attach(demo_ctx)
    deals = win._built.get("deals")
    assert isinstance(deals, ListPage)  # the held tile's list, with its filter
    assert deals.model.filter.year == 2026
    assert set(deals.model.filter.mode) == {"development", "consulting", "service"}
    assert win.nav.currentRow() == NAV_KEYS.index("deals")
    assert _audit_events(demo_ctx) == events


def test_an_empty_database_starts_on_the_dashboard(
        qtbot: QtBot, ctx: AppContext, ui_settings: UiSettings) -> None:
    win = _starting_window(ctx, ui_settings)
    qtbot.addWidget(win)
    win.show()
    dash = win.area("dashboard")
    assert dash.tiles["cases"].value.text() == "0"
    assert dash.plan_box.tiles["funnel_deals"].value.text() == "0"
    first = _texts(dash)
    win.attach(ctx)
    qtbot.waitUntil(lambda: dash.figures.pipeline is not None, timeout=20000)
    assert _texts(dash) == first


def test_a_failed_plain_read_leaves_the_tiles_waiting_for_the_services(
        qtbot: QtBot, demo_ctx: AppContext, ui_settings: UiSettings) -> None:
    def broken(_today: date) -> Any:
        raise OSError("database is locked")

    ui_settings.last_page = "dashboard"
    starting = Starting("zh", "deadlines", broken, page="dashboard", figures=broken)
    win = MainWindow(starting, settings=ui_settings)
    qtbot.addWidget(win)
    dash = win.area("dashboard")
    assert dash.figures is None and dash.tiles["cases"].value.text() == "…"
    assert dash.deadline_tables["overdue"].model().rowCount() == 0
    win.attach(demo_ctx)
    qtbot.waitUntil(lambda: dash.figures is not None, timeout=20000)
    assert dash.tiles["cases"].value.text() == "150"
    assert dash.deadline_tables["overdue"].model().rowCount() > 0


QUICK = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    seen = {}

    def watch():
        for w in app.topLevelWidgets():
            page = getattr(w, "_built", {}).get("dashboard")
            if page is None or not w.isVisible():
                continue
            if "first" not in seen and page.figures is not None:
                seen["first"] = ("sqlalchemy" in sys.modules, w.ready,
                                 page.tiles["cases"].value.text(),
                                 page.deadline_tables["overdue"].model().rowCount() > 0)
            if "first" in seen and w.ready and page.figures.pipeline is not None:
                print(seen["first"], page.tiles["cases"].value.text(),
                      page.deadline_tables["overdue"].model().rowCount() > 0)
                sys.stdout.flush()
                os._exit(0)

    timer = QTimer(); timer.timeout.connect(watch); timer.start(1)
    from ttdesk.__main__ import main
    main(["--db", sys.argv[1]])
    os._exit(3)
""")


def test_the_entry_point_paints_the_dashboard_figures_before_the_orm(
        demo_ctx: AppContext, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.ini").write_text("[ui]\nfirst_start_done=true\nlanguage=zh\n"
                                       "[window]\nlast_page=dashboard\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TTDESK_HOME=str(home))
    done = subprocess.run([sys.executable, "-c", QUICK, demo_ctx.db.url], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "(False, False, '150', True) 150 True"
