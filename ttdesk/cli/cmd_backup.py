"""`backup -o FILE` and `restore FILE`: consistent copies and safe restores."""

from __future__ import annotations

import argparse
from pathlib import Path

from ttdesk.cli.main import EXIT_OK, add_force_flag, add_json_flag, open_ctx
from ttdesk.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="consistent backup (SQLite online backup / pg_dump)")
    p.add_argument("-o", "--output", required=True, help="backup file to write")
    add_force_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=run_backup)

    p = sub.add_parser("restore", help="replace the database by a backup (the current one is "
                       "kept in the data folder's backups)")
    p.add_argument("file", help="backup file made by `backup`")
    add_json_flag(p)
    p.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from ttdesk.core.records.backup import backup

    ctx = open_ctx(args)
    try:
        path = backup(ctx, args.output, force=args.force)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json({"path": str(path), "bytes": path.stat().st_size})
    else:
        print(f"已备份 / backed up to {path} ({path.stat().st_size} bytes)")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    # A damaged local file must not stop its own restore; otherwise an admin restores.
    from ttdesk.core.office.setup import resolve_url
    from ttdesk.core.records.backup import restore

    _admin_or_damaged(args)
    result = restore(resolve_url(args.db), args.file)
    if args.json:
        print_json({"source": str(result.source), "set_aside": str(result.set_aside or ""),
                    "from_revision": result.from_revision, "revision": result.revision})
    else:
        print(f"已恢复 / restored from {result.source} (schema {result.revision})")
        if result.set_aside:
            print(f"原数据库已另存 / previous database kept as {result.set_aside}")
    return EXIT_OK


def _admin_or_damaged(args: argparse.Namespace) -> None:
    """Refuse a restore by anyone but an admin (Act.BACKUP). A local file that no longer
    opens is restored without a login: whoever holds the file can replace it anyway."""
    from sqlalchemy.engine import make_url

    from ttdesk.core.base.access import Act, require
    from ttdesk.core.base.errors import TTDeskError
    from ttdesk.core.office.setup import resolve_url

    url = make_url(resolve_url(args.db))
    local = url.get_backend_name() == "sqlite"
    if local and not (url.database and Path(url.database).is_file()):
        return  # no database yet: nothing to protect
    try:
        ctx = open_ctx(args)
    except TTDeskError:
        raise
    except Exception:
        if local:
            return
        raise
    try:
        require(ctx, Act.BACKUP)
    finally:
        ctx.db.dispose()
