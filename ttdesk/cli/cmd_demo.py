"""`demo [--cases N] [--seed S]`: fill an empty database with realistic demo data."""

from __future__ import annotations

import argparse
import sys

from ttdesk.cli.main import EXIT_OK, add_json_flag, open_ctx
from ttdesk.cli.output import print_json

# Tables shown in the summary, in the order an officer thinks of them.
SHOWN = [
    ("achievement", "成果", "cases"), ("contribution", "完成人", "contributors"),
    ("ip_asset", "知识产权", "IP assets"), ("rights_grant", "赋权", "rights grants"),
    ("deal", "转化项目", "deals"), ("company", "企业", "companies"),
    ("receipt", "收款", "receipts"), ("distribution", "收益分配", "distributions"),
    ("publicity", "公示", "publicities"), ("deadline", "待办", "deadlines"),
    ("person", "人员", "people"),
]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="fill an empty database with realistic demo data")
    p.add_argument("--cases", type=int, default=300, help="number of achievements (default 300)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    add_json_flag(p)
    p.set_defaults(handler=run_demo)


def _progress(quiet: bool):  # type: ignore[no-untyped-def]
    last = [-1]

    def report(fraction: float, message: str) -> None:
        step = int(fraction * 20)
        if not quiet and step != last[0]:
            last[0] = step
            print(f"\r{fraction:4.0%} {message:<24}", end="", file=sys.stderr, flush=True)

    return report


def run_demo(args: argparse.Namespace) -> int:
    from ttdesk.core.demo import generate

    ctx = open_ctx(args, create=True)
    try:
        summary = generate(ctx, cases=args.cases, seed=args.seed,
                           progress=_progress(args.quiet or args.json))
    finally:
        ctx.db.dispose()
    if not (args.quiet or args.json):
        print(file=sys.stderr)
    if args.json:
        print_json({"cases": summary.cases, "seed": summary.seed, "counts": summary.counts,
                    "audit_events": summary.audit_events,
                    "seconds": round(summary.seconds, 2)})
        return EXIT_OK
    zh = args.lang == "zh"
    print(("演示数据已生成" if zh else "Demo data generated")
          + f" (seed {summary.seed}, {summary.seconds:.1f} s)")
    for table, label_zh, label_en in SHOWN:
        print(f"  {label_zh if zh else label_en}: {summary.counts.get(table, 0):,}")
    print(f"  {'审计事件' if zh else 'audit events'}: {summary.audit_events:,}")
    return EXIT_OK
