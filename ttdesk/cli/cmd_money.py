"""Money commands: `distribution` (compute / record a 收益分配, R10), `receipt` (add, list,
reverse), `royalty-audit` and `cap-table`.

`distribution DEAL_NO --json` prints deal_no, net_income, team_share_pct, team_amount,
department_amount, tto_amount, university_amount and allocations [{staff_no, name,
contribution_pct, amount, taxable_amount}] (interfaces.md), money and percentages as decimal
strings. Refused input exits 2 with each problem (rule, field, text) on stderr.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from ttdesk.cli.main import EXIT_OK, add_json_flag, open_ctx
from ttdesk.cli.output import print_json, print_table
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.base.labels import label
from ttdesk.core.companies import equity
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import profit, receipts, royalty
from ttdesk.core.people.leaders import LeaderApproval
from ttdesk.core.rules.money import format_money


def _ids(text: str | None) -> list[int] | None:
    if text is None:
        return None
    try:
        return [int(x) for x in text.replace("，", ",").split(",") if x.strip()]
    except ValueError:
        raise RuleViolation("ARG", f"收款编号须为逗号分隔的整数：{text}",
                            f"receipt ids must be integers separated by commas: {text}",
                            "--receipts") from None


def leader_approval(text: str) -> tuple[str, LeaderApproval]:
    """STAFF_NO=DATE:BODY:DOC_NO — the approval record of a leader's equity (R10)."""
    staff, sep, rest = text.partition("=")
    parts = rest.split(":", 2)
    try:
        on = date.fromisoformat(parts[0].strip())
    except ValueError:
        on = None
    if not (sep and staff.strip() and len(parts) == 3 and on is not None):
        raise RuleViolation("ARG", f"报批/备案记录格式应为 工号=日期:机构:文号，实为“{text}”",
                            f"an approval record reads STAFF_NO=YYYY-MM-DD:BODY:DOC_NO, got "
                            f"{text!r}", "--leader-approval")
    return staff.strip(), LeaderApproval(on, parts[1], parts[2])


