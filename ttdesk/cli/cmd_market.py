"""The matchmaking ledger (供需对接台账, issue 17 §1 and §5):

`demand add NEED [--company CREDIT_CODE] [--field] [--date] [--source] [--park] [--note]`,
`demand list [--park] [--source] [--search]`, `demand import FILE.xlsx --park NAME`;
`promote CASE_NO SUMMARY [--park] [--date]`, `promote --remove CASE_NO`, `promote --list`;
`match add CASE_NO (--demand ID | --company CREDIT_CODE) [--activity ID] [--officer USER]
[--date]`, `match list [--outcome] [--demand] [--search]`, `match move ID STAGE [--date]`;
`activity add KIND DATE TITLE [--place] [--participants] [--cases A,B] [--companies X,Y]`,
`activity list`; `export-supply FILE(.xlsx|.pdf) [--park] [--field]`.
Refusals exit 2 with the rule and the field, like every other command.
"""

from __future__ import annotations

import argparse
from typing import Any

from ttdesk.cli.args import iso_date
from ttdesk.cli.main import EXIT_OK, add_force_flag, add_json_flag, open_ctx
from ttdesk.cli.output import print_records
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.base.labels import label


def register(sub: argparse._SubParsersAction) -> None:
    _demand(sub)
    _promote(sub)
    _match(sub)
    _activity(sub)
    p = sub.add_parser("export-supply", help="the supply list as xlsx or PDF / 推广清单导出")
    p.add_argument("file", help="FILE.xlsx or FILE.pdf")
    p.add_argument("--park", help="entries for this park (and those for every park)")
    p.add_argument("--field", help="one technical field")
    add_force_flag(p)
    p.set_defaults(handler=run_export_supply)


