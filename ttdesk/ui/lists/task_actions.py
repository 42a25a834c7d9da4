"""The 待办 list's own row actions: done with a note, snooze to a date, a new hand-made task
(due date, title and the case or deal it is about). Each asks in a small dialog, runs one
unit of work per task through `write_op`, and shows a refusal in words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.office import deadlines
from ttdesk.ui.kit.ops import write_op
from ttdesk.ui.kit.problems import show_problem


class TaskDialog(QDialog):
    """A form of the inputs an action needs; `values()` once accepted."""

    def __init__(self, parent: QWidget | None, title: str, today: date, *, due: bool = False,
                 text: bool = False, subject: bool = False, note: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("task_dialog")
        form = QFormLayout(self)
        self.date = QDateEdit(QDate(today.year, today.month, today.day).addDays(7))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.title = QLineEdit()
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(self.tr("成果编号或项目编号（可不填）"))
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(90)
        if text:
            form.addRow(self.tr("事项"), self.title)
        if due:
            form.addRow(self.tr("日期"), self.date)
        if subject:
            form.addRow(self.tr("关于"), self.subject)
        if note:
            form.addRow(self.tr("备注"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def day(self) -> date:
        return self.date.date().toPython()


Ask = Callable[[TaskDialog], bool]


def _exec(dialog: TaskDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def _each(host: Any, ids: list[int], call: Callable[[int], Any]) -> int:
    done = 0
    for deadline_id in ids:
        try:
            write_op(host._ctx, host.bus, call, deadline_id)
        except TTDeskError as exc:
            show_problem(host, exc, host._ctx.lang)
            break
        done += 1
    return done


def complete_with_note(host: Any, ids: list[int], ask: Ask = _exec) -> int:
    dialog = TaskDialog(host, host.tr("完成并备注"), host._ctx.today(), note=True)
    if not ids or not ask(dialog):
        return 0
    note = dialog.note.toPlainText()
    return _each(host, ids, lambda i: deadlines.complete(host._ctx, i, note))


def snooze(host: Any, ids: list[int], ask: Ask = _exec) -> int:
    dialog = TaskDialog(host, host.tr("推迟至"), host._ctx.today(), due=True)
    if not ids or not ask(dialog):
        return 0
    until = dialog.day()
    return _each(host, ids, lambda i: deadlines.snooze(host._ctx, i, until))


def new_task(host: Any, _ids: list[int], ask: Ask = _exec) -> int | None:
    dialog = TaskDialog(host, host.tr("新建待办"), host._ctx.today(), due=True, text=True,
                        subject=True)
    if not ask(dialog):
        return None
    try:
        return write_op(host._ctx, host.bus, deadlines.add_manual, host._ctx, dialog.day(),
                        dialog.title.text(), dialog.subject.text() or None)
    except TTDeskError as exc:
        show_problem(host, exc, host._ctx.lang)
        return None



