"""`import-ledger FILE.xlsx [--dry-run] [--mapping FILE] [--save-mapping FILE] [--json]` and
`export-ledger FILE.xlsx [--status S] [--year Y] [--search TEXT]`: the Excel ledger (台账)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ttdesk.cli.main import EXIT_OK, EXIT_REFUSED, add_force_flag, add_json_flag, open_ctx
from ttdesk.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import-ledger", help="check and import an Excel ledger (台账), all or "
                       "nothing")
    p.add_argument("file", help="the .xlsx ledger")
    p.add_argument("--dry-run", action="store_true",
                   help="check only: list problems and the records it would create")
    p.add_argument("--mapping", metavar="FILE", help="column mapping saved earlier (JSON)")
    p.add_argument("--save-mapping", metavar="FILE",
                   help="save the column mapping used (detected or given) as JSON")
    add_force_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=run_import)

    p = sub.add_parser("export-ledger", help="write the ledger as Excel (policy's ledger "
                       "columns, the layout import-ledger reads)")
    p.add_argument("file", help=".xlsx file to write")
    p.add_argument("--status", help="only cases with this status (code or label)")
    p.add_argument("--year", type=int, help="only cases disclosed in this year")
    p.add_argument("--search", help="only cases whose title or number contains these words")
    add_force_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=run_export)


def _report_json(report: Any) -> dict[str, Any]:
    return {
        "file": str(report.path), "dry_run": report.dry_run, "ok": report.ok,
        "counts": report.counts, "reused": report.reused, "rows_read": report.rows_read,
        "seconds": round(report.seconds, 3),
        "problems": [_problem(p) for p in report.problems],
        "notes": [_problem(p) for p in report.notes],
        "new_records": [{"kind": r.kind, "name": r.name, "key": r.key, "detail": r.detail,
                         "near_duplicate": (r.near_zh and {"zh": r.near_zh, "en": r.near_en})
                         or None} for r in report.new_records],
        "mapping": report.mapping.to_json(),
    }


def _problem(p: Any) -> dict[str, Any]:
    return {"where": p.where, "field": p.field, "rule": p.rule, "zh": p.zh, "en": p.en}


def _print_report(report: Any, lang: str) -> None:
    zh = lang == "zh"
    for kind, m in report.mapping.sheets.items():
        cols = ", ".join(f"{c.letter}={c.field}" for c in m.columns if c.field)
        print(f"{'工作表' if zh else 'sheet'} {m.sheet} ({kind}, "
              f"{'表头第' if zh else 'header row '}{m.header_row}{'行' if zh else ''}): {cols}")
    if report.counts:
        if report.problems:  # refused: nothing was written, whatever the counts say
            print("已检查，因有问题未写入 / checked, nothing written because of problems:")
        else:
            print("将写入 / to write:" if report.dry_run else "已写入 / written:")
        for k, v in report.counts.items():
            print(f"  {k}\t{v}")
    if report.reused:
        print("已在库中，保持不变 / already stored, left unchanged:")
        for k, v in report.reused.items():
            print(f"  {k}\t{v}")
    new = report.new_records
    if new:
        print(f"新建记录 / new records ({len(new)}):")
        for r in new[:200]:
            near = f"  ⚠ {r.near_zh if zh else r.near_en}" if r.near_zh else ""
            print(f"  {r.kind}\t{r.name}\t{r.key}\t{r.detail}{near}")
        if len(new) > 200:
            print(f"  … +{len(new) - 200}")
    for p in report.notes:
        print(f"注意 / note: {p.message(lang)}")


def run_import(args: argparse.Namespace) -> int:
    from ttdesk.core.ledger import LedgerRefused, check_ledger, import_ledger, load_mapping
    from ttdesk.core.office.output import check_output

    mapping = load_mapping(args.mapping) if args.mapping else None
    ctx = open_ctx(args, create=True)  # an import (dry run first) may start a new database
    try:
        if args.save_mapping:  # checked before anything is imported
            inputs = [args.file] + ([args.mapping] if args.mapping else [])
            check_output(args.save_mapping, db=ctx.db, inputs=inputs, force=args.force)
        try:
            if args.dry_run:
                report = check_ledger(ctx, args.file, mapping)
            else:
                report = import_ledger(ctx, args.file, mapping=mapping)
        except LedgerRefused as exc:
            report = exc.report
    finally:
        ctx.db.dispose()
    if args.save_mapping and report.mapping.sheets:
        report.mapping.save(args.save_mapping)
    if args.json:
        print_json(_report_json(report))
    else:
        _print_report(report, args.lang)
    for p in report.problems:
        print(p.message(args.lang), file=sys.stderr)
    if report.problems:
        print(f"{len(report.problems)} 个问题，未写入任何数据 / {len(report.problems)} problems, "
              "nothing written", file=sys.stderr)
        return EXIT_REFUSED
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from ttdesk.core.ledger.export import export_ledger

    ctx = open_ctx(args)
    try:
        summary = export_ledger(ctx, args.file, status=args.status, year=args.year,
                                search=args.search, force=args.force)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json({"file": str(summary.path), "counts": summary.counts,
                    "seconds": round(summary.seconds, 3)})
    else:
        print(f"已导出 / exported {summary.path} ({summary.seconds:.1f} s)")
        for k, v in summary.counts.items():
            print(f"  {k}\t{v}")
    return EXIT_OK
