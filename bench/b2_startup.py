"""B2: start-up → main window shown with the first page of cases, on the 100k database.

    .venv/bin/python bench/b2_startup.py /tmp/b1_100k.db [--runs 5] [--page achievements dashboard]

Each run is a fresh process (interpreter start, imports, database open + migration check,
QApplication, CJK font, translators, main window, first page of the case list painted),
timed from spawn to exit by this script. It runs the real entry point `ttdesk.__main__.main`
with the settings of a user whose last page was the case list; a timer in the child exits the
moment the list shows its first rows. The floor, measured in the same run (runs alternate):
a bare PySide6 process showing a QMainWindow with an empty QTableView. Target: ≤ 2.5× the
floor (quality.md). Also prints which heavy modules were imported at start (none of
reportlab, openpyxl, alembic should be).

`--page dashboard`: the same with the dashboard (工作台) as the last page; the clock stops when
it shows its figures (KPI tiles, Action Plan tiles and funnel, the deadline tables' first
rows). Several pages run in turn with the floor (each on its own copy), so their ratios
share the machine's load.

The database is copied to a temporary folder first (start-up writes: migration check, seed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("reportlab", "openpyxl", "alembic", "PySide6.QtCharts", "PySide6.QtPdf")

FLOOR = r"""
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: (app.processEvents(), os._exit(0)))
app.exec()
"""

OURS = r"""
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)          # the entry point reuses it (QApplication.instance())

def shown():
    for w in app.topLevelWidgets():
        page = getattr(w, "_built", {}).get("achievements")
        dash = getattr(w, "_built", {}).get("dashboard")
        if w.isVisible() and dash is not None and dash.figures is not None:
            dash.repaint()                                   # the figures painted
            heavy = [m for m in %(heavy)r if m in sys.modules]
            sys.stderr.write("heavy imports at start: %%s\n" %% (heavy or "none"))
            os._exit(0)
        if w.isVisible() and page is not None and page.model.rowCount() > 0:
            page.table.viewport().repaint()          # the first rows painted
            if page.model.cached_pages() > 0:
                heavy = [m for m in %(heavy)r if m in sys.modules]
                sys.stderr.write("heavy imports at start: %%s\n" %% (heavy or "none"))
                os._exit(0)

timer = QTimer(); timer.timeout.connect(shown); timer.start(1)
from ttdesk.__main__ import main
main(["--db", %(db)r])
os._exit(3)
"""


def prepare(db: Path, home: Path, page: str = "achievements") -> Path:
    """A copy of the database and a settings file whose last page is `page`."""
    copy = home / "ttdesk.db"
    shutil.copyfile(db, copy)
    (home / "settings.ini").write_text(
        f"[ui]\nfirst_start_done=true\nlanguage=zh\n[window]\nlast_page={page}\n",
        encoding="utf-8")
    return copy


def timed(code: str, env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"child failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, done.stderr


PAGES = {"achievements": "the first page of cases", "dashboard": "the dashboard's figures"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", nargs="+", choices=list(PAGES), default=["achievements"],
                        help="start page(s); several run in turn with the floor")
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"no such database file: {args.db}")
    homes = {page: Path(tempfile.mkdtemp(prefix=f"ttdesk-b2-{page}-")) for page in args.page}
    try:
        children = {}
        for page, home in homes.items():
            copy = prepare(args.db, home, page)
            env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                       TTDESK_HOME=str(home))  # settings.ini there too
            env.pop("TTDESK_DB", None)
            env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its .pyc files
            children[page] = (OURS % {"db": str(copy), "heavy": HEAVY}, env)
            timed(*children[page])  # warm-up: migration check, file cache, .pyc
        floor_env = next(iter(children.values()))[1]
        timed(FLOOR, floor_env)
        times: dict[str, list[float]] = {page: [] for page in children}
        floor: list[float] = []
        notes: dict[str, str] = {}
        load = os.getloadavg()[0]
        for _ in range(args.runs):
            floor.append(timed(FLOOR, floor_env)[0])
            for page, child in children.items():
                seconds, notes[page] = timed(*child)
                times[page].append(seconds)
    finally:
        for home in homes.values():
            shutil.rmtree(home, ignore_errors=True)
    m_floor = statistics.median(floor)
    print(f"B2 start-up ({args.db}), load average {load:.2f} → {os.getloadavg()[0]:.2f}:")
    print(f"   floor (bare PySide6 window + empty table): median {m_floor:.2f} s "
          f"({', '.join(f'{s:.2f}' for s in floor)})")
    ok = True
    for page, ours in times.items():
        m_ours = statistics.median(ours)
        ratio = m_ours / m_floor
        ok = ok and ratio <= 2.5
        note = notes[page].strip()
        print(f"   to {PAGES[page]}: median {m_ours:.2f} s over {args.runs} runs "
              f"({', '.join(f'{s:.2f}' for s in ours)}); ratio {ratio:.2f}× (target ≤ 2.5×): "
              f"{'PASS' if ratio <= 2.5 else 'FAIL'}; {note.splitlines()[-1] if note else ''}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
