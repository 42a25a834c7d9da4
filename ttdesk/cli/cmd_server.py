"""`server init URL`: make a PostgreSQL database the office server (roles, schema, admin)."""

from __future__ import annotations

import argparse
import getpass
import os

from ttdesk.cli.main import EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("server", help="the office server on PostgreSQL / 办公室服务器")
    actions = p.add_subparsers(dest="server_command", required=True, metavar="ACTION")
    init = actions.add_parser(
        "init", help="roles with least privilege, the schema and the first admin / "
        "建立角色、数据库结构和第一个管理员")
    init.add_argument("url", help="postgresql+psycopg://LOGIN@HOST:PORT/DATABASE as a login "
                      "that may create roles (e.g. postgres); the database must exist")
    init.add_argument("--role-prefix", default="ttdesk",
                      help="roles PREFIX_owner, PREFIX_app, PREFIX_readonly (default ttdesk)")
    init.add_argument("--admin", help="user name of the first admin (made when there is "
                      "none yet; password from TTDESK_PASSWORD or a prompt)")
    init.add_argument("--admin-name", help="the first admin's display name")
    init.set_defaults(handler=run_init)


def _admin_password() -> str:
    given = os.environ.get("TTDESK_PASSWORD")
    if given:
        return given
    first = getpass.getpass("第一个管理员的密码 / first admin's password: ")
    again = getpass.getpass("再输入一次 / again: ")
    if first != again:
        from ttdesk.core.base.errors import RuleViolation

        raise RuleViolation("SERVER", "两次输入的密码不一致", "the passwords differ",
                            field="password")
    return first


def _first_admin(args: argparse.Namespace, app_url: str) -> str | None:
    """The first admin through the user service (as the app role); None when the service
    is not there or an admin exists already."""
    if not args.admin:
        return None
    try:
        from ttdesk.core.office import users
    except ImportError:  # pragma: no cover - the user service ships with logins
        return None
    from ttdesk.core.office.setup import open_context

    ctx = open_context(app_url, lang=args.lang, migrate_backup=False)
    try:
        if users.has_admin(ctx):
            return None
        users.first_admin(ctx, args.admin, args.admin_name or args.admin, _admin_password())
        return args.admin
    finally:
        ctx.db.dispose()


def run_init(args: argparse.Namespace) -> int:
    from ttdesk.core.office import server

    result = server.init(args.url, args.role_prefix)
    roles = result.roles
    print(f"数据库结构已就绪 / schema ready: {result.revision}")
    print(f"角色 / roles: {roles.owner} (所有者，迁移 / owner, migrations), "
          f"{roles.app} (本程序 / the app), {roles.readonly} (只读 / read only)")
    print("密码只显示这一次，请妥善保存 / passwords, shown this once - keep them safe:")
    for role in (roles.owner, roles.app, roles.readonly):
        print(f"  {role}: {result.passwords[role]}")
    app_url = result.role_url(roles.app)
    admin = _first_admin(args, app_url)
    if admin:
        print(f"第一个管理员 / first admin: {admin}")
    shown = result.url.set(username=roles.app, password="***").render_as_string(
        hide_password=False)
    print(f"各台电脑在“设置 → 数据库”中连接 / each PC connects in Settings → Database: {shown}")
    return EXIT_OK
