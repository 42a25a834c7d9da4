"""The users screen: an admin adds a user, gives a role, disables, resets and unlocks; an
officer's refusal names the role; rendered to PNG."""

from __future__ import annotations

from pathlib import Path

import pytest

from ttdesk.codes import UserRole
from ttdesk.core.base.context import AppContext
from ttdesk.core.office import logins, users
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.settings.users import UsersPanel

PW = "users screen pw"


def _row(panel: UsersPanel, username: str) -> list[str]:
    for r in range(panel.table.rowCount()):
        if panel.table.item(r, 0).text() == username:
            return [panel.table.item(r, c).text() for c in range(panel.table.columnCount())]
    raise AssertionError(username)


def test_an_admin_keeps_the_users(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = UsersPanel(ctx, DataBus())
    qtbot.addWidget(panel)
    assert panel.add("li", "李经办", UserRole.OFFICER, PW)
    assert _row(panel, "li")[:4] == ["li", "李经办", "经办人", "启用"]
    panel.select("li")
    panel.role.setCurrentIndex(panel.role.findData(UserRole.REVIEWER.value))
    assert panel.set_role()
    assert _row(panel, "li")[2] == "审核人"
    for _ in range(logins.MAX_FAILURES):
        with pytest.raises(logins.LoginFailed):
            logins.login(ctx, "li", "wrong password")
    panel.refresh()
    assert _row(panel, "li")[3] == "已锁定"
    panel.select("li")
    assert panel.unlock()
    assert _row(panel, "li")[3] == "启用"
    assert panel.reset_password("another password")
    assert logins.login(ctx, "li", "another password").user.username == "li"
    assert panel.set_active(False)
    assert _row(panel, "li")[3] == "已停用"
    panel.resize(760, 320)
    panel.show()
    panel.grab().save(str(tmp_path / "users.png"))


def test_logins_switch_on_from_the_screen(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr("ttdesk.ui.settings.users.show_problem",
                        lambda _p, exc, lang: shown.append(exc.messages(lang)[0]))
    panel = UsersPanel(ctx, DataBus())
    qtbot.addWidget(panel)
    assert not panel.logins.isChecked()
    panel.logins.setChecked(True)  # no admin with a password yet: refused, box unticked
    assert shown and "密码" in shown[0] and not panel.logins.isChecked()
    users.reset_password(ctx, "local", PW)
    panel.logins.setChecked(True)
    assert logins.state(ctx).required and panel.logins.isChecked()


def test_an_officer_is_refused_with_the_role_named(qtbot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    users.create_user(ctx, "li", "李经办", UserRole.OFFICER, PW)
    officer = logins.login(ctx, "li", PW)
    shown: list[str] = []
    monkeypatch.setattr("ttdesk.ui.settings.users.show_problem",
                        lambda _p, exc, lang: shown.append(exc.messages(lang)[0]))
    panel = UsersPanel(officer, DataBus())
    qtbot.addWidget(panel)
    assert not panel.add("zhao", "赵", UserRole.ADMIN, PW)
    assert "管理员" in shown[0]
    assert "zhao" not in [u.username for u in users.list_users(ctx)]
