"""The composition root: `ttdesk [--db URL] [--lang zh|en] [--self-test]`.

Start-up order (style.md 2): excepthook → paths → logging → open and migrate the database →
QApplication (+ CJK font) → MainWindow(ctx). Quick start (B2): when the last page was the case
list or the dashboard and the database is a SQLite file at the current schema, the window is
shown first with the list's first page (or the dashboard's first figures) read by plain
sqlite3, and the ORM and services load right after the first paint (`MainWindow.attach`).
PySide6 is imported inside functions only, so the core part of `--self-test` and the import
of this module stay lean.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

log = logging.getLogger("ttdesk")

ERROR_TITLE = "TT Desk 出错 / Error"
BACKUP_DELAY_MS = 3000


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ttdesk", description="TT Desk 科技成果转化管理")
    parser.add_argument("--db", help="SQLAlchemy URL or SQLite file (default: TTDESK_DB or the "
                        "data folder's ttdesk.db)")
    parser.add_argument("--lang", choices=["zh", "en"], default=None,
                        help="interface language (default: the one chosen in 设置, else zh)")
    parser.add_argument("--self-test", action="store_true",
                        help="check the installation (database, rules, font, Qt) and exit")
    return parser


# ---- Qt helpers (PySide6 imported lazily) ---------------------------------------------------

def install_cjk_font(app: Any) -> str | None:
    """Load the CJK font into Qt and make it the application font; its family, or None.

    A bundled app on a PC without a Chinese font would show boxes everywhere otherwise.
    """
    from PySide6.QtGui import QFont, QFontDatabase

    from ttdesk.fonts import FontNotFound, find_cjk_font

    try:
        path = find_cjk_font()
    except FontNotFound as exc:
        log.warning("%s", exc)
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("Qt could not load the font %s", path)
        return None
    font = QFont(families[0])
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    return families[0]


def _application(argv: Sequence[str]) -> Any:
    """The QApplication, made once with the CJK font and the icon: any dialog, even an error
    shown before the database opens, must show Chinese on a PC without a Chinese font."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv))
        app.setApplicationName("TT Desk")
        app.setOrganizationName("TTDesk")
        install_cjk_font(app)
        from ttdesk.paths import resource_path

        app.setWindowIcon(QIcon(str(resource_path("icons/ttdesk.svg"))))
    return app


