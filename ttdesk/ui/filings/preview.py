"""In-app PDF preview (QtPdf), printing and saving of one archived filing.

QPdfView paints asynchronously: right after `show_pdf` the view may still be blank, so tests
wait for the document status before looking at pixels.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget


class PdfPreview(QWidget):
    """Shows PDF bytes page after page, fitted to the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("filing_preview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffer: QBuffer | None = None
        self.data = b""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_pdf(self, data: bytes) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # the document reads from it for as long as it is shown
        self.data = data

    def clear(self) -> None:
        self.document.close()
        self.data = b""

    def page_count(self) -> int:
        return self.document.pageCount()

    def is_ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    # ---- output ------------------------------------------------------------------------
    def print_to(self, printer: QPrinter) -> int:
        """Render each page at the printer's resolution; returns the number of pages."""
        pages = self.page_count()
        if not pages:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            dpi = printer.resolution()
            for i in range(pages):
                if i:
                    printer.newPage()
                points = self.document.pagePointSize(i)
                size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
                image = self.document.render(i, size)
                target = painter.viewport()
                scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), scaled), image)
        finally:
            painter.end()
        return pages

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def save_as(self, suggested: str, path: str | None = None) -> Path | None:
        """Write the shown PDF; asks for the file name unless `path` is given."""
        if not self.data:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("另存为"), suggested,
                                                  "PDF (*.pdf)")
            if not path:
                return None
        from ttdesk.core.office.output import check_output, write_bytes

        target = check_output(path, force=True)  # the dialog asked before replacing a file
        return write_bytes(target, self.data)


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
