"""The one table-model recipe of every big list (Anki's browser model, style.md 7).

The model holds the ordered ids of every match, straight from SQL (filtered, searched and
sorted there), and fetches display rows (frozen DTOs) by id, one page at a time, when the view
first asks for a cell of that page. Only a bounded number of pages stays cached, so scrolling
the whole 100,000-case list keeps memory flat. Sorting re-queries the ids with the new sort:
never a QSortFilterProxyModel (16 s to sort 100k Python rows, env.md).
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from ttdesk.core.base.labels import field_label, join_words, label, yes_no
from ttdesk.core.rules.money import format_money
from ttdesk.ui.kit.starting import Starting, is_starting

if TYPE_CHECKING:  # types only: start-up shows the first page before the ORM is imported
    from ttdesk.core.base.context import AppContext
    from ttdesk.core.views.dashboard import FilterChoices

PAGE_SIZE = 100
MAX_PAGES = 50  # rows kept: 5,000 — a few screens either way of where the user is
STAGE_ABOVE = 20_000  # bigger lists show their first page before all their ids are read

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
_OTHER_ROLES = frozenset({Qt.ItemDataRole.TextAlignmentRole, ID_ROLE, Qt.ItemDataRole.ToolTipRole})


_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class _Page:
    rows: list[Any]
    texts: list[tuple[str, ...]]


@dataclass(frozen=True)
class Column:
    """One column: its heading (a `ttdesk.core.base.labels` field name), how to read its value
    from a row DTO, and which SQL sort it maps to (None: not sortable)."""

    key: str
    value: Callable[[Any], Any]
    sort: StrEnum | None = None
    numeric: bool = False
    hidden: bool = False  # hidden by default; the column chooser shows it
    width: int = 0
    # A Chinese source text (QT_TRANSLATE_NOOP("ListPage", …)) when the core has no label
    # for `key`.
    title: str | None = None

    def heading(self, lang: str) -> str:
        if self.title is not None:
            return QCoreApplication.translate("ListPage", self.title)
        return field_label(self.key, lang)


@dataclass(frozen=True)
class FilterDef:
    """One filter combo: which field of the filter dataclass it sets, its heading, and its
    choices `(value, text)` computed from the database's filter choices when the page is built."""

    name: str
    heading: str  # Chinese source text, marked with QT_TRANSLATE_NOOP("ListPage", …)
    choices: Callable[[FilterChoices, str], list[tuple[Any, str]]]

    def text(self, _lang: str = "zh") -> str:
        return QCoreApplication.translate("ListPage", self.heading)


@dataclass(frozen=True)
class ListSpec:
    """Everything a list page needs to know about one kind of record."""

    key: str
    bus_kind: str
    columns: tuple[Column, ...]
    default_filter: Callable[[], Any]
    ids: Callable[[AppContext, Any], list[int]]
    rows: Callable[[AppContext, Sequence[int]], list[Any]]
    filters: tuple[FilterDef, ...] = field(default=())
    # For a quick first screen of a big list: the count and the first rows in one go.
    count: Callable[[AppContext, Any], int] | None = None
    first_rows: Callable[[AppContext, Any, int], list[Any]] | None = None

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)


