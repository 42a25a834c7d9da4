"""`export-json FILE` and `import-json FILE [--dry-run]`: the interchange format."""

from __future__ import annotations

import argparse
from typing import Any

from ttdesk.cli.main import EXIT_OK, add_force_flag, add_json_flag, open_ctx
from ttdesk.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export-json", help="write the database as an interchange document")
    p.add_argument("file", help="JSON file to write")
    p.add_argument("--case", action="append", default=[], metavar="CASE_NO",
                   help="export only these cases (and their deals, receipts...); repeatable")
    p.add_argument("--deal", action="append", default=[], metavar="DEAL_NO",
                   help="export only these deals (and their cases...); repeatable")
    p.add_argument("--include-personal", action="store_true",
                   help="write ID numbers, phones and e-mails in clear (admins only; recorded "
                        "in the audit trail). Without it they are masked / 明文导出个人信息")
    p.add_argument("--mask-personal", action="store_true",
                   help=argparse.SUPPRESS)  # the default since issue 13; kept for old scripts
    p.add_argument("--no-files", action="store_true",
                   help="leave out the PDF content of archived filings")
    add_force_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=run_export)

    p = sub.add_parser("import-json", help="validate and import an interchange document "
                       "(all or nothing)")
    p.add_argument("file", help="JSON file to read")
    p.add_argument("--dry-run", action="store_true", help="validate only, write nothing")
    add_json_flag(p)
    p.set_defaults(handler=run_import)


def _print_counts(title: str, counts: dict[str, int]) -> None:
    print(title)
    for name, n in counts.items():
        print(f"  {name}\t{n}")


def run_export(args: argparse.Namespace) -> int:
    from ttdesk.core.exchange import Selection, export_json

    selection = None
    if args.case or args.deal:
        selection = Selection(case_nos=frozenset(args.case), deal_nos=frozenset(args.deal))
    ctx = open_ctx(args)
    try:
        summary = export_json(ctx, args.file, selection=selection,
                              include_personal=args.include_personal,
                              include_files=not args.no_files,
                              force=args.force)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(_plain(summary))
    else:
        _print_counts(f"已导出 / exported {summary.path} ({summary.bytes_written} bytes, "
                      f"{summary.seconds:.1f} s)", summary.counts)
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from ttdesk.core.exchange import import_json

    ctx = open_ctx(args, create=True)  # an import (dry run first) may start a new database
    try:
        summary = import_json(ctx, args.file, dry_run=args.dry_run)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(_plain(summary))
        return EXIT_OK
    verb = "校验通过，未写入 / valid, nothing written (dry run)" if summary.dry_run \
        else "已导入 / imported"
    _print_counts(f"{verb}: {summary.path} ({summary.seconds:.1f} s)", summary.counts)
    if summary.reused:
        _print_counts("已存在且相同，沿用 / already present and identical, reused:",
                      summary.reused)
    for note in summary.notes:
        print(note)
    return EXIT_OK


def _plain(summary: Any) -> dict[str, Any]:
    out = {k: getattr(summary, k) for k in summary.__dataclass_fields__}
    out["path"] = str(out["path"])
    return out
