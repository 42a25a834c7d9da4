"""Form building blocks for the case page: a field with its own error line, date inputs,
combo boxes over code lists, and a form that lays rule messages under their fields.

A refused save shows each problem of the service's `ValidationFailed` right under the field
it names (`field_messages`); problems without a known field go to the form's top line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.base.labels import choices
from ttdesk.ui.kit.problems import field_messages, messages_of

ERROR_COLOUR = "#b00020"
# A visible mark as well as the colour: errors must not rely on colour alone.
ERROR_MARK = "✖ "


class ErrorLabel(QLabel):
    """Hidden while empty; shows rule messages (mark + text) under a field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        palette = self.palette()  # a palette, not a style sheet: cheap to create by the dozen
        palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOUR))
        self.setPalette(palette)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_messages(self, lines: Iterable[str]) -> None:
        lines = list(lines)
        self.setText("\n".join(ERROR_MARK + line for line in lines))
        self.setVisible(bool(lines))

    def clear_messages(self) -> None:
        self.clear()
        self.hide()


def to_qdate(d: date | None) -> QDate:
    return QDate(d.year, d.month, d.day) if d else QDate()


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(to_qdate(value or date.today()))
    return edit


def enum_combo(enum_cls: type[StrEnum], lang: str, blank: bool = False,
               only: Iterable[StrEnum] | None = None) -> QComboBox:
    """A combo box of an enum's labels whose item data is the code name."""
    combo = QComboBox()
    if blank:
        combo.addItem("", None)
    keep = None if only is None else {m.value for m in only}
    for code, text in choices(enum_cls, lang):
        if keep is None or code in keep:
            combo.addItem(text, code)
    return combo


def pairs_combo(pairs: Iterable[tuple[str, str]], blank: bool = False) -> QComboBox:
    combo = QComboBox()
    if blank:
        combo.addItem("", None)
    for key, text in pairs:
        combo.addItem(text, key)
    return combo


def searchable(combo: QComboBox) -> QComboBox:
    """A picker over a long list (the officer of a case): typing filters the choices by any
    part of their text; only a listed choice can be taken."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
    return combo


def set_combo(combo: QComboBox, key: object) -> None:
    index = combo.findData(key)
    combo.setCurrentIndex(max(index, 0))


def widget_value(w: QWidget) -> object:
    """The plain value of an input widget (str, date, bool, int, or a combo's code)."""
    if isinstance(w, QLineEdit):
        return w.text().strip()
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText().strip()
    if isinstance(w, QDateEdit):
        return from_qdate(w.date())
    if isinstance(w, QCheckBox):
        return w.isChecked()
    if isinstance(w, QSpinBox):
        return w.value()
    if isinstance(w, QComboBox):
        return w.currentData()
    key = getattr(w, "key", None)
    if callable(key):  # a picker (ui.masterdata.picker): its chosen record's key
        return key()
    raise TypeError(f"no value for {type(w).__name__}")


class _ErrorSlots(dict[str, ErrorLabel]):
    """Field name (or alias) -> its error line, created the first time it is asked for:
    a form of twenty fields then builds twenty fewer widgets when nothing is wrong."""

    def __init__(self) -> None:
        super().__init__()
        self.slots: dict[str, tuple[QVBoxLayout, str]] = {}

    def __missing__(self, key: str) -> ErrorLabel:
        if key not in self.slots:
            raise KeyError(key)
        layout, name = self.slots[key]
        if name in self:
            label = dict.__getitem__(self, name)
        else:
            label = ErrorLabel()
            label.setObjectName(f"error_{name}")
            layout.addWidget(label)
        for alias, (_lay, owner) in self.slots.items():
            if owner == name:
                self[alias] = label
        return label

    def knows(self, key: str) -> bool:
        return key in self.slots


class FieldForm(QWidget):
    """A QFormLayout whose every field has an error line right under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.general = ErrorLabel()
        self.general.setObjectName("form_error")
        outer.addWidget(self.general)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.form)
        self.inputs: dict[str, QWidget] = {}
        self.errors = _ErrorSlots()

    def add(self, name: str, label: str, widget: QWidget,
            aliases: Iterable[str] = ()) -> QWidget:
        """Add `widget` as field `name`; problems naming any alias land here too."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        self.form.addRow(label, box)
        widget.setObjectName(widget.objectName() or f"field_{name}")
        self.inputs[name] = widget
        for key in (name, *aliases):
            self.errors.slots[key] = (lay, name)
        return widget

    def values(self) -> dict[str, object]:
        return {name: widget_value(w) for name, w in self.inputs.items()}

    def clear_errors(self) -> None:
        self.general.clear_messages()
        for err in set(self.errors.values()):
            err.clear_messages()

    def show_error(self, exc: BaseException, lang: str = "zh") -> None:
        """Messages under their fields; the rest (or a non-validation error) on top."""
        self.clear_errors()
        if not isinstance(exc, ValidationFailed):
            self.general.show_messages(messages_of(exc, lang))
            return
        placed: dict[ErrorLabel, list[str]] = {}
        rest: list[str] = []
        for name, lines in field_messages(exc, lang).items():
            if not self.errors.knows(name or ""):
                rest += lines
            else:
                err = self.errors[name or ""]
                placed.setdefault(err, []).extend(_with_rows(exc, name, lines, lang))
        for err, lines in placed.items():
            err.show_messages(lines)
        self.general.show_messages(rest)

    def error_text(self) -> str:
        """Every visible message (for tests and screen readers)."""
        texts = [self.general.text()] + [e.text() for e in set(self.errors.values())]
        return "\n".join(t for t in texts if t)


def _with_rows(exc: ValidationFailed, name: str | None, lines: list[str],
               lang: str) -> list[str]:
    """Prefix "第 2 行" to messages about one row of a table field (where "contributors[1]")."""
    rows = [p for p in exc.problems if p.field == name]
    if len(rows) != len(lines):
        return lines
    out = []
    for p, line in zip(rows, lines, strict=True):
        m = re.search(r"\[(\d+)\]$", p.where or "")
        if m:
            n = int(m.group(1)) + 1
            line = QCoreApplication.translate("fields", "第 {0} 行：").format(n) + line
        out.append(line)
    return out


def fill(form: FieldForm, values: Mapping[str, object]) -> None:
    """Put plain values into the form's inputs (inverse of `FieldForm.values`)."""
    for name, value in values.items():
        w = form.inputs.get(name)
        if isinstance(w, QLineEdit):
            w.setText("" if value is None else str(value))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText("" if value is None else str(value))
        elif isinstance(w, QDateEdit) and isinstance(value, date):
            w.setDate(to_qdate(value))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QSpinBox) and isinstance(value, int):
            w.setValue(value)
        elif isinstance(w, QComboBox):
            set_combo(w, value)
