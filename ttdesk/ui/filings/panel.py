"""The filings panel of a case or deal page: generate a form, preview it, print, save, open
the folder; below, every archived version of this record's filings (superseded ones marked).

Generation runs off the GUI thread (`run_op`); a refusal (missing data) shows the list of
missing items and nothing is archived.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.records import filing_archive
from ttdesk.core.records.filing_archive import FilingRecord, Generated
from ttdesk.ui.filings.preview import PdfPreview, open_folder
from ttdesk.ui.kit.bus import FILINGS, DataBus

DRAFTABLE = ("F02", "F04", "F07")  # approval forms: a 报批稿 before the decision
# (code, F03 variant) offered on each kind of page
FORMS = {
    "achievement": [("F01", None), ("F02", None), ("F03", "grant"), ("F05", None)],
    "deal": [("F04", None), ("F03", "deal"), ("F03", "reward"), ("F06", None), ("F07", None),
             ("F10", None)],
}


def local_stamp(rec: FilingRecord) -> str:
    from ttdesk.filings.text import BEIJING

    return rec.created_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def filings_folder() -> Path:
    from ttdesk.core.office.setup import data_dir

    folder = data_dir() / "filings"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class ArchiveTable(QTableWidget):
    """Archived filings, newest first; `record_chosen(id)` when a row is selected."""

    record_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.setObjectName("filing_archive_table")
        self.setHorizontalHeaderLabels([
            self.tr("文件"), self.tr("对象"), self.tr("版本"), self.tr("文件编号"),
            self.tr("生成时间"), self.tr("生成人"), self.tr("状态")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.records: list[FilingRecord] = []
        self.itemSelectionChanged.connect(self._selected)

    def status_text(self, rec: FilingRecord) -> str:
        return self.tr("已被取代") if rec.superseded else self.tr("现行")

    def fill(self, records: list[FilingRecord]) -> None:
        self.blockSignals(True)
        self.records = records
        self.setRowCount(len(records))
        for row, rec in enumerate(records):
            values = [rec.kind, rec.subject, f"v{rec.version}", rec.serial_no,
                      local_stamp(rec), rec.created_by, self.status_text(rec)]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if rec.superseded:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.setItem(row, col, item)
        self.blockSignals(False)

    def select_id(self, filing_id: int) -> None:
        for row, rec in enumerate(self.records):
            if rec.id == filing_id:
                self.selectRow(row)
                return

    def current(self) -> FilingRecord | None:
        rows = self.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows else None

    def _selected(self) -> None:
        rec = self.current()
        if rec is not None:
            self.record_chosen.emit(rec.id)


class FilingsPanel(QWidget):
    """Filings of one case (`subject_kind` "achievement") or deal ("deal")."""

    generated = Signal(object)  # Generated, after the archive list is refreshed

    def __init__(self, ctx: Any, bus: DataBus, subject_kind: str, subject_key: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.subject_kind, self.subject_key = subject_kind, subject_key
        self.setObjectName("filings_panel")
        self.operation: Any = None

        self.form = QComboBox()
        self.form.setObjectName("filing_form")
        for code, variant in FORMS.get(subject_kind, FORMS["achievement"]):
            self.form.addItem(f"{code} {self._title(code, variant)}", (code, variant))
        self.lang = QComboBox()
        self.lang.setObjectName("filing_lang")
        self.lang.addItem("中文", "zh")
        self.lang.addItem("English", "en")
        if getattr(ctx, "lang", "zh") == "en":
            self.lang.setCurrentIndex(1)
        self.generate_button = QPushButton(self.tr("生成并归档"))
        self.generate_button.setObjectName("filing_generate")
        self.generate_button.clicked.connect(self.generate)
        self.draft_button = QPushButton(self.tr("报批稿（草稿）"))
        self.draft_button.setObjectName("filing_draft")
        self.draft_button.setToolTip(self.tr("审批前打印供审批会议使用：带“草稿”水印，无文件编号，不归档"))
        self.draft_button.clicked.connect(self.make_draft)
        self.form.currentIndexChanged.connect(lambda _i: self._update_actions())
        self.draft_name: str | None = None  # set while a draft is shown
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(self.print_current)
        self.save_button = QPushButton(self.tr("另存为…"))
        self.save_button.clicked.connect(self.save_current)
        self.folder_button = QPushButton(self.tr("打开文件夹"))
        self.folder_button.clicked.connect(self.open_in_folder)
        self.message = QLabel()
        self.message.setObjectName("filing_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = ArchiveTable()
        self.table.record_chosen.connect(self.show_record)
        self.preview = PdfPreview()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("表单：")))
        top.addWidget(self.form, 1)
        top.addWidget(QLabel(self.tr("语言：")))
        top.addWidget(self.lang)
        top.addWidget(self.generate_button)
        top.addWidget(self.draft_button)
        actions = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.folder_button):
            actions.addWidget(button)
        actions.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("归档版本")))
        left_layout.addWidget(self.table)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        self.setTabOrder(self.form, self.lang)
        self.setTabOrder(self.lang, self.generate_button)
        self.setTabOrder(self.generate_button, self.table)
        bus.changed.connect(self._bus_changed)
        self._update_actions()
        self.reload()

    def _title(self, code: str, variant: str | None) -> str:
        titles = {
            "F01": self.tr("职务科技成果披露表"),
            "F02": self.tr("赋权申请审批表"),
            "F04": self.tr("科技成果转化审批表"),
            "F05": self.tr("单列管理登记表"),
            "F06": self.tr("作价投资及国有股权登记表"),
            "F07": self.tr("收益分配审批表"),
            "F10": self.tr("专利开放许可声明"),
        }
        notices = {"grant": self.tr("赋权公示"), "deal": self.tr("转化公示"),
                   "reward": self.tr("现金奖励公示")}
        return notices[variant] if code == "F03" and variant else titles.get(code, code)

    # ---- archive ------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        records = filing_archive.list_filings(self.ctx, about=self.subject_key)
        self.table.fill(records)
        if select is not None:
            self.table.select_id(select)
        elif records and self.table.current() is None:
            self.table.selectRow(0)
        self._update_actions()

    def show_record(self, filing_id: int) -> None:
        self.draft_name = None
        self.preview.show_pdf(filing_archive.content(self.ctx, filing_id))
        self._update_actions()

    def _update_actions(self) -> None:
        has = bool(self.preview.data)
        for button in (self.print_button, self.save_button, self.folder_button):
            button.setEnabled(has)
        code = (self.form.currentData() or ("", None))[0]
        self.draft_button.setEnabled(code in DRAFTABLE and self.operation is None)

    def _bus_changed(self, kind: str, record_id: int) -> None:
        if DataBus.concerns(kind, FILINGS) and self.operation is None:
            current = self.table.current()
            self.reload(select=current.id if current else None)

    # ---- generate -----------------------------------------------------------------------
    def generate(self) -> None:
        from ttdesk.ui.kit.ops import run_write_op

        code, variant = self.form.currentData()
        lang = self.lang.currentData()
        key = self.subject_key
        ctx = self.ctx

        def work(progress: Any, cancelled: Any) -> Generated:
            from ttdesk.filings.service import generate

            progress(0.1, "")
            return generate(ctx, code, key, lang, variant)

        self.generate_button.setEnabled(False)
        self.message.setText(self.tr("正在生成…"))
        self.operation = run_write_op(self, self.tr("生成文件"), ctx, self.bus, work,
                                      self._done, self._failed,
                                      lang=getattr(ctx, "lang", "zh"))

    def make_draft(self) -> None:
        """The 报批稿 of the chosen approval form: previewed, printable, never archived."""
        from ttdesk.ui.kit.ops import run_op

        code, _variant = self.form.currentData()
        lang, key, ctx = self.lang.currentData(), self.subject_key, self.ctx

        def work(progress: Any, cancelled: Any) -> bytes:
            from ttdesk.filings.service import draft

            progress(0.1, "")
            return draft(ctx, code, key, lang)

        def done(content: bytes) -> None:
            self.operation = None
            self.generate_button.setEnabled(True)
            self.draft_name = f"{code}-{key}-draft.pdf"
            self.table.clearSelection()
            self.preview.show_pdf(content)
            self.message.setText(self.tr("已生成报批稿（草稿水印，无文件编号，未归档）；审批后请生成正式文件。"))
            self._update_actions()
            self.generated.emit(content)

        self.generate_button.setEnabled(False)
        self.draft_button.setEnabled(False)
        self.message.setText(self.tr("正在生成…"))
        self.operation = run_op(self, self.tr("生成报批稿"), work, done, self._failed,
                                lang=getattr(ctx, "lang", "zh"))

    def _done(self, gen: Generated) -> None:
        self.operation = None
        self.generate_button.setEnabled(True)
        rec = gen.record
        if gen.reused:
            self.message.setText(self.tr("数据未变，显示已归档的第 %1 版（%2）。")
                                 .replace("%1", str(rec.version)).replace("%2", rec.serial_no))
        else:
            self.message.setText(self.tr("已生成并归档第 %1 版（%2）。")
                                 .replace("%1", str(rec.version)).replace("%2", rec.serial_no))
        self.reload(select=rec.id)
        self.preview.show_pdf(gen.content)
        self._update_actions()
        self.generated.emit(gen)

    def _failed(self, exc: BaseException) -> None:
        from ttdesk.ui.kit.problems import messages_of

        self.operation = None
        self.generate_button.setEnabled(True)
        self._update_actions()
        lines = messages_of(exc, getattr(self.ctx, "lang", "zh"))
        self.message.setText(self.tr("未生成（未写入任何内容）：") + "\n" + "\n".join(lines))
        self.generated.emit(exc)

    # ---- output -------------------------------------------------------------------------
    def _file_name(self) -> str:
        if self.draft_name:
            return self.draft_name
        rec = self.table.current()
        return f"{rec.serial_no}.pdf" if rec else "filing.pdf"

    def print_current(self) -> None:
        self.preview.print_dialog()

    def save_current(self, path: str | None = None) -> Path | None:
        return self.preview.save_as(str(filings_folder() / self._file_name()), path)

    def open_in_folder(self) -> Path | None:
        """Write the shown filing into the filings folder and open that folder."""
        target = self.preview.save_as("", str(filings_folder() / self._file_name()))
        if target is not None:
            open_folder(target.parent)
        return target
