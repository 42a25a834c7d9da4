"""`filing F01..F09 SUBJECT -o OUT.pdf`, `verify FILE.pdf`, `annual-report YEAR -o OUT.pdf`.

A filing with incomplete data exits 2 with each missing item on stderr and writes nothing
(neither the archive nor the output file). `verify` exits 0 when the file is an archived
filing (saying if a newer version superseded it) and 2 when it is not (changed or foreign).
"""

from __future__ import annotations

import argparse
from typing import Any

from ttdesk.cli.main import EXIT_OK, add_force_flag, add_json_flag, open_ctx, read_input
from ttdesk.cli.output import print_json

KINDS = ("F01", "F02", "F03", "F04", "F05", "F06", "F07", "F08", "F09", "F10")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("filing", help="generate and archive a PDF filing / 生成并归档文件")
    p.add_argument("form", metavar="F01..F10", type=str.upper, choices=KINDS)
    p.add_argument("subject", metavar="SUBJECT",
                   help="case_no (F01 F02 F05), deal_no (F04 F06 F07 F10), case_no or deal_no "
                        "(F03), YYYY or YYYY-MM-DD..YYYY-MM-DD (F08), YYYY (F09)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument("--lang", dest="filing_lang", choices=["zh", "en"],
                   help="language of the filing (default: the global --lang)")
    p.add_argument("--kind", dest="variant", choices=["grant", "deal", "reward"],
                   help="F03: which notice (rights grant, deal, cash reward)")
    p.add_argument("--distribution", type=int, metavar="N",
                   help="F07 / F03 reward: the distribution id (default: the latest)")
    add_force_flag(p)
    p.add_argument("--draft", action="store_true",
                   help="F02 F04 F07: the 报批稿 before the decision (watermarked, no serial, "
                        "not archived)")
    add_json_flag(p)
    p.set_defaults(handler=run_filing)

    v = sub.add_parser("verify", help="check a filing PDF against the archive / 核验文件")
    v.add_argument("file", metavar="FILE.pdf")
    add_json_flag(v)
    v.set_defaults(handler=run_verify)

    a = sub.add_parser("annual-report", help="annual report F09 (PDF, optional Excel) / 年度报告")
    a.add_argument("year", metavar="YEAR")
    a.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    a.add_argument("--xlsx", metavar="OUT.xlsx", help="also write the tables as Excel")
    a.add_argument("--lang", dest="filing_lang", choices=["zh", "en"])
    add_force_flag(a)
    add_json_flag(a)
    a.set_defaults(handler=run_annual)

    sa = sub.add_parser("annual-report-submit",
                        help="freeze the year's F09 as submitted / 年度报告报送（冻结）")
    sa.add_argument("year", metavar="YEAR")
    sa.add_argument("--date", help="submitted on (default today)")
    sa.add_argument("--note")
    sa.set_defaults(handler=run_annual_submit)


def _record_json(rec: Any, path: str | None, reused: bool | None = None) -> dict[str, Any]:
    out = {"serial_no": rec.serial_no, "kind": rec.kind, "subject": rec.subject,
           "version": rec.version, "lang": rec.lang, "sha256": rec.sha256,
           "snapshot_sha256": rec.snapshot_sha256, "created_at": rec.created_at,
           "created_by": rec.created_by, "superseded": rec.superseded}
    if path is not None:
        out["path"] = path
    if reused is not None:
        out["reused"] = reused
    return out


def _print_generated(args: argparse.Namespace, gen: Any, path: str) -> None:
    rec = gen.record
    if args.json:
        print_json(_record_json(rec, path, gen.reused))
        return
    zh = args.lang == "zh"
    note = ("（数据未变，沿用已归档版本）" if zh else " (data unchanged: archived version)") \
        if gen.reused else ""
    if zh:
        print(f"已生成 {rec.kind} 第 {rec.version} 版：{path}{note}")
        print(f"  文件编号 {rec.serial_no}  SHA-256 {rec.sha256}")
    else:
        print(f"Generated {rec.kind} version {rec.version}: {path}{note}")
        print(f"  serial {rec.serial_no}  SHA-256 {rec.sha256}")


