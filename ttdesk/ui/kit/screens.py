"""Building a screen or panel: the widget, or — when building it fails, which is a bug — an
error panel naming the screen and the exception (logged with its traceback). Also the small
empty-state label a panel shows while it has nothing to show ("no company selected").

Screens are imported with plain deferred imports inside `make`, so an import error of a
screen's module is reported the same way as an exception in its constructor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

CTX = "Screens"
W = TypeVar("W", bound=QWidget)


def build_screen(what: str, make: Callable[[], QWidget]) -> QWidget:
    """`make()`; when it raises, a `broken_screen` naming `what` (one broken screen must not
    take its window down)."""
    try:
        return make()
    except Exception as exc:
        log.exception("could not build the screen %s", what)
        return broken_screen(what, exc)


def broken_screen(what: str, exc: BaseException) -> QWidget:
    """A visible error: which screen could not be built, and why."""
    box = QWidget()
    box.setObjectName("broken_screen")
    lay = QVBoxLayout(box)
    title = QCoreApplication.translate(CTX, "“%1”无法打开").replace("%1", what)
    text = QLabel()
    text.setObjectName("broken_screen_text")
    text.setTextFormat(Qt.TextFormat.PlainText)
    text.setWordWrap(True)
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    text.setText(f"{title}\n\n{error_text(exc)}\n\n"
                 + QCoreApplication.translate(CTX, "这是程序错误，详情已写入日志。"))
    text.setStyleSheet("color: #b00020;")
    lay.addWidget(text)
    return box


def error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def open_dialog(parent: QWidget, what: str, make: Callable[[], W]) -> W | None:
    """Build and open a dialog; when building fails, an error box naming it (None)."""
    try:
        dialog = make()
    except Exception as exc:
        log.exception("could not build the dialog %s", what)
        box = QMessageBox(QMessageBox.Icon.Critical, what,
                          QCoreApplication.translate(CTX, "“%1”无法打开").replace("%1", what)
                          + "\n\n" + error_text(exc), QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("broken_dialog_box")
        box.open()
        return None
    dialog.open()  # type: ignore[attr-defined]
    return dialog


def empty_state(text: str) -> QLabel:
    """A quiet centred line for a panel with nothing to show yet."""
    label = QLabel(text)
    label.setObjectName("empty_state")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(mid);")
    return label
