"""The main window's data-wide actions: backup, restore, JSON export, the first-start walk-
through and demo data. Each long one runs off the GUI thread through `run_op` (progress and
cancel); when data changed, the bus tells every open view.

A mixin of `MainWindow` (which provides `_ctx`, `bus`, `settings`, `last_op`); its texts are in
the "MainWindow" translation context.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ttdesk.ui.kit.ops import Operation, run_op, run_write_op

log = logging.getLogger(__name__)

DEMO_CASES = 300


class DataActions:
    """Backup, restore, export, first start and demo data for the main window."""

    _ctx: Any
    bus: Any
    settings: Any
    last_op: Operation | None

    def _run(self, title: str, work: Callable[..., Any],
             on_done: Callable[[Any], None], writes: bool = False) -> Operation:
        """Run `work` on the worker; when it `writes`, the kinds of records the core reports
        changed are announced on the bus before `on_done`."""
        if writes:
            self.last_op = run_write_op(self, title, self._ctx, self.bus, work, on_done,
                                        lang=self._ctx.lang)
        else:
            self.last_op = run_op(self, title, work, on_done, lang=self._ctx.lang)
        return self.last_op

    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def backup_now(self, target: Path | None = None) -> Operation | None:
        from ttdesk.core.office.setup import backup_dir

        if target is None:
            suggested = backup_dir() / f"ttdesk-{datetime.now():%Y%m%d-%H%M}.db"
            title = QCoreApplication.translate("MainWindow", "备份到")
            chosen, _ = QFileDialog.getSaveFileName(self, title, str(suggested))
            if not chosen:
                return None
            target = Path(chosen)

        def work(_progress: Any, _cancelled: Any) -> Path:
            from ttdesk.core.records.backup import backup

            # the save dialog asked before replacing a file; check_output still refuses the
            # database itself and an existing backup
            return backup(self._ctx, target, force=True)

        done = QCoreApplication.translate("MainWindow", "已备份到：")
        return self._run(QCoreApplication.translate("MainWindow", "正在备份…"), work,
                         lambda path: self._say(done + str(path)))

    def restore_backup(self, source: Path | None = None, confirm: bool = True) -> Operation | None:
        if source is None:
            title = QCoreApplication.translate("MainWindow", "选择备份文件")
            chosen, _ = QFileDialog.getOpenFileName(self, title)
            if not chosen:
                return None
            source = Path(chosen)
        question = QCoreApplication.translate(
            "MainWindow", "当前数据将被备份文件替换（当前数据库会另存一份）。继续吗？")
        title = QCoreApplication.translate("MainWindow", "从备份恢复")
        if confirm and QMessageBox.question(
                self, title, question) != QMessageBox.StandardButton.Yes:
            return None
        url = self._ctx.db.url

        def work(_progress: Any, _cancelled: Any) -> Any:
            from ttdesk.core.records.backup import restore

            self._ctx.db.dispose()  # no connection of ours may stay open on the old file
            return restore(url, source)

        def done(_result: Any) -> None:
            self._say(QCoreApplication.translate("MainWindow", "已从备份恢复：") + str(source))

        return self._run(QCoreApplication.translate("MainWindow", "正在恢复…"), work, done,
                         writes=True)

    def export_json(self, target: Path | None = None) -> Operation | None:
        if target is None:
            title = QCoreApplication.translate("MainWindow", "导出 JSON")
            name = f"ttdesk-{datetime.now():%Y%m%d}.json"
            chosen, _ = QFileDialog.getSaveFileName(self, title, name,
                                                    "JSON (*.json)")
            if not chosen:
                return None
            target = Path(chosen)

        def work(_progress: Any, _cancelled: Any) -> Any:
            from ttdesk.core.exchange.export import export_json

            return export_json(self._ctx, target, force=True)  # the dialog asked first

        done = QCoreApplication.translate("MainWindow", "已导出：")
        return self._run(QCoreApplication.translate("MainWindow", "正在导出…"), work,
                         lambda _summary: self._say(done + str(target)))

    # ---- first start ------------------------------------------------------------------------
    def first_start(self) -> None:
        """Institution profile + policy on the very first start, then the demo-data offer."""
        from ttdesk.core.office.institution import get_profile

        # The database decides, not the user's settings: every database without an
        # institution profile gets the walk-through (a second database is not skipped).
        if get_profile(self._ctx) is None:
            from ttdesk.ui.app.first_start import FirstStartDialog

            FirstStartDialog(self._ctx, self).exec()
        self.offer_demo_data()

    def offer_demo_data(self) -> Operation | None:
        """On an empty database, ask whether to load demo cases; the running Operation (off
        the GUI thread, with progress and cancel) when accepted, else None."""
        from ttdesk.core.views.stats import count_achievements

        if count_achievements(self._ctx) > 0:
            return None
        question = QCoreApplication.translate(
            "MainWindow", "数据库中还没有成果。是否载入 %1 个示例案例以便熟悉本程序？")
        answer = QMessageBox.question(
            self, QCoreApplication.translate("MainWindow", "示例数据"),
            question.replace("%1", str(DEMO_CASES)))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        ctx = self._ctx

        def work(progress: Any, cancelled: Any) -> Any:
            from ttdesk.core import demo

            return demo.generate(ctx, cases=DEMO_CASES, seed=1, progress=progress,
                                 cancel=cancelled)

        def done(_summary: Any) -> None:
            log.info("loaded %d demo cases", DEMO_CASES)
            loaded = QCoreApplication.translate("MainWindow", "已载入 %1 个示例案例")
            self._say(loaded.replace("%1", str(DEMO_CASES)))

        return self._run(QCoreApplication.translate("MainWindow", "正在生成示例数据…"), work, done,
                         writes=True)
