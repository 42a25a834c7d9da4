"""A list page: instant search, filter combos, the lazy table, column chooser, copy, export.

Every change of the search text (debounced), a filter or a header click re-queries the ids in
SQL through the page's `LazyListModel`. The column layout (order, widths, hidden columns, sort)
is saved in the settings under the list's key. Opening a row (double-click or Enter) emits
`opened(row_dto)`; the host decides what to show.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ttdesk.codes import UserRole
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import Operation, run_op
from ttdesk.ui.kit.starting import Starting, is_starting
from ttdesk.ui.lists import export
from ttdesk.ui.lists.model import LazyListModel, ListSpec

if TYPE_CHECKING:
    from ttdesk.core.base.context import AppContext

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
COPY_INLINE_ROWS = 2000  # more rows are read on a worker thread
AFTER_FIRST_PAINT_MS = 50


class ListTable(QTableView):
    """The table of a list page; Ctrl+C copies whole selected rows (not just one cell)."""

    copy_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def my_officer_id(ctx: Any, spec: ListSpec) -> int | None:
    """The logged-in officer's user id when `spec` can filter by officer: an officer's lists
    default to their own cases and tasks. None for other roles and the single user."""
    user = getattr(ctx, "user", None)
    if (user is None or user.all_roles or user.role != UserRole.OFFICER or user.id is None
            or not any(f.name == "officer_id" for f in spec.filters)):
        return None
    return int(user.id)


class ListPage(QWidget):
    """One big list with its search bar; `model` and `table` are public for hosts and tests."""

    opened = Signal(object)
    count_changed = Signal(int)

    def __init__(self, ctx: AppContext | Starting, bus: DataBus, spec: ListSpec,
                 settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"list_{spec.key}")
        self._ctx: Any = ctx
        self._lang = ctx.lang
        self._settings = settings
        self.spec = spec
        self.model = LazyListModel(ctx, spec, self)
        self.model.reloaded.connect(self._show_count)
        self.last_export: Operation | None = None
        self.row_actions: list[tuple[str, Callable[[list[int]], None]]] = []
        self._build_bar(ctx)
        self._build_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._bar)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_and_go_to_rows)
        self._save_timer = QTimer(self, singleShot=True, interval=400)
        self._save_timer.timeout.connect(self.save_layout)
        self._refresh_timer = QTimer(self, singleShot=True, interval=100)
        self._refresh_timer.timeout.connect(self.model.refresh)
        bus.changed.connect(self._on_changed)
        self.mine = my_officer_id(ctx, spec)
        if self.mine is not None:  # an officer's list opens on "my cases" / "my tasks"
            self.model.filter = replace(self.model.filter, officer_id=self.mine)
        self.model.load_first()
        self._restore_layout()
        if not is_starting(ctx):
            self._after_first_paint()

    def _after_first_paint(self) -> None:
        # The rest of a big list's ids and the filter choices (departments, officers,
        # years...) come after the first paint: start-up waits for this page, not for them.
        QTimer.singleShot(AFTER_FIRST_PAINT_MS, self.model.complete_ids)
        QTimer.singleShot(AFTER_FIRST_PAINT_MS, self.load_filter_choices)

    def attach(self, ctx: AppContext) -> None:
        """The service context, once loaded behind the painted window (start-up)."""
        self._ctx = ctx
        self.model.attach(ctx)
        self._after_first_paint()

    # ---- building ---------------------------------------------------------------------------
    def _build_bar(self, ctx: AppContext | Starting) -> None:
        self._bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("搜索名称、编号… (Ctrl+F)"))
        self.search.setMinimumWidth(240)
        self._bar.addWidget(self.search, 2)
        self.filters: dict[str, QComboBox] = {}
        self._choices_loaded = not self.spec.filters
        for fdef in self.spec.filters:
            combo = QComboBox()
            combo.setObjectName(f"filter_{fdef.name}")
            combo.addItem(self.tr("全部%1").replace("%1", fdef.text(self._lang)), None)
            combo.setMaximumWidth(200)
            combo.currentIndexChanged.connect(lambda _i, n=fdef.name: self._filter_changed(n))
            self.filters[fdef.name] = combo
            self._bar.addWidget(combo, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self._bar.addWidget(self.count_label)
        # a visible bar while a search or filter narrows the list, with one click to clear
        self.filter_bar = QWidget()
        self.filter_bar.setObjectName("filter_bar")
        row = QHBoxLayout(self.filter_bar)
        row.setContentsMargins(6, 2, 6, 2)
        self.filter_text = QLabel()
        self.filter_text.setObjectName("filter_text")
        self.filter_text.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_filters_button = QPushButton(self.tr("清除筛选"))
        self.clear_filters_button.setObjectName("clear_filters")
        self.clear_filters_button.clicked.connect(self.clear_filters)
        row.addWidget(self.filter_text, 1)
        row.addWidget(self.clear_filters_button)
        self.filter_bar.setStyleSheet("#filter_bar { background: #fff4ce; }")
        self.filter_bar.hide()

    def _build_table(self) -> None:
        self.table = ListTable()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.sectionResized.connect(lambda *_a: self._save_timer.start())
        header.sectionMoved.connect(lambda *_a: self._save_timer.start())
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.table.activated.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.table.copy_requested.connect(self.copy_selection)

    def _apply_default_layout(self) -> None:
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for i, column in enumerate(self.spec.columns):
            header.setSectionHidden(i, column.hidden)
            heading = metrics.horizontalAdvance(column.heading(self._lang)) + 28  # + sort arrow
            header.resizeSection(i, max(column.width, heading))

    def _restore_layout(self) -> None:
        """Saved column layout, else the defaults; then SQL sorting by header clicks."""
        header = self.table.horizontalHeader()
        state = self._settings.column_layout(self.spec.key)
        if state is None or not header.restoreState(state):
            self._apply_default_layout()
            current = self.model.sort_section()
            if current is not None:
                header.setSortIndicator(*current)
        self.table.setSortingEnabled(True)  # sorts by the indicator: a re-query in SQL

    def _sort_indicator_changed(self, section: int, _order: Qt.SortOrder) -> None:
        """A click on a column SQL cannot sort by keeps the indicator where the sort is."""
        if self.spec.columns[section].sort is None:
            current = self.model.sort_section()
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            if current is None:
                header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            else:
                header.setSortIndicator(*current)
            header.blockSignals(False)
            header.viewport().update()
        self._save_timer.start()

    def save_layout(self) -> None:
        self._settings.set_column_layout(self.spec.key,
                                         self.table.horizontalHeader().saveState())

    # ---- search and filters -----------------------------------------------------------------
    def apply_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text().strip() or None
        if text != self.model.filter.search:
            self.model.update_filter(search=text)

    def load_filter_choices(self) -> None:
        """Fill the filter combos once (each keeps "all" selected)."""
        if self._choices_loaded or is_starting(self._ctx):
            return
        from ttdesk.core.views.dashboard import filter_choices

        self._choices_loaded = True
        fc = filter_choices(self._ctx)
        for fdef in self.spec.filters:
            combo = self.filters[fdef.name]
            combo.blockSignals(True)
            for value, text in fdef.choices(fc, self._lang):
                combo.addItem(text, value)
            if fdef.name == "officer_id" and self.mine is not None:
                combo.setCurrentIndex(max(combo.findData(self.mine), 0))
            combo.blockSignals(False)

    def _search_and_go_to_rows(self) -> None:
        """Enter in the search box: search now and move to the first match (Enter again
        opens it)."""
        self.apply_search()
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.selectRow(0)

    def _filter_changed(self, name: str) -> None:
        self.model.update_filter(**{name: self.filters[name].currentData()})

    def set_filter_value(self, name: str, value: Any) -> None:
        self.load_filter_choices()
        combo = self.filters[name]
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _show_count(self, n: int) -> None:
        self.count_label.setText(self.tr("共 %n 条", "", n))
        self._show_filter_bar(n)
        self.count_changed.emit(n)

    def active_filters(self) -> list[str]:
        """What narrows the list now, in words (empty: the whole list is shown)."""
        out = []
        if self.model.filter.search:
            out.append(self.tr("搜索“%1”").replace("%1", self.model.filter.search))
        for fdef in self.spec.filters:
            combo = self.filters[fdef.name]
            if combo.currentIndex() > 0:
                out.append(f"{fdef.text(self._lang)}{self.tr('：')}{combo.currentText()}")
        return out

    def _show_filter_bar(self, n: int) -> None:
        active = self.active_filters()
        self.filter_bar.setVisible(bool(active))
        if active:
            self.filter_text.setText(self.tr("已筛选（%1）：").replace("%1", self.tr(
                "共 %n 条", "", n)) + " · ".join(active))

    def clear_filters(self) -> None:
        """Back to the whole list in one click: search text and every filter cleared."""
        for combo in self.filters.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._search_timer.stop()
        self.model.update_filter(search=None, **dict.fromkeys(self.filters))

    def _on_changed(self, kind: str, _record_id: int) -> None:
        if DataBus.concerns(kind, self.spec.bus_kind):
            self._refresh_timer.start()

    # ---- columns ----------------------------------------------------------------------------
    def _column_menu(self, pos: QPoint) -> None:
        self.column_menu().exec(self.table.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """Checkable entry per column (the column chooser); at least one stays visible."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.setObjectName("column_menu")
        for i, column in enumerate(self.spec.columns):
            action = QAction(column.heading(self._lang), menu, checkable=True)
            action.setChecked(not header.isSectionHidden(i))
            action.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("恢复默认列"), self.reset_columns)
        return menu

    def set_column_visible(self, section: int, visible: bool) -> None:
        header = self.table.horizontalHeader()
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        if not visible and shown == [section]:
            return
        header.setSectionHidden(section, not visible)
        if visible and header.sectionSize(section) < 30:
            header.resizeSection(section, self.spec.columns[section].width or 100)
        self._save_timer.start()

    def reset_columns(self) -> None:
        header = self.table.horizontalHeader()
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if logical != visual:
                header.moveSection(header.visualIndex(visual), visual)
        self._apply_default_layout()
        self._save_timer.start()

    def visible_columns(self) -> list[Any]:
        header = self.table.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [self.spec.columns[i] for i in logical if not header.isSectionHidden(i)]

    # ---- rows: open, copy, export -----------------------------------------------------------
    def _open_index(self, index: Any) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.opened.emit(row)

    def current_row(self) -> Any | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.id_at(r) for r in rows]

    def add_row_action(self, text: str, handler: Callable[[list[int]], None]) -> None:
        """A host's own action on the selected rows (their ids), offered in the row menu."""
        self.row_actions.append((text, handler))

    def _row_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("打开"), lambda: self._open_index(self.table.currentIndex()))
        for text, handler in self.row_actions:
            menu.addAction(text, lambda h=handler: h(self.selected_ids()))
        menu.addAction(self.tr("复制"), self.copy_selection)
        menu.addAction(self.tr("导出所选到 Excel…"), self.ask_export)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def copy_selection(self) -> str:
        """Selected rows as tab-separated text (with a heading line) on the clipboard.

        A big selection (Ctrl+A on a long list) is read off the GUI thread with progress and
        cancel; the text then lands on the clipboard when it is ready.
        """
        ids = self.selected_ids()
        if not ids:
            return ""
        columns, ctx, rows, lang = self.visible_columns(), self._ctx, self.spec.rows, self._lang
        if len(ids) <= COPY_INLINE_ROWS:
            text = export.tsv(columns, rows(ctx, ids), lang)
            QGuiApplication.clipboard().setText(text)
            return text

        def work(progress: Any, cancelled: Any) -> str:
            found: list[Any] = []
            for start in range(0, len(ids), export.CHUNK):
                if cancelled():
                    raise InterruptedError("copy cancelled")
                found.extend(rows(ctx, ids[start:start + export.CHUNK]))
                progress(start / len(ids), "")
            return export.tsv(columns, found, lang)

        self.last_export = run_op(self, self.tr("正在复制…"), work,
                                  QGuiApplication.clipboard().setText, lang=lang)
        return ""

    def ask_export(self) -> None:
        name = f"{self.spec.key}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出到 Excel"), name,
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.export_selection(Path(path))

    def export_selection(self, path: Path, show_dialog: bool = True) -> Operation:
        """The selected rows (all matches when nothing is selected) to an .xlsx, off the GUI
        thread with progress and cancel."""
        ids = self.selected_ids() or self.model.ids()
        columns = self.visible_columns()
        ctx, rows, lang, sheet = self._ctx, self.spec.rows, self._lang, self.spec.key

        def work(progress: Any, cancelled: Any) -> Path:
            from ttdesk.core.office.output import check_output

            check_output(path, db=ctx.db, force=True)  # the save dialog asked before replacing
            return export.write_xlsx(path, sheet, columns, lambda part: rows(ctx, part), ids,
                                     lang, progress, cancelled)

        self.last_export = run_op(self, self.tr("正在导出…"), work, self._exported,
                                  lang=lang, show_dialog=show_dialog)
        return self.last_export

    def _exported(self, path: Path) -> None:
        log.info("exported %s", path)
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(self.tr("已导出：") + str(path), 8000)
