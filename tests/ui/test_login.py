"""The login dialog: one message for a wrong user name or password, the lock and the
disabled user said in words, the first admin of a new database; rendered to PNG."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from ttdesk.codes import UserRole
from ttdesk.core.base.context import AppContext
from ttdesk.core.office import logins, users
from ttdesk.ui.app.login import LoginDialog

PW = "login dialog pw"


@pytest.fixture
def office(ctx: AppContext) -> AppContext:
    """A local file with logins switched on: an admin and an officer; nobody logged in."""
    users.reset_password(ctx, "local", PW)
    users.create_user(ctx, "li", "李经办", UserRole.OFFICER, PW)
    logins.set_logins_required(ctx, True)
    return ctx.as_user(None)


def _try(qtbot, dialog: LoginDialog, name: str, password: str) -> bool:  # type: ignore[no-untyped-def]
    dialog.username.setText(name)
    dialog.password.setText(password)
    return dialog.submit()


def test_wrong_user_and_wrong_password_read_the_same(qtbot, office: AppContext,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    dialog = LoginDialog(office)
    qtbot.addWidget(dialog)
    assert not dialog.first
    assert not _try(qtbot, dialog, "li", "wrong password")
    wrong = dialog.message.text()
    assert not _try(qtbot, dialog, "nobody", PW)
    assert dialog.message.text() == wrong == "用户名或密码错误"
    assert dialog.password.text() == ""
    dialog.show()
    dialog.grab().save(str(tmp_path / "login.png"))
    assert _try(qtbot, dialog, "li", PW)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.ctx_out is not None and dialog.ctx_out.user.username == "li"


def test_a_locked_and_a_disabled_user_are_told(qtbot, office: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(office)
    qtbot.addWidget(dialog)
    for _ in range(logins.MAX_FAILURES):
        _try(qtbot, dialog, "li", "wrong password")
    assert not _try(qtbot, dialog, "li", PW)
    assert "锁定" in dialog.message.text()
    admin = logins.login(office, "local", PW)
    users.unlock(admin, "li")
    users.set_active(admin, "li", False)
    assert not _try(qtbot, dialog, "li", PW)
    assert dialog.message.text() == "此用户已停用"


def test_a_new_database_asks_for_its_first_admin(qtbot, ctx: AppContext,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    nobody = ctx.as_user(None)  # as a new office server: no admin who can log in
    dialog = LoginDialog(nobody)
    qtbot.addWidget(dialog)
    assert dialog.first
    dialog.username.setText("wang")
    dialog.display_name.setText("王管理员")
    dialog.password.setText(PW)
    dialog.again.setText(PW + "x")
    assert not dialog.submit()
    assert "不一致" in dialog.message.text()
    dialog.show()
    dialog.grab().save(str(tmp_path / "login_first.png"))
    dialog.password.setText(PW)
    dialog.again.setText(PW)
    assert dialog.submit()
    assert dialog.ctx_out.user.username == "wang"
    assert dialog.ctx_out.user.role == UserRole.ADMIN
