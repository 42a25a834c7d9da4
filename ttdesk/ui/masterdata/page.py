"""基础数据: one tab each for departments, people and companies — search (name, pinyin
initials, key), create, edit, merge a duplicate, deactivate / reactivate."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.base.labels import label, yes_no
from ttdesk.core.companies import companies
from ttdesk.core.people import departments, persons
from ttdesk.core.views import master_data
from ttdesk.ui.kit import bus as B
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.forms import FormDialog
from ttdesk.ui.kit.ops import write_op
from ttdesk.ui.kit.problems import show_problem
from ttdesk.ui.masterdata.dialogs import DIALOGS

CTX = "MasterData"


def _t(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


# kind → (reader, service module, key column, [(column, heading)])
TABS: dict[str, tuple[Any, Any, str, list[tuple[str, str]]]] = {
    "department": (master_data.departments, departments, "code", [
        ("code", "代码"), ("name", "名称"), ("kind", "类型"), ("people", "人数"),
        ("is_active", "在用")]),
    "person": (master_data.people, persons, "staff_no", [
        ("staff_no", "工号"), ("name", "姓名"), ("department", "单位"), ("title", "职称/职务"),
        ("id_number_masked", "身份证号"), ("entrepreneurship", "创业状态"),
        ("is_active", "在用")]),
    "company": (master_data.companies, companies, "credit_code", [
        ("credit_code", "统一社会信用代码"), ("name", "企业名称"), ("region", "地区"),
        ("legal_representative", "法定代表人"), ("is_spinoff", "转化创办"),
        ("is_active", "在用")]),
}
TAB_TITLES = {"department": "单位", "person": "人员", "company": "企业"}


class MasterTab(QWidget):
    """One kind of master data: search line, table, and the actions on the selected row."""

    def __init__(self, ctx: AppContext, bus: DataBus, kind: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus, self.kind = ctx, bus, kind
        self.setObjectName(f"master_{kind}")
        self.reader, self.service, self.key_col, self.columns = TABS[kind]
        self.search = QLineEdit()
        self.search.setObjectName("master_search")
        self.search.setPlaceholderText(_t("搜索：名称、拼音首字母或编号"))
        self.search.textChanged.connect(self.reload)
        self.show_all = QCheckBox(_t("含已停用"))
        self.show_all.toggled.connect(self.reload)
        self.table = QTableWidget(0, len(self.columns))
        self.table.setObjectName("master_table")
        self.table.setHorizontalHeaderLabels([_t(h) for _c, h in self.columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_all)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (("new", "新建…", self.create),
                                 ("edit", "编辑…", self.edit_selected),
                                 ("merge", "合并重复…", self.merge_selected),
                                 ("deactivate", "停用", lambda: self.set_active(False)),
                                 ("activate", "启用", lambda: self.set_active(True)),
                                 ("delete", "删除", self.delete_selected)):
            button = QPushButton(_t(text))
            button.setObjectName(f"master_{name}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.rows: list[dict[str, Any]] = []
        bus.changed.connect(self._changed)
        self.reload()

    def _changed(self, kind: str, _rid: int) -> None:
        if kind in (B.SETTINGS, B.COMPANIES, B.ALL):
            self.reload()

    @staticmethod
    def _cell(value: Any) -> str:
        if isinstance(value, bool):
            return yes_no(value)
        if hasattr(value, "value"):
            return label(value)
        return "" if value is None else str(value)

    def reload(self) -> None:
        self.rows = [asdict(r) for r in self.reader(
            self.ctx, self.search.text(), include_inactive=self.show_all.isChecked(),
            limit=1000)]
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            for j, (col, _h) in enumerate(self.columns):
                self.table.setItem(i, j, QTableWidgetItem(self._cell(row[col])))
        self.table.resizeColumnsToContents()

    def selected_key(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()][self.key_col] if rows else None

    def select_key(self, key: str) -> None:
        for i, row in enumerate(self.rows):
            if row[self.key_col] == key:
                self.table.selectRow(i)

    def _through_bus(self, dialog: FormDialog) -> FormDialog:
        """The dialog's service call runs through `write_op`: the bus hears what the core
        says changed (this page reloads on it like every other)."""
        submit = dialog.submit
        dialog.submit = lambda d: write_op(self.ctx, self.bus, submit, d)
        return dialog

    def create(self) -> QWidget:
        dialog = self._through_bus(DIALOGS[self.kind](self.ctx, self, None, ""))
        dialog.open()
        self.dialog = dialog
        return dialog

    def edit_selected(self) -> QWidget | None:
        key = self.selected_key()
        if key is None:
            return None
        dialog = self._through_bus(DIALOGS[self.kind](self.ctx, self, key))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _run(self, action: Any) -> bool:
        try:
            write_op(self.ctx, self.bus, action)
        except TTDeskError as exc:
            show_problem(self, exc, self.ctx.lang)
            return False
        return True

    def merge_selected(self, kept: str | None = None) -> bool:
        """Merge the selected record (the duplicate) into `kept` (asked for when None)."""
        duplicate = self.selected_key()
        if duplicate is None:
            return False
        if kept is None:
            others = [r[self.key_col] for r in self.rows if r[self.key_col] != duplicate]
            kept, ok = QInputDialog.getItem(self, _t("合并重复记录"),
                                            _t("保留哪一条（被选中的记录将合并进去并停用）："),
                                            others, 0, False)
            if not ok:
                return False
        return self._run(lambda: self.service.merge(self.ctx, duplicate, kept))

    def set_active(self, active: bool) -> bool:
        key = self.selected_key()
        return key is not None and self._run(
            lambda: self.service.set_active(self.ctx, key, active))

    def delete_selected(self) -> bool:
        key = self.selected_key()
        return key is not None and self._run(lambda: self.service.delete(self.ctx, key))


class MasterDataPage(QTabWidget):
    def __init__(self, ctx: AppContext, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("masterdata_page")
        self.tabs: dict[str, MasterTab] = {}
        for kind in ("department", "person", "company"):
            tab = MasterTab(ctx, bus, kind)
            self.tabs[kind] = tab
            self.addTab(tab, _t(TAB_TITLES[kind]))
