"""`ImportWizard(ctx, bus)`: import an Excel ledger (台账) step by step.

Choose the file → check the sheets and the column mapping (adjust, save) → dry run: every
problem by sheet, row and column, and the people, departments and companies the import will
create (near-duplicates of known names pointed out) → import with progress and cancel →
summary. The dry run and the import run off the GUI thread (`run_op`); the import is all or
nothing, and `bus.ALL` is announced after it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ttdesk.core.base import labels
from ttdesk.core.ledger import LedgerRefused, LedgerReport, check_ledger, import_ledger
from ttdesk.core.ledger.catalog import FIELD_BY_NAME
from ttdesk.ui.kit.ops import Operation, run_op, run_write_op
from ttdesk.ui.kit.problems import messages_of
from ttdesk.ui.ledger.pages import FilePage, MappingPage, tr

COUNT_LABELS = {
    "achievements": ("成果", "achievements"), "contributions": ("完成人关联", "contributions"),
    "deals": ("转化项目", "deals"), "receipts": ("到账", "receipts"),
    "departments": ("单位", "departments"), "people": ("人员", "people"),
    "companies": ("企业", "companies"), "deal_links": ("项目-成果关联", "deal links"),
    "equity_events": ("股权事项", "equity events"),
}
KIND_LABELS = {"department": ("单位", "Department"), "person": ("人员", "Person"),
               "company": ("企业", "Company")}


def _counts_text(counts: dict[str, int], lang: str) -> str:
    i = 0 if lang == "zh" else 1
    return "，".join(f"{COUNT_LABELS.get(k, (k, k))[i]} {v}" for k, v in counts.items()) or "—"


def _field_label(name: str | None, lang: str) -> str:
    """The header an officer knows for a field (ledger catalog first, then the app's)."""
    if not name:
        return ""
    for fields in FIELD_BY_NAME.values():
        if name in fields:
            return fields[name].zh if lang == "zh" else fields[name].en
    return labels.field_label(name, lang)


def _table(name: str, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return t


def _fill(t: QTableWidget, rows: list[list[str]]) -> None:
    t.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            t.setItem(r, c, QTableWidgetItem(value))
    t.resizeColumnsToContents()
    t.horizontalHeader().setSectionResizeMode(t.columnCount() - 1,
                                              QHeaderView.ResizeMode.Stretch)


class CheckPage(QWizardPage):
    """The dry run's findings; the import can start only when there is no problem."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("导入前检查"))
        self.setSubTitle(self.tr("逐行检查台账，未写入任何数据。存在问题时请在 Excel 中修改后重新检查。"))  # noqa: E501
        self.summary = QLabel()
        self.summary.setObjectName("check_summary")
        self.summary.setWordWrap(True)
        self.problems = _table("problems_table", [self.tr("位置"), self.tr("规则"),
                                                  self.tr("字段"), self.tr("说明")])
        self.new = _table("new_records_table", [self.tr("类型"), self.tr("名称"),
                                                self.tr("编号"), self.tr("说明")])
        self.again = QPushButton(self.tr("重新检查"))
        self.again.setObjectName("check_again")
        self.again.setToolTip(self.tr("在 Excel 中修改并保存台账后，重新检查"))
        self.again.clicked.connect(self.initializePage)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.again)
        lay.addLayout(top)
        lay.addWidget(QLabel(self.tr("问题（按工作表、行、列）")))
        lay.addWidget(self.problems, 2)
        lay.addWidget(QLabel(self.tr("将新建的记录")))
        lay.addWidget(self.new, 1)
        self.report: LedgerReport | None = None

    def initializePage(self) -> None:  # Qt override
        self.report = None
        self.summary.setText(self.tr("正在检查…"))
        self.problems.setRowCount(0)
        self.new.setRowCount(0)
        self.completeChanged.emit()
        self.w.start_check()

    def show_report(self, report: LedgerReport) -> None:
        self.report = report
        lang = self.w.lang
        zh = lang == "zh"
        if report.problems:
            head = (f"发现 {len(report.problems)} 个问题，不能导入。" if zh else
                    f"{len(report.problems)} problems: the ledger cannot be imported.")
        else:
            head = "检查通过，可以导入。" if zh else "No problems: ready to import."
        lines = [head, ("将写入：" if zh else "To write: ") + _counts_text(report.counts, lang)]
        if report.reused:
            lines.append(("已在库中（保持不变）：" if zh else "Already stored (left as is): ")
                         + _counts_text(report.reused, lang))
        self.summary.setText("\n".join(lines))
        notes = [[p.where or "", p.rule, _field_label(p.field, lang),
                  ("提示：" if zh else "Note: ") + (p.zh if zh else p.en)] for p in report.notes]
        _fill(self.problems, [[p.where or "", p.rule, _field_label(p.field, lang),
                               p.zh if zh else p.en] for p in report.problems] + notes)
        _fill(self.new, [[KIND_LABELS[r.kind][0 if zh else 1], r.name, r.key,
                          ("⚠ " + (r.near_zh if zh else r.near_en)) if r.near_zh else r.detail]
                         for r in report.new_records])
        self.completeChanged.emit()

    def show_error(self, exc: BaseException) -> None:
        self.summary.setText("\n".join(messages_of(exc, self.w.lang)))

    def isComplete(self) -> bool:  # Qt override
        return self.report is not None and self.report.ok


class ImportPage(QWizardPage):
    """Runs the import (progress + cancel) and shows what was written."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("导入"))
        self.setFinalPage(True)
        self.status = QLabel()
        self.status.setObjectName("import_summary")
        self.status.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addStretch(1)
        self.done = False

    def initializePage(self) -> None:  # Qt override
        self.done = False
        self.status.setText(self.tr("正在导入…"))
        self.completeChanged.emit()
        self.w.start_import()

    def finished_with(self, report: LedgerReport) -> None:
        self.done = True
        zh = self.w.lang == "zh"
        text = ("已导入（历史记录标记为“历史导入”）：" if zh else
                "Imported (marked as imported history): ") + _counts_text(report.counts,
                                                                       self.w.lang)
        self.status.setText(text + (f"\n用时 {report.seconds:.1f} 秒" if zh else
                                    f"\n{report.seconds:.1f} s"))
        self.completeChanged.emit()

    def failed_with(self, exc: BaseException) -> None:
        self.done = False
        zh = self.w.lang == "zh"
        lines = messages_of(exc, self.w.lang)
        head = "未导入，数据库未改变：" if zh else "Not imported; the database is unchanged:"
        self.status.setText("\n".join([head, *lines[:20]]))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt override
        return self.done


class ImportWizard(QWizard):
    """The ledger import wizard (see the module docstring)."""

    def __init__(self, ctx: Any, bus: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.lang = getattr(ctx, "lang", "zh")
        self.setObjectName("ledger_wizard")
        self.setWindowTitle(self.tr("导入 Excel 台账"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        B = QWizard.WizardButton
        for button, text in ((B.BackButton, self.tr("< 上一步")),
                             (B.NextButton, self.tr("下一步 >")),
                             (B.CancelButton, self.tr("取消")), (B.FinishButton, self.tr("完成"))):
            self.setButtonText(button, text)
        self.file_page = FilePage(self.lang)
        self.mapping_page = MappingPage(self.lang)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.check_page, self.import_page):
            self.addPage(page)
        self.current_op: Operation | None = None
        self.result: LedgerReport | None = None
        self.resize(900, 640)

    # -- flow ------------------------------------------------------------------------------
    def initializePage(self, page_id: int) -> None:
        if self.page(page_id) is self.mapping_page and self.file_page.report is not None:
            self.mapping_page.load(self.file_page.report, self.path)
        super().initializePage(page_id)

    @property
    def path(self) -> str:
        return self.file_page.path_edit.text().strip()

    def start_check(self) -> None:
        mapping = self.mapping_page.final_mapping()

        def work(progress: Any, cancelled: Any) -> LedgerReport:
            return check_ledger(self.ctx, self.path, mapping, progress, cancelled)

        self.current_op = run_op(self, tr("检查台账"), work, self.check_page.show_report,
                                 self.check_page.show_error, lang=self.lang)

    def start_import(self) -> None:
        mapping = self.mapping_page.final_mapping()

        def work(progress: Any, cancelled: Any) -> LedgerReport:
            return import_ledger(self.ctx, self.path, mapping=mapping, progress=progress,
                                 cancel=cancelled)

        def done(report: LedgerReport) -> None:
            self.result = report
            self.import_page.finished_with(report)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, LedgerRefused):  # changed since the check: show it again
                self.check_page.show_report(exc.report)
            self.import_page.failed_with(exc)

        self.current_op = run_write_op(self, tr("导入台账"), self.ctx, self.bus, work, done,
                                       failed, lang=self.lang)
