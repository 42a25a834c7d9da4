"""New disclosure dialog (Ctrl+N in the main window): a case with its contributors.

The dialog starts with three contributor rows (a typical team) and says what the shares add
up to while typing. "Create" calls the service once; a refusal (e.g. R1: shares must sum to
exactly 100) is shown next to the field it concerns and nothing is written. On success the
new case number is in `case_no` and announced on the bus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.cases import achievements
from ttdesk.ui.case.disclosure_form import DisclosureForm
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import write_op

STARTING_ROWS = 3


def confirm_discard(parent: QWidget) -> bool:
    """True when the officer agrees to throw the typed disclosure away (tests replace it)."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("NewDisclosureDialog", "放弃新建"),
                      QCoreApplication.translate("NewDisclosureDialog",
                                                 "已填写的披露信息尚未保存。确定放弃？"),
                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                      parent)
    box.setObjectName("discard_prompt")
    return box.exec() == QMessageBox.StandardButton.Discard


class NewDisclosureDialog(QDialog):
    """Create a disclosure; `created(case_no)` and `case_no` on success."""

    created = Signal(str)

    def __init__(self, ctx: AppContext, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.case_no: str | None = None
        self.setObjectName("new_disclosure")
        self.setWindowTitle(self.tr("新建成果披露"))
        self.form = DisclosureForm(ctx, with_funding=True)
        for i in range(STARTING_ROWS):
            self.form.contributors.add_row(role="lead" if i == 0 else "member")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("创建 (Ctrl+S)"))
        self.create_button.setObjectName("create_disclosure")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("取消 (Esc)"))
        cancel.setObjectName("cancel_disclosure")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.submit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll)
        lay.addWidget(buttons)
        self.resize(760, 720)
        self.form.inputs["title"].setFocus()
        self._initial = self.form.values()

    def has_input(self) -> bool:
        return self.form.values() != self._initial

    def reject(self) -> None:
        """Cancel / Esc / close: ask first when something was typed."""
        if self.has_input() and not confirm_discard(self):
            return
        super().reject()

    def submit(self) -> None:
        """Create the case; on refusal show each message under its field."""
        self.form.clear_errors()
        try:
            case_no = write_op(self.ctx, self.bus, achievements.create_disclosure, self.ctx,
                               self.form.disclosure_in())
        except TTDeskError as exc:
            self.form.show_error(exc, self.ctx.lang)
            return
        self.case_no = case_no
        self.created.emit(case_no)
        self.accept()
