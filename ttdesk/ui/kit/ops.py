"""Running a long service call off the GUI thread, with progress, cancel and a clear result.

`run_op(parent, title, work, on_done)` starts `work(progress, cancelled)` on a worker thread.
`progress(fraction, message)` may be called from the worker; `cancelled()` tells the worker
the user pressed Cancel (the service then raises and its unit of work rolls back). Success and
failure are delivered back on the GUI thread: `on_done(result)` or the problem box (or
`on_error(exc)` when given). Widgets never touch a session: `work` calls services with the ctx.

`write_op(ctx, bus, call, ...)` runs a service call and announces on the bus exactly the change
kinds its units of work reported (`ctx.recording()`), so no widget decides what changed;
`run_write_op` does the same for a long write on the worker. `read_op(owner, read, paint)`
runs a page read on a worker and paints its DTO on the GUI thread (only the newest read of an
owner paints, and none after the owner is gone).
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ttdesk.codes import ChangeKind
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.problems import show_problem

if TYPE_CHECKING:  # the ORM is not imported before the first window is painted
    from ttdesk.core.base.changes import Changes, Recording
    from ttdesk.core.base.context import AppContext

T = TypeVar("T")

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]
Work = Callable[[Progress, Callable[[], bool]], Any]


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
            self.dialog = QProgressDialog(title, self.tr("取消"), 0, 1000, parent)
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


# ---- writes: the core says what changed ---------------------------------------------------
def announce(bus: DataBus, changes: Changes | None) -> None:
    """Announce each changed kind once, with its record id (0: several); "all" alone."""
    if changes is None:
        return
    if ChangeKind.ALL in changes.kinds:
        bus.announce(ChangeKind.ALL.value)
        return
    for kind in sorted(changes.kinds):
        bus.announce(str(kind), changes.record_id(kind))


def write_op(ctx: AppContext, bus: DataBus, call: Callable[..., T], *args: Any,
             **kwargs: Any) -> T:
    """Run the service `call(*args, **kwargs)` here and return its result; then announce the
    kinds its units of work committed (also when it raised after some of them committed).
    Refusals propagate to the caller, which shows them where the person typed."""
    recorded: list[Recording] = []
    try:
        with ctx.recording() as rec:
            recorded.append(rec)
            return call(*args, **kwargs)
    finally:
        announce(bus, recorded[0].changes if recorded else None)


def run_write_op(parent: QWidget | None, title: str, ctx: AppContext, bus: DataBus, work: Work,
                 on_done: Callable[[Any], None] | None = None,
                 on_error: Callable[[BaseException], None] | None = None,
                 lang: str = "zh", show_dialog: bool = True) -> Operation:
    """`run_op` for a long write (an import, demo data, a restore): on the worker, then the
    kinds it changed are announced on the GUI thread before `on_done` / `on_error`."""
    recorded: list[Recording] = []

    def work_recorded(progress: Progress, cancelled: Callable[[], bool]) -> Any:
        with ctx.recording() as rec:
            recorded.append(rec)
            return work(progress, cancelled)

    def done(result: Any) -> None:
        announce(bus, recorded[0].changes if recorded else None)
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        announce(bus, recorded[0].changes if recorded else None)
        if on_error is not None:
            on_error(exc)
        else:
            show_problem(parent, exc, lang)

    return run_op(parent, title, work_recorded, done, on_error=failed, lang=lang,
                  show_dialog=show_dialog)


# ---- reads: a page at once, off the GUI thread -------------------------------------------
_RUNNING: set[PageRead] = set()  # kept alive until their thread ended


class PageRead(QObject):
    """One page read of `owner` on a worker thread."""

    def __init__(self, owner: QObject, read: Callable[[], Any], paint: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None) -> None:
        super().__init__()  # no parent: it must outlive an owner closed meanwhile
        self.owner, self._paint, self._on_error = owner, paint, on_error
        self.done = False
        self._thread = QThread()
        self._worker = _Worker(lambda _p, _c: read(), threading.Event())
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)

    def start(self) -> PageRead:
        _hook_exit()
        _RUNNING.add(self)
        self._thread.start()
        return self

    def _current(self) -> bool:
        """The owner still exists and this is its newest read (an older one never paints)."""
        return shiboken6.isValid(self.owner) and getattr(self.owner, "_page_read", None) is self

    def _end(self) -> bool:
        self._thread.quit()
        self._thread.wait()
        self.done = True
        _RUNNING.discard(self)
        current = self._current()
        if current:
            self.owner._page_read = None  # type: ignore[attr-defined]
        return current

    def _succeeded(self, result: object) -> None:
        if self._end():
            self._paint(result)

    def _failed(self, exc: BaseException) -> None:
        if not self._end():
            return
        if self._on_error is not None:
            self._on_error(exc)
        elif isinstance(self.owner, QWidget) and self.owner.isVisible():
            show_problem(self.owner, exc, getattr(self.owner, "lang", "zh"))
        else:
            log.warning("page read of a hidden %s failed: %s", type(self.owner).__name__, exc)


_HOOKED: list[bool] = []


def _hook_exit() -> None:
    """Once: a page read still running when the application quits (or Python exits) is
    waited for; Qt aborts when a QThread object is destroyed while its thread runs."""
    if _HOOKED:
        return
    _HOOKED.append(True)
    atexit.register(_join_reads)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(_join_reads)


def _join_reads() -> None:
    for op in list(_RUNNING):
        op._thread.quit()
        op._thread.wait(QDeadlineTimer(10_000))


def read_op(owner: QObject, read: Callable[[], T], paint: Callable[[T], None],
            on_error: Callable[[BaseException], None] | None = None) -> PageRead:
    """Run `read()` (a core page read returning one DTO) on a worker; `paint(dto)` on the
    GUI thread when it returns, unless `owner` started a newer read or is gone. Failures go
    to `on_error` (default: the problem box)."""
    op = PageRead(owner, read, paint, on_error)
    owner._page_read = op  # type: ignore[attr-defined]
    return op.start()


def reading(owner: QObject) -> bool:
    """True while a page read of `owner` has not painted yet (tests wait on it)."""
    return getattr(owner, "_page_read", None) is not None


def reads_running() -> int:
    """How many page reads (of any owner) have not ended yet."""
    return len(_RUNNING)


def wait_for_reads(timeout_ms: int = 10_000) -> None:
    """Let running page reads end and deliver (application exit, test teardown)."""
    deadline = QDeadlineTimer(timeout_ms)
    while _RUNNING and not deadline.hasExpired():
        for op in list(_RUNNING):
            op._thread.wait(QDeadlineTimer(50))
        QCoreApplication.processEvents()
