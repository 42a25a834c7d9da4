"""`income`: income received, deductible costs and net income, as `money.income` sums them.

`income [--deal DEAL_NO] [--period YYYY|YYYY-MM-DD..YYYY-MM-DD] [--mode MODE]
[--department CODE] [--by deal,year,mode,department] [--json]` prints the totals, then one
line per group. `--json` prints {received, deductible_costs, net_income, by, lines:
[{key: {...}, received, deductible_costs, net_income}]}, money as decimal strings.
"""

from __future__ import annotations

import argparse

from ttdesk.cli.main import EXIT_OK, add_json_flag, open_ctx
from ttdesk.cli.output import print_json, print_table
from ttdesk.codes import DealMode
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.base.labels import label, parse
from ttdesk.core.filing_data.reports import parse_period
from ttdesk.core.money import income
from ttdesk.core.rules.money import format_money


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("income", help="income received, costs and net income / 到账收入")
    p.add_argument("--deal", dest="deal_no", metavar="DEAL_NO")
    p.add_argument("--period", help="YYYY or YYYY-MM-DD..YYYY-MM-DD (default: all time)")
    p.add_argument("--mode", help="deal mode code or label, e.g. license_exclusive")
    p.add_argument("--department", help="department code or name")
    p.add_argument("--by", default="", help="group by deal, year, mode, department "
                                            "(comma separated)")
    add_json_flag(p)
    p.set_defaults(handler=run_income)


def _mode(text: str | None) -> DealMode | None:
    if not text:
        return None
    try:
        return parse(DealMode, text)
    except ValueError:
        raise RuleViolation("ARG", f"未知的转化方式“{text}”", f"unknown deal mode {text!r}",
                            field="--mode") from None


def run_income(args: argparse.Namespace) -> int:
    start, end = parse_period(args.period) if args.period else (None, None)
    by = tuple(b.strip() for b in args.by.replace("，", ",").split(",") if b.strip())
    ctx = open_ctx(args)
    try:
        result = income.summary(ctx, deal_no=(args.deal_no or "").strip() or None,
                                start=start, end=end, mode=_mode(args.mode),
                                department=args.department, by=by)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(result)
        return EXIT_OK
    print(f"{'到账收入' if args.lang == 'zh' else 'Received'}\t{format_money(result.received)}")
    print(f"{'可扣除费用' if args.lang == 'zh' else 'Deductible costs'}\t"
          f"{format_money(result.deductible_costs)}")
    print(f"{'净收入' if args.lang == 'zh' else 'Net income'}\t"
          f"{format_money(result.net_income)}")
    if result.by:
        columns = [*result.by, "received", "deductible_costs", "net_income"]
        print("\t".join(columns))
        print_table([{**{k: label(v, args.lang) if k == income.MODE else v
                         for k, v in line.key.items()},
                      "received": line.received, "deductible_costs": line.deductible_costs,
                      "net_income": line.net_income} for line in result.lines], columns)
    return EXIT_OK
