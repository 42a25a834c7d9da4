"""The first two pages of the ledger import wizard: choose the file, adjust the mapping.

The mapping table shows, per sheet, each column's letter, its header as written and the field
it feeds (a combo per column, "不导入" to skip it). Nothing here reads cells or the database:
`inspect_ledger` (core) gives the detected layout.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.base.labels import pick
from ttdesk.core.ledger import LedgerReport, Mapping, inspect_ledger, load_mapping
from ttdesk.core.ledger.catalog import FIELD_BY_NAME, FIELDS, MONEY, SHEET_KINDS, SHEET_LABELS
from ttdesk.core.ledger.cells import WAN
from ttdesk.core.ledger.mapping import SheetMap


def tr(text: str) -> str:
    return QCoreApplication.translate("LedgerWizard", text)


def problem_lines(problems: list[Any], lang: str) -> str:
    return "\n".join(p.message(lang) for p in problems)


class FilePage(QWizardPage):
    """Choose the .xlsx ledger (and optionally a saved column mapping)."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setTitle(self.tr("选择台账文件"))
        self.setSubTitle(self.tr("选择要导入的 Excel 台账（.xlsx）。可选：载入以前保存的列映射。"))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("ledger_path")
        self.path_edit.setPlaceholderText(self.tr("例如：D:/成果转化/台账2024.xlsx"))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        self.mapping_edit = QLineEdit()
        self.mapping_edit.setObjectName("mapping_path")
        self.mapping_edit.setPlaceholderText(self.tr("（可选）列映射文件 .json"))
        browse_map = QPushButton(self.tr("浏览…"))
        browse_map.clicked.connect(self._browse_mapping)
        self.error = QLabel()
        self.error.setObjectName("file_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        lay = QVBoxLayout(self)
        for edit, button, label in ((self.path_edit, browse, self.tr("台账文件")),
                                    (self.mapping_edit, browse_map, self.tr("列映射"))):
            lay.addWidget(QLabel(label))
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(button)
            lay.addLayout(row)
        lay.addWidget(self.error)
        lay.addStretch(1)
        self.path_edit.textChanged.connect(self.completeChanged)
        self.report: LedgerReport | None = None

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择台账"), "",
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.path_edit.setText(path)

    def _browse_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择列映射"), "",
                                              self.tr("列映射 (*.json)"))
        if path:
            self.mapping_edit.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        """Read the layout; a file that is no ledger at all stays on this page, explained."""
        mapping = None
        if self.mapping_edit.text().strip():
            try:
                mapping = load_mapping(self.mapping_edit.text().strip())
            except ValidationFailed as exc:
                self.error.setText(problem_lines(exc.problems, self.lang))
                return False
        report = inspect_ledger(self.path_edit.text().strip(), mapping)
        fatal = [p for p in report.problems if p.field == "file"]
        if fatal:
            self.error.setText(problem_lines(fatal, self.lang))
            return False
        self.error.clear()
        self.report = report
        return True


class SheetTable(QTableWidget):
    """One sheet's columns: letter, header as written, field and, for amounts, the unit
    (元 or 万元: what the header says, or what the officer knows the column holds)."""

    def __init__(self, m: SheetMap, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(len(m.columns), 4, parent)
        self.m = m
        self.setObjectName(f"mapping_{m.kind}")
        self.setHorizontalHeaderLabels([tr("列"), tr("表头"), tr("导入为"), tr("单位")])
        self.verticalHeader().setVisible(False)
        head = self.horizontalHeader()
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: list[QComboBox] = []
        self.units: list[QComboBox] = []
        for row, col in enumerate(m.columns):
            self.setItem(row, 0, QTableWidgetItem(col.letter))
            self.setItem(row, 1, QTableWidgetItem(col.header))
            combo = QComboBox()
            combo.addItem(tr("（不导入）"), None)
            for f in FIELDS[m.kind]:
                combo.addItem(pick((f.zh, f.en), lang), f.name)
            combo.setCurrentIndex(max(0, combo.findData(col.field)))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._changed(r))
            self.setCellWidget(row, 2, combo)
            self.combos.append(combo)
            unit = QComboBox()
            unit.addItem(tr("元"), "yuan")
            unit.addItem(tr("万元"), "wan")
            unit.setCurrentIndex(1 if col.unit == WAN else 0)
            unit.currentIndexChanged.connect(lambda _i, r=row: self._unit_changed(r))
            self.setCellWidget(row, 3, unit)
            self.units.append(unit)
            self._enable_unit(row)
        self.resizeColumnToContents(0)

    def _enable_unit(self, row: int) -> None:
        name = self.m.columns[row].field
        self.units[row].setEnabled(name is not None and FIELD_BY_NAME[self.m.kind][name].kind
                                   == MONEY)

    def _changed(self, row: int) -> None:
        """A field feeds one column: choosing it here clears it elsewhere."""
        name = self.combos[row].currentData()
        self.m.columns[row].field = name
        self._enable_unit(row)
        if name is None:
            return
        for other, combo in enumerate(self.combos):
            if other != row and combo.currentData() == name:
                combo.setCurrentIndex(0)

    def _unit_changed(self, row: int) -> None:
        self.m.columns[row].unit = WAN if self.units[row].currentData() == "wan" else Decimal(1)

    def set_field(self, letter: str, name: str | None) -> None:
        for row, col in enumerate(self.m.columns):
            if col.letter == letter:
                self.combos[row].setCurrentIndex(max(0, self.combos[row].findData(name)))

    def set_unit(self, letter: str, unit: str) -> None:
        """unit: "yuan" or "wan"."""
        for row, col in enumerate(self.m.columns):
            if col.letter == letter:
                self.units[row].setCurrentIndex(max(0, self.units[row].findData(unit)))


