"""Users and logins on SQLite and PostgreSQL: argon2id hashes, one message for a wrong user
name or password, lockout after 5 failures for 15 minutes (an injected clock), admin reset
and unlock, disabled users, API keys, and the actor that the audit trail records."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from ttdesk.codes import UserRole
from ttdesk.core.base.access import AccessRefused, NotLoggedIn
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.office import logins, users
from ttdesk.db.models import AuditEvent, User

PW = "correct horse 1"


class Clock:
    def __init__(self) -> None:
        self.at = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def office(any_ctx: AppContext) -> AppContext:
    """An admin `boss` (password PW) and an officer `li`; the clock is injectable."""
    ctx = any_ctx
    users.create_user(ctx, "boss", "王主任", UserRole.ADMIN, PW)
    users.create_user(ctx, "li", "李经办", UserRole.OFFICER, PW)
    ctx.now = Clock()
    return ctx


def _refusal(exc: pytest.ExceptionInfo[RuleViolation]) -> tuple[str, str]:
    return exc.value.messages("zh")[0], exc.value.messages("en")[0]


def test_passwords_are_argon2id_hashes(office: AppContext) -> None:
    with office.read() as s:
        stored = s.execute(select(User.password_hash).where(User.username == "li")).scalar()
    assert stored.startswith("$argon2id$") and PW not in stored


def test_login_acts_as_the_user_and_records_their_name(office: AppContext) -> None:
    li = logins.login(office, "li", PW)
    assert (li.user.username, li.user.role, li.user.all_roles) == ("li", UserRole.OFFICER,
                                                                  False)
    assert li.actor == "li"


def test_wrong_password_and_unknown_user_give_one_message(office: AppContext) -> None:
    with pytest.raises(logins.LoginFailed) as wrong:
        logins.login(office, "li", "not the password")
    with pytest.raises(logins.LoginFailed) as unknown:
        logins.login(office, "nobody", PW)
    assert _refusal(wrong) == _refusal(unknown)
    assert "用户名或密码错误" in _refusal(wrong)[0]


def test_five_failures_lock_for_fifteen_minutes(office: AppContext) -> None:
    clock = office.now
    assert isinstance(clock, Clock)
    for _ in range(logins.MAX_FAILURES):
        with pytest.raises(logins.LoginFailed):
            logins.login(office, "li", "wrong")
    with pytest.raises(logins.AccountLocked):  # even the right password, while locked
        logins.login(office, "li", PW)
    clock.at += timedelta(minutes=14, seconds=59)
    with pytest.raises(logins.AccountLocked):
        logins.login(office, "li", PW)
    clock.at += timedelta(seconds=2)
    assert logins.login(office, "li", PW).user.username == "li"


def test_four_failures_then_a_good_login_start_counting_again(office: AppContext) -> None:
    for _ in range(logins.MAX_FAILURES - 1):
        with pytest.raises(logins.LoginFailed):
            logins.login(office, "li", "wrong")
    logins.login(office, "li", PW)
    for _ in range(logins.MAX_FAILURES - 1):
        with pytest.raises(logins.LoginFailed):
            logins.login(office, "li", "wrong")
    assert logins.login(office, "li", PW).user.username == "li"


def test_an_admin_unlocks_and_resets(office: AppContext) -> None:
    for _ in range(logins.MAX_FAILURES):
        with pytest.raises(logins.LoginFailed):
            logins.login(office, "li", "wrong")
    boss = logins.login(office, "boss", PW)
    users.unlock(boss, "li")
    assert logins.login(office, "li", PW).user.username == "li"
    users.reset_password(boss, "li", "a new password")
    with pytest.raises(logins.LoginFailed):
        logins.login(office, "li", PW)
    assert logins.login(office, "li", "a new password").user.username == "li"


def test_a_disabled_user_is_refused(office: AppContext) -> None:
    boss = logins.login(office, "boss", PW)
    users.set_active(boss, "li", False)
    with pytest.raises(logins.AccountDisabled):
        logins.login(office, "li", PW)
    with pytest.raises(logins.LoginFailed):  # the wrong password does not say "disabled"
        logins.login(office, "li", "wrong")
    users.set_active(boss, "li", True)
    assert logins.login(office, "li", PW).user.username == "li"


def test_only_an_admin_manages_users_and_the_refusal_names_the_role(
        office: AppContext) -> None:
    li = logins.login(office, "li", PW)
    for act in (lambda: users.create_user(li, "zhao", "赵", UserRole.ADMIN, PW),
                lambda: users.set_role(li, "li", UserRole.ADMIN),
                lambda: users.reset_password(li, "boss", "taken over!"),
                lambda: users.issue_api_key(li, "li")):
        with pytest.raises(AccessRefused) as refused:
            act()
        zh, en = _refusal(refused)
        assert "管理员" in zh and "admin" in en.lower() and "经办人" in zh
    assert {u.username: u.role for u in users.list_users(office)}["li"] == UserRole.OFFICER


def test_the_last_admin_stays_an_admin(office: AppContext) -> None:
    boss = logins.login(office, "boss", PW)
    admins = [u.username for u in users.list_users(office) if u.role == UserRole.ADMIN
              and u.is_active]
    for other in admins:
        if other != "boss":
            users.set_active(boss, other, False)
    with pytest.raises(RuleViolation):
        users.set_role(boss, "boss", UserRole.DIRECTOR)
    with pytest.raises(RuleViolation):
        users.set_active(boss, "boss", False)


def test_weak_passwords_and_bad_names_are_refused(office: AppContext) -> None:
    boss = logins.login(office, "boss", PW)
    with pytest.raises(RuleViolation, match="8"):
        users.create_user(boss, "zhao", "赵", UserRole.VIEWER, "short")
    with pytest.raises(RuleViolation):
        users.create_user(boss, "a b", "赵", UserRole.VIEWER, PW)
    with pytest.raises(RuleViolation):
        users.create_user(boss, "li", "again", UserRole.VIEWER, PW)


def test_an_api_key_logs_in_once_issued_and_is_stored_hashed(office: AppContext) -> None:
    boss = logins.login(office, "boss", PW)
    key = users.issue_api_key(boss, "li")
    assert logins.login_with_api_key(office, key).user.username == "li"
    with office.read() as s:
        stored = s.execute(select(User.api_key_hash).where(User.username == "li")).scalar()
    assert stored.startswith("$argon2id$") and key.split(".")[-1] not in stored
    with pytest.raises(logins.LoginFailed):
        logins.login_with_api_key(office, key[:-2] + "xx")
    users.revoke_api_key(boss, "li")
    with pytest.raises(logins.LoginFailed):
        logins.login_with_api_key(office, key)


def test_nobody_logged_in_writes_nothing(office: AppContext) -> None:
    nobody = office.as_user(None)
    with pytest.raises(NotLoggedIn), nobody.write():
        pass
    with pytest.raises(AccessRefused, match="not logged in"):
        users.create_user(nobody, "zhao", "赵", UserRole.ADMIN, PW)


def test_the_actor_is_the_logged_in_user_never_logname(
        office: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOGNAME", "director_wang")
    monkeypatch.setenv("USER", "director_wang")
    boss = logins.login(office, "boss", PW)
    users.set_role(boss, "li", UserRole.REVIEWER)
    with office.read() as s:
        actors = set(s.execute(select(AuditEvent.actor)).scalars())
    assert "boss" in actors and "director_wang" not in actors


def test_first_admin_only_on_a_database_without_one(any_ctx: AppContext) -> None:
    nobody = any_ctx.as_user(None)
    first = users.first_admin(nobody, "root_admin", "管理员", PW)
    assert first.role == UserRole.ADMIN
    assert logins.login(nobody, "root_admin", PW).user.username == "root_admin"
    with pytest.raises(RuleViolation):
        users.first_admin(nobody, "second", "又一个", PW)


def test_a_local_file_starts_with_logins_off_and_one_single_user(ctx: AppContext) -> None:
    assert ctx.user is not None and ctx.user.username == logins.SINGLE_USER
    assert ctx.user.all_roles
    state = logins.state(ctx)
    assert (state.required, state.server, state.single_user) == (False, False, "local")


def test_logins_switch_on_only_with_an_admin_password(ctx: AppContext) -> None:
    with pytest.raises(RuleViolation, match="password"):
        logins.set_logins_required(ctx, True)
    users.reset_password(ctx, "local", PW)
    logins.set_logins_required(ctx, True)
    assert logins.single_user(ctx) is None
    assert logins.state(ctx).required
    local = logins.login(ctx, "local", PW)
    assert not local.user.all_roles  # now an admin like any other
    logins.set_logins_required(local, False)
    assert logins.single_user(ctx).username == "local"


@pytest.mark.postgres
def test_server_mode_always_requires_logins(pg_url: str) -> None:
    from ttdesk.core.office.setup import open_context

    ctx = open_context(pg_url, migrate_backup=False)
    try:
        assert ctx.user is None
        assert logins.state(ctx).required
        users.first_admin(ctx, "boss", "王主任", PW)
        boss = logins.login(ctx, "boss", PW)
        with pytest.raises(RuleViolation):
            logins.set_logins_required(boss, False)
    finally:
        ctx.db.dispose()
