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
