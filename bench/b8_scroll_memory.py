"""B8: peak memory after scrolling the whole 100k case list.

    .venv/bin/python bench/b8_scroll_memory.py /tmp/b1_100k.db [--step-pages 1]

Opens the main window on the case list (offscreen), then scrolls the table from the first row
to the last one screen at a time, painting each screen — every row of the database is fetched
and shown once — and prints the peak resident set size of the process (ru_maxrss). Target:
≤ 200 MB (quality.md; a spreadsheet program needs ~208 MB just to open such a ledger). The
lazy model keeps only a bounded number of row pages, so memory stays flat however far one
scrolls. The database is copied first (opening it may migrate it).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--step-pages", type=float, default=1.0,
                        help="screens per scroll step (1 = every row is painted)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"no such database file: {args.db}")
    home = Path(tempfile.mkdtemp(prefix="ttdesk-b8-"))
    os.environ["TTDESK_HOME"] = str(home)
    try:
        copy = home / "ttdesk.db"
        shutil.copyfile(args.db, copy)
        return run(copy, home, args.step_pages)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def run(db: Path, home: Path, step_pages: float) -> int:
    from PySide6.QtWidgets import QApplication

    from ttdesk.__main__ import install_cjk_font
    from ttdesk.core.office.setup import open_context
    from ttdesk.ui.app.main_window import MainWindow
    from ttdesk.ui.app.settings import UiSettings

    app = QApplication.instance() or QApplication([sys.argv[0]])
    install_cjk_font(app)
    ctx = open_context(str(db), migrate_backup=False)
    settings = UiSettings(home / "settings.ini")
    settings.last_page = "achievements"
    settings.first_start_done = True
    window = MainWindow(ctx, settings=settings)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    page = window.area("achievements")
    table, model = page.table, page.model
    bar = table.verticalScrollBar()
    start_rss = rss_mb()
    started = time.perf_counter()
    step = max(1, int(bar.pageStep() * step_pages))
    shown = 0
    value = 0
    while True:
        bar.setValue(value)
        table.viewport().repaint()  # paints the screen: data() for every visible cell
        app.processEvents()
        shown += 1
        if value >= bar.maximum():
            break
        value = min(bar.maximum(), value + step)
    seconds = time.perf_counter() - started
    last = model.index(model.rowCount() - 1, 0).data()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ok = peak <= 200
    print(f"B8 scrolled {model.rowCount():,} cases ({shown:,} screens, last row {last}) "
          f"in {seconds:.1f} s; row pages cached at the end: {model.cached_pages()}")
    print(f"   RSS before scrolling {start_rss:.0f} MB, after {rss_mb():.0f} MB")
    print(f"   peak RSS {peak:.0f} MB (target ≤ 200 MB): {'PASS' if ok else 'FAIL'}")
    window.close()
    ctx.db.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
