"""Roles and logins through the command line, on SQLite and PostgreSQL: a refusal exits 2
naming the role; no login, a wrong password and an unknown user are refused alike; the
recorded actor is the logged-in user whatever LOGNAME says; an API key logs a script in."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.builders import make_achievement
from ttdesk.cli.main import main
from ttdesk.codes import UserRole
from ttdesk.core.base.context import AppContext
from ttdesk.core.office import logins, users
from ttdesk.db.models import AuditEvent

PW = "cli roles password"


@pytest.fixture
def office(any_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> str:
    """A database that requires logins, with one user per role; its URL."""
    for role in UserRole:
        users.create_user(any_ctx, f"u_{role.value}", role.value, role, PW)
    if any_ctx.db.is_sqlite:
        users.reset_password(any_ctx, "local", PW)
        logins.set_logins_required(any_ctx, True)
    for var in ("TTDESK_USER", "TTDESK_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("TTDESK_PASSWORD", PW)
    return any_ctx.db.engine.url.render_as_string(hide_password=False)


def _as(url: str, user: str | None, *args: str) -> list[str]:
    return ["--db", url, *(["--user", user] if user else []), *args]


def test_each_refusal_exits_2_and_names_the_role(office: str, any_ctx: AppContext,
                                                 capsys, monkeypatch, tmp_path) -> None:
    case = make_achievement(any_ctx)
    assert main(_as(office, "u_viewer", "note", case.case_no, "看过了")) == 2
    err = capsys.readouterr().err
    assert "经办人" in err and "只读" in err
    assert main(_as(office, "u_officer", "note", case.case_no, "联系了企业")) == 0
    monkeypatch.setenv("TTDESK_NEW_PASSWORD", "a new user's pw")
    assert main(_as(office, "u_officer", "user", "add", "zhao", "--role", "admin")) == 2
    assert "管理员" in capsys.readouterr().err
    assert main(_as(office, "u_admin", "user", "add", "zhao", "--role", "reviewer")) == 0
    assert main(_as(office, "u_director", "backup", "-o", str(tmp_path / "b.bak"))) == 2
    assert "管理员" in capsys.readouterr().err
    assert main(_as(office, "u_officer", "--lang", "en", "user", "list")) == 0


def test_no_login_and_wrong_passwords_are_refused_alike(office: str, capsys,
                                                        monkeypatch) -> None:
    assert main(_as(office, None, "list", "cases")) == 2
    assert "请先登录" in capsys.readouterr().err
    monkeypatch.setenv("TTDESK_PASSWORD", "not it")
    assert main(_as(office, "u_officer", "list", "cases")) == 2
    wrong = capsys.readouterr().err
    monkeypatch.setenv("TTDESK_PASSWORD", PW)
    assert main(_as(office, "nobody", "list", "cases")) == 2
    assert capsys.readouterr().err == wrong and "用户名或密码错误" in wrong


def test_logname_has_no_effect_on_the_actor(office: str, any_ctx: AppContext,
                                            monkeypatch) -> None:
    case = make_achievement(any_ctx)
    monkeypatch.setenv("LOGNAME", "director_wang")
    monkeypatch.setenv("USER", "director_wang")
    monkeypatch.setenv("TTDESK_USER", "u_officer")
    assert main(["--db", office, "note", case.case_no, "谁写的？"]) == 0
    with any_ctx.read() as s:
        actors = set(s.execute(select(AuditEvent.actor).where(
            AuditEvent.entity == "note")).scalars())
    assert actors == {"u_officer"}


def test_an_api_key_logs_a_script_in(office: str, any_ctx: AppContext, capsys,
                                     monkeypatch) -> None:
    assert main(_as(office, "u_admin", "user", "api-key", "u_officer")) == 0
    key = capsys.readouterr().out.strip()
    with any_ctx.read() as s:
        from ttdesk.db.models import User

        stored = s.execute(select(User.api_key_hash).where(User.username == "u_officer")
                           ).scalar()
    assert key.startswith("ttk.") and key not in stored
    monkeypatch.delenv("TTDESK_PASSWORD")
    monkeypatch.setenv("TTDESK_API_KEY", key)
    assert main(["--db", office, "list", "cases"]) == 0
    monkeypatch.setenv("TTDESK_API_KEY", key + "x")
    assert main(["--db", office, "list", "cases"]) == 2
