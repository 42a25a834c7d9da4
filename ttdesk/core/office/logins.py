"""Logging in, and whether a database needs it.

- A local SQLite file starts with logins OFF: its first start creates one single user
  (`local`, an admin) and everything runs as that user holding every role, so a one-person
  office and `make run` need no password. An admin may switch logins on (after giving an
  admin a password) and off again.
- A server database (PostgreSQL) always requires logins; the setting cannot turn them off.
- A wrong user name and a wrong password give the same message and take the same time; an
  existing user's failures are counted, and the 5th locks the user for 15 minutes (an admin
  unlocks earlier). A disabled user is refused (told so only with the right password).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import UserRole
from ttdesk.core.base.access import PROGRAM, Act, CurrentUser, require
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.office.secrets import hash_secret, needs_rehash, verify_secret
from ttdesk.core.office.users import API_KEY_PREFIX, has_admin
from ttdesk.db.models import LoginSetting, User

MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
SINGLE_USER = "local"
SINGLE_USER_NAME = "本机用户"


class LoginFailed(RuleViolation):
    """Wrong user name or password: one message, no hint which."""

    def __init__(self) -> None:
        super().__init__("LOGIN", "用户名或密码错误", "wrong user name or password")


class AccountLocked(RuleViolation):
    def __init__(self, until: datetime) -> None:
        at = until.astimezone().strftime("%H:%M")
        super().__init__("LOGIN", f"登录失败次数过多，已锁定至 {at}；或请管理员解锁",
                         f"too many failed logins: locked until {at}, or ask an admin to "
                         "unlock")
        self.until = until


class AccountDisabled(RuleViolation):
    def __init__(self) -> None:
        super().__init__("LOGIN", "此用户已停用", "this user is disabled")


@dataclass(frozen=True)
class LoginState:
    required: bool      # a person must log in
    server: bool        # server mode: always required, cannot be switched off
    single_user: str | None  # the user everything runs as when logins are off


def _setting(session: Session) -> LoginSetting | None:
    return session.execute(select(LoginSetting).order_by(LoginSetting.id).limit(1)).scalar()


def state(ctx: AppContext) -> LoginState:
    server = not ctx.db.is_sqlite
    with ctx.read() as s:
        row = _setting(s)
        single = s.get(User, row.single_user_id) if row and row.single_user_id else None
        required = server or bool(row and row.logins_required)
        return LoginState(required, server, single.username if single else None)


def _as_current(user: User, all_roles: bool = False) -> CurrentUser:
    return CurrentUser(user.id, user.username, user.role, all_roles=all_roles)


def single_user(ctx: AppContext) -> CurrentUser | None:
    """The user a local file runs as while logins are off (created at its first start);
    None when logins are required (server mode always). Reads unless it must create."""
    if not ctx.db.is_sqlite:
        return None
    with ctx.read() as s:
        row = _setting(s)
        user = s.get(User, row.single_user_id) if row and row.single_user_id else None
        if row is not None and row.logins_required:
            return None
        if user is not None:
            return _as_current(user, all_roles=True)
    return _create_single_user(ctx)


def _create_single_user(ctx: AppContext) -> CurrentUser | None:
    with ctx.as_user(PROGRAM).write() as s:
        row = _setting(s)
        if row is None:
            row = LoginSetting(logins_required=False)
            s.add(row)
        if row.logins_required:
            return None
        user = s.get(User, row.single_user_id) if row.single_user_id else None
        if user is None:
            user = s.execute(select(User).where(User.username == SINGLE_USER)).scalar()
        if user is None:
            user = User(username=SINGLE_USER, display_name=SINGLE_USER_NAME,
                        role=UserRole.ADMIN, is_active=True, failed_logins=0)
            s.add(user)
            s.flush()
        row.single_user_id = user.id
        return _as_current(user, all_roles=True)


def set_logins_required(ctx: AppContext, required: bool) -> None:
    """Switch logins on or off (admin; a local file only). On needs an admin with a
    password, so that someone can still log in."""
    require(ctx, Act.DATABASE)
    if not ctx.db.is_sqlite and not required:
        raise RuleViolation("LOGIN", "服务器模式始终需要登录",
                            "server mode always requires logins", field="logins_required")
    if required and not has_admin(ctx):
        raise RuleViolation("LOGIN", "请先为一位管理员设置密码，再开启登录",
                            "give an admin a password before switching logins on",
                            field="logins_required")
    with ctx.write() as s:
        row = _setting(s)
        if row is None:
            row = LoginSetting(logins_required=required)
            s.add(row)
        row.logins_required = required


def _failed(ctx: AppContext, user_id: int) -> None:
    """Count a failure (committed on its own: the refusal must not roll it back)."""
    with ctx.as_user(PROGRAM).write() as s:
        user = s.get(User, user_id)
        if user is None:
            return
        user.failed_logins = (user.failed_logins or 0) + 1
        if user.failed_logins >= MAX_FAILURES:
            user.locked_until = ctx.now() + LOCK_FOR
            user.failed_logins = 0


def _succeeded(ctx: AppContext, user: User, secret: str, *, rehash: bool) -> None:
    if not user.failed_logins and user.locked_until is None and not rehash:
        return
    with ctx.as_user(PROGRAM).write() as s:
        row = s.get(User, user.id)
        if row is not None:
            row.failed_logins = 0
            row.locked_until = None
            if rehash:
                row.password_hash = hash_secret(secret)


def _check(ctx: AppContext, user: User | None, stored: str | None, secret: str,
           *, password: bool) -> CurrentUser:
    now = ctx.now()
    if user is not None and user.locked_until is not None and user.locked_until > now:
        verify_secret(None, secret)  # same time as any other answer
        raise AccountLocked(user.locked_until)
    if user is None or not verify_secret(stored, secret):
        if user is not None:
            _failed(ctx, user.id)
        raise LoginFailed()
    if not user.is_active:
        raise AccountDisabled()
    rehash = password and stored is not None and needs_rehash(stored)
    _succeeded(ctx, user, secret, rehash=rehash)
    return _as_current(user)


def login(ctx: AppContext, username: str, password: str) -> AppContext:
    """The context acting for `username` if `password` is theirs; else a refusal."""
    with ctx.read() as s:
        user = s.execute(select(User).where(User.username == username.strip())).scalar()
    return ctx.as_user(_check(ctx, user, user.password_hash if user else None, password,
                              password=True))


def login_with_api_key(ctx: AppContext, key: str) -> AppContext:
    """The context acting for the owner of an admin-made API key (`ttk.<id>.<secret>`)."""
    prefix, _, rest = key.strip().partition(".")
    uid, _, secret = rest.partition(".")
    user = None
    if prefix == API_KEY_PREFIX and uid.isdigit():
        with ctx.read() as s:
            user = s.get(User, int(uid))
    return ctx.as_user(_check(ctx, user, user.api_key_hash if user else None, secret,
                              password=False))
