"""`check`: integrity check and re-validation of every rule over the stored data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ttdesk.cli.main import EXIT_FAILURE, EXIT_OK, add_json_flag, open_ctx
from ttdesk.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="integrity check + re-validation of every rule")
    p.add_argument("--anchor", metavar="FILE", help="also prove that the audit chain still "
                   "contains this anchor (from `audit-anchor`) / 核验审计链锚点")
    add_json_flag(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ttdesk.core.records.check import run_check

    ctx = open_ctx(args)
    try:
        report = run_check(ctx)
        if args.anchor:
            report.findings += _anchor_findings(ctx, args.anchor)
    finally:
        ctx.db.dispose()
    lang = args.lang
    if args.json:
        print_json({
            "ok": report.ok,
            "findings": [{"rule": p.rule, "where": p.where, "field": p.field,
                          "message": p.zh if lang == "zh" else p.en} for p in report.findings],
            "notes": [{"rule": p.rule, "where": p.where, "field": p.field,
                       "message": p.zh if lang == "zh" else p.en} for p in report.notes],
        })
    else:
        for p in report.findings:
            print(p.message(lang))
        for p in report.notes:
            print(p.message(lang), file=sys.stderr)
        n = len(report.findings)
        print(("检查完成，无问题" if lang == "zh" else "check passed: no findings") if n == 0
              else (f"发现 {n} 个问题" if lang == "zh" else f"{n} findings"))
    return EXIT_OK if report.ok else EXIT_FAILURE


def _anchor_findings(ctx: object, path: str) -> list:  # type: ignore[type-arg]
    from ttdesk.core.base.errors import Problem, ValidationFailed
    from ttdesk.core.records import anchor

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationFailed([Problem("ANCHOR", f"无法读取锚点文件：{exc}",
                                        f"cannot read the anchor file: {exc}", "anchor")]
                               ) from None
    return anchor.prove(ctx, anchor.parse(text))  # type: ignore[arg-type]