def run_filing(args: argparse.Namespace) -> int:
    from ttdesk.core.office.output import atomic_file, check_output
    from ttdesk.filings.service import generate

    ctx = open_ctx(args)
    if args.draft:
        return _run_draft(ctx, args)
    try:
        target = check_output(args.output, db=ctx.db, force=args.force)
        with atomic_file(target) as temp:  # the serial is used only if the file is written
            gen = generate(ctx, args.form, args.subject, args.filing_lang or args.lang,
                           args.variant, args.distribution, deliver=temp.write_bytes)
        _print_generated(args, gen, str(target))
    finally:
        ctx.db.dispose()
    return EXIT_OK


def _run_draft(ctx: Any, args: argparse.Namespace) -> int:
    from ttdesk.core.office.output import atomic_file, check_output
    from ttdesk.filings.service import draft

    try:
        target = check_output(args.output, db=ctx.db, force=args.force)
        content = draft(ctx, args.form, args.subject, args.filing_lang or args.lang,
                        args.distribution)
        with atomic_file(target) as temp:
            temp.write_bytes(content)
        path = str(target)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json({"draft": True, "kind": args.form, "subject": args.subject, "path": path})
    elif args.lang == "zh":
        print(f"已生成 {args.form} 报批稿（草稿，未归档）：{path}")
    else:
        print(f"Generated the {args.form} draft (not archived): {path}")
    return EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    from ttdesk.core.base.errors import ValidationFailed
    from ttdesk.core.records import anchor, filing_archive

    content = read_input(args.file)
    ctx = open_ctx(args)
    try:
        result = filing_archive.verify(ctx, content)
        printed = filing_archive.printed_anchor(content)
        # the chain head printed on the filing must still be in the chain (even when the
        # filing itself is no longer in the archive)
        chain = anchor.prove(ctx, printed) if printed is not None else []
    finally:
        ctx.db.dispose()
    if chain:
        raise ValidationFailed(chain)
    if not result.ok or result.record is None:
        raise filing_archive.refuse_unverified(result)
    rec = result.record
    if args.json:
        print_json({"ok": True, **_record_json(rec, None),
                    "latest_version": result.latest_version})
        return EXIT_OK
    zh = args.lang == "zh"
    if zh:
        print(f"核验通过：{rec.kind} {rec.subject} 第 {rec.version} 版，文件编号 {rec.serial_no}，"
              f"{rec.created_at:%Y-%m-%d %H:%M} UTC 由 {rec.created_by} 生成")
        if rec.superseded:
            print(f"注意：此版本已被第 {result.latest_version} 版取代")
    else:
        print(f"Verified: {rec.kind} {rec.subject} version {rec.version}, serial "
              f"{rec.serial_no}, made {rec.created_at:%Y-%m-%d %H:%M} UTC by {rec.created_by}")
        if rec.superseded:
            print(f"Note: superseded by version {result.latest_version}")
    return EXIT_OK


def run_annual(args: argparse.Namespace) -> int:
    from ttdesk.core.office.output import atomic_file, check_output
    from ttdesk.core.records import filing_archive
    from ttdesk.filings.annual_xlsx import write_annual_xlsx
    from ttdesk.filings.service import generate

    lang = args.filing_lang or args.lang
    ctx = open_ctx(args)
    try:
        target = check_output(args.output, db=ctx.db, force=args.force)
        if args.xlsx:
            check_output(args.xlsx, db=ctx.db, force=args.force, inputs=[target])
        with atomic_file(target) as temp:
            gen = generate(ctx, "F09", args.year, lang, deliver=temp.write_bytes)
        path = str(target)
        if args.xlsx:
            snap = filing_archive.snapshot(ctx, gen.record.id)
            write_annual_xlsx(snap, args.xlsx, lang)
        _print_generated(args, gen, path)
        if args.xlsx and not args.json:
            print(("  Excel：" if args.lang == "zh" else "  Excel: ") + args.xlsx)
    finally:
        ctx.db.dispose()
    return EXIT_OK


def run_annual_submit(args: argparse.Namespace) -> int:
    from ttdesk.cli.args import iso_date
    from ttdesk.core.records import annual_report

    ctx = open_ctx(args)
    try:
        sub = annual_report.submit(ctx, args.year, iso_date(args.date) or ctx.today(),
                                   args.note)
        print(f"{sub.year}\t{sub.filing.serial_no}\t{sub.submitted_on.isoformat()}")
    finally:
        ctx.db.dispose()
    return EXIT_OK
