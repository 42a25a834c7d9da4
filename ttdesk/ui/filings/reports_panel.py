"""台账与年报 in the 文件 area: the separate-management ledger F08 (a year or a period) and the
annual report F09 (a year), generated off the GUI thread with progress and cancel, previewed,
saved as PDF; the F09 tables and the ledger itself as Excel workbooks.

A cancelled generation leaves nothing: generation archives only when it completes, and the
result of a run cancelled meanwhile is dropped here before it is shown.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.records.filing_archive import Generated
from ttdesk.ui.filings.preview import PdfPreview
from ttdesk.ui.kit.bus import DataBus


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class ReportsPanel(QWidget):
    """Choose F08 or F09 and the period; `done(object)` after each run (the result or the
    exception), for tests and for the status line."""

    done = Signal(object)

    def __init__(self, ctx: Any, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.setObjectName("reports_panel")
        self.operation: Any = None
        self.generated: Generated | None = None
        self.form = QComboBox()
        self.form.setObjectName("report_form")
        self.form.addItem(self.tr("F08 职务科技成果单列管理台账"), "F08")
        self.form.addItem(self.tr("F09 年度科技成果转化报告"), "F09")
        self.year = QSpinBox()
        self.year.setObjectName("report_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(ctx.today().year - 1 if ctx.today().month <= 3 else ctx.today().year)
        self.custom = QCheckBox(self.tr("自定义期间"))
        self.custom.setObjectName("report_custom")
        self.start = QDateEdit(_qdate(date(self.year.value(), 1, 1)))
        self.end = QDateEdit(_qdate(date(self.year.value(), 12, 31)))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.lang = QComboBox()
        self.lang.addItem("中文", "zh")
        self.lang.addItem("English", "en")
        self.generate_button = QPushButton(self.tr("生成并归档"))
        self.generate_button.setObjectName("report_generate")
        self.generate_button.clicked.connect(self.generate)
        self.save_button = QPushButton(self.tr("另存 PDF…"))
        self.save_button.clicked.connect(lambda: self.save_pdf())
        self.xlsx_button = QPushButton(self.tr("导出年报表格（Excel）…"))
        self.xlsx_button.setObjectName("report_xlsx")
        self.xlsx_button.clicked.connect(lambda: self.save_xlsx())
        self.submit_button = QPushButton(self.tr("报送并冻结年报"))
        self.submit_button.setObjectName("report_submit")
        self.submit_button.setToolTip(self.tr("报送后，该年度报告即以此版本为准，不再重新生成"))
        self.submit_button.clicked.connect(lambda: self.submit_annual())
        self.ledger_button = QPushButton(self.tr("导出台账（Excel）…"))
        self.ledger_button.setObjectName("ledger_export")
        self.ledger_button.clicked.connect(lambda: self.export_ledger())
        self.message = QLabel()
        self.message.setObjectName("report_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = PdfPreview()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("文件：")))
        top.addWidget(self.form, 1)
        top.addWidget(QLabel(self.tr("年度：")))
        top.addWidget(self.year)
        top.addWidget(self.custom)
        top.addWidget(self.start)
        self.dash = QLabel("–")
        top.addWidget(self.dash)
        top.addWidget(self.end)
        top.addWidget(self.lang)
        top.addWidget(self.generate_button)
        actions = QHBoxLayout()
        for button in (self.save_button, self.xlsx_button, self.submit_button,
                       self.ledger_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.preview, 1)
        layout.addLayout(actions)
        self.form.currentIndexChanged.connect(lambda _i: self._update())
        self.custom.toggled.connect(lambda _on: self._update())
        self.year.valueChanged.connect(self._year_changed)
        self._update()

    # ---- choices ----------------------------------------------------------------------
    def _year_changed(self, year: int) -> None:
        self.start.setDate(_qdate(date(year, 1, 1)))
        self.end.setDate(_qdate(date(year, 12, 31)))

    def _update(self) -> None:
        ledger = self.form.currentData() == "F08"
        self.custom.setVisible(ledger)
        self.dash.setVisible(ledger)
        for edit in (self.start, self.end):
            edit.setVisible(ledger)
            edit.setEnabled(ledger and self.custom.isChecked())
        idle = self.operation is None
        self.generate_button.setEnabled(idle)
        self.ledger_button.setEnabled(idle)
        self.save_button.setEnabled(idle and self.generated is not None)
        self.xlsx_button.setEnabled(idle and self.generated is not None
                                    and self.generated.record.kind == "F09")
        self.submit_button.setEnabled(self.xlsx_button.isEnabled())

    def subject(self) -> str:
        """What the filing is about: "2026", or "2026-01-01..2026-06-30" for F08."""
        if self.form.currentData() == "F08" and self.custom.isChecked():
            a, b = self.start.date().toPython(), self.end.date().toPython()
            return f"{a.isoformat()}..{b.isoformat()}"
        return str(self.year.value())

    # ---- generate ---------------------------------------------------------------------
    def generate(self) -> None:
        from ttdesk.ui.kit.ops import run_write_op

        code, subject, lang, ctx = self.form.currentData(), self.subject(), \
            self.lang.currentData(), self.ctx
        gathering = self.tr("正在汇总数据…")

        def work(progress: Any, cancelled: Any) -> Generated | None:
            from ttdesk.filings.service import generate

            progress(0.05, gathering)
            if cancelled():
                return None
            return generate(ctx, code, subject, lang)

        self.message.setText(self.tr("正在生成…"))
        self.operation = run_write_op(self, self.tr("生成 %1").replace("%1", code), ctx,
                                      self.bus, work, self._generated, self._failed,
                                      lang=getattr(ctx, "lang", "zh"))
        self._update()

    def _generated(self, gen: Generated | None) -> None:
        self.operation = None
        if gen is None:
            self.message.setText(self.tr("已取消，未生成任何文件。"))
        else:
            self.generated = gen
            rec = gen.record
            self.message.setText(self.tr("%1 %2 第 %3 版（%4）已归档，可预览、另存。")
                                 .replace("%1", rec.kind).replace("%2", rec.subject)
                                 .replace("%3", str(rec.version)).replace("%4", rec.serial_no))
            if rec.kind == "F09" and self._submitted(rec.subject):
                self.message.setText(self.tr("%1 年度报告已报送：显示报送时冻结的版本（%2）。")
                                     .replace("%1", rec.subject).replace("%2", rec.serial_no))
            self.preview.show_pdf(gen.content)  # a new version was announced by the core
        self._update()
        self.done.emit(gen)

    def _failed(self, exc: BaseException) -> None:
        from ttdesk.ui.kit.problems import messages_of

        self.operation = None
        self.message.setText(self.tr("未完成（未写入任何内容）：") + "\n" + "\n".join(
            messages_of(exc, getattr(self.ctx, "lang", "zh"))))
        self._update()
        self.done.emit(exc)

    def _submitted(self, year: str) -> bool:
        from ttdesk.core.records import annual_report

        return annual_report.submission(self.ctx, year) is not None

    def submit_annual(self, on: date | None = None) -> None:
        """报送: the shown F09 becomes the year's frozen record (domain.md §6)."""
        from ttdesk.core.base.errors import TTDeskError
        from ttdesk.core.records import annual_report
        from ttdesk.ui.kit.ops import write_op
        from ttdesk.ui.kit.problems import messages_of

        if self.generated is None or self.generated.record.kind != "F09":
            return
        year = self.generated.record.subject
        try:
            sub = write_op(self.ctx, self.bus, annual_report.submit, self.ctx, year,
                           on or self.ctx.today())
        except TTDeskError as exc:  # a refusal: shown where the person acted
            self.message.setText(self.tr("未报送：") + "\n" + "\n".join(
                messages_of(exc, getattr(self.ctx, "lang", "zh"))))
            return
        self.message.setText(self.tr("%1 年度报告已报送（%2，%3），此后即以此版本为准。")
                             .replace("%1", str(sub.year)).replace("%2", sub.filing.serial_no)
                             .replace("%3", sub.submitted_on.isoformat()))

    # ---- output -----------------------------------------------------------------------
    def _ask(self, title: str, suggested: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, pattern)
        return path or None

    def save_pdf(self, path: str | None = None) -> Path | None:
        if self.generated is None:
            return None
        rec = self.generated.record
        return self.preview.save_as(f"{rec.kind}-{rec.subject}.pdf", path)

    def save_xlsx(self, path: str | None = None) -> Path | None:
        """The F09 tables as Excel, from the archived snapshot (the same figures)."""
        from ttdesk.core.records import filing_archive
        from ttdesk.filings.annual_xlsx import write_annual_xlsx

        if self.generated is None or self.generated.record.kind != "F09":
            return None
        rec = self.generated.record
        target = path or self._ask(self.tr("导出年报表格"), f"F09-{rec.subject}.xlsx",
                                   "Excel (*.xlsx)")
        if not target:
            return None
        out = write_annual_xlsx(filing_archive.snapshot(self.ctx, rec.id), target,
                                self.lang.currentData())
        self.message.setText(self.tr("已导出：%1").replace("%1", str(out)))
        return Path(out)

    def export_ledger(self, path: str | None = None) -> None:
        """The cases and deals as a ledger workbook (the ledger import's format), off the
        GUI thread with progress and cancel; the year chosen above, or everything."""
        from ttdesk.ui.kit.ops import run_op

        target = path or self._ask(self.tr("导出台账"), "台账.xlsx", "Excel (*.xlsx)")
        if not target:
            return
        ctx, year = self.ctx, (self.year.value() if self.custom.isChecked() else None)

        def work(progress: Any, cancelled: Any) -> Any:
            from ttdesk.core.ledger.export import export_ledger

            return export_ledger(ctx, target, year=year, progress=progress, cancel=cancelled,
                                 force=path is not None or Path(target).exists())

        def finished(summary: Any) -> None:
            self.operation = None
            total = sum(summary.counts.values())
            self.message.setText(self.tr("台账已导出：%1（%2 行）").replace("%1", str(
                summary.path)).replace("%2", str(total)))
            self._update()
            self.done.emit(summary)

        self.operation = run_op(self, self.tr("导出台账"), work, finished, self._failed,
                                lang=getattr(ctx, "lang", "zh"))
        self._update()
