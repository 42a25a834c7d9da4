"""The contributors editor (完成人): person, share and role per row, with a live total.

The total label says where the shares stand while typing ("合计 90% — 须为 100%"), using the
core's own share parsing and rule R1; the service still decides on save. Each row is made
of real input widgets, so the keyboard (Tab) walks through them in reading order.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ttdesk.codes import ContributorRole
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.cases.achievements import ContributorIn
from ttdesk.core.rules.checks import shares_problems
from ttdesk.core.rules.money import parse_percent
from ttdesk.core.views import choices as case_forms
from ttdesk.ui.kit.fields import enum_combo, set_combo

COL_PERSON, COL_NAME, COL_SHARE, COL_ROLE, COL_REMOVE = range(5)
Row = tuple[str, str, str]  # (staff_no, share, role)


def _fmt(share: Decimal) -> str:
    text = format(share.normalize(), "f")
    return text


class ContributorsEditor(QWidget):
    """Edits the contributor list; `rows()` / `set_rows()` give plain (staff, share, role)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("contributors_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("工号"), self.tr("姓名"), self.tr("份额（%）"), self.tr("角色"), ""])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PERSON, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(COL_PERSON, 150)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(150)
        self.add_button = QPushButton(self.tr("添加完成人"))
        self.add_button.setObjectName("add_contributor")
        self.add_button.clicked.connect(self._add_clicked)
        # A contributor not yet in the master data: the person form opens inline, and the
        # new person becomes a row (or fills the empty row being typed in).
        self.new_person_button = QPushButton(self.tr("新建人员…"))
        self.new_person_button.setObjectName("new_contributor_person")
        self.new_person_button.clicked.connect(lambda: self.create_person())
        self.total = QLabel()
        self.total.setObjectName("share_total")
        self._completer_model = QStringListModel(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.new_person_button)
        bottom.addStretch(1)
        bottom.addWidget(self.total)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        lay.addLayout(bottom)
        self._update_total()

    # ---- rows ---------------------------------------------------------------------------
    def _add_clicked(self) -> None:
        edit = self.add_row()
        edit.setFocus()
        self.changed.emit()

    def create_person(self, name_hint: str = "") -> QWidget:
        """Open the new-person form; once saved, the person is a contributor row."""
        from ttdesk.ui.masterdata.dialogs import person_dialog

        dialog = person_dialog(self.ctx, self.window(), None, name_hint)
        dialog.finished.connect(lambda result, d=dialog: self._person_created(d, result))
        dialog.open()
        self.person_form = dialog
        return dialog

    def _person_created(self, dialog: QWidget, result: int) -> None:
        staff_no = getattr(dialog, "result_value", None)
        if not result or not staff_no:
            return
        empty = [self.table.cellWidget(r, COL_PERSON) for r in range(self.table.rowCount())]
        blank = next((w for w in empty if isinstance(w, QLineEdit) and not w.text().strip()),
                     None)
        if blank is not None:
            blank.setText(staff_no)
        else:
            self.add_row(staff_no)
        self.changed.emit()

    def add_row(self, staff_no: str = "", share: str = "", role: str = "member",
                name_text: str | None = None) -> QLineEdit:
        """Append a row; `name_text` when the person's name is already known (no lookup)."""
        r = self.table.rowCount()
        self.table.insertRow(r)
        person = QLineEdit(staff_no)
        person.setObjectName(f"contributor_person_{r}")
        person.setPlaceholderText(self.tr("工号或姓名"))
        completer = QCompleter(self._completer_model, person)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        person.setCompleter(completer)
        person.textEdited.connect(self._suggest)
        person.textChanged.connect(lambda _t, w=person: self._resolve(w))
        name = QLabel(name_text or "")
        name.setObjectName(f"contributor_name_{r}")
        share_edit = QLineEdit(share)
        share_edit.setObjectName(f"contributor_share_{r}")
        share_edit.setPlaceholderText("0–100")
        share_edit.textChanged.connect(self._update_total)
        share_edit.textChanged.connect(lambda *_a: self.changed.emit())
        role_box = enum_combo(ContributorRole, self.ctx.lang)
        role_box.setObjectName(f"contributor_role_{r}")
        set_combo(role_box, role)
        role_box.currentIndexChanged.connect(lambda *_a: self.changed.emit())
        remove = QPushButton(self.tr("删除"))
        remove.setObjectName(f"contributor_remove_{r}")
        remove.clicked.connect(lambda _=False, w=person: self._remove(w))
        person.textChanged.connect(lambda *_a: self.changed.emit())
        for col, w in ((COL_PERSON, person), (COL_NAME, name), (COL_SHARE, share_edit),
                       (COL_ROLE, role_box), (COL_REMOVE, remove)):
            self.table.setCellWidget(r, col, w)
        if name_text is None:
            self._resolve(person)
        self._update_total()
        return person

    def _row_of(self, person: QLineEdit) -> int:
        for r in range(self.table.rowCount()):
            if self.table.cellWidget(r, COL_PERSON) is person:
                return r
        return -1

    def _remove(self, person: QLineEdit) -> None:
        r = self._row_of(person)
        if r >= 0:
            self.table.removeRow(r)
            self._update_total()
            self.changed.emit()

    def _suggest(self, text: str) -> None:
        found = case_forms.find_people(self.ctx, text.split(" ")[0]) if text.strip() else []
        self._completer_model.setStringList([p.text() for p in found])

    def _resolve(self, person: QLineEdit) -> None:
        r = self._row_of(person)
        if r < 0:
            return
        name = self.table.cellWidget(r, COL_NAME)
        staff = self.staff_of(person.text())
        found = case_forms.person(self.ctx, staff) if staff else None
        if isinstance(name, QLabel):
            name.setText(found.name if found else (self.tr("（未找到）") if staff else ""))

    @staticmethod
    def staff_of(text: str) -> str:
        """The staff number of a person cell ("T001 王海燕（…）" → "T001")."""
        return text.strip().split(" ")[0] if text.strip() else ""

    def rows(self) -> list[Row]:
        out = []
        for r in range(self.table.rowCount()):
            person = self.table.cellWidget(r, COL_PERSON)
            share = self.table.cellWidget(r, COL_SHARE)
            role = self.table.cellWidget(r, COL_ROLE)
            out.append((self.staff_of(person.text()), share.text().strip(),  # type: ignore
                        role.currentData()))  # type: ignore[union-attr]
        return out

    def set_rows(self, rows: Sequence[Row], names: Sequence[str] | None = None) -> None:
        """Replace the rows; `names` (one per row) spares a lookup per person."""
        self.table.setRowCount(0)
        for i, (staff, share, role) in enumerate(rows):
            self.add_row(staff, share, role, names[i] if names is not None else None)
        self._update_total()

    def items(self) -> list[ContributorIn]:
        return [ContributorIn(staff, share, role) for staff, share, role in self.rows()
                if staff or share]

    # ---- total --------------------------------------------------------------------------
    def shares(self) -> list[Decimal] | None:
        """The typed shares as exact decimals, or None while one is not a number."""
        try:
            return [parse_percent(share or "0", field="share", allow_zero=True)
                    for _s, share, _r in self.rows()]
        except TTDeskError:
            return None

    def _update_total(self) -> None:
        shares = self.shares()
        if shares is None:
            self.total.setText(self.tr("合计 — 份额须为数字"))
            return
        total = _fmt(sum(shares, Decimal(0)))
        if shares and not shares_problems(shares):
            self.total.setText(self.tr("合计 %1% ✓").replace("%1", total))
        else:
            self.total.setText(self.tr("合计 %1% — 须为 100%").replace("%1", total))
