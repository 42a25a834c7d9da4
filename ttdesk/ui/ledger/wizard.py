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


def _count_words() -> dict[str, str]:
    """What an import writes, by kind (in the interface language)."""
    return {"achievements": tr("成果"), "contributions": tr("完成人关联"),
            "deals": tr("转化项目"), "receipts": tr("到账"), "departments": tr("单位"),
            "people": tr("人员"), "companies": tr("企业"), "deal_links": tr("项目-成果关联"),
            "equity_events": tr("股权事项")}


def _kind_words() -> dict[str, str]:
    return {"department": tr("单位"), "person": tr("人员"), "company": tr("企业")}


def _counts_text(counts: dict[str, int]) -> str:
    words = _count_words()
    return tr("，").join(f"{words.get(k, k)} {v}" for k, v in counts.items()) or "—"


def _field_label(name: str | None, lang: str) -> str:
    """The header an officer knows for a field (ledger catalog first, then the app's)."""
    if not name:
        return ""
    for fields in FIELD_BY_NAME.values():
        if name in fields:
            return labels.pick((fields[name].zh, fields[name].en), lang)
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
        self.again.clicked.connect(self.recheck)
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

    def recheck(self) -> None:
        """Check again after the file was changed in Excel, its columns read anew."""
        self.w.mapping_page.reread()
        self.initializePage()

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
        if report.problems:
            head = self.tr("发现 {0} 个问题，不能导入。").format(len(report.problems))
        else:
            head = self.tr("检查通过，可以导入。")
        lines = [head, self.tr("将写入：") + _counts_text(report.counts)]
        if report.reused:
            lines.append(self.tr("已在库中（保持不变）：") + _counts_text(report.reused))
        self.summary.setText("\n".join(lines))

        def row(p: Any, prefix: str = "") -> list[str]:
            where = labels.where_words(p.where, lang) if p.where else ""
            return [where, p.rule, _field_label(p.field, lang), prefix + p.text(lang)]

        _fill(self.problems, [row(p) for p in report.problems]
              + [row(p, self.tr("提示：")) for p in report.notes])
        kinds = _kind_words()
        _fill(self.new, [[kinds.get(r.kind, r.kind), r.name, r.key,
                          ("⚠ " + labels.pick((r.near_zh, r.near_en or r.near_zh), lang))
                          if r.near_zh else r.detail]
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
        text = self.tr("已导入（历史记录标记为“历史导入”）：") + _counts_text(report.counts)
        self.status.setText(text + "\n" + self.tr("用时 {0} 秒").format(f"{report.seconds:.1f}"))
        self.completeChanged.emit()

    def failed_with(self, exc: BaseException) -> None:
        self.done = False
        lines = messages_of(exc, self.w.lang)
        head = self.tr("未导入，数据库未改变：")
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
