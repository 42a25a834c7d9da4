"""Spin-off follow-up and technology managers (issue 17 §2–4):

`milestone add CREDIT_CODE KIND DATE [--amount] [--investors] [--government-fund] [--note]`,
`milestone list CREDIT_CODE`; `support add CASE_NO KIND PROVIDER DATE [--amount]`,
`support list (--case CASE_NO | --company CREDIT_CODE)`; `manager assign case|deal|match KEY
[STAFF_NO]` (without STAFF_NO: cleared), `manager list`, `manager workload [--year]`.
Refusals exit 2 with the rule and the field, like every other command.
"""

from __future__ import annotations

import argparse

from ttdesk.cli.args import iso_date
from ttdesk.cli.main import EXIT_OK, add_json_flag, open_ctx
from ttdesk.cli.output import print_records
from ttdesk.core.base.errors import RuleViolation


def register(sub: argparse._SubParsersAction) -> None:
    _milestone(sub)
    _support(sub)
    _manager(sub)


def _milestone(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("milestone", help="spin-off milestones / 转化创办企业里程碑")
    acts = p.add_subparsers(dest="action", required=True)
    add = acts.add_parser("add", help="record a milestone")
    add.add_argument("credit_code")
    add.add_argument("kind", help="first_order, scale_order, brand_scene, high_tech, zjtx, "
                                  "little_giant, financing, incubator_entry, "
                                  "incubator_graduation, listing")
    add.add_argument("date", help="YYYY-MM-DD")
    add.add_argument("--amount", help="yuan (financing: the round's amount)")
    add.add_argument("--investors", help="financing: investors / 投资方")
    add.add_argument("--government-fund", dest="government_fund", action="store_true",
                     help="financing: a government fund took part (拨投联动)")
    add.add_argument("--note")
    add.set_defaults(handler=run_milestone_add)
    lst = acts.add_parser("list", help="a company's milestones")
    lst.add_argument("credit_code")
    add_json_flag(lst)
    lst.set_defaults(handler=run_milestone_list)


def _support(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("support", help="support received / 概念验证、中试、创新券、孵化服务")
    acts = p.add_subparsers(dest="action", required=True)
    add = acts.add_parser("add", help="record support received by an achievement")
    add.add_argument("case_no")
    add.add_argument("kind", help="concept_verification, pilot_test, innovation_voucher, "
                                  "incubator_service")
    add.add_argument("provider")
    add.add_argument("date", help="YYYY-MM-DD")
    add.add_argument("--amount", help="yuan")
    add.set_defaults(handler=run_support_add)
    lst = acts.add_parser("list", help="support of a case or of a company's achievements")
    lst.add_argument("--case", dest="case_no")
    lst.add_argument("--company", dest="credit_code")
    add_json_flag(lst)
    lst.set_defaults(handler=run_support_list)


def _manager(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("manager", help="technology managers / 技术经理人")
    acts = p.add_subparsers(dest="action", required=True)
    assign = acts.add_parser("assign", help="name the manager of a case, deal or match")
    assign.add_argument("subject", choices=("case", "deal", "match"))
    assign.add_argument("key", help="case no., deal no. or match id")
    assign.add_argument("staff_no", nargs="?", help="the manager's staff no. (none: clear)")
    assign.set_defaults(handler=run_manager_assign)
    lst = acts.add_parser("list", help="active technology managers")
    add_json_flag(lst)
    lst.set_defaults(handler=run_manager_list)
    work = acts.add_parser("workload", help="open cases, deals, income and overdue tasks")
    work.add_argument("--year", type=int, help="the year of deals and income (default: this)")
    add_json_flag(work)
    work.set_defaults(handler=run_manager_workload)


def _date(text: str, field: str) -> object:
    return iso_date(text, field)


def run_milestone_add(args: argparse.Namespace) -> int:
    from ttdesk.core.companies import milestones

    m = milestones.MilestoneIn(args.kind, _date(args.date, "happened_on"),  # type: ignore[arg-type]
                               args.amount, args.investors, args.government_fund, args.note)
    ctx = open_ctx(args)
    try:
        new_id = milestones.add(ctx, args.credit_code, m)
    finally:
        ctx.db.dispose()
    print(new_id)
    return EXIT_OK


def run_milestone_list(args: argparse.Namespace) -> int:
    from ttdesk.core.companies import milestones

    ctx = open_ctx(args)
    try:
        rows = milestones.of_company(ctx, args.credit_code)
    finally:
        ctx.db.dispose()
    print_records(
        rows, ["id", "happened_on", "kind", "amount", "investors", "government_fund", "note"],
        as_json=args.json, lang=args.lang, codes=("kind",))
    return EXIT_OK


def run_support_add(args: argparse.Namespace) -> int:
    from ttdesk.core.companies import support

    sup = support.SupportIn(args.kind, args.provider, _date(args.date, "received_on"),  # type: ignore[arg-type]
                            args.amount)
    ctx = open_ctx(args)
    try:
        new_id = support.add(ctx, args.case_no, sup)
    finally:
        ctx.db.dispose()
    print(new_id)
    return EXIT_OK


def run_support_list(args: argparse.Namespace) -> int:
    from ttdesk.core.companies import support

    if bool(args.case_no) == bool(args.credit_code):
        raise RuleViolation("ARG", "请给出 --case 或 --company 之一",
                            "give one of --case or --company", field="--case")
    ctx = open_ctx(args)
    try:
        rows = (support.of_case(ctx, args.case_no) if args.case_no
                else support.of_company(ctx, args.credit_code))
    finally:
        ctx.db.dispose()
    print_records(
        rows, ["id", "received_on", "case_no", "kind", "provider", "amount"],
        as_json=args.json, lang=args.lang, codes=("kind",))
    return EXIT_OK


def run_manager_assign(args: argparse.Namespace) -> int:
    from ttdesk.core.people import managers

    ctx = open_ctx(args)
    try:
        managers.assign(ctx, args.subject, args.key, args.staff_no)
    finally:
        ctx.db.dispose()
    return EXIT_OK


def run_manager_list(args: argparse.Namespace) -> int:
    from ttdesk.core.people import managers

    ctx = open_ctx(args)
    try:
        rows = managers.choices(ctx)
    finally:
        ctx.db.dispose()
    print_records(
        rows, ["staff_no", "name", "level", "cert_no"],
        as_json=args.json, lang=args.lang, codes=("level",))
    return EXIT_OK


def run_manager_workload(args: argparse.Namespace) -> int:
    from ttdesk.core.views import workload

    ctx = open_ctx(args)
    try:
        rows = workload.manager_workload(ctx, args.year)
    finally:
        ctx.db.dispose()
    print_records(
        rows, ["staff_no", "name", "open_cases", "deals_signed", "deals_value",
                 "income_received", "overdue_tasks"],
        as_json=args.json, lang=args.lang)
    return EXIT_OK
