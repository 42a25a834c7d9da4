"""The 文件 area: every archived filing (filter by form, search serial or subject), its
preview, and checking a PDF file against the archive (a changed byte fails)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.records import filing_archive
from ttdesk.core.records.filing_archive import Verification
from ttdesk.ui.filings.panel import ArchiveTable, local_stamp
from ttdesk.ui.filings.preview import PdfPreview
from ttdesk.ui.kit.bus import FILINGS, DataBus


def parse_qr(text: str) -> tuple[str, str] | None:
    """(serial, data hash) of a filing's QR payload "TTDESK:<serial>:<hash>[:<audit head>]",
    else None."""
    parts = text.strip().split(":")
    if len(parts) in (3, 4) and parts[0].upper() == "TTDESK" and len(parts[2]) == 64:
        return parts[1], parts[2]
    return None


KINDS = ("F01", "F02", "F03", "F04", "F05", "F06", "F07", "F08", "F09", "F10")


class ArchivePage(QWidget):
    def __init__(self, ctx: Any, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.setObjectName("filing_archive_page")
        self.kind = QComboBox()
        self.kind.setObjectName("archive_kind")
        self.kind.addItem(self.tr("全部文件"), None)
        for code in KINDS:
            self.kind.addItem(code, code)
        self.kind.currentIndexChanged.connect(lambda _: self.reload())
        self.search = QLineEdit()
        self.search.setObjectName("archive_search")
        self.search.setPlaceholderText(self.tr("文件编号或对象（成果/项目编号、年度）"))
        self.search.textChanged.connect(lambda _: self.reload())
        self.verify_button = QPushButton(self.tr("核验文件…"))
        self.verify_button.setObjectName("archive_verify")
        self.verify_button.clicked.connect(self.choose_and_verify)
        self.result = QLabel()
        self.result.setObjectName("verify_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.files_button = QPushButton(self.tr("附件…"))
        self.files_button.setObjectName("archive_files")
        self.files_button.setToolTip(self.tr("选中文件的附件，如签字盖章后的扫描件"))
        self.files_button.setEnabled(False)
        self.files_button.clicked.connect(self.open_files)
        self.chosen: int | None = None
        self.table = ArchiveTable()
        self.table.record_chosen.connect(self.show_record)
        self.preview = PdfPreview()

        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.search, 1)
        top.addWidget(self.verify_button)
        top.addWidget(self.files_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        archive = QWidget()
        layout = QVBoxLayout(archive)
        layout.addLayout(top)
        layout.addWidget(self.result)
        layout.addWidget(split, 1)
        # F08 / F09 and the ledger export are made here too (issue 12 §4)
        from ttdesk.ui.filings.reports_panel import ReportsPanel

        self.reports = ReportsPanel(ctx, bus)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("filings_tabs")
        self.tabs.addTab(archive, self.tr("归档文件"))
        self.tabs.addTab(self.reports, self.tr("台账与年报"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)
        bus.changed.connect(self._bus_changed)
        self.reload()

    def reload(self) -> None:
        text = self.search.text().strip()
        scanned = parse_qr(text)
        records = filing_archive.list_filings(
            self.ctx, kind=self.kind.currentData(),
            search=(scanned[0] if scanned else text) or None)
        self.table.fill(records)
        if scanned:
            self._explain_scan(scanned, records)

    def _explain_scan(self, scanned: tuple[str, str], records: list[Any]) -> None:
        """A QR code read into the search box (scanners type like a keyboard): say which
        filing the printed page is, and whether its data is the archived one."""
        serial, digest = scanned
        rec = next((r for r in records if r.serial_no == serial), None)
        if rec is None:
            self.result.setText(self.tr("扫描的文件编号 %1 不在归档中。").replace("%1", serial))
            return
        same = rec.snapshot_sha256.lower() == digest.lower()
        text = (self.tr("扫描的页面属于 %1 %2 第 %3 版（%4）。")
                .replace("%1", rec.kind).replace("%2", rec.subject)
                .replace("%3", str(rec.version)).replace("%4", self.table.status_text(rec)))
        text += " " + (self.tr("数据指纹与归档一致。") if same else
                       self.tr("数据指纹与归档不一致！"))
        self.result.setText(text)
        self.table.select_id(rec.id)

    def show_record(self, filing_id: int) -> None:
        self.chosen = filing_id
        self.files_button.setEnabled(True)
        self.preview.show_pdf(filing_archive.content(self.ctx, filing_id))

    def open_files(self) -> QWidget | None:
        """The chosen filing's attachments (its signed and stamped scan), in a dialog
        (returned for tests)."""
        from ttdesk.ui.case.files_tab import FilesDialog

        rec = next((r for r in getattr(self.table, "records", []) if r.id == self.chosen),
                   None)
        if rec is None:
            return None
        dialog = FilesDialog(self.ctx, self.bus, rec.serial_no,
                             f"{rec.kind} {rec.serial_no}", self)
        dialog.show()
        return dialog

    def _bus_changed(self, kind: str, record_id: int) -> None:
        if DataBus.concerns(kind, FILINGS):
            self.reload()

    # ---- verify -------------------------------------------------------------------------
    def choose_and_verify(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择要核验的 PDF 文件"), "",
                                              "PDF (*.pdf)")
        if path:
            self.verify_file(Path(path))

    def verify_file(self, path: Path) -> Verification:
        result = filing_archive.verify(self.ctx, path.read_bytes())
        rec = result.record
        if result.ok and rec is not None:
            text = (self.tr("核验通过：%1 %2 第 %3 版，文件编号 %4，%5 由 %6 生成。")
                    .replace("%1", rec.kind).replace("%2", rec.subject)
                    .replace("%3", str(rec.version)).replace("%4", rec.serial_no)
                    .replace("%5", local_stamp(rec)).replace("%6", rec.created_by))
            if rec.superseded:
                text += " " + self.tr("注意：此版本已被第 %1 版取代。").replace(
                    "%1", str(result.latest_version))
            self.table.select_id(rec.id)
        else:
            lang = getattr(self.ctx, "lang", "zh")
            text = self.tr("核验未通过：") + " ".join(
                filing_archive.refuse_unverified(result).messages(lang))
        self.result.setText(text)
        return result
