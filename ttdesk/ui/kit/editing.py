"""Undo and unsaved-changes tracking for an editable form.

The form is seen as a snapshot (a dict of plain values). Each edit pushes one step on an
undo history holding the snapshot before and after; consecutive edits of the same field merge,
so Ctrl+Z undoes a whole word typed into one field, then the previous field's change. Text
inputs would otherwise swallow Ctrl+Z for their own per-field undo, so their undo keys are
routed to the form's stack: one undo history for the whole form, combo boxes and dates
included. "Dirty" means the snapshot differs from the one last loaded or saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

Snapshot = dict[str, Any]


@dataclass
class _Edit:
    """One undo step: the form before and after edits of one field."""

    key: str
    before: Snapshot
    after: Snapshot


class UndoHistory(QObject):
    """A small undo/redo stack of snapshots (QUndoStack's interface, in Python: commands
    owned by a C++ stack and calling back into Python crashed at teardown)."""

    canUndoChanged = Signal(bool)
    canRedoChanged = Signal(bool)

    def __init__(self, apply: Callable[[Snapshot], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._apply = apply
        self._undo: list[_Edit] = []
        self._redo: list[_Edit] = []

    def push(self, edit: _Edit) -> None:
        if self._undo and not self._redo and self._undo[-1].key == edit.key:
            self._undo[-1].after = edit.after  # consecutive edits of one field merge
        else:
            self._undo.append(edit)
        self._redo.clear()
        self._signal()

    def undo(self) -> None:
        if self._undo:
            edit = self._undo.pop()
            self._redo.append(edit)
            self._apply(edit.before)
            self._signal()

    def redo(self) -> None:
        if self._redo:
            edit = self._redo.pop()
            self._undo.append(edit)
            self._apply(edit.after)
            self._signal()

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self._signal()

    def canUndo(self) -> bool:
        return bool(self._undo)

    def canRedo(self) -> bool:
        return bool(self._redo)

    def _signal(self) -> None:
        self.canUndoChanged.emit(self.canUndo())
        self.canRedoChanged.emit(self.canRedo())


class EditTracker(QObject):
    """Watches input widgets; keeps the undo stack and the dirty flag of one form."""

    dirty_changed = Signal(bool)

    def __init__(self, read: Callable[[], Snapshot], write: Callable[[Snapshot], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read, self._write = read, write
        self.stack = UndoHistory(self.apply, self)
        self._clean: Snapshot = {}
        self._last: Snapshot = {}
        self._applying = False
        self._dirty = False

    # ---- wiring -------------------------------------------------------------------------
    def watch(self, key: str, w: QWidget) -> None:
        """Record edits of `w` under field `key`."""
        note = lambda *_a: self.edited(key)  # noqa: E731
        if isinstance(w, QLineEdit):
            w.textEdited.connect(note)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(note)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(note)
        elif isinstance(w, QCheckBox):
            w.toggled.connect(note)
        elif isinstance(w, QAbstractSpinBox):
            w.editingFinished.connect(note)
            if hasattr(w, "dateChanged"):
                w.dateChanged.connect(note)
        self.route_undo_keys(w)

    def route_undo_keys(self, w: QWidget) -> None:
        w.installEventFilter(self)
        for child in w.findChildren(QLineEdit):
            child.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo):
                self.stack.undo()
                return True
            if event.matches(QKeySequence.StandardKey.Redo):
                self.stack.redo()
                return True
        return False

    # ---- state --------------------------------------------------------------------------
    def reset(self) -> None:
        """The form now shows saved data: clean, with an empty undo history."""
        self._clean = self._last = self._read()
        self.stack.clear()
        self._set_dirty(False)

    def edited(self, key: str) -> None:
        if self._applying:
            return
        now = self._read()
        if now == self._last:
            return
        self.stack.push(_Edit(key, self._last, now))
        self._last = now
        self._set_dirty(now != self._clean)

    def apply(self, snap: Snapshot) -> None:
        self._applying = True
        try:
            self._write(snap)
        finally:
            self._applying = False
        self._last = self._read()
        self._set_dirty(self._last != self._clean)

    def revert(self) -> None:
        """Back to the last loaded/saved values (Esc)."""
        self.apply(self._clean)
        self.stack.clear()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, value: bool) -> None:
        if value != self._dirty:
            self._dirty = value
            self.dirty_changed.emit(value)