def _adjust(text: str) -> dist.AllocationAdjust:
    """STAFF_NO=AMOUNT:REASON"""
    staff, sep, rest = text.partition("=")
    amount, sep2, reason = rest.partition(":")
    if not (sep and sep2 and staff.strip()):
        raise RuleViolation("ARG", f"调整格式应为 工号=金额:理由，实为“{text}”",
                            f"an adjustment reads STAFF_NO=AMOUNT:REASON, got {text!r}",
                            "--adjust")
    return dist.AllocationAdjust(staff.strip(), amount.strip(), reason.strip())


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("distribution", help="compute or record an income distribution / 收益分配")
    p.add_argument("deal_no", metavar="DEAL_NO")
    p.add_argument("--receipts", help="receipt ids, comma separated (default: all undistributed)")
    p.add_argument("--team-share", help="team share %% (default: the policy floor)")
    p.add_argument("--department-share", default=str(dist.DEFAULT_DEPARTMENT_PCT),
                   help="department share %% (default 10)")
    p.add_argument("--tto-share", default=str(dist.DEFAULT_TTO_PCT),
                   help="TTO share %% (default 5)")
    p.add_argument("--equity", action="store_true", help="reward shares of an equity deal")
    p.add_argument("--adjust", action="append", default=[], metavar="STAFF_NO=AMOUNT:REASON",
                   help="set one person's amount by hand (repeatable)")
    p.add_argument("--note", help="a note kept with the distribution")
    p.add_argument("--profit-year", type=int,
                   help="self / joint implementation: the year whose operating profit is the "
                        "base (never receipts)")
    p.add_argument("--leader-approval", action="append", default=[],
                   metavar="STAFF_NO=DATE:BODY:DOC_NO",
                   help="equity to a leader (other level): the approval record (repeatable)")
    p.add_argument("--save", action="store_true", help="record it as a draft")
    add_json_flag(p)
    p.set_defaults(handler=run_distribution)

    st = sub.add_parser("distribution-step",
                        help="approve, publicise or pay a recorded distribution / 分配流转")
    st.add_argument("distribution_id", type=int)
    st.add_argument("action", choices=["approve", "publicity", "pay", "reopen"],
                    help="reopen: back to draft after an upheld objection")
    st.add_argument("--date", type=date.fromisoformat, dest="on",
                    help="the day of the step (not for reopen)")
    st.add_argument("--body", help="approve: the approving body / 审批机构")
    st.add_argument("--channel", help="publicity: where it is published / 公示渠道")
    add_json_flag(st)
    st.set_defaults(handler=run_distribution_step)

    sh = sub.add_parser("distribution-show", help="one recorded distribution / 查看分配")
    sh.add_argument("distribution_id", type=int)
    add_json_flag(sh)
    sh.set_defaults(handler=run_distribution_show)

    r = sub.add_parser("receipt", help="add, list or reverse receipts / 收款")
    rs = r.add_subparsers(dest="action", required=True)
    add = rs.add_parser("add", help="book a receipt")
    add.add_argument("deal_no", metavar="DEAL_NO")
    add.add_argument("--date", required=True, type=date.fromisoformat, dest="on")
    add.add_argument("--amount", required=True)
    add.add_argument("--kind", default="upfront",
                     help="upfront, milestone, royalty, equity_proceeds, dividend, other")
    add.add_argument("--invoice")
    add.add_argument("--sales-base")
    add.add_argument("--milestone", type=int, help="payment milestone id")
    add.add_argument("--report", type=int, help="royalty report id")
    add.add_argument("--note")
    add_json_flag(add)
    ls = rs.add_parser("list", help="a deal's receipts")
    ls.add_argument("deal_no", metavar="DEAL_NO")
    add_json_flag(ls)
    rev = rs.add_parser("reverse", help="undo a receipt with a reversing entry")
    rev.add_argument("receipt_id", type=int)
    rev.add_argument("--date", required=True, type=date.fromisoformat, dest="on")
    rev.add_argument("--reason", required=True)
    add_json_flag(rev)
    r.set_defaults(handler=run_receipt)

    a = sub.add_parser("royalty-audit", help="expected vs received royalties / 提成核查")
    a.add_argument("deal_no", nargs="?", metavar="DEAL_NO")
    a.add_argument("--from", dest="start", type=date.fromisoformat)
    a.add_argument("--to", dest="end", type=date.fromisoformat)
    a.add_argument("--discrepancies", action="store_true", help="only periods that differ")
    add_json_flag(a)
    a.set_defaults(handler=run_royalty_audit)

    c = sub.add_parser("cap-table", help="a company's cap table / 股权结构")
    c.add_argument("credit_code", metavar="CREDIT_CODE")
    c.add_argument("--as-of", type=date.fromisoformat)
    add_json_flag(c)
    c.set_defaults(handler=run_cap_table)
    _register_profit(sub)


def _register_profit(sub: argparse._SubParsersAction) -> None:
    pr = sub.add_parser("profit", help="self / joint implementation: production start and the "
                                       "yearly operating profit / 实施转化营业利润")
    acts = pr.add_subparsers(dest="action", required=True, metavar="ACTION")
    st = acts.add_parser("start", help="record when production started (raises the yearly "
                                       "reward deadlines)")
    st.add_argument("deal_no", metavar="DEAL_NO")
    st.add_argument("--date", required=True, type=date.fromisoformat, dest="on")
    add = acts.add_parser("add", help="enter a year's operating profit with its source")
    add.add_argument("deal_no", metavar="DEAL_NO")
    add.add_argument("--year", required=True, type=int)
    add.add_argument("--amount", required=True)
    add.add_argument("--source", required=True, help="source document (e.g. 审计报告)")
    add.add_argument("--note")
    ls = acts.add_parser("list", help="the reward schedule, year by year")
    ls.add_argument("deal_no", metavar="DEAL_NO")
    for p in (st, add, ls):
        add_json_flag(p)
        p.set_defaults(handler=run_profit)


