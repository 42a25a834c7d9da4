"""The 披露 tab: edit a case's disclosure with undo, Ctrl+S / Esc and conflict detection.

Save sends only what changed, with the version the form was loaded at: when someone else
saved the case meanwhile the service refuses (ConflictError) and the officer's edits stay on
screen, never overwriting the other person's work. R1 is checked first by the core's rule,
so a share total other than 100 writes nothing at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError, ValidationFailed
from ttdesk.core.cases import achievements
from ttdesk.core.rules.checks import shares_problems
from ttdesk.core.views.case_detail import CaseDetail
from ttdesk.ui.case.disclosure_form import CASE_FIELDS, DisclosureForm, detail_values
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.editing import EditTracker
from ttdesk.ui.kit.ops import write_op


class DisclosureTab(QWidget):
    """Form + save / revert / undo buttons; `saved` after a successful save."""

    saved = Signal()

    def __init__(self, ctx: AppContext, bus: DataBus | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.detail: CaseDetail | None = None
        self.version = 0
        self.loaded: dict[str, Any] = {}
        self.form = DisclosureForm(ctx)
        self.tracker = EditTracker(self.form.values, self.form.set_values, self)
        for name, w in self.form.inputs.items():
            if name != "contributors":
                self.tracker.watch(name, w)
        self.form.contributors.changed.connect(lambda: self.tracker.edited("contributors"))
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"))
        self.save_button.setObjectName("save_disclosure")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("放弃修改 (Esc)"))
        self.revert_button.setObjectName("revert_disclosure")
        self.revert_button.clicked.connect(self.revert)
        self.undo_button = QPushButton(self.tr("撤销 (Ctrl+Z)"))
        self.undo_button.setObjectName("undo_disclosure")
        self.undo_button.clicked.connect(self.tracker.stack.undo)
        self.tracker.stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.redo_button = QPushButton(self.tr("重做"))
        self.redo_button.clicked.connect(self.tracker.stack.redo)
        self.tracker.stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.state = QLabel()
        self.state.setObjectName("edit_state")
        self.tracker.dirty_changed.connect(self._show_state)
        # the form goes to the inventors and comes back filled in (issue 18)
        self.form_out_button = QPushButton(self.tr("发放披露表…"))
        self.form_out_button.setObjectName("issue_disclosure_form")
        self.form_out_button.clicked.connect(lambda: self.issue_form())
        self.form_in_button = QPushButton(self.tr("导入返回的披露表…"))
        self.form_in_button.setObjectName("import_disclosure_form")
        self.form_in_button.clicked.connect(lambda: self.take_in_form())
        bar = QHBoxLayout()
        for b in (self.save_button, self.revert_button, self.undo_button, self.redo_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.form_out_button)
        bar.addWidget(self.form_in_button)
        bar.addWidget(self.state)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(scroll)
        self._show_state(False)

    def _show_state(self, dirty: bool) -> None:
        self.state.setText(self.tr("● 有未保存的修改") if dirty else self.tr("已保存"))
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.undo_button.setEnabled(self.tracker.stack.canUndo())
        self.redo_button.setEnabled(self.tracker.stack.canRedo())

    # ---- data ---------------------------------------------------------------------------
    def load(self, detail: CaseDetail, force: bool = False) -> None:
        """Show `detail`; unsaved edits are kept unless `force`."""
        self.detail = detail
        if self.tracker.dirty and not force:
            return
        self.version = detail.version
        self.loaded = detail_values(detail)
        self.form.set_values(self.loaded)
        self.form.clear_errors()
        self.tracker.reset()

    @property
    def dirty(self) -> bool:
        return self.tracker.dirty

    def revert(self) -> None:
        self.form.clear_errors()
        self.tracker.revert()

    def save(self) -> bool:
        """Save the changed fields and contributors in one service call (one unit of work:
        all of it or nothing); True when saved. R1 is checked first by the core's rule so
        its message shows under the contributors."""
        if self.detail is None or not self.tracker.dirty:
            return True
        self.form.clear_errors()
        now = self.form.values()
        changes = {k: v for k, v in self.form.case_changes().items()
                   if now.get(k) != self.loaded.get(k) and k in CASE_FIELDS}
        people_changed = now["contributors"] != self.loaded.get("contributors")
        case_no = self.detail.case_no
        try:
            if people_changed:
                self._check_shares()
            people = self.form.contributors.items() if people_changed else None
            if self.bus is None:
                self.version = achievements.update(
                    self.ctx, case_no, changes, expected_version=self.version,
                    contributors=people)
            else:  # the bus hears what the core says changed
                self.version = write_op(
                    self.ctx, self.bus, achievements.update, self.ctx, case_no, changes,
                    expected_version=self.version, contributors=people)
        except TTDeskError as exc:  # ConflictError included: shown, nothing overwritten
            self.form.show_error(exc, self.ctx.lang)
            return False
        self.loaded = now
        self.tracker.reset()
        self.saved.emit()
        return True

    def _check_shares(self) -> None:
        """R1 before anything is written (the core's rule; the service checks again)."""
        shares = self.form.contributors.shares()
        if shares is not None:
            problems = shares_problems(shares)
            if problems:
                raise ValidationFailed(problems)

    # ---- the inventors' form ------------------------------------------------------------
    def issue_form(self, target: Path | None = None) -> Path | None:
        """This case's disclosure form with its current answers, for the inventors."""
        from PySide6.QtWidgets import QFileDialog

        from ttdesk.core.base.errors import TTDeskError
        from ttdesk.filings.disclosure_issue import issue_form
        from ttdesk.ui.kit.problems import show_problem

        if self.detail is None:
            return None
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("保存披露表"), f"披露表_{self.detail.case_no}.pdf",
                self.tr("PDF 表单 (*.pdf);;Excel 模板 (*.xlsx)"))
            if not chosen:
                return None
            target = Path(chosen)
        try:
            return issue_form(self.ctx, target, self.detail.case_no, force=True)[1]
        except TTDeskError as exc:
            show_problem(self, exc, self.ctx.lang)
            return None

    def take_in_form(self, path: Path | None = None) -> QWidget | None:
        """A returned form for this case, shown beside it (another case's form is refused)."""
        from PySide6.QtWidgets import QFileDialog

        from ttdesk.ui.inventors.intake_dialog import open_intake

        if self.detail is None or self.bus is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("导入返回的披露表"), "",
                                                    self.tr("披露表 (*.pdf *.xlsx)"))
            if not chosen:
                return None
            path = Path(chosen)
        return open_intake(self, self.ctx, self.bus, path, self.detail.case_no)
