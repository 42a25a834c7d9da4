"""A read-only table model over plain rows (DTOs), used by every money and equity table.

Columns say how to read and show a value: money as ¥1,234,567.89 and percentages
right-aligned, dates as ISO text, enums by their label. A row may be *struck*: shown in a
struck-out, greyed font **and** with a text mark in its first column (reversed receipts and
costs), so the state never rests on colour alone. Sorting uses the raw values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ttdesk.core.base.labels import label, yes_no
from ttdesk.core.rules.money import format_money

RAW_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
Index = QModelIndex | QPersistentModelIndex


def pct_text(value: Decimal | None) -> str:
    """12.5 → "12.50%" (percentages are exact decimals; two places are enough on screen)."""
    if value is None:
        return ""
    return f"{value:,.2f}%"


def money_text(value: Decimal | None) -> str:
    return "" if value is None else format_money(value)


@dataclass(frozen=True)
class Column:
    """`get(row)` gives the raw value; `kind` ("text", "money", "pct", "date", "enum")
    decides its text and alignment."""

    title: str
    get: Callable[[Any], object]
    kind: str = "text"


def cell_text(value: object, kind: str, lang: str) -> str:
    if value is None:
        return ""
    if kind == "money":
        return money_text(value)  # type: ignore[arg-type]
    if kind == "pct":
        return pct_text(value)  # type: ignore[arg-type]
    if isinstance(value, StrEnum):
        return label(value, lang)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return yes_no(value, lang)
    return str(value)


class RowsModel(QAbstractTableModel):
    """Rows of any plain objects, shown through `columns`; `struck(row)` marks a row."""

    def __init__(self, columns: Sequence[Column], lang: str = "zh",
                 struck: Callable[[Any], bool] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.lang = lang
        self.struck = struck or (lambda _row: False)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, index: Index) -> Any:
        return self.rows[index.row()] if index.isValid() else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)
                                       and 0 <= index.column() < len(self.columns)):
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(col.get(row), col.kind, self.lang)
        if role == RAW_ROLE:
            value = col.get(row)
            if isinstance(value, Decimal):
                return float(value)  # sorting only; shown text stays exact
            if isinstance(value, date):
                return value.isoformat()
            return "" if value is None else str(value) if isinstance(value, StrEnum) else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if col.kind in ("money", "pct", "num") else LEFT)
        if role == Qt.ItemDataRole.FontRole and self.struck(row):
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self.struck(row):
            return QBrush(QColor("#777777"))
        return None


def make_view(model: RowsModel, name: str, sortable: bool = True,
              stretch: int | None = -1) -> QTableView:
    """A read-only, row-selecting view over `model` (through a sorting proxy); `stretch` is
    the column taking the spare width (-1 the last, None none: money stays near its label)."""
    view = QTableView()
    view.setObjectName(name)
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSourceModel(model)
        proxy.setSortRole(RAW_ROLE)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    else:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(stretch == -1)
    if stretch is not None and stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def selected_row(view: QTableView) -> Any:
    """The plain row object selected in `view` (None when nothing is selected)."""
    indexes = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not indexes:
        return None
    index = indexes[0]
    model = view.model()
    if isinstance(model, QSortFilterProxyModel):
        index = model.mapToSource(index)
        model = model.sourceModel()
    return model.row_at(index) if isinstance(model, RowsModel) else None


def select_first(view: QTableView, where: Callable[[Any], bool]) -> bool:
    """Select the first row for which `where(row)` holds (tests and reselect after reload)."""
    model = view.model()
    source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    assert isinstance(source, RowsModel)
    for i, row in enumerate(source.rows):
        if where(row):
            index = source.index(i, 0)
            if isinstance(model, QSortFilterProxyModel):
                index = model.mapFromSource(index)
            view.selectRow(index.row())
            return True
    return False
