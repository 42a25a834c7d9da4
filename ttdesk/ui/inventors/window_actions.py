"""The main window's inventor actions: issue a blank disclosure form (PDF or Excel), take a
returned one in (from the menu, or dropped anywhere on the window), and open the new or
changed case. A mixin of `MainWindow` (which provides `_ctx`, `bus`, `open_case`); its texts
are in the "MainWindow" translation context."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QWidget

FORM_SUFFIXES = (".pdf", ".xlsx")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class InventorActions:
    _ctx: Any
    bus: Any

    def issue_disclosure_form(self, target: Path | None = None,
                              case_no: str | None = None) -> Path | None:
        """A fillable disclosure form for a new case (or `case_no`), saved where chosen."""
        from ttdesk.core.base.errors import TTDeskError
        from ttdesk.filings.disclosure_issue import issue_form
        from ttdesk.ui.kit.problems import show_problem

        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, _tr("保存披露表"), f"披露表_{case_no or '新成果'}.pdf",  # type: ignore[arg-type]
                _tr("PDF 表单 (*.pdf);;Excel 模板 (*.xlsx)"))
            if not chosen:
                return None
            target = Path(chosen)
        try:
            form_id, path = issue_form(self._ctx, target, case_no, force=True)
        except TTDeskError as exc:
            show_problem(self, exc, self._ctx.lang)  # type: ignore[arg-type]
            return None
        self.statusBar().showMessage(  # type: ignore[attr-defined]
            _tr("已保存披露表 %1（%2）").replace("%1", path.name).replace("%2", form_id), 10000)
        return path

    def import_disclosure(self, path: Path | None = None) -> QWidget | None:
        """Take a returned form in: shown beside its case; the case opens once accepted."""
        from ttdesk.ui.inventors.intake_dialog import open_intake

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, _tr("导入披露表"), "",  # type: ignore[arg-type]
                _tr("披露表 (*.pdf *.xlsx)"))
            if not chosen:
                return None
            path = Path(chosen)
        dialog = open_intake(self, self._ctx, self.bus, path)  # type: ignore[arg-type]
        if dialog is not None:
            dialog.accepted_case.connect(lambda case_no: self.open_case(case_no))  # type: ignore[attr-defined]
        return dialog

    # a returned form dropped anywhere on the window (a case page's files tab takes its
    # own drops as attachments)
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() and u.toLocalFile().lower().endswith(FORM_SUFFIXES)
                        for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(FORM_SUFFIXES):
                event.acceptProposedAction()
                self.import_disclosure(Path(url.toLocalFile()))