def _route_qt_messages() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}
    qt_log = logging.getLogger("qt")

    def handler(mode: Any, _context: Any, message: str) -> None:
        qt_log.log(levels.get(mode, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def show_error(message: str, argv: Sequence[str] = ("ttdesk",)) -> None:
    """A modal error box; creates the QApplication when the error came before it."""
    try:
        from PySide6.QtWidgets import QMessageBox

        _application(argv)
        QMessageBox.critical(None, ERROR_TITLE, message)
    except Exception:  # no display, no Qt: the log and stderr must do
        log.exception("could not show the error dialog")


# ---- start-up steps ---------------------------------------------------------------------------

def _excepthook(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    """Log every unhandled error and show it, instead of dying silently (errors in slots too)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.critical("unhandled error", exc_info=(exc_type, exc, tb))
    if "PySide6.QtWidgets" in sys.modules:
        show_error(failure_text(exc))


def failure_text(exc: BaseException) -> str:
    """One line for a known failure (a damaged database, a full disk, a locked file...,
    see ttdesk.core.base.failures); else a short message and the log's path. Never the
    exception's own text: SQLAlchemy's quotes the statement and its parameters."""
    from ttdesk.core.base.errors import TTDeskError
    from ttdesk.core.base.failures import describe

    if isinstance(exc, TTDeskError):
        return "\n".join(exc.messages("zh"))
    known = describe(exc)
    if known is not None:
        return known.message("zh")
    return (f"意外错误（{type(exc).__name__}） / unexpected error\n\n"
            f"详细信息已写入日志 / details are in the log:\n{_log_file()}")


def _log_file() -> Path:
    from ttdesk.paths import data_dir

    return data_dir() / "logs" / "ttdesk.log"


def setup_logging() -> Path:
    """Rotating log file in the data folder (+ warnings on stderr when there is one)."""
    path = _log_file()
    from ttdesk.filemodes import private_dir, private_file

    private_dir(path.parent)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    private_file(path)
    from ttdesk.core.base.privacy import RedactingFormatter

    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    if sys.stderr is not None:  # a windowed Windows build has none
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        root.addHandler(console)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # start-up noise
    logging.captureWarnings(True)
    return path


def _ensure_stdout() -> None:
    """A windowed (console=False) Windows build has no stdout; the self-test must still print."""
    if sys.stdout is not None:
        return
    if sys.platform == "win32":
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # the console that started us
            sys.stdout = sys.stderr = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115
            return
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _qt_check() -> str:
    """Part of --self-test: Qt loads (offscreen), paints a widget and has a CJK font."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QLabel

    app = _application([sys.argv[0]])
    family = app.font().family()
    label = QLabel("科技成果转化")
    label.show()
    app.processEvents()
    image = label.grab()
    label.close()
    if image.isNull() or not QFontMetrics(app.font()).inFontUcs4(ord("转")):
        raise RuntimeError(f"Qt painted nothing or the font {family} lacks Chinese glyphs")
    _check_real_glyphs()
    return f"PySide6 {pyside_version}, platform {app.platformName()}, font {family}"


def _glyph_image(text: str) -> Any:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QApplication.font()
    font.setPixelSize(36)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def _check_real_glyphs() -> None:
    """Chinese characters are drawn as themselves, not as the missing-glyph box: two different
    characters must paint differently, and neither like a code point no font has."""
    missing = _glyph_image("\U0010fffd")
    ke, ji = _glyph_image("科"), _glyph_image("技")
    if ke in (ji, missing) or ji == missing:
        raise RuntimeError("Chinese text is painted as missing-glyph boxes")


def self_test() -> int:
    _ensure_stdout()
    from ttdesk.selftest import run_self_test

    return run_self_test(extra_checks=[("qt", _qt_check)])


def start_auto_backup(ctx: Any) -> threading.Thread:
    """Today's automatic backup with rotation, on a worker thread so the window is not held
    up (the SQLite online backup reads a consistent snapshot while the UI keeps working)."""

    def work() -> None:
        from ttdesk.core.office.setup import backup_dir
        from ttdesk.core.records.backup import auto_backup

        try:
            made = auto_backup(ctx, backup_dir())
            if made:
                log.info("automatic backup written to %s", made)
        except Exception:
            log.exception("automatic backup failed")

    thread = threading.Thread(target=work, name="auto-backup", daemon=True)
    thread.start()
    return thread


def run_gui(args: argparse.Namespace, qt_args: Sequence[str]) -> int:
    sys.excepthook = _excepthook
    log_path = setup_logging()
    log.info("starting TT Desk; log %s", log_path)
    app = _application(qt_args)
    _route_qt_messages()
    from ttdesk.ui.app.settings import UiSettings

    settings = UiSettings()
    lang = args.lang or settings.language
    starting = quick_start(args.db, settings, lang)
    if starting is None:
        return run_window(app, args, qt_args, settings, lang)
    from ttdesk.ui.app.i18n import install_translators

    translators = install_translators(app, lang)  # noqa: F841  (kept alive while running)
    install_cjk_font(app)
    window = start_window(starting, settings)
    from PySide6.QtCore import QEventLoop, QTimer

    app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # painted now
    opened: list[Any] = []

    def load_services() -> None:
        """Behind the painted window: the ORM, migrations check, seed; then hand over."""
        try:
            opened.append(open_services(args.db, lang))
        except Exception as exc:
            log.exception("could not open the database")
            window.hide()
            show_error(f"无法打开数据库 / Cannot open the database:\n{exc}", qt_args)
            app.exit(1)
            return
        from ttdesk.ui.app.login import sign_in

        ctx = sign_in(opened[0], window)
        if ctx is None:  # quit at the login
            app.exit(0)
            return
        window.attach(ctx)
        QTimer.singleShot(0, window.first_start)
        QTimer.singleShot(BACKUP_DELAY_MS, lambda: start_auto_backup(ctx))

    QTimer.singleShot(0, load_services)
    try:
        return int(app.exec())
    finally:
        for ctx in opened:
            ctx.db.dispose()


def run_window(app: Any, args: argparse.Namespace, qt_args: Sequence[str], settings: Any,
               lang: str) -> int:
    """The start-up without a quick first page: open the services, then the window."""
    try:
        ctx = open_services(args.db, lang)
    except Exception as exc:
        log.exception("could not open the database")
        show_error(f"无法打开数据库 / Cannot open the database:\n{failure_text(exc)}", qt_args)
        return 1
    try:
        from ttdesk.ui.app.i18n import install_translators

        translators = install_translators(app, lang)  # noqa: F841  (kept alive while running)
        from ttdesk.ui.app.login import sign_in

        signed = sign_in(ctx)
        if signed is None:  # quit at the login
            return 0
        window = start_window(signed, settings)  # noqa: F841  (referenced while running)
        from PySide6.QtCore import QTimer

        # The daily copy waits until the window is up and the first page painted: it reads
        # the whole file and would otherwise compete with the start-up for the disk and CPU.
        QTimer.singleShot(BACKUP_DELAY_MS, lambda: start_auto_backup(ctx))
        return int(app.exec())
    finally:
        ctx.db.dispose()


def open_services(url: str | None, lang: str) -> Any:
    """The service context: imports the ORM, migrates (backing up first) and seeds."""
    from ttdesk.core.office.setup import open_context

    return open_context(url, lang=lang)


def quick_start(url: str | None, settings: Any, lang: str) -> Any | None:
    """A `Starting` when the window can be shown before the ORM is imported: the last page
    was the case list (its first page read with sqlite3) or the dashboard (its first figures
    read with sqlite3) and the database is a SQLite file at the current schema. None
    otherwise (first start, another page, PostgreSQL, a file to migrate): then the services
    open first, as before."""
    page = settings.last_page
    if page not in ("achievements", "dashboard"):
        return None
    from ttdesk.core.office.connection import server_chosen

    if not url and not os.environ.get("TTDESK_DB") and server_chosen():
        return None  # the office server: no local file to read first
    from ttdesk.paths import data_dir
    from ttdesk.ui.kit.starting import Starting

    where = url or os.environ.get("TTDESK_DB") or str(data_dir() / "ttdesk.db")
    if page == "dashboard":
        from datetime import date

        from ttdesk.core.views.light import quick_file
        from ttdesk.core.views.light_dashboard import ReadAhead

        path = quick_file(where)
        if path is None:
            return None
        today = date.today()  # the services' `ctx.today` too
        ahead = ReadAhead(path, today)
        return Starting(lang=lang, page=page, figures=ahead.figures, list_key="deadlines",
                        first_page=ahead.deadlines, today=lambda: today)
    from ttdesk.core.views.light import first_cases_reader

    reader = first_cases_reader(where)
    if reader is None:
        return None
    return Starting(lang=lang, list_key="cases", first_page=reader)


def start_window(ctx: Any, settings: Any) -> Any:
    """The main window, shown; the first-start walk-through follows once it is on screen."""
    from PySide6.QtCore import QTimer

    from ttdesk.ui.app.main_window import MainWindow

    window = MainWindow(ctx, settings=settings)
    window.show()
    if window.ready:  # else after `attach` (quick start)
        QTimer.singleShot(0, window.first_start)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    from ttdesk.filemodes import restrict_umask

    restrict_umask()  # the database, logs, exports and backups: the owner's only
    args, qt_args = build_parser().parse_known_args(argv)
    if args.self_test:
        return self_test()
    return run_gui(args, [sys.argv[0], *qt_args])


if __name__ == "__main__":
    sys.exit(main())
