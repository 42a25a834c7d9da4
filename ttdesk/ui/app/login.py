"""The login dialog at start: user name and password; or, on a database without an admin
(a new office server), the first admin's account.

A wrong user name and a wrong password show the same words (the core counts the failure);
a locked or disabled user is told so. The dialog gives back the context acting for the
logged-in user (`ctx_out`) and never holds the password after it is checked.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError, ValidationFailed
from ttdesk.core.office import logins, users
from ttdesk.ui.kit.problems import messages_of


class LoginDialog(QDialog):
    """Log in (or create the first admin when `first` is true)."""

    def __init__(self, ctx: AppContext, *, first: bool | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self._ctx = ctx
        self.ctx_out: AppContext | None = None
        self.first = (not users.has_admin(ctx)) if first is None else first
        self.setWindowTitle(self.tr("登录 TT Desk"))
        intro = QLabel(self.tr("这是新的数据库：请设置第一位管理员的账户。管理员可再添加其他用户。")
                       if self.first else self.tr("请输入用户名和密码。"))
        intro.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("login_username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("login_display_name")
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("login_again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        if self.first:
            form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("密码"), self.password)
        if self.first:
            form.addRow(self.tr("再次输入密码"), self.again)
        self.message = QLabel()
        self.message.setObjectName("login_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("创建并登录") if self.first else self.tr("登录"))
        ok.setObjectName("login_ok")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.username.setFocus()
        self.setMinimumWidth(380)

    def submit(self) -> bool:
        """Check the entry; on success keep the logged-in context and close."""
        self.message.clear()
        try:
            self.ctx_out = self._first_admin() if self.first else logins.login(
                self._ctx, self.username.text(), self.password.text())
        except ValidationFailed as exc:  # the rule's words, without the rule's code
            self.message.setText("\n".join(p.text(self._ctx.lang) for p in exc.problems))
            return self._again()
        except TTDeskError as exc:
            self.message.setText("\n".join(messages_of(exc, self._ctx.lang)))
            return self._again()
        self.password.clear()
        self.again.clear()
        self.accept()
        return True

    def _again(self) -> bool:
        self.password.clear()
        self.again.clear()
        self.password.setFocus()
        return False

    def _first_admin(self) -> AppContext:
        from ttdesk.core.base.errors import RuleViolation

        if self.password.text() != self.again.text():
            raise RuleViolation("USER", "两次输入的密码不一致", "the two passwords differ",
                                field="password")
        name = self.username.text().strip()
        users.first_admin(self._ctx, name, self.display_name.text().strip() or name,
                          self.password.text())
        return logins.login(self._ctx, name, self.password.text())


def sign_in(ctx: AppContext, parent: QWidget | None = None) -> AppContext | None:
    """`ctx` when someone acts in it already (a local file with logins off); else the
    context the login dialog gives back, or None when the person quits."""
    if ctx.user is not None:
        return ctx
    dialog = LoginDialog(ctx, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.ctx_out
