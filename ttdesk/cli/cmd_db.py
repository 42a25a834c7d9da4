"""`init`: create or upgrade the database."""

from __future__ import annotations

import argparse

from ttdesk.cli.main import EXIT_OK, open_ctx


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create or upgrade the database (Alembic)")
    p.set_defaults(handler=run_init)


def run_init(args: argparse.Namespace) -> int:
    ctx = open_ctx(args, create=True)
    print(f"数据库已就绪 / database ready: {ctx.db.url}")
    ctx.db.dispose()
    return EXIT_OK