def display(value: Any, lang: str) -> str:
    """The text a cell shows for a DTO value (labels come from the core, never Qt)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value, lang)
    if isinstance(value, StrEnum):
        return label(value, lang)
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return join_words([str(v) for v in value], lang)
    return str(value)


class LazyListModel(QAbstractTableModel):
    """Ids from SQL, rows fetched by the page; `filter` is the core's frozen filter object."""

    reloaded = Signal(int)  # the number of matches after every re-query

    def __init__(self, ctx: AppContext | Starting, spec: ListSpec,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx: Any = ctx
        self._lang = ctx.lang
        self.spec = spec
        self.filter = spec.default_filter()
        self._ids: list[int] = []
        self._total: int | None = None  # set while only the first page's ids are known
        self._pages: OrderedDict[int, _Page] = OrderedDict()

    # ---- querying ---------------------------------------------------------------------------
    def set_filter(self, new_filter: Any) -> None:
        """Re-query the ids for `new_filter` (search, filters and sort all live in it)."""
        if is_starting(self._ctx):
            self._show_first(new_filter)
            return
        ids = self.spec.ids(self._ctx, new_filter)
        self.beginResetModel()
        self.filter = new_filter
        self._ids = ids
        self._total = None
        self._pages.clear()
        self.endResetModel()
        self.reloaded.emit(len(ids))

    def load_first(self) -> None:
        """Show a big list's first page at once and read all its ids later (`complete_ids`).

        The first screen then costs a count and one page of rows (~15 ms on 100,000 cases)
        instead of the full id list (~100 ms); small lists load whole as usual.
        """
        spec, f = self.spec, self.filter
        if is_starting(self._ctx):
            self._show_first(f)
            return
        total = spec.count(self._ctx, f) if spec.count and spec.first_rows else 0
        if total <= STAGE_ABOVE or spec.first_rows is None:
            self.refresh()
            return
        rows = spec.first_rows(self._ctx, f, PAGE_SIZE)
        self.beginResetModel()
        self._ids = [r.id for r in rows]
        self._total = total
        self._pages.clear()
        self._pages[0] = self._make_page(rows)
        self.endResetModel()
        self.reloaded.emit(total)

    def _show_first(self, f: Any) -> None:
        """While starting: the first page of `f` read by the start-up reader; the rest of
        the ids come once the context is attached."""
        starting: Starting = self._ctx
        if starting.list_key != self.spec.key or starting.first_page is None:
            raise RuntimeError(f"no start-up reader for the list {self.spec.key}")
        total, rows = starting.first_page(f, PAGE_SIZE)
        self.beginResetModel()
        self.filter = f
        self._ids = [r.id for r in rows]
        self._total = total if total > len(rows) else None
        self._pages.clear()
        if rows:
            self._pages[0] = self._make_page(rows)
        self.endResetModel()
        self.reloaded.emit(total)

    def attach(self, ctx: AppContext) -> None:
        """The service context, once loaded (start-up); the ids are completed by the page."""
        self._ctx = ctx

    def complete_ids(self) -> None:
        """Read the full id list of a list loaded with `load_first` (no-op otherwise)."""
        if self._total is None or is_starting(self._ctx):
            return
        ids = self.spec.ids(self._ctx, self.filter)
        same = len(ids) == self._total and ids[:len(self._ids)] == self._ids
        self._ids, self._total = ids, None
        if not same:  # changed in between: show the new list (never reset inside a paint)
            self._pages.clear()
            QTimer.singleShot(0, self._relayout)

    def _relayout(self) -> None:
        self.beginResetModel()
        self.endResetModel()
        self.reloaded.emit(len(self._ids))

    def _known(self, row: int) -> bool:
        if row >= len(self._ids) and self._total is not None:
            self.complete_ids()
        return 0 <= row < len(self._ids)

    def update_filter(self, **changes: Any) -> None:
        self.set_filter(dataclasses.replace(self.filter, **changes))

    def refresh(self) -> None:
        self.set_filter(self.filter)

    def ids(self) -> list[int]:
        self.complete_ids()
        return list(self._ids)

    def id_at(self, row: int) -> int:
        self._known(row)
        return self._ids[row]

    def row_at(self, row: int) -> Any | None:
        """The DTO shown on `row` (None if the record was deleted since the ids were read)."""
        if not self._known(row):
            return None
        return self._page(row // PAGE_SIZE).rows[row % PAGE_SIZE]

    def _page(self, number: int) -> _Page:
        page = self._pages.get(number)
        if page is None:
            page = self._fetch_page(number)
        else:
            self._pages.move_to_end(number)
        return page

    def _fetch_page(self, number: int) -> _Page:
        """Rows of one page by id, with their cell texts formatted once (painting a screen
        asks for every cell several times; formatting per call would dominate scrolling)."""
        ids = self._ids[number * PAGE_SIZE:(number + 1) * PAGE_SIZE]
        by_id = {r.id: r for r in self.spec.rows(self._ctx, ids)}
        page = self._make_page([by_id.get(i) for i in ids])
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def _make_page(self, rows: list[Any]) -> _Page:
        lang, columns = self._lang, self.spec.columns
        texts = [("",) * len(columns) if r is None
                 else tuple(display(c.value(r), lang) for c in columns) for r in rows]
        return _Page(rows, texts)

    def cached_pages(self) -> int:
        return len(self._pages)

    # ---- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return self._total if self._total is not None else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            row = index.row()
            if not self._known(row):
                return None
            return self._page(row // PAGE_SIZE).texts[row % PAGE_SIZE][index.column()]
        if role not in _OTHER_ROLES or not index.isValid():
            return None
        column = self.spec.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        if role == ID_ROLE:
            return self._ids[index.row()] if self._known(index.row()) else None
        if column.key == "title":  # tooltip: the whole title when the column is narrow
            row = index.row()
            if not self._known(row):
                return None
            return self._page(row // PAGE_SIZE).texts[row % PAGE_SIZE][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.spec.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.spec.columns[section].heading(self._lang)
            if role == SORT_ROLE:
                return self.spec.columns[section].sort is not None
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: re-query the ids sorted in SQL (unsortable columns are ignored)."""
        if not 0 <= column < len(self.spec.columns):
            return
        key = self.spec.columns[column].sort
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self.filter.sort and descending == self.filter.descending:
            return
        self.update_filter(sort=key, descending=descending)

    def sort_section(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order the current filter sorts by (for the header's indicator)."""
        for i, column in enumerate(self.spec.columns):
            if column.sort is not None and column.sort == self.filter.sort:
                order = (Qt.SortOrder.DescendingOrder if self.filter.descending
                         else Qt.SortOrder.AscendingOrder)
                return i, order
        return None
