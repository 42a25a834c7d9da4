"""A type-to-search picker for a person, a department or a company, with 新建… at the end.

Each keystroke asks the core (`views.choices.find_*`: name, pinyin initials, full pinyin,
staff no. / credit code over the stored search keys) for the first matches; choosing one
sets the picker's key. 新建… opens the create form with the typed text as the name and, once
saved, returns to the field with the new record chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from ttdesk.core.base.context import AppContext
from ttdesk.core.views import choices
from ttdesk.ui.masterdata.dialogs import DIALOGS

CTX = "Picker"
LIMIT = 15
Finder = Callable[[AppContext, str], list[tuple[str, str]]]


def _people(ctx: AppContext, text: str) -> list[tuple[str, str]]:
    return [(p.staff_no, p.text()) for p in choices.find_people(ctx, text, LIMIT)]


def _companies(ctx: AppContext, text: str) -> list[tuple[str, str]]:
    return [(code, f"{name}（{code}）") for code, name in
            choices.find_companies(ctx, text, LIMIT)]


def _departments(ctx: AppContext, text: str) -> list[tuple[str, str]]:
    return [(code, f"{name}（{code}）") for code, name in
            choices.find_departments(ctx, text, LIMIT)]


def _managers(ctx: AppContext, text: str) -> list[tuple[str, str]]:
    """Technology managers only (技术经理人): name, level and staff no."""
    from ttdesk.core.base.labels import label
    from ttdesk.core.people import managers

    return [(m.staff_no, f"{m.name}（{label(m.level, ctx.lang)} · {m.staff_no}）")
            for m in managers.choices(ctx, text)[:LIMIT]]


FINDERS: dict[str, Finder] = {"person": _people, "company": _companies,
                              "department": _departments, "manager": _managers}


class EntityPicker(QWidget):
    """`kind` is person, company or department; `key()` is staff no. / credit code / code."""

    picked = Signal(str)

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.kind = ctx, kind
        self.setObjectName(f"picker_{kind}")
        self._key: str | None = None
        self._found: list[tuple[str, str]] = []
        self.new_text = self.tr("新建…")
        self.edit = QLineEdit()
        self.edit.setObjectName("picker_edit")
        self.edit.setPlaceholderText(self.tr("输入名称、拼音首字母或编号"))
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(LIMIT + 1)
        self.edit.setCompleter(self.completer)
        self.completer.activated[str].connect(self._activated)  # type: ignore[index]
        self.edit.textEdited.connect(self.search)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit)

    # -- the value -------------------------------------------------------------------------
    def key(self) -> str | None:
        """The chosen record; a key typed out in full (a staff no., a credit code) counts as
        chosen, so an officer who knows the number need not pick it from the list."""
        if self._key is None and self.edit.text().strip():
            typed = self.edit.text().strip()
            exact = [k for k, _t in FINDERS[self.kind](self.ctx, typed) if k.upper() ==
                     typed.upper()]
            if exact:
                self._key = exact[0]
        return self._key

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self._key = None
        self.edit.setText(text)

    def set_key(self, key: str | None, text: str = "") -> None:
        self._key = key or None
        self.edit.setText(text or (key or ""))

    # -- searching -------------------------------------------------------------------------
    def search(self, text: str) -> list[str]:
        """Refresh the suggestions for `text`; returns the lines shown (新建… last)."""
        self._key = None
        self._found = FINDERS[self.kind](self.ctx, text) if text.strip() else []
        lines = [t for _k, t in self._found] + [self.new_text]
        self.model.setStringList(lines)
        popup = self.completer.popup()
        if (self.edit.hasFocus() or self.isVisible()) and not popup.isVisible():
            self.completer.complete()  # once; an open popup follows its model by itself
        return lines

    def choose(self, line: str) -> None:
        """Act on one suggestion line as if clicked (also used by keyboard-free tests)."""
        self._activated(line)

    def _activated(self, line: str) -> None:
        if line == self.new_text:
            self.create_new(self.edit.text().strip())
            return
        for key, text in self._found:
            if text == line:
                self._key = key
                self.edit.setText(text)
                self.picked.emit(key)
                return

    def create_new(self, name_hint: str = "") -> None:
        """Open the create form inline; once saved the new record is the picker's value."""
        dialog = DIALOGS[self.kind](self.ctx, self.window(), None, name_hint)
        if self.kind == "manager":  # a new manager starts at the first level
            level = dialog.field("tech_manager_level")  # type: ignore[attr-defined]
            level.setCurrentIndex(level.findData("junior"))
        dialog.setObjectName(f"{self.kind}_dialog")
        dialog.finished.connect(lambda result, d=dialog: self._created(d, result))
        dialog.open()
        self.dialog = dialog

    def _created(self, dialog: QWidget, result: int) -> None:
        key = getattr(dialog, "result_value", None)
        if result and key:
            found = [t for k, t in FINDERS[self.kind](self.ctx, key) if k == key]
            self.set_key(key, found[0] if found else key)
            self.picked.emit(key)
