"""`audit-anchor [-o FILE]`: the audit chain's head as a small text to print, sign or send.

`check --anchor FILE` and `verify FILING.pdf` later prove that the chain still contains it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ttdesk.cli.main import EXIT_OK, add_json_flag, open_ctx
from ttdesk.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit-anchor", help="write the audit chain's head (sequence + hash) "
                       "to keep outside the database / 导出审计链锚点")
    p.add_argument("-o", "--output", help="file to write (default: print it)")
    add_json_flag(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ttdesk.core.records import anchor

    ctx = open_ctx(args)
    try:
        head = anchor.current(ctx)
    finally:
        ctx.db.dispose()
    text = anchor.to_text(head)
    if args.output:
        target = Path(args.output)
        tmp = target.with_name(target.name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    if args.json:
        print_json({"database": head.origin, "sequence": head.sequence, "hash": head.hash,
                    "path": args.output})
    elif not args.output:
        print(text, end="")
    else:
        print(("已写入审计链锚点：" if args.lang == "zh" else "anchor written: ")
              + f"{args.output} ({head.short()})")
    return EXIT_OK
