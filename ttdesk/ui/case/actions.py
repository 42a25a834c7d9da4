"""Action buttons for status changes, and the small dialog an action opens for its input.

An `ActionSpec` says what a button does (a service call), when it is enabled (the status
machine allows it from the current status, asked through `ttdesk.core.views.stepper`), and which
inputs it needs. A refused action keeps its dialog open with each rule message under its
field; an action without input shows the refusal in the problem box. Nothing is saved then.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.fields import FieldForm, date_edit, enum_combo, fill, pairs_combo
from ttdesk.ui.kit.ops import write_op
from ttdesk.ui.kit.problems import show_problem

log = logging.getLogger(__name__)
CONTEXT = "CaseActions"


def tr(text: str) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP("CaseActions", ...)."""
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class FieldSpec:
    """One input of an action dialog. `kind`: text, multiline, date, bool, enum, pairs, or
    person / company / department (a type-to-search picker with 新建…)."""

    name: str
    text: str
    kind: str = "text"
    aliases: tuple[str, ...] = ()
    enum: Any = None
    pairs: Callable[[AppContext], list[tuple[str, str]]] | None = None
    default: Callable[[AppContext, Any], object] | None = None
    blank: bool = False


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    enabled: Callable[[Any], bool]
    run: Callable[[AppContext, Any, dict[str, Any]], object]
    fields: tuple[FieldSpec, ...] = field(default_factory=tuple)


def today_default(ctx: AppContext, _record: Any) -> date:
    return ctx.today()


def text_value(v: dict[str, Any], key: str) -> str:
    """A dialog value as the services take text ("" for nothing entered)."""
    return str(v.get(key) or "")


# The inputs of a publicity and its objections, the same for rights grants and deals.
def publicity_fields(start_aliases: tuple[str, ...]) -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("start", QT_TRANSLATE_NOOP("CaseActions", "公示开始日"), "date",
                  start_aliases, default=today_default),
        FieldSpec("channel", QT_TRANSLATE_NOOP("CaseActions", "公示渠道"),
                  default=lambda ctx, record: "学校官网"),
    )


OBJECTION_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("raised_by", QT_TRANSLATE_NOOP("CaseActions", "异议人"), aliases=("objection",)),
    FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "异议日期"), "date", ("raised_on",),
              default=today_default),
    FieldSpec("content", QT_TRANSLATE_NOOP("CaseActions", "异议内容"), "multiline"),
)


def resolve_fields(upheld_text: str) -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("resolution", QT_TRANSLATE_NOOP("CaseActions", "处理意见"), "multiline"),
        FieldSpec("on", QT_TRANSLATE_NOOP("CaseActions", "处理日期"), "date", ("resolved_on",),
                  default=today_default),
        FieldSpec("upheld", upheld_text, "bool"),
    )



def manager_spec(subject: str, key: Callable[[Any], str],
                 open_: Callable[[Any], bool]) -> ActionSpec:
    """指定技术经理人…: the technology manager carrying a case or a deal while it is open (a
    picker of managers with 新建…; left empty, the manager is cleared)."""
    from ttdesk.core.people import managers

    return ActionSpec(
        "manager", QT_TRANSLATE_NOOP("CaseActions", "指定技术经理人…"), open_,
        lambda ctx, r, v: managers.assign(ctx, subject, key(r), v.get("manager_id") or None),
        (FieldSpec("manager_id", QT_TRANSLATE_NOOP("CaseActions", "技术经理人"), "manager"),))


def publicity_specs(service: Any, key: Callable[[Any], object],
                    may_start: Callable[[Any], bool], may_object: Callable[[Any], bool],
                    in_objection: Callable[[Any], bool], upheld_text: str,
                    start_aliases: tuple[str, ...]) -> tuple[ActionSpec, ...]:
    """开始公示… / 登记异议… / 处理异议… for a record with a publicity (a rights grant, a
    deal): `service` has start_publicity, object_to and resolve_objection taking the record's
    `key` (a grant's id, a deal's number)."""
    return (
        ActionSpec(
            "publicity", QT_TRANSLATE_NOOP("CaseActions", "开始公示…"), may_start,
            lambda ctx, r, v: service.start_publicity(ctx, key(r), v["start"],
                                                      text_value(v, "channel")),
            publicity_fields(start_aliases)),
        ActionSpec(
            "object", QT_TRANSLATE_NOOP("CaseActions", "登记异议…"), may_object,
            lambda ctx, r, v: service.object_to(ctx, key(r), text_value(v, "raised_by"),
                                                v["on"], text_value(v, "content")),
            OBJECTION_FIELDS),
        ActionSpec(
            "resolve", QT_TRANSLATE_NOOP("CaseActions", "处理异议…"), in_objection,
            lambda ctx, r, v: service.resolve_objection(ctx, key(r), text_value(v, "resolution"),
                                                        v["on"], bool(v["upheld"])),
            resolve_fields(upheld_text)),
    )

