"""`diligence DEAL_NO` shows a deal's due-diligence checklist (items from the policy);
`--tick ITEM [--on DATE] [--by NAME] [--note TEXT]` ticks one, `--untick ITEM` clears it."""

from __future__ import annotations

import argparse
from datetime import date

from ttdesk.cli.main import EXIT_OK, add_json_flag, open_ctx
from ttdesk.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("diligence", help="a deal's due-diligence checklist / 尽职调查清单")
    p.add_argument("deal_no", metavar="DEAL_NO")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--tick", metavar="ITEM", help="tick this item (its key, e.g. ip_status)")
    what.add_argument("--untick", metavar="ITEM", help="clear this item")
    p.add_argument("--on", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="the day it was checked (default today)")
    p.add_argument("--by", metavar="NAME", help="who checked it (default: the user)")
    p.add_argument("--note", metavar="TEXT")
    add_json_flag(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ttdesk.core.deals import diligence

    ctx = open_ctx(args)
    try:
        if args.tick:
            diligence.tick(ctx, args.deal_no, args.tick, args.on, args.by, args.note)
        elif args.untick:
            diligence.tick(ctx, args.deal_no, args.untick, done=False)
        rows = diligence.checklist(ctx, args.deal_no)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json({"deal_no": args.deal_no, "complete": all(r.done for r in rows),
                    "items": rows})
        return EXIT_OK
    for r in rows:
        mark = "✓" if r.done else "·"
        when = f"  {r.on or ''}  {r.by or ''}  {r.note or ''}".rstrip() if r.done else ""
        print(f"{mark} {r.key:<20} {r.name(args.lang)}{when}")
    left = sum(not r.done for r in rows)
    zh = args.lang == "zh"
    print(("清单已完成" if zh else "checklist complete") if not left else
          (f"尚有 {left} 项未核查" if zh else f"{left} items left"))
    return EXIT_OK
