"""A small input dialog for one money action (book a receipt, reverse a cost, approve a
distribution...): fields laid out with their own error lines; OK calls the service, and a
refusal stays in the dialog with each rule message under its field (nothing was saved).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.base.errors import TTDeskError
from ttdesk.ui.kit.fields import (
    FieldForm,
    date_edit,
    enum_combo,
    set_combo,
    to_qdate,
    widget_value,
)


def money_edit(value: Decimal | None = None) -> QLineEdit:
    """Amounts are typed as text (¥ and thousands separators allowed); the core parses."""
    edit = QLineEdit("" if value is None else f"{value:.2f}")
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setPlaceholderText("0.00")
    return edit


def text_edit(value: str | None = None) -> QLineEdit:
    return QLineEdit(value or "")


def optional_date(value: date | None, today: date) -> QDateEdit:
    """A date input whose minimum stands for "no date" (shown blank)."""
    edit = date_edit(value or today)
    edit.setMinimumDate(to_qdate(date(1900, 1, 1)))
    edit.setSpecialValueText(" ")
    if value is None:
        edit.setDate(edit.minimumDate())
    return edit


def date_or_none(edit: QDateEdit) -> date | None:
    if edit.date() == edit.minimumDate() and edit.specialValueText():
        return None
    q = edit.date()
    return date(q.year(), q.month(), q.day())


def choice(enum_cls: type[StrEnum], lang: str, value: object = None,
           only: Any = None) -> QComboBox:
    combo = enum_combo(enum_cls, lang, only=only)
    if value is not None:
        set_combo(combo, getattr(value, "value", value))
    return combo


class FormDialog(QDialog):
    """Fields + OK/Cancel; `submit(dialog)` does the service call (raising on refusal)."""

    def __init__(self, title: str, lang: str, submit: Callable[[FormDialog], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("money_form")
        self.setWindowTitle(title)
        self.lang = lang
        self.submit = submit
        self.result_value: Any = None
        self.form = FieldForm()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def add(self, name: str, text: str, widget: QWidget, aliases: tuple[str, ...] = ()
            ) -> QWidget:
        return self.form.add(name, text, widget, aliases)

    def field(self, name: str) -> QWidget:
        return self.form.inputs[name]

    def value(self, name: str) -> Any:
        w = self.form.inputs[name]
        if isinstance(w, QDateEdit) and w.specialValueText():
            return date_or_none(w)
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip()
        return widget_value(w)

    def try_accept(self) -> bool:
        """Run the action; True when it was done (the dialog closes)."""
        try:
            self.result_value = self.submit(self)
        except TTDeskError as exc:
            self.form.show_error(exc, self.lang)
            return False
        self.accept()
        return True

    def error_text(self) -> str:
        return self.form.error_text()
