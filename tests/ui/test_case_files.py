"""附件 on the case page: a PDF dropped on the tab is stored by its hash and listed with
name, size and who; a missing file is named and nothing written; a note is added and listed
and shows in the history timeline, which filters to notes only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from tests.ui.test_case_world import make_case, make_world
from ttdesk.core.activity import attachments
from ttdesk.core.base.context import AppContext
from ttdesk.ui.case.case_page import CasePage
from ttdesk.ui.kit.bus import DataBus


def _drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)


def test_drop_a_pdf_on_the_case_and_write_a_note(qtbot: QtBot, ctx: AppContext,
                                                 tmp_path: Path) -> None:
    make_world(ctx)
    case_no = make_case(ctx, funding=[])
    page = CasePage(ctx, DataBus(), case_no)
    qtbot.addWidget(page)
    page.show()
    page.show_tab("files")
    tab = page.files
    pdf = tmp_path / "技术交底书.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% disclosure\n" + b"x" * 3000)
    _drop(tab, [pdf, tmp_path / "missing.pdf"])
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 0).text() == "技术交底书.pdf"
    assert tab.table.item(0, 1).text() == "3 KB"
    assert "missing.pdf" in tab.message.text()
    [row] = attachments.listing(ctx, case_no)
    stored = attachments.blob_path(attachments.store_dir(ctx.db), row.sha256)
    assert stored.read_bytes() == pdf.read_bytes()

    tab.note_edit.setText("已与企业电话沟通")
    assert tab.add_note()
    assert tab.notes_table.rowCount() == 1
    assert tab.notes_table.item(0, 2).text() == "已与企业电话沟通"
    tab.note_edit.setText("   ")
    assert not tab.add_note() and tab.message.text()

    page.show_tab("history")
    history = page.history
    page.reload()
    page.show_tab("history")
    texts = [history.table.item(i, 4).text() for i in range(history.table.rowCount())]
    assert "已与企业电话沟通" in texts and len(texts) > 1
    history.filter.setCurrentIndex(history.filter.findData("notes"))
    assert history.table.rowCount() == 1
    assert history.table.item(0, 2).text() == "备注"
    history.filter.setCurrentIndex(history.filter.findData("status"))
    assert all(history.table.item(i, 4).text() != "已与企业电话沟通"
               for i in range(history.table.rowCount()))
