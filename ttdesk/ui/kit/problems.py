"""Showing a refusal to the user: the rule's own message, in the interface language.

Service calls raise typed errors (`ttdesk.core.base.errors`); the UI never rewrites their text, it
only lays the messages out: one line per problem, the rule id first.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ttdesk.core.base.errors import TTDeskError, ValidationFailed


def title() -> str:
    return QCoreApplication.translate("problems", "无法完成")


def messages_of(exc: BaseException, lang: str = "zh") -> list[str]:
    """The user-facing lines of an error (typed errors speak for themselves)."""
    if isinstance(exc, TTDeskError):
        return exc.messages(lang)
    return [str(exc) or type(exc).__name__]


def field_messages(exc: ValidationFailed, lang: str = "zh") -> dict[str | None, list[str]]:
    """Problems grouped by field name, for inline messages next to the field."""
    grouped: dict[str | None, list[str]] = {}
    for problem in exc.problems:
        grouped.setdefault(problem.field, []).append(f"[{problem.rule}] {problem.text(lang)}")
    return grouped


def show_problem(parent: QWidget | None, exc: BaseException, lang: str = "zh") -> None:
    """A warning box listing every problem of a refused action (nothing was written)."""
    lines = messages_of(exc, lang)
    box = QMessageBox(QMessageBox.Icon.Warning, title(),
                      "\n".join(lines), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("problem_box")
    box.exec()
