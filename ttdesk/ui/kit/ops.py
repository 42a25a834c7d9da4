"""Running a long service call off the GUI thread, with progress, cancel and a clear result.

`run_op(parent, title, work, on_done)` starts `work(progress, cancelled)` on a worker thread.
`progress(fraction, message)` may be called from the worker; `cancelled()` tells the worker
the user pressed Cancel (the service then raises and its unit of work rolls back). Success and
failure are delivered back on the GUI thread: `on_done(result)` or the problem box (or
`on_error(exc)` when given). Widgets never touch a session: `work` calls services with the ctx.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ttdesk.ui.kit.problems import show_problem

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]
Work = Callable[[Progress, Callable[[], bool]], Any]

CANCEL_TEXT = {"zh": "取消", "en": "Cancel"}


class _Worker(QObject):
    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, cancel_flag: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel_flag

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            log.info("background work ended with %s: %s", type(exc).__name__, exc)
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class Operation(QObject):
    """One running background call; keeps its thread and dialog alive until it ends."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, title: str, work: Work,
                 on_done: Callable[[Any], None] | None = None,
                 on_error: Callable[[BaseException], None] | None = None,
                 lang: str = "zh", show_dialog: bool = True) -> None:
        super().__init__(parent)
        self._parent = parent
        self._on_done = on_done
        self._on_error = on_error
        self._lang = lang
        self.cancel_flag = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.dialog: QProgressDialog | None = None
        if show_dialog:
            self.dialog = QProgressDialog(title, CANCEL_TEXT.get(lang, "Cancel"), 0, 1000, parent)
            self.dialog.setObjectName("op_progress")
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel_flag.set)
        self._thread = QThread()
        self._worker = _Worker(work, self.cancel_flag)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._show_progress)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)

    def start(self) -> Operation:
        self._thread.start()
        return self

    def cancel(self) -> None:
        self.cancel_flag.set()

    def _show_progress(self, fraction: float, message: str) -> None:
        if self.dialog is not None:
            self.dialog.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
            if message:
                self.dialog.setLabelText(message)

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()
        if self.dialog is not None:
            self.dialog.close()

    def _succeeded(self, result: object) -> None:
        self.result = result
        self._stop()
        if self._on_done is not None:
            self._on_done(result)
        self.finished.emit()

    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        self._stop()
        if self._on_error is not None:
            self._on_error(exc)
        else:
            show_problem(self._parent, exc, self._lang)
        self.finished.emit()


def run_op(parent: QWidget | None, title: str, work: Work,
           on_done: Callable[[Any], None] | None = None,
           on_error: Callable[[BaseException], None] | None = None,
           lang: str = "zh", show_dialog: bool = True) -> Operation:
    """Start `work` on a worker thread; returns the running Operation (tests wait on
    `finished`)."""
    return Operation(parent, title, work, on_done, on_error, lang, show_dialog).start()
