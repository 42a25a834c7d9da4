"""The background-op helper: result and errors come back on the GUI thread; cancel works."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ttdesk.core.base.errors import RuleViolation
from ttdesk.ui.kit import bus
from ttdesk.ui.kit.ops import run_op
from ttdesk.ui.kit.problems import field_messages, messages_of


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[object] = []
    threads: list[bool] = []

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        progress(0.5, "half")
        threads.append(threading.current_thread() is threading.main_thread())
        return 42

    def done(result: object) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        seen.append(result)

    op = run_op(parent, "work", work, on_done=done)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert seen == [42]
    assert threads == [False, True]


def test_error_goes_to_on_error(qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        raise RuleViolation("R1", "份额合计须为 100%", "Shares must total 100%", field="share")

    op = run_op(None, "work", work, on_error=errors.append, show_dialog=False)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert op.error is errors[0]
    assert messages_of(errors[0], "zh") == ["[R1] 贡献比例（%）: 份额合计须为 100%"]  # no code name
    assert field_messages(errors[0], "en") == {"share": ["[R1] Shares must total 100%"]}


def test_cancel_is_seen_by_the_worker(qtbot: QtBot) -> None:
    started = threading.Event()

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise RuntimeError("cancelled")

    errors: list[BaseException] = []
    op = run_op(None, "work", work, on_error=errors.append, show_dialog=False)
    assert started.wait(5)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.cancel()
    assert str(errors[0]) == "cancelled"


def test_unhandled_error_shows_the_problem_box(qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        raise RuleViolation("R12", "日期不合理", "Bad date")

    op = run_op(None, "work", work, show_dialog=False)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert shown == ["[R12] 日期不合理"]


def test_bus_concerns() -> None:
    assert bus.DataBus.concerns(bus.ALL, bus.DEALS)
    assert bus.DataBus.concerns(bus.DEALS, bus.DEALS)
    assert not bus.DataBus.concerns(bus.COMPANIES, bus.DEALS)
