"""Users of a database: create, edit, role, disable, reset a password, unlock, API keys.

Every change here is an admin's (`Act.USERS`), audited like any other write; the password
and API-key hashes are argon2id (`office.secrets`). Logging in is `office.logins`.
`create_user` is the stable entry point other features (`server init`, the first start)
call; `first_admin` is the one way in on a database that has no admin yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ttdesk.codes import UserRole
from ttdesk.core.base.access import PROGRAM, Act, CurrentUser, require
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, RuleViolation
from ttdesk.core.office.secrets import hash_secret, new_token
from ttdesk.db.models import Person, User

MIN_PASSWORD = 8
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-@\u4e00-\u9fff]{2,60}$")
API_KEY_PREFIX = "ttk"


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: UserRole
    is_active: bool
    has_password: bool
    has_api_key: bool
    failed_logins: int
    locked_until: datetime | None
    person_staff_no: str | None
    person_name: str | None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


def check_password(password: str) -> None:
    """A new password: at least MIN_PASSWORD characters, not only blanks."""
    if len(password.strip()) < MIN_PASSWORD:
        raise RuleViolation("USER", f"密码至少 {MIN_PASSWORD} 个字符",
                            f"a password needs at least {MIN_PASSWORD} characters",
                            field="password")


def _check_username(username: str) -> str:
    name = username.strip()
    if not _USERNAME.match(name):
        raise RuleViolation("USER", "用户名须为 2–60 个字母、数字、汉字或 _ . - @",
                            "a user name is 2-60 letters, digits, Chinese characters or _ . - @",
                            field="username")
    return name


def by_name(session: Session, username: str) -> User:
    user = session.execute(select(User).where(User.username == username.strip())).scalar()
    if user is None:
        raise NotFound("用户 / user", username)
    return user


def _person_id(session: Session, staff_no: str | None) -> int | None:
    if not staff_no:
        return None
    pid = session.execute(select(Person.id).where(Person.staff_no == staff_no.strip())).scalar()
    if pid is None:
        raise NotFound("人员 / person", staff_no)
    return int(pid)


def _add(session: Session, username: str, display_name: str, role: UserRole,
         password: str | None, person: str | None) -> User:
    name = _check_username(username)
    if session.execute(select(User.id).where(User.username == name)).scalar() is not None:
        raise RuleViolation("USER", "用户名已存在", "this user name exists", field="username")
    if password is not None:
        check_password(password)
    user = User(username=name, display_name=(display_name or name).strip(), role=role,
                password_hash=hash_secret(password) if password is not None else None,
                is_active=True, failed_logins=0, person_id=_person_id(session, person))
    session.add(user)
    session.flush()
    return user


def create_user(ctx: AppContext, username: str, display_name: str, role: UserRole,
                password: str | None = None, *, person: str | None = None) -> int:
    """A new user (admin only); `person` is the staff no. of the person they are. The id."""
    require(ctx, Act.USERS)
    with ctx.write() as s:
        return _add(s, username, display_name, role, password, person).id


def has_admin(ctx: AppContext) -> bool:
    """Whether an active admin who can log in (has a password) exists."""
    with ctx.read() as s:
        return bool(s.execute(select(func.count()).select_from(User).where(
            User.role == UserRole.ADMIN, User.is_active.is_(True),
            User.password_hash.is_not(None))).scalar())


def first_admin(ctx: AppContext, username: str, display_name: str, password: str
                ) -> CurrentUser:
    """The first admin of a database that has none (first start, `server init`): created
    by the program itself, since nobody can log in yet; refused once an admin exists."""
    if has_admin(ctx):
        raise RuleViolation("USER", "已有管理员；请由管理员登录后添加用户",
                            "an admin exists; an admin adds users after logging in",
                            field="username")
    with ctx.as_user(PROGRAM).write() as s:
        user = _add(s, username, display_name, UserRole.ADMIN, password, None)
        return CurrentUser(user.id, user.username, user.role)


def _active_admins(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(User).where(
        User.role == UserRole.ADMIN, User.is_active.is_(True))).scalar() or 0)


def _keep_an_admin(session: Session, user: User) -> None:
    if user.role == UserRole.ADMIN and user.is_active and _active_admins(session) <= 1:
        raise RuleViolation("USER", "不能停用或降级最后一位管理员",
                            "the last admin cannot be disabled or given another role",
                            field="role")


def set_role(ctx: AppContext, username: str, role: UserRole) -> None:
    require(ctx, Act.USERS)
    with ctx.write() as s:
        user = by_name(s, username)
        if user.role != role:
            _keep_an_admin(s, user)
            user.role = role


def edit_user(ctx: AppContext, username: str, *, display_name: str | None = None,
              person: str | None = None, clear_person: bool = False) -> None:
    """Display name and the person a user is (by staff no.)."""
    require(ctx, Act.USERS)
    with ctx.write() as s:
        user = by_name(s, username)
        if display_name is not None:
            if not display_name.strip():
                raise RuleViolation("USER", "显示名称不能为空", "a display name is needed",
                                    field="display_name")
            user.display_name = display_name.strip()
        if clear_person:
            user.person_id = None
        elif person is not None:
            user.person_id = _person_id(s, person)


def set_active(ctx: AppContext, username: str, active: bool) -> None:
    """Disable (or enable again) a user; a disabled user cannot log in."""
    require(ctx, Act.USERS)
    with ctx.write() as s:
        user = by_name(s, username)
        if not active:
            _keep_an_admin(s, user)
        user.is_active = active


def reset_password(ctx: AppContext, username: str, password: str) -> None:
    """An admin sets a new password; the failure count and any lock are cleared."""
    require(ctx, Act.USERS)
    check_password(password)
    with ctx.write() as s:
        user = by_name(s, username)
        user.password_hash = hash_secret(password)
        user.failed_logins = 0
        user.locked_until = None


def unlock(ctx: AppContext, username: str) -> None:
    require(ctx, Act.USERS)
    with ctx.write() as s:
        user = by_name(s, username)
        user.failed_logins = 0
        user.locked_until = None


def issue_api_key(ctx: AppContext, username: str) -> str:
    """A new API key for scripts (replacing any earlier one): shown once, stored hashed."""
    require(ctx, Act.USERS)
    token = new_token()
    with ctx.write() as s:
        user = by_name(s, username)
        user.api_key_hash = hash_secret(token)
        return f"{API_KEY_PREFIX}.{user.id}.{token}"


def revoke_api_key(ctx: AppContext, username: str) -> None:
    require(ctx, Act.USERS)
    with ctx.write() as s:
        by_name(s, username).api_key_hash = None


def list_users(ctx: AppContext) -> list[UserRow]:
    """Every user, by user name (for the users screen and `user list`)."""
    with ctx.read() as s:
        rows = s.execute(
            select(User, Person.staff_no, Person.name)
            .outerjoin(Person, Person.id == User.person_id).order_by(User.username)).all()
    return [UserRow(u.id, u.username, u.display_name, u.role, u.is_active,
                    u.password_hash is not None, u.api_key_hash is not None,
                    u.failed_logins or 0, u.locked_until, staff_no, name)
            for u, staff_no, name in rows]


def find_users(ctx: AppContext, text: str = "", *, limit: int = 50) -> list[tuple[int, str, str]]:
    """Active users whose name or display name contains `text`: (id, username, display
    name), for the officer picker."""
    q = select(User.id, User.username, User.display_name).where(User.is_active.is_(True))
    t = text.strip()
    if t:
        like = f"%{t}%"
        q = q.where(User.username.ilike(like) | User.display_name.ilike(like))
    with ctx.read() as s:
        return [(int(i), u, d) for i, u, d in
                s.execute(q.order_by(User.username).limit(limit)).all()]
