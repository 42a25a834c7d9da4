"""Users: `user add|list|set-role|edit|disable|enable|reset-password|unlock|api-key|logins`.

Admins only (the services refuse anyone else, exit 2 naming the role). A new password comes
from TTDESK_NEW_PASSWORD, else one line of standard input when it is not a terminal, else a
prompt (asked twice). `user api-key NAME` prints the key once; only its hash is kept.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from ttdesk.cli.main import EXIT_OK, add_json_flag, open_ctx
from ttdesk.cli.output import print_json, print_table
from ttdesk.codes import UserRole
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.base.labels import label

_ROLES = [r.value for r in UserRole]


def register(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser("user", help="users, roles and logins (admin) / 用户与角色")
    acts = top.add_subparsers(dest="action", required=True, metavar="ACTION")

    p = acts.add_parser("add", help="a new user")
    p.add_argument("username")
    p.add_argument("--role", choices=_ROLES, required=True)
    p.add_argument("--name", dest="display_name", help="display name (default: user name)")
    p.add_argument("--person", help="staff no. of the person this user is")
    p.add_argument("--no-password", action="store_true",
                   help="no password yet (an admin resets one later)")
    p.set_defaults(handler=_add)

    p = acts.add_parser("list", help="every user")
    add_json_flag(p)
    p.set_defaults(handler=_list)

    p = acts.add_parser("set-role", help="give a user another role")
    p.add_argument("username")
    p.add_argument("role", choices=_ROLES)
    p.set_defaults(handler=_set_role)

    p = acts.add_parser("edit", help="display name, linked person")
    p.add_argument("username")
    p.add_argument("--name", dest="display_name")
    p.add_argument("--person", help="staff no. of the person this user is")
    p.add_argument("--no-person", action="store_true", help="unlink the person")
    p.set_defaults(handler=_edit)

    for name, active in (("disable", False), ("enable", True)):
        p = acts.add_parser(name, help=f"{name} a user")
        p.add_argument("username")
        p.set_defaults(handler=_set_active, active=active)

    p = acts.add_parser("reset-password", help="set a new password (clears a lock)")
    p.add_argument("username")
    p.set_defaults(handler=_reset)

    p = acts.add_parser("unlock", help="lift a lock after failed logins")
    p.add_argument("username")
    p.set_defaults(handler=_unlock)

    p = acts.add_parser("api-key", help="a new API key for scripts (printed once)")
    p.add_argument("username")
    p.add_argument("--revoke", action="store_true", help="remove the user's API key")
    p.set_defaults(handler=_api_key)

    p = acts.add_parser("logins", help="logins on or off (a local file only) / 是否需要登录")
    p.add_argument("switch", choices=["on", "off", "show"])
    p.set_defaults(handler=_logins)


def new_password() -> str:
    """The new password from TTDESK_NEW_PASSWORD, piped standard input, or a prompt."""
    env = os.environ.get("TTDESK_NEW_PASSWORD")
    if env is not None:
        return env
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("新密码 / new password: ")
    if getpass.getpass("再输入一次 / again: ") != first:
        raise RuleViolation("USER", "两次输入的密码不一致", "the two passwords differ",
                            field="password")
    return first


def _add(args: argparse.Namespace) -> int:
    from ttdesk.core.office import users

    ctx = open_ctx(args)
    password = None if args.no_password else new_password()
    users.create_user(ctx, args.username, args.display_name or args.username,
                      UserRole(args.role), password, person=args.person)
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from ttdesk.core.office import users

    ctx = open_ctx(args)
    rows = users.list_users(ctx)
    if args.json:
        print_json(rows)
        return EXIT_OK
    now = ctx.now()
    print_table(({"u": r.username, "n": r.display_name, "r": label(r.role, args.lang),
                  "a": _state(r, now, args.lang), "p": r.person_staff_no} for r in rows),
                ["u", "n", "r", "a", "p"])
    return EXIT_OK


def _state(row: object, now: object, lang: str) -> str:
    from ttdesk.core.office.users import UserRow

    assert isinstance(row, UserRow)
    if not row.is_active:
        return "停用" if lang == "zh" else "disabled"
    if row.locked(now):  # type: ignore[arg-type]
        return "锁定" if lang == "zh" else "locked"
    return "启用" if lang == "zh" else "active"


def _set_role(args: argparse.Namespace) -> int:
    from ttdesk.core.office import users

    users.set_role(open_ctx(args), args.username, UserRole(args.role))
    return EXIT_OK


def _edit(args: argparse.Namespace) -> int:
    from ttdesk.core.office import users

    users.edit_user(open_ctx(args), args.username, display_name=args.display_name,
                    person=args.person, clear_person=args.no_person)
    return EXIT_OK


def _set_active(args: argparse.Namespace) -> int:
    from ttdesk.core.office import users

    users.set_active(open_ctx(args), args.username, args.active)
    return EXIT_OK


def _reset(args: argparse.Namespace) -> int:
    from ttdesk.core.office import users

    ctx = open_ctx(args)
    users.reset_password(ctx, args.username, new_password())
    return EXIT_OK


def _unlock(args: argparse.Namespace) -> int:
    from ttdesk.core.office import users

    users.unlock(open_ctx(args), args.username)
    return EXIT_OK


def _api_key(args: argparse.Namespace) -> int:
    from ttdesk.core.office import users

    ctx = open_ctx(args)
    if args.revoke:
        users.revoke_api_key(ctx, args.username)
    else:
        print(users.issue_api_key(ctx, args.username))
    return EXIT_OK


def _logins(args: argparse.Namespace) -> int:
    from ttdesk.core.office import logins

    ctx = open_ctx(args)
    if args.switch != "show":
        logins.set_logins_required(ctx, args.switch == "on")
    st = logins.state(ctx)
    print(("on" if st.required else "off") + (f"\t{st.single_user}" if not st.required
                                              and st.single_user else ""))
    return EXIT_OK
