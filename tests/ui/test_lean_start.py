"""Start-up stays lean (B2): opening the main window on the case list imports neither
reportlab, openpyxl nor Alembic, nor QtCharts unless the dashboard is shown."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from ttdesk.core.base.context import AppContext

CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from ttdesk.core.office.setup import open_context
    from ttdesk.ui.app.main_window import MainWindow
    from ttdesk.ui.app.settings import UiSettings
    settings = UiSettings(sys.argv[2])
    settings.last_page = "achievements"
    ctx = open_context(sys.argv[1], migrate_backup=False)
    window = MainWindow(ctx, settings=settings)
    window.show()
    app.processEvents()
    assert window.area("achievements").model.rowCount() == 3
    heavy = ("reportlab", "openpyxl", "alembic", "PySide6.QtCharts", "PySide6.QtPdf")
    print(",".join(m for m in heavy if m in sys.modules) or "none")
""")


def test_main_window_start_imports_nothing_heavy(ctx: AppContext, tmp_path: Path) -> None:
    from tests.builders import make_achievement

    for _ in range(3):
        make_achievement(ctx)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, ctx.db.url, str(tmp_path / "s.ini")],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "none"


QUICK = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    seen = {}

    def watch():
        for w in app.topLevelWidgets():
            page = getattr(w, "_built", {}).get("achievements")
            if page is None or not w.isVisible():
                continue
            if "first" not in seen and page.model.rowCount() > 0:
                seen["first"] = ("sqlalchemy.orm" in sys.modules, page.model.rowCount(),
                                 w.ready)
            if "first" in seen and w.ready and page._choices_loaded:
                print(seen["first"], page.model.rowCount(), len(page.model.ids()),
                      page.filters["status"].count() > 1,
                      w.statusBar().currentMessage().startswith("数据库"))
                sys.stdout.flush()
                os._exit(0)

    timer = QTimer(); timer.timeout.connect(watch); timer.start(1)
    from ttdesk.__main__ import main
    main(["--db", sys.argv[1]])
    os._exit(3)
""")


def test_the_entry_point_shows_the_case_list_before_the_orm(ctx: AppContext,
                                                            tmp_path: Path) -> None:
    """Quick start: the first page of cases is on screen before SQLAlchemy is imported; the
    services follow behind the window and the list then has every id and its filters."""
    from tests.builders import make_achievement

    for _ in range(3):
        make_achievement(ctx)
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.ini").write_text("[ui]\nfirst_start_done=true\nlanguage=zh\n"
                                       "[window]\nlast_page=achievements\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TTDESK_HOME=str(home))
    done = subprocess.run([sys.executable, "-c", QUICK, ctx.db.url], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "(False, 3, False) 3 3 True True"


FAILING = textwrap.dedent("""
    import sys
    import ttdesk.__main__ as entry

    def boom(url, lang):
        raise OSError("disk gone")

    entry.open_services = boom
    entry.show_error = lambda message, argv=(): print("shown:", message.splitlines()[-1])
    print("exit", entry.main(["--db", sys.argv[1]]))
""")


def test_services_failing_behind_the_painted_window_show_why_and_exit(
        ctx: AppContext, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.ini").write_text("[window]\nlast_page=achievements\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TTDESK_HOME=str(home))
    done = subprocess.run([sys.executable, "-c", FAILING, ctx.db.url], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["shown: disk gone", "exit 1"]
    assert "could not open the database" in (home / "logs" / "ttdesk.log").read_text("utf-8")
