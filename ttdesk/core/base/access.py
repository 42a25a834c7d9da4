"""Who is acting, and what each role may do (interfaces.md "Users and roles").

`AppContext.user` is the logged-in `CurrentUser` (id, username, role); the audit trail's
actor is its username, never an operating-system variable. A service that changes data calls
`require(ctx, Act.X)` first: `ROLES[Act.X]` names the roles allowed, and a refusal
(`AccessRefused`, a rule violation, so the CLI exits 2) names the role needed.

In single-user mode (a local SQLite file with logins switched off) the one configured user
holds every role (`all_roles`): one person runs the office.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from ttdesk.codes import UserRole
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.base.labels import label

if TYPE_CHECKING:
    from ttdesk.core.base.context import AppContext

R = UserRole
P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class CurrentUser:
    """The user a context acts for. `id` is None only for the program's own seeding."""

    id: int | None
    username: str
    role: UserRole
    all_roles: bool = False  # single-user mode (logins off): one person holds every role

    def has(self, roles: frozenset[UserRole]) -> bool:
        return self.all_roles or self.role in roles


# The program itself, for what it does before anyone logs in (migrating, seeding defaults,
# counting a failed login). Never handed to a person: the CLI and the app log in first.
PROGRAM = CurrentUser(None, "ttdesk", UserRole.ADMIN, all_roles=True)


class Act(StrEnum):
    """What a service does, as far as roles are concerned (one row of `ROLES` each)."""

    CASE_WORK = "case_work"        # cases, IP, assessments, deals up to submitting
    MONEY = "money"                # receipts, costs, profits, payment terms
    MASTER_DATA = "master_data"    # departments, people, companies
    NOTE = "note"                  # notes and attachments
    FILING = "filing"              # generating filings
    REVIEW = "review"              # college / TTO reviews and opinions
    APPROVE = "approve"            # approvals and decisions, distributions' approval
    POLICY = "policy"              # policy values
    INSTITUTION = "institution"    # the institution profile, the first start
    ASSIGN = "assign"              # who is in charge of a case or deal (officer, manager)
    IMPORT = "import"              # JSON and ledger imports, demo data
    USERS = "users"                # users and roles
    BACKUP = "backup"              # backup and restore
    DATABASE = "database"          # database settings (logins on/off, server)
    EXPORT_PERSONAL = "export_personal"  # export-json --include-personal (core.base.privacy)


_WORKERS = frozenset({R.OFFICER, R.REVIEWER, R.DIRECTOR})

ROLES: dict[Act, frozenset[UserRole]] = {
    Act.CASE_WORK: frozenset({R.OFFICER}),
    Act.MONEY: frozenset({R.OFFICER}),
    Act.MASTER_DATA: frozenset({R.OFFICER, R.ADMIN}),
    Act.NOTE: _WORKERS,
    Act.FILING: frozenset({R.OFFICER, R.DIRECTOR}),
    Act.REVIEW: frozenset({R.REVIEWER}),
    Act.APPROVE: frozenset({R.DIRECTOR}),
    Act.POLICY: frozenset({R.DIRECTOR}),
    Act.INSTITUTION: frozenset({R.DIRECTOR, R.ADMIN}),
    Act.ASSIGN: frozenset({R.OFFICER, R.DIRECTOR}),
    Act.IMPORT: frozenset({R.OFFICER, R.ADMIN}),
    Act.USERS: frozenset({R.ADMIN}),
    Act.BACKUP: frozenset({R.ADMIN}),
    Act.DATABASE: frozenset({R.ADMIN}),
    Act.EXPORT_PERSONAL: frozenset({R.ADMIN}),
}

_ACT_WORDS: dict[Act, tuple[str, str]] = {
    Act.CASE_WORK: ("办理案件", "case work"),
    Act.MONEY: ("登记收支", "recording money"),
    Act.MASTER_DATA: ("维护基础数据", "keeping master data"),
    Act.NOTE: ("添加备注和附件", "notes and attachments"),
    Act.FILING: ("生成报表", "generating filings"),
    Act.REVIEW: ("记录审核意见", "recording reviews"),
    Act.APPROVE: ("审批和决定", "approvals and decisions"),
    Act.POLICY: ("修改政策参数", "policy changes"),
    Act.INSTITUTION: ("修改单位信息", "the institution profile"),
    Act.ASSIGN: ("指定负责人", "assigning who is in charge"),
    Act.IMPORT: ("导入数据", "importing data"),
    Act.USERS: ("管理用户和角色", "managing users and roles"),
    Act.BACKUP: ("备份和恢复", "backup and restore"),
    Act.DATABASE: ("修改数据库设置", "database settings"),
    Act.EXPORT_PERSONAL: ("明文导出个人信息", "exporting personal data in clear"),
}


class AccessRefused(RuleViolation):
    """The logged-in user's role may not do this; names the role(s) needed."""

    def __init__(self, act: Act, needed: frozenset[UserRole], have: UserRole | None) -> None:
        order = list(UserRole)
        roles = sorted(needed, key=order.index)
        zh_need = "或".join(label(r, "zh") for r in roles)
        en_need = " or ".join(label(r, "en") for r in roles)
        zh_have = label(have, "zh") if have else "未登录"
        en_have = label(have, "en") if have else "not logged in"
        super().__init__(
            "ROLE",
            f"{_ACT_WORDS[act][0]}需要角色：{zh_need}（当前角色：{zh_have}）",
            f"{_ACT_WORDS[act][1]} needs the role {en_need} (your role: {en_have})",
        )
        self.act = act
        self.needed = needed


class NotLoggedIn(RuleViolation):
    """No user is logged in (server mode, or logins switched on) and something would write."""

    def __init__(self) -> None:
        super().__init__("LOGIN", "请先登录（--user 用户名，密码取自 TTDESK_PASSWORD 或提示输入；"
                         "或 TTDESK_API_KEY）",
                         "log in first (--user NAME with TTDESK_PASSWORD or a prompt, or "
                         "TTDESK_API_KEY)")


def require(ctx: AppContext, act: Act) -> CurrentUser:
    """The acting user, if their role may `act`; else `AccessRefused` naming the role."""
    user = ctx.user
    needed = ROLES[act]
    if user is None:
        raise AccessRefused(act, needed, None)
    if not user.has(needed):
        raise AccessRefused(act, needed, user.role)
    return user


def requires(act: Act) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """`@requires(Act.X)` on a service `f(ctx, ...)`: `require(ctx, Act.X)` before it runs.
    The wrapper keeps `act`, so a test can find a service that writes without a check."""

    def wrap(fn: Callable[P, T]) -> Callable[P, T]:
        @functools.wraps(fn)
        def checked(*args: P.args, **kwargs: P.kwargs) -> T:
            ctx = args[0] if args else kwargs["ctx"]
            require(ctx, act)  # type: ignore[arg-type]
            return fn(*args, **kwargs)

        checked.act = act  # type: ignore[attr-defined]
        return checked

    return wrap


def may(ctx: AppContext, act: Act) -> bool:
    """Whether the acting user may `act` (for enabling a button; the service still checks)."""
    return ctx.user is not None and ctx.user.has(ROLES[act])