def run_profit(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
    try:
        if args.action == "start":
            profit.set_production_start(ctx, args.deal_no.strip(), args.on)
        elif args.action == "add":
            profit.record_operating_profit(ctx, args.deal_no.strip(), args.year, args.amount,
                                           args.source, args.note)
        rows = profit.profit_rows(ctx, args.deal_no.strip())
    finally:
        ctx.db.dispose()
    out = [{"year": r.year, "amount": r.amount, "source_document": r.source_document,
            "due": r.due, "distribution_id": r.distribution_id} for r in rows]
    if getattr(args, "json", False):
        print_json(out)
    else:
        print_table(out, ["year", "amount", "source_document", "due", "distribution_id"])
    return EXIT_OK


# ---- distribution ----------------------------------------------------------------------------

def plan_json(plan: dist.DistributionPlan, distribution_id: int | None = None) -> dict[str, Any]:
    return {
        "distribution_id": distribution_id, "deal_no": plan.deal_no,
        "is_equity": plan.is_equity, "receipts": plan.receipt_ids,
        "gross_income": plan.gross_income, "deductible_costs": plan.deductible_costs,
        "net_income": plan.net_income, "team_share_floor": plan.team_share_floor,
        "team_share_pct": plan.team_share_pct, "team_amount": plan.team_amount,
        "department_amount": plan.department_amount, "tto_amount": plan.tto_amount,
        "university_amount": plan.university_amount,
        "allocations": [{"staff_no": a.staff_no, "name": a.name,
                         "contribution_pct": a.contribution_pct, "amount": a.amount,
                         "taxable_amount": a.taxable_amount, "equity_pct": a.equity_pct,
                         "adjustment_reason": a.adjustment_reason} for a in plan.allocations],
        "warnings": [{"rule": w.rule, "zh": w.zh, "en": w.en} for w in plan.warnings],
        "profit_year": plan.profit_year, "profit_source": plan.profit_source,
    }


def _print_plan(plan: dist.DistributionPlan, lang: str, saved: int | None) -> None:
    zh = lang == "zh"
    rows = [("合同", "Deal", plan.deal_no), ("收款", "Receipts",
                                           ", ".join(map(str, plan.receipt_ids)) or "—"),
            ("收入", "Gross income", format_money(plan.gross_income)),
            ("可扣除费用", "Deductible costs", format_money(plan.deductible_costs)),
            ("净收入", "Net income", format_money(plan.net_income)),
            ("团队比例", "Team share", f"{plan.team_share_pct}%（≥ {plan.team_share_floor}%）"),
            ("团队金额", "Team amount", format_money(plan.team_amount)),
            ("院系", "Department", format_money(plan.department_amount)),
            ("转移机构", "TTO", format_money(plan.tto_amount)),
            ("学校", "University", format_money(plan.university_amount))]
    if plan.profit_year is not None:  # self / joint: the base is the year's operating profit
        rows[1:3] = [("营业利润年度", "Operating-profit year", str(plan.profit_year)),
                     ("来源文件", "Source document", plan.profit_source or "—"),
                     ("营业利润", "Operating profit", format_money(plan.gross_income))]
    for z, e, value in rows:
        print(f"{z if zh else e}\t{value}")
    print("工号\t姓名\t贡献\t金额\t应税\t股权" if zh else
          "staff_no\tname\tcontribution\tamount\ttaxable\tequity")
    for a in plan.allocations:
        print(f"{a.staff_no}\t{a.name}\t{a.contribution_pct}%\t{format_money(a.amount)}\t"
              f"{format_money(a.taxable_amount)}\t{'' if a.equity_pct is None else a.equity_pct}")
    for w in plan.warnings:
        print(f"[{w.rule}] {w.zh if zh else w.en}", file=sys.stderr)
    if saved is not None:
        print(f"已保存为草拟分配 #{saved}" if zh else f"saved as draft distribution #{saved}")


def run_distribution(args: argparse.Namespace) -> int:
    d = dist.DistributionIn(
        args.deal_no.strip(), receipt_ids=_ids(args.receipts), team_share_pct=args.team_share,
        department_pct=args.department_share, tto_pct=args.tto_share, is_equity=args.equity,
        adjustments=[_adjust(x) for x in args.adjust], note=args.note,
        profit_year=args.profit_year,
        leader_approvals=dict(leader_approval(x) for x in args.leader_approval))
    ctx = open_ctx(args)
    try:
        saved = dist.save(ctx, d) if args.save else None
        plan = dist.distribution_detail(ctx, saved).plan if saved else dist.compute(ctx, d)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(plan_json(plan, saved))
    else:
        _print_plan(plan, args.lang, saved)
    return EXIT_OK


def run_distribution_step(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
    warnings: list[Any] = []
    try:
        if args.action == "reopen":
            dist.reopen(ctx, args.distribution_id)
        elif args.on is None:
            raise RuleViolation("INPUT", "须用 --date 给出日期", "--date is required",
                                "date")
        elif args.action == "approve":
            dist.approve(ctx, args.distribution_id, args.on, args.body or "")
        elif args.action == "publicity":
            dist.start_publicity(ctx, args.distribution_id, args.on, args.channel or "")
        else:
            warnings = dist.record_payment(ctx, args.distribution_id, args.on)
        detail = dist.distribution_detail(ctx, args.distribution_id)
    finally:
        ctx.db.dispose()
    for w in warnings:
        print(f"[{w.rule}] {w.zh if args.lang == 'zh' else w.en}", file=sys.stderr)
    if args.json:
        print_json({"distribution_id": detail.id, "status": detail.status,
                    "approval_date": detail.approval_date, "payment_date": detail.payment_date,
                    "publicity": detail.publicity,
                    "warnings": [{"rule": w.rule, "zh": w.zh, "en": w.en} for w in warnings]})
    else:
        print(label(detail.status, args.lang))
    return EXIT_OK


def run_distribution_show(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
    try:
        detail = dist.distribution_detail(ctx, args.distribution_id)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json({**plan_json(detail.plan, detail.id), "status": detail.status,
                    "approval_date": detail.approval_date, "approval_body": detail.approval_body,
                    "payment_date": detail.payment_date, "payment_due": detail.payment_due,
                    "publicity": detail.publicity})
    else:
        print(f"#{detail.id}\t{label(detail.status, args.lang)}")
        _print_plan(detail.plan, args.lang, None)
    return EXIT_OK


# ---- receipts, audit, cap table --------------------------------------------------------------

RECEIPT_COLUMNS = ["id", "received_on", "amount", "kind", "invoice_no", "sales_base",
                   "reverses_id", "reversed_by", "distribution_id", "note"]


def run_receipt(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
    try:
        if args.action == "add":
            rid = receipts.add_receipt(ctx, receipts.ReceiptIn(
                args.deal_no.strip(), args.on, args.amount, args.kind, args.invoice,
                args.sales_base, args.milestone, args.report, args.note))
            out: Any = {"receipt_id": rid}
        elif args.action == "reverse":
            out = {"receipt_id": receipts.reverse_receipt(ctx, args.receipt_id, args.on,
                                                          args.reason)}
        else:
            out = receipts.receipts_of(ctx, args.deal_no.strip())
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(out)
    elif isinstance(out, list):
        print("\t".join(RECEIPT_COLUMNS))
        print_table([{c: getattr(r, c) for c in RECEIPT_COLUMNS} for r in out], RECEIPT_COLUMNS)
    else:
        print(out["receipt_id"])
    return EXIT_OK


AUDIT_COLUMNS = ["deal_no", "period_start", "period_end", "sales_base", "rate", "by_rate",
                 "minimum_part", "expected", "received", "difference", "status"]


def run_royalty_audit(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
    try:
        result = royalty.audit(ctx, args.deal_no, args.start, args.end)
    finally:
        ctx.db.dispose()
    lines = result.discrepancies if args.discrepancies else result.lines
    if args.json:
        print_json({"expected_total": result.expected_total,
                    "received_total": result.received_total,
                    "difference_total": result.difference_total, "lines": lines})
        return EXIT_OK
    print("\t".join(AUDIT_COLUMNS))
    print_table([{c: (label(getattr(x, c), args.lang) if c == "status" else getattr(x, c))
                  for c in AUDIT_COLUMNS} for x in lines], AUDIT_COLUMNS)
    return EXIT_OK


HOLDING_COLUMNS = ["holder_type", "holder_name", "staff_no", "subscribed_capital",
                   "paid_in_capital", "percentage", "is_state_owned"]


def run_cap_table(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
    try:
        table = equity.cap_table(ctx, args.credit_code, args.as_of)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json({**{k: getattr(table, k) for k in ("credit_code", "company_name", "as_of",
                                                      "registered_capital")},
                    "total_pct": table.total_pct, "holdings": table.holdings})
        return EXIT_OK
    print(f"{table.company_name}\t{table.credit_code}\t{table.registered_capital or ''}")
    print("\t".join(HOLDING_COLUMNS))
    print_table([{c: (label(h.holder_type, args.lang) if c == "holder_type" else getattr(h, c))
                  for c in HOLDING_COLUMNS} for h in table.holdings], HOLDING_COLUMNS)
    return EXIT_OK