class MappingPage(QWizardPage):
    """The detected mapping per sheet, adjustable; saved as JSON on request."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setTitle(self.tr("工作表与列映射"))
        self.setSubTitle(self.tr("检查每一列导入为哪个字段，必要时调整；可保存映射供下次使用。"))
        self.assign = QTableWidget(len(SHEET_KINDS), 3)
        self.assign.setObjectName("sheet_assignment")
        self.assign.setHorizontalHeaderLabels([self.tr("内容"), self.tr("工作表"),
                                               self.tr("表头行（0 = 自动）")])
        self.assign.verticalHeader().setVisible(False)
        self.assign.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.sheet_combos: dict[str, QComboBox] = {}
        self.row_spins: dict[str, QSpinBox] = {}
        for r, kind in enumerate(SHEET_KINDS):
            self.assign.setItem(r, 0, QTableWidgetItem(pick(SHEET_LABELS[kind], lang)))
            combo = QComboBox()
            combo.setObjectName(f"sheet_{kind}")
            spin = QSpinBox()
            spin.setObjectName(f"header_row_{kind}")
            spin.setRange(0, 50)
            self.assign.setCellWidget(r, 1, combo)
            self.assign.setCellWidget(r, 2, spin)
            self.sheet_combos[kind], self.row_spins[kind] = combo, spin
            combo.currentIndexChanged.connect(lambda _i, k=kind: self._reassign(k))
            spin.valueChanged.connect(lambda _v, k=kind: self._reassign(k))
        self.assign.resizeColumnsToContents()
        self.assign.setMaximumHeight(self.assign.verticalHeader().length()
                                     + self.assign.horizontalHeader().height() + 4)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mapping_tabs")
        self.notes = QLabel()
        self.notes.setObjectName("mapping_notes")
        self.notes.setWordWrap(True)
        save = QPushButton(self.tr("保存映射…"))
        save.setObjectName("save_mapping")
        save.clicked.connect(self._save)
        lay = QVBoxLayout(self)
        lay.addWidget(self.assign)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.notes)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        lay.addLayout(row)
        self.tables: dict[str, SheetTable] = {}
        self.mapping = Mapping()
        self.path = ""
        self._loading = False

    def load(self, report: LedgerReport, path: str | Path | None = None) -> None:
        if path is not None:
            self.path = str(path)
        self.mapping = report.mapping
        self._loading = True
        for kind in SHEET_KINDS:
            combo, spin = self.sheet_combos[kind], self.row_spins[kind]
            combo.clear()
            combo.addItem(self.tr("（无）"), None)
            for name in report.sheet_names:
                combo.addItem(name, name)
            m = report.mapping.sheets.get(kind)
            combo.setCurrentIndex(max(0, combo.findData(m.sheet)) if m else 0)
            spin.setValue(m.header_row if m else 0)
        self._loading = False
        self.tabs.clear()
        self.tables.clear()
        for kind, m in report.mapping.sheets.items():
            table = SheetTable(m, self.lang)
            self.tables[kind] = table
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 4, 0, 0)
            where = self.tr("工作表“{0}”，表头在第 {1} 行").format(m.sheet, m.header_row)
            lay.addWidget(QLabel(where))
            lay.addWidget(table, 1)
            self.tabs.addTab(box, f"{pick(SHEET_LABELS[kind], self.lang)} · {m.sheet}")
        lines = [p.message(self.lang) for p in (*report.problems, *report.notes)]
        self.notes.setText("\n".join(lines))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt override
        return "achievements" in self.mapping.sheets

    def _reassign(self, kind: str) -> None:
        """The user chose another sheet or header row for `kind`: detect its columns there,
        keeping what was adjusted for the other sheets."""
        if self._loading or not self.path:
            return
        sheet = self.sheet_combos[kind].currentData()
        row = self.row_spins[kind].value() or None
        current = self.mapping.sheets.get(kind)
        if current is not None and current.sheet != sheet:
            row = None  # another sheet: find its header row again
        keep = Mapping({k: m for k, m in self.mapping.sheets.items() if k != kind},
                       exclusive=True)
        hints: dict[str, tuple[str | None, int | None]] = dict.fromkeys(SHEET_KINDS,
                                                                        (None, None))
        hints |= {k: (m.sheet, m.header_row) for k, m in keep.sheets.items()}
        hints[kind] = (sheet, row)
        report = inspect_ledger(self.path, None, hints)
        for k, m in keep.sheets.items():  # the user's column choices stay
            report.mapping.sheets[k] = m
        self.load(report)

    def reread(self) -> None:
        """The file may have changed in Excel since step 1: read its columns again (same
        sheets and header rows). A column whose header is unchanged keeps the field and unit
        the user chose; a column added in Excel gets the detected one."""
        if not self.path:
            return
        hints: dict[str, tuple[str | None, int | None]] = dict.fromkeys(SHEET_KINDS,
                                                                        (None, None))
        hints |= {k: (m.sheet, m.header_row) for k, m in self.mapping.sheets.items()}
        report = inspect_ledger(self.path, None, hints)
        for kind, new in report.mapping.sheets.items():
            old = self.mapping.sheets.get(kind)
            if old is None or old.sheet != new.sheet:
                continue
            chosen = {c.header: c for c in old.columns}
            for c in new.columns:
                if c.header in chosen:
                    c.field, c.unit = chosen[c.header].field, chosen[c.header].unit
        self.load(report)

    def final_mapping(self) -> Mapping:
        """What the check and the import use: exactly the sheets shown here."""
        self.mapping.exclusive = True
        return self.mapping

    def save_to(self, path: str | Path) -> None:
        self.mapping.save(path)

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存列映射"), "台账映射.json",
                                              self.tr("列映射 (*.json)"))
        if path:
            self.save_to(path)