def _demand(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demand", help="enterprise demands / 企业需求")
    acts = p.add_subparsers(dest="action", required=True)
    add = acts.add_parser("add", help="record a demand")
    add.add_argument("need")
    add.add_argument("--company", help="the company's credit code")
    add.add_argument("--field")
    add.add_argument("--date", help="raised on, YYYY-MM-DD (default today)")
    add.add_argument("--source", default="other",
                     help="park_list, enterprise_challenge (揭榜挂帅), fair, visit, other")
    add.add_argument("--park")
    add.add_argument("--note")
    add.set_defaults(handler=run_demand_add)
    lst = acts.add_parser("list", help="demands, newest first")
    lst.add_argument("--park")
    lst.add_argument("--source")
    lst.add_argument("--search")
    add_json_flag(lst)
    lst.set_defaults(handler=run_demand_list)
    imp = acts.add_parser("import", help="a park's demand list (.xlsx)")
    imp.add_argument("file")
    imp.add_argument("--park", required=True)
    imp.set_defaults(handler=run_demand_import)


def _promote(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("promote", help="the promotion (supply) list / 推广清单")
    p.add_argument("case_no", nargs="?")
    p.add_argument("summary", nargs="?", help="the public summary (no secret details)")
    p.add_argument("--park", help="the park it targets (none: every park)")
    p.add_argument("--date", help="listed on, YYYY-MM-DD (default today)")
    p.add_argument("--remove", action="store_true", help="take CASE_NO off the list")
    p.add_argument("--list", action="store_true", help="show the list")
    add_json_flag(p)
    p.set_defaults(handler=run_promote)


def _match(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("match", help="matches / 对接")
    acts = p.add_subparsers(dest="action", required=True)
    add = acts.add_parser("add", help="match a demand or a company to an achievement")
    add.add_argument("case_no")
    add.add_argument("--demand", type=int, help="the demand's id")
    add.add_argument("--company", help="the company's credit code")
    add.add_argument("--activity", type=int, help="the activity that produced it")
    add.add_argument("--officer", help="user name (default: you, when you are a user)")
    add.add_argument("--date", help="contacted on, YYYY-MM-DD (default today)")
    add.add_argument("--note")
    add.set_defaults(handler=run_match_add)
    lst = acts.add_parser("list", help="matches, latest stage first")
    lst.add_argument("--outcome", help="contacted, nda, negotiating, deal, declined")
    lst.add_argument("--demand", type=int)
    lst.add_argument("--search")
    add_json_flag(lst)
    lst.set_defaults(handler=run_match_list)
    mv = acts.add_parser("move", help="move a match to its next stage")
    mv.add_argument("id", type=int)
    mv.add_argument("stage", help="nda, negotiating, deal, declined")
    mv.add_argument("--date", help="YYYY-MM-DD (default today)")
    mv.add_argument("--note")
    mv.set_defaults(handler=run_match_move)


def _activity(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("activity", help="matchmaking activities / 对接活动")
    acts = p.add_subparsers(dest="action", required=True)
    add = acts.add_parser("add", help="record a roadshow, exhibition or salon")
    add.add_argument("kind", help="roadshow, exhibition, salon")
    add.add_argument("date", help="YYYY-MM-DD")
    add.add_argument("title")
    add.add_argument("--place")
    add.add_argument("--participants", type=int)
    add.add_argument("--cases", default="", help="achievements shown: CASE_NO,CASE_NO")
    add.add_argument("--companies", default="", help="companies met: CREDIT_CODE,…")
    add.add_argument("--note")
    add.set_defaults(handler=run_activity_add)
    lst = acts.add_parser("list", help="activities, newest first")
    lst.add_argument("--search")
    add_json_flag(lst)
    lst.set_defaults(handler=run_activity_list)


def _keys(text: str) -> list[str]:
    return [t.strip() for t in text.replace("，", ",").split(",") if t.strip()]


def _with_ctx(args: argparse.Namespace, work: Any) -> Any:
    ctx = open_ctx(args)
    try:
        return work(ctx)
    finally:
        ctx.db.dispose()


def run_demand_add(args: argparse.Namespace) -> int:
    from ttdesk.core.market import demands

    day = iso_date(args.date, "raised_on")

    def work(ctx: Any) -> int:
        return demands.add_demand(ctx, demands.DemandIn(
            need=args.need, raised_on=day or ctx.today(), source=args.source,
            credit_code=args.company, field=args.field, park=args.park, note=args.note))

    print(_with_ctx(args, work))
    return EXIT_OK


def run_demand_list(args: argparse.Namespace) -> int:
    from ttdesk.core.views import market as v

    f = v.DemandFilter(park=args.park, source=args.source, search=args.search)
    rows = _with_ctx(args, lambda ctx: v.DEMANDS.page(ctx, f))
    print_records(
        rows, ["id", "raised_on", "company", "need", "field", "source", "park", "match_count"],
        as_json=args.json, lang=args.lang, codes=("source",))
    return EXIT_OK


def run_demand_import(args: argparse.Namespace) -> int:
    from ttdesk.core.ledger.market import import_park_demands

    done = _with_ctx(args, lambda ctx: import_park_demands(ctx, args.file, args.park))
    print(f"{len(done.ids)} ({done.sheet})")
    return EXIT_OK


def run_promote(args: argparse.Namespace) -> int:
    from ttdesk.core.market import promotion

    if args.list:
        from ttdesk.core.views import market as v

        rows = _with_ctx(args, lambda ctx: v.SUPPLY.page(ctx, v.SupplyFilter(park=args.park)))
        print_records(rows, ["case_no", "title", "field", "park", "listed_on", "public_summary"],
                      as_json=args.json, lang=args.lang)
        return EXIT_OK
    if not args.case_no:
        raise RuleViolation("ARG", "请给出成果编号", "give a case number", field="case_no")
    day = iso_date(args.date, "listed_on")
    if args.remove:
        _with_ctx(args, lambda ctx: promotion.delist(ctx, args.case_no, day))
        return EXIT_OK
    print(_with_ctx(args, lambda ctx: promotion.promote(ctx, args.case_no, args.summary or "",
                                                        day, args.park)))
    return EXIT_OK


def run_match_add(args: argparse.Namespace) -> int:
    from ttdesk.core.market import matches

    m = matches.MatchIn(args.case_no, demand_id=args.demand, credit_code=args.company,
                        activity_id=args.activity, officer=args.officer,
                        on=iso_date(args.date, "contacted_on"), note=args.note)
    print(_with_ctx(args, lambda ctx: matches.add_match(ctx, m)))
    return EXIT_OK


def run_match_list(args: argparse.Namespace) -> int:
    from ttdesk.core.views import market as v

    f = v.MatchFilter(outcome=args.outcome, demand_id=args.demand, search=args.search)
    rows = _with_ctx(args, lambda ctx: v.MATCHES.page(ctx, f))
    print_records(
        rows, ["id", "updated_on", "outcome", "case_no", "case_title", "company", "officer",
                 "deal_no"],
        as_json=args.json, lang=args.lang, codes=("outcome",))
    return EXIT_OK


def run_match_move(args: argparse.Namespace) -> int:
    from ttdesk.core.market import matches

    day = iso_date(args.date, "date")
    stage = _with_ctx(args, lambda ctx: matches.move(ctx, args.id, args.stage, day, args.note))
    print(label(stage, args.lang))
    return EXIT_OK


def run_activity_add(args: argparse.Namespace) -> int:
    from ttdesk.core.market import activities

    a = activities.ActivityIn(args.kind, iso_date(args.date, "held_on"),  # type: ignore[arg-type]
                              args.title, args.place, args.participants, _keys(args.cases),
                              _keys(args.companies), args.note)
    print(_with_ctx(args, lambda ctx: activities.add_activity(ctx, a)))
    return EXIT_OK


def run_activity_list(args: argparse.Namespace) -> int:
    from ttdesk.core.views import market as v

    rows = _with_ctx(args, lambda ctx: v.ACTIVITIES.page(ctx, v.ActivityFilter(
        search=args.search)))
    print_records(
        rows, ["id", "held_on", "kind", "title", "place", "participants", "shown_count",
                 "met_count", "match_count"],
        as_json=args.json, lang=args.lang, codes=("kind",))
    return EXIT_OK


def run_export_supply(args: argparse.Namespace) -> int:
    suffix = args.file.lower().rsplit(".", 1)[-1]
    if suffix not in ("xlsx", "pdf"):
        raise RuleViolation("ARG", "文件名应以 .xlsx 或 .pdf 结尾", "the file must end in .xlsx "
                            "or .pdf", field="file")

    def work(ctx: Any) -> tuple[Any, int]:
        if suffix == "pdf":
            from ttdesk.filings.supply_list import export_supply_pdf

            return export_supply_pdf(ctx, args.file, park=args.park, field=args.field,
                                     force=args.force)
        from ttdesk.core.ledger.market import export_supply_xlsx

        return export_supply_xlsx(ctx, args.file, park=args.park, field=args.field,
                                  force=args.force)

    path, n = _with_ctx(args, work)
    print(f"{path}\t{n}")
    return EXIT_OK
