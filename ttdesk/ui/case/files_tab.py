"""附件: the files kept with a case (drop them on the tab or choose them), opened with the
system viewer; and the case's notes (dated text with its author)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.activity import attachments, notes
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.views.timeline import notes_of
from ttdesk.ui.case.records_tabs import fill_table, record_table
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import write_op
from ttdesk.ui.kit.problems import messages_of


def _size(n: int | None) -> str:
    if n is None:
        return ""
    return f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{max(n, 1) / 1024:.0f} KB"


class FilesTab(QWidget):
    """Attachments of one record (`ref`: a case or deal number, a credit code, a filing serial,
    `grant:ID`, `distribution:ID`), and its notes where the record takes notes (a case, a
    deal: `with_notes`)."""

    def __init__(self, ctx: AppContext, bus: DataBus, parent: QWidget | None = None,
                 with_notes: bool = True) -> None:
        super().__init__(parent)
        self.with_notes = with_notes
        self.ctx, self.bus = ctx, bus
        self.setObjectName("files_tab")
        self.ref: str | None = None
        self.setAcceptDrops(True)
        self.table = record_table([self.tr("文件名"), self.tr("大小"), self.tr("上传人"),
                                   self.tr("时间"), self.tr("说明")], "attachments_table")
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.hint = QLabel(self.tr("可将文件拖放到此处上传；双击打开。"))
        self.message = QLabel()
        self.message.setObjectName("files_message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        add = QPushButton(self.tr("添加附件…"))
        add.setObjectName("attach_button")
        add.clicked.connect(self.choose_files)
        opener = QPushButton(self.tr("打开"))
        opener.clicked.connect(self.open_selected)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(opener)
        row.addWidget(self.hint, 1)
        self.notes_table = record_table([self.tr("日期"), self.tr("作者"), self.tr("备注")],
                                        "notes_table")
        self.notes_table.horizontalHeader().setStretchLastSection(True)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setPlaceholderText(self.tr("写一条备注，回车保存"))
        self.note_edit.returnPressed.connect(self.add_note)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("附件")))
        lay.addLayout(row)
        lay.addWidget(self.table, 2)
        lay.addWidget(self.message)
        if with_notes:
            lay.addWidget(QLabel(self.tr("备注")))
            lay.addWidget(self.note_edit)
            lay.addWidget(self.notes_table, 1)
        self.rows: list[attachments.AttachmentRow] = []

    def show_detail(self, detail: Any) -> None:
        self.show_ref(getattr(detail, "case_no", None) or getattr(detail, "deal_no", None))

    def show_ref(self, ref: str | None) -> None:
        """Show the files and notes of the case or deal with this number."""
        self.ref = ref
        self.reload()

    def reload(self) -> None:
        if self.ref is None:
            return
        self.rows = attachments.listing(self.ctx, self.ref)
        fill_table(self.table, [(r.filename, _size(r.size), r.created_by or "",
                                 r.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                                 r.note or "") for r in self.rows])
        if self.with_notes:
            fill_table(self.notes_table, [(n.written_on.isoformat(), n.author, n.body)
                                          for n in notes_of(self.ctx, self.ref)])

    # ---- attaching -----------------------------------------------------------------------
    def attach_files(self, paths: list[str]) -> int:
        """Attach each file; a refused one (missing, unreadable, too large) is named and the
        others still go in. Returns how many were attached."""
        done, problems = 0, []
        for path in paths:
            try:
                write_op(self.ctx, self.bus, attachments.attach, self.ctx, self.ref or "", path)
                done += 1
            except TTDeskError as exc:
                problems += [f"{Path(path).name}: {m}" for m in messages_of(exc, self.ctx.lang)]
        self.message.setText("\n".join(problems))
        if done:
            self.reload()
        return done

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("选择附件"))
        if paths:
            self.attach_files(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.attach_files(paths)

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        try:
            path = attachments.local_copy(self.ctx, self.rows[rows[0].row()].id)
        except TTDeskError as exc:
            self.message.setText("\n".join(messages_of(exc, self.ctx.lang)))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # ---- notes ---------------------------------------------------------------------------
    def add_note(self) -> bool:
        try:
            write_op(self.ctx, self.bus, notes.add, self.ctx, self.ref or "",
                     self.note_edit.text())
        except TTDeskError as exc:
            self.message.setText("\n".join(messages_of(exc, self.ctx.lang)))
            return False
        self.note_edit.clear()
        self.message.clear()
        self.reload()
        return True


class FilesDialog(QDialog):
    """The attachments of a record that has no page of its own (a grant, a distribution, an
    archived filing), opened from a button beside it."""

    def __init__(self, ctx: AppContext, bus: DataBus, ref: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("files_dialog")
        self.setWindowTitle(self.tr("附件 — %1").replace("%1", title))
        self.files = FilesTab(ctx, bus, self, with_notes=False)
        self.files.show_ref(ref)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.files, 1)
        lay.addWidget(close)
        self.resize(720, 420)
