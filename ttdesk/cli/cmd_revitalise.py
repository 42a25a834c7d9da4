"""`revitalise list|review|costs|export|fees`: the stock-patent revitalisation campaign
(存量专利盘活) — the inventory of valid unconverted patents, bulk grades and decisions, the
annuity cost per college, the inventory as Excel, and the annuity fee table (show / load a
JSON file / back to the shipped one)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ttdesk.cli.args import iso_date
from ttdesk.cli.main import EXIT_OK, add_json_flag, open_ctx
from ttdesk.cli.output import print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("revitalise", help="stock-patent revitalisation / 存量专利盘活")
    verbs = p.add_subparsers(dest="verb", required=True, metavar="VERB")
    q = verbs.add_parser("list", help="valid unconverted patents with review and next annuity")
    q.add_argument("--decision")
    q.add_argument("--department")
    add_json_flag(q)
    q.set_defaults(handler=run_list)
    q = verbs.add_parser("review", help="grade and/or decide one or more patents")
    q.add_argument("application_nos", nargs="+", metavar="APPLICATION_NO")
    q.add_argument("--grade", help="A, B or C")
    q.add_argument("--decision", help="keep, promote, open_license or drop")
    q.add_argument("--reviewer")
    q.add_argument("--date", type=iso_date)
    q.add_argument("--note")
    q.set_defaults(handler=run_review)
    q = verbs.add_parser("costs", help="annuity cost per college, next three years")
    add_json_flag(q)
    q.set_defaults(handler=run_costs)
    q = verbs.add_parser("export", help="the inventory as Excel")
    q.add_argument("output", metavar="OUT.xlsx")
    q.add_argument("--force", action="store_true")
    q.set_defaults(handler=run_export)
    q = verbs.add_parser("fees", help="show the annuity fee table, or load / reset it")
    group = q.add_mutually_exclusive_group()
    group.add_argument("--load", metavar="FILE.json")
    group.add_argument("--shipped", action="store_true", help="back to the shipped table")
    q.set_defaults(handler=run_fees)


def run_list(args: argparse.Namespace) -> int:
    from ttdesk.codes import PatentDecision
    from ttdesk.core.base.labels import label, parse
    from ttdesk.core.views.revitalisation import inventory

    ctx = open_ctx(args)
    try:
        decision = parse(PatentDecision, args.decision) if args.decision else None
        rows = inventory(ctx, decision=decision, department=args.department)
    finally:
        ctx.db.dispose()
    out = [{"application_no": r.application_no, "kind": label(r.kind, args.lang),
            "case_no": r.case_no, "department": r.department,
            "grade": r.grade.value if r.grade else "",
            "decision": label(r.decision, args.lang) if r.decision else "",
            "reviewer": r.reviewer or "", "next_due": r.next_due,
            "next_payable": r.next_payable, "lapse_date": r.lapse_date} for r in rows]
    if args.json:
        print_json(out)
    else:
        print_table(out, list(out[0]) if out else ["application_no"])
    return EXIT_OK


def run_review(args: argparse.Namespace) -> int:
    from ttdesk.core.cases import revitalisation

    ctx = open_ctx(args)
    try:
        n = revitalisation.review(ctx, args.application_nos, grade=args.grade,
                                  decision=args.decision, reviewer=args.reviewer, on=args.date,
                                  note=args.note)
    finally:
        ctx.db.dispose()
    print(n)
    return EXIT_OK


def run_costs(args: argparse.Namespace) -> int:
    from ttdesk.core.views.revitalisation import (
        cost_by_college,
        first_forecast_year,
        inventory,
    )

    ctx = open_ctx(args)
    try:
        year = first_forecast_year(ctx.today())
        costs = cost_by_college(inventory(ctx), year)
    finally:
        ctx.db.dispose()
    out = [{"department": c.department, "patents": c.patents,
            **{str(y): v for y, v in c.by_year.items()}, "total": c.total} for c in costs]
    if args.json:
        print_json(out)
    else:
        print_table(out, ["department", "patents", *[str(y) for y in range(year, year + 3)],
                          "total"])
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from ttdesk.core.ledger.inventory_export import export_inventory

    ctx = open_ctx(args)
    try:
        n = export_inventory(ctx, args.output, args.force)
    finally:
        ctx.db.dispose()
    print(f"{n}\t{args.output}")
    return EXIT_OK


def run_fees(args: argparse.Namespace) -> int:
    from ttdesk.core.base.errors import RuleViolation
    from ttdesk.core.cases import revitalisation
    from ttdesk.core.rules import annuity, policy

    ctx = open_ctx(args)
    try:
        if args.load:
            try:
                raw = json.loads(Path(args.load).read_text("utf-8"))
            except (OSError, ValueError) as exc:
                raise RuleViolation("INPUT", f"无法读取年费表：{exc}",
                                    f"cannot read the fee table: {exc}", field="file") from None
            revitalisation.set_fee_table(ctx, raw)
        elif args.shipped:
            revitalisation.set_fee_table(ctx, None)
        with ctx.read() as s:
            raw = policy.current(s).values.get("annuity_fees") or annuity.shipped_table_raw()
    finally:
        ctx.db.dispose()
    print_json(raw)
    return EXIT_OK