def _input(ctx: AppContext, f: FieldSpec) -> QWidget:
    if f.kind == "date":
        return date_edit(ctx.today())
    if f.kind == "multiline":
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(70)
        return edit
    if f.kind == "bool":
        return QCheckBox()
    if f.kind == "enum":
        return enum_combo(f.enum, ctx.lang, blank=f.blank)
    if f.kind == "pairs":
        assert f.pairs is not None
        combo = pairs_combo(f.pairs(ctx), blank=f.blank)
        combo.setEditable(False)
        return combo
    if f.kind in ("person", "company", "department", "manager"):
        from ttdesk.ui.masterdata.picker import EntityPicker

        return EntityPicker(ctx, f.kind)
    return QLineEdit()


class ActionDialog(QDialog):
    """Collects an action's input; on OK calls the service and stays open on refusal."""

    succeeded = Signal(object)

    def __init__(self, ctx: AppContext, spec: ActionSpec, record: Any,
                 parent: QWidget | None = None, bus: DataBus | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.spec, self.record, self.bus = ctx, spec, record, bus
        self.setObjectName(f"action_dialog_{spec.key}")
        self.setWindowTitle(tr(spec.text))
        self.setMinimumWidth(460)
        self.form = FieldForm()
        for f in spec.fields:
            self.form.add(f.name, tr(f.text), _input(ctx, f), f.aliases)
        fill(self.form, {f.name: f.default(ctx, record) for f in spec.fields if f.default})
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("确定"))
        self.ok_button.setObjectName("action_ok")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(buttons)

    def submit(self) -> None:
        """Run the action; a refusal is shown in place and nothing is saved."""
        run, values = self.spec.run, self.form.values()
        try:
            if self.bus is None:
                result = run(self.ctx, self.record, values)
            else:  # the bus hears what the core says changed
                result = write_op(self.ctx, self.bus, run, self.ctx, self.record, values)
        except TTDeskError as exc:
            self.form.show_error(exc, self.ctx.lang)
            return
        self.succeeded.emit(result)
        self.accept()


class ActionBar(QWidget):
    """A row of buttons for `specs`; `set_record` enables each one the machine allows."""

    done = Signal(str)

    def __init__(self, ctx: AppContext, bus: DataBus, specs: Sequence[ActionSpec],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus, self.specs = ctx, bus, list(specs)
        self.record: Any = None
        self.dialog: ActionDialog | None = None
        # Asked before any action starts (e.g. "save your edits first?"); False stops it.
        self.guard: Callable[[], bool] | None = None
        self.buttons: dict[str, QPushButton] = {}
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for spec in self.specs:
            button = QPushButton(tr(spec.text))
            button.setObjectName(f"action_{spec.key}")
            button.clicked.connect(lambda _=False, s=spec: self.trigger(s.key))
            lay.addWidget(button)
            self.buttons[spec.key] = button
        lay.addStretch(1)
        self.set_record(None)

    def set_record(self, record: Any) -> None:
        self.record = record
        for spec in self.specs:
            ok = record is not None and bool(spec.enabled(record))
            button = self.buttons[spec.key]
            button.setEnabled(ok)
            button.setToolTip("" if ok else self.tr("当前状态不允许此操作"))

    def trigger(self, key: str) -> ActionDialog | None:
        """Start action `key`: a dialog when it needs input (returned, non-blocking)."""
        spec = next(s for s in self.specs if s.key == key)
        if self.record is None or not spec.enabled(self.record):
            return None
        if self.guard is not None and not self.guard():
            return None
        if spec.fields:
            self.dialog = ActionDialog(self.ctx, spec, self.record, self, self.bus)
            self.dialog.succeeded.connect(lambda _r, k=key: self._finished(k))
            self.dialog.open()
            return self.dialog
        try:
            write_op(self.ctx, self.bus, spec.run, self.ctx, self.record, {})
        except TTDeskError as exc:
            show_problem(self, exc, self.ctx.lang)
            return None
        self._finished(key)
        return None

    def _finished(self, key: str) -> None:
        log.info("action %s done", key)
        self.done.emit(key)
