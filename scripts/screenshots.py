"""Render every main screen of TT Desk to PNG files, offscreen, on a fresh demo database.

    .venv/bin/python scripts/screenshots.py OUTDIR [--cases 300] [--lang zh|en]

Builds a demo database in a temporary folder (nothing of the user's is touched), then saves:
the main window on each of its areas (`main_1_dashboard.png` …), the case list with a
search applied, the settings tabs and the first-start dialog; then runs every
`scripts/shots/<area>.py`, which lists `SHOTS = [(name, factory)]` with
`factory(ctx, bus) -> QWidget`, and saves one `<area>_<name>.png` per entry. A shot that fails
is reported and the others still run; the exit status is 1 if any failed. Look at the PNGs:
real Chinese glyphs, nothing cut off.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WINDOW_SIZE = (1440, 900)
SHOT_SIZE = (1200, 800)


def dismiss_stray_modal(app: Any, keep: Any = None) -> None:
    """A modal box nobody answers would hang the run: reject it (and say so)."""
    modal = app.activeModalWidget()
    if modal is not None and modal is not keep and hasattr(modal, "reject"):
        print(f"  (dismissed a modal {type(modal).__name__}: {modal.windowTitle()})")
        modal.reject()


def settle(app: Any, ms: int = 250, until: Callable[[], bool] | None = None,
           timeout: float = 15.0) -> None:
    """Let Qt paint (and background loads arrive) before grabbing."""
    end = time.monotonic() + timeout
    while until is not None and not until() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    stop = time.monotonic() + ms / 1000
    while time.monotonic() < stop:
        app.processEvents()
        time.sleep(0.01)


def save(widget: Any, path: Path, app: Any) -> None:
    from ttdesk.ui.kit.ops import reads_running

    settle(app, until=lambda: not reads_running())  # pages read on a worker: wait for them
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(f"  {path.name}")


def build_database(folder: Path, cases: int, lang: str) -> Any:
    from ttdesk.core.demo import generate
    from ttdesk.core.office.setup import open_context

    ctx = open_context(f"sqlite:///{folder / 'demo.db'}", lang=lang, migrate_backup=False)
    started = time.perf_counter()
    generate(ctx, cases=cases, seed=1)
    print(f"demo database: {cases} cases in {time.perf_counter() - started:.1f} s")
    return ctx


def main_screens(ctx: Any, settings: Any, out: Path, app: Any) -> Any:
    from ttdesk.ui.app.first_start import FirstStartDialog
    from ttdesk.ui.app.main_window import NAV_KEYS, MainWindow

    window = MainWindow(ctx, settings=settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    for i, key in enumerate(NAV_KEYS, start=1):
        page = window.go(key)
        if key == "dashboard":
            settle(app, until=lambda p=page: p.figures is not None)
        save(window, out / f"main_{i}_{key}.png", app)
    cases = window.go("achievements")
    cases.search.setText("电池")
    cases.apply_search()
    cases.table.selectRow(1)
    save(window, out / "list_cases_search.png", app)
    settings_page = window.go("settings")
    for i in range(settings_page.count()):
        settings_page.setCurrentIndex(i)
        save(window, out / f"settings_{i + 1}.png", app)
    dialog = FirstStartDialog(ctx, window)
    dialog.show()
    save(dialog, out / "first_start.png", app)
    dialog.close()
    return window


def load_shots(path: Path) -> list[tuple[str, Callable[..., Any]]]:
    spec = importlib.util.spec_from_file_location(f"shots_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(getattr(module, "SHOTS", []))


def area_shots(ctx: Any, bus: Any, out: Path, app: Any) -> list[str]:
    """Every scripts/shots/*.py entry; returns the names of the shots that failed."""
    from PySide6.QtCore import QTimer

    failed = []
    watchdog = QTimer()  # runs inside nested event loops too (a modal exec())
    watchdog.timeout.connect(lambda: dismiss_stray_modal(app))
    watchdog.start(3000)
    for path in sorted((ROOT / "scripts" / "shots").glob("*.py")):
        try:
            shots = load_shots(path)
        except Exception:
            traceback.print_exc()
            failed.append(path.stem)
            continue
        for name, factory in shots:
            try:
                widget = factory(ctx, bus)
                if widget.width() < 200 or widget.height() < 150 or not widget.isWindow():
                    widget.resize(*SHOT_SIZE)
                widget.show()
                save(widget, out / f"{path.stem}_{name}.png", app)
                # hide, not close: a close event may ask "discard changes?" in a modal box
                # nobody can answer offscreen
                widget.hide()
                widget.deleteLater()
            except Exception:
                traceback.print_exc()
                failed.append(f"{path.stem}_{name}")
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix="ttdesk-shots-"))
    os.environ["TTDESK_HOME"] = str(temp)

    from PySide6.QtWidgets import QApplication

    from ttdesk.__main__ import install_cjk_font
    from ttdesk.ui.app.i18n import install_translators
    from ttdesk.ui.app.settings import UiSettings

    app = QApplication.instance() or QApplication([sys.argv[0]])
    translators = install_translators(app, args.lang)
    family = install_cjk_font(app)
    print(f"font: {family}; language {args.lang}; translators {len(translators)}")
    ctx = build_database(temp, args.cases, args.lang)
    settings = UiSettings(temp / "settings.ini")
    settings.first_start_done = True
    window = main_screens(ctx, settings, args.outdir, app)
    failed = area_shots(ctx, window.bus, args.outdir, app)
    window.close()
    ctx.db.dispose()
    print(f"screenshots in {args.outdir}" + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
