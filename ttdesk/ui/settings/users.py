"""The users screen (设置 → 用户, for admins): list, add, role, disable / enable, reset a
password, unlock; and, on a local file, whether logins are required.

Every button calls the user service, which checks the admin role itself; a refusal shows in
a problem box and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ttdesk.codes import UserRole
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.base.labels import label
from ttdesk.core.office import logins, users
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import write_op
from ttdesk.ui.kit.problems import show_problem


def _role_box(lang: str, current: UserRole = UserRole.OFFICER) -> QComboBox:
    box = QComboBox()
    box.setObjectName("user_role")
    for role in UserRole:
        box.addItem(label(role, lang), role.value)
    box.setCurrentIndex(box.findData(current.value))
    return box


class UserDialog(QDialog):
    """A new user: user name, name, role, first password (typed twice)."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user_dialog")
        self.setWindowTitle(self.tr("添加用户"))
        self.username = QLineEdit()
        self.username.setObjectName("user_username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("user_display_name")
        self.role = _role_box(lang)
        self.person = QLineEdit()
        self.person.setObjectName("user_person")
        self.person.setPlaceholderText(self.tr("工号（可不填）"))
        self.password = QLineEdit()
        self.password.setObjectName("user_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("本人（人员）"), self.person)
        form.addRow(self.tr("初始密码"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("添加"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


class UsersPanel(QWidget):
    """The users of the database, with the admin's actions on the selected one."""

    COLUMNS = (QT_TRANSLATE_NOOP("UsersPanel", "用户名"), QT_TRANSLATE_NOOP("UsersPanel", "姓名"),
               QT_TRANSLATE_NOOP("UsersPanel", "角色"), QT_TRANSLATE_NOOP("UsersPanel", "状态"),
               QT_TRANSLATE_NOOP("UsersPanel", "本人（人员）"))

    def __init__(self, ctx: AppContext, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("users_panel")
        self._ctx, self._bus = ctx, bus
        self.rows: list[users.UserRow] = []
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("users_table")
        # login names are what an admin typed (ASCII, maybe "admin"): data, not code names
        self.table.setProperty("typed_names", True)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((120, 140, 90, 120)):
            self.table.setColumnWidth(col, width)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (
                ("add", self.tr("添加用户…"), self.add_user),
                ("role", self.tr("设为所选角色"), self.set_role),
                ("disable", self.tr("停用"), lambda: self.set_active(False)),
                ("enable", self.tr("启用"), lambda: self.set_active(True)),
                ("reset", self.tr("重置密码…"), self.reset_password),
                ("unlock", self.tr("解锁"), self.unlock)):
            button = QPushButton(text)
            button.setObjectName(f"users_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
            if key == "add":
                self.role = _role_box(ctx.lang)
                row.addWidget(self.role)
        row.addStretch(1)
        self.logins = QCheckBox(self.tr("启动时需要登录（本机数据库）"))
        self.logins.setObjectName("users_logins")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.logins)
        self.refresh()
        self.logins.toggled.connect(self.set_logins)

    # ---- reading ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.rows = users.list_users(self._ctx)
        now = self._ctx.now()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            person = f"{row.person_name}（{row.person_staff_no}）" if row.person_name else ""
            for c, text in enumerate((row.username, row.display_name,
                                      label(row.role, self._ctx.lang),
                                      self._state(row, now), person)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.username)
                self.table.setItem(r, c, item)
        state = logins.state(self._ctx)
        self.logins.blockSignals(True)
        self.logins.setChecked(state.required)
        self.logins.setEnabled(not state.server)
        self.logins.blockSignals(False)

    def _state(self, row: users.UserRow, now: Any) -> str:
        if not row.is_active:
            return self.tr("已停用")
        if row.locked(now):
            return self.tr("已锁定")
        if not row.has_password:
            return self.tr("未设密码")
        return self.tr("启用")

    def selected(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select(self, username: str) -> None:
        for r, row in enumerate(self.rows):
            if row.username == username:
                self.table.selectRow(r)

    # ---- actions ----------------------------------------------------------------------

    def _run(self, call: Callable[..., Any], *args: Any) -> bool:
        try:
            write_op(self._ctx, self._bus, call, self._ctx, *args)
        except TTDeskError as exc:
            show_problem(self, exc, self._ctx.lang)
            self.refresh()
            return False
        chosen = self.selected()
        self.refresh()
        if chosen:
            self.select(chosen)
        return True

    def add_user(self) -> bool:
        dialog = UserDialog(self._ctx.lang, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.add(dialog.username.text(), dialog.display_name.text(),
                        UserRole(dialog.role.currentData()), dialog.password.text(),
                        dialog.person.text())

    def add(self, username: str, display_name: str, role: UserRole, password: str,
            person: str = "") -> bool:
        name = username.strip()
        ok = self._run(lambda c: users.create_user(
            c, name, display_name.strip() or name, role, password,
            person=person.strip() or None))
        if ok:
            self.select(name)
        return ok

    def set_role(self) -> bool:
        name = self.selected()
        return bool(name) and self._run(users.set_role, name, UserRole(self.role.currentData()))

    def set_active(self, active: bool) -> bool:
        name = self.selected()
        return bool(name) and self._run(users.set_active, name, active)

    def reset_password(self, password: str | None = None) -> bool:
        name = self.selected()
        if not name:
            return False
        if password is None:
            from PySide6.QtWidgets import QInputDialog

            password, ok = QInputDialog.getText(
                self, self.tr("重置密码"), self.tr("%1 的新密码：").replace("%1", name),
                QLineEdit.EchoMode.Password)
            if not ok:
                return False
        return self._run(users.reset_password, name, password)

    def unlock(self) -> bool:
        name = self.selected()
        return bool(name) and self._run(users.unlock, name)

    def set_logins(self, on: bool) -> bool:
        return self._run(logins.set_logins_required, on)
