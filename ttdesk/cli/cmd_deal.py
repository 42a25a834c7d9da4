"""A deal from the command line: `deal new`, `deal valuation`, `deal related-party`,
`deal step DEAL_NO diligence|submit|approve|publicity|objection|resolve|sign|register|
perform|complete|terminate`. Each step calls the service the deal page calls."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from ttdesk.cli.args import iso_date
from ttdesk.cli.main import EXIT_OK, open_ctx
from ttdesk.core.base.errors import RuleViolation


def register(sub: argparse._SubParsersAction) -> None:
    deal = sub.add_parser("deal", help="a deal: new, valuation, step / 转化项目")
    acts = deal.add_subparsers(dest="action", required=True, metavar="ACTION")
    new = acts.add_parser("new", help="draft a deal for one or more cases")
    new.add_argument("cases", metavar="CASE_NO[,CASE_NO]")
    new.add_argument("--mode", required=True, help="transfer, license_exclusive, ...")
    new.add_argument("--title", help="default: the first case's title and the mode")
    new.add_argument("--counterparty", help="credit code")
    new.add_argument("--price")
    new.add_argument("--pricing", help="negotiated|listing|auction")
    new.add_argument("--upfront")
    new.add_argument("--royalty-rate")
    new.add_argument("--payment-terms")
    new.add_argument("--term-end", help="a licence's last day (an open licence needs one)")
    new.set_defaults(handler=run_new)

    val = acts.add_parser("valuation", help="record an appraisal or why there is none")
    val.add_argument("deal_no", metavar="DEAL_NO")
    how = val.add_mutually_exclusive_group(required=True)
    how.add_argument("--appraised", action="store_true")
    how.add_argument("--no-appraisal", metavar="REASON")
    val.add_argument("--firm")
    val.add_argument("--report-no")
    val.add_argument("--base-date")
    val.add_argument("--approach", help="income|market|cost")
    val.add_argument("--value", help="appraised value")
    val.add_argument("--agreed", help="agreed value")
    val.set_defaults(handler=run_valuation)

    dd = acts.add_parser("diligence", help="tick an item of the due-diligence checklist")
    dd.add_argument("deal_no", metavar="DEAL_NO")
    dd.add_argument("item", metavar="ITEM", help="a checklist key from the policy, e.g. "
                    "counterparty_credit, ip_status")
    dd.add_argument("--done", action="store_true", default=True)
    dd.add_argument("--open", dest="done", action="store_false", help="untick")
    dd.add_argument("--note")
    dd.add_argument("--date", help="when checked (default today)")
    dd.set_defaults(handler=run_diligence)

    rel = acts.add_parser("related-party", help="R7 declaration and its extra approval")
    rel.add_argument("deal_no", metavar="DEAL_NO")
    rel.add_argument("--declaration", required=True)
    rel.add_argument("--date", required=True, help="date of the extra approval")
    rel.set_defaults(handler=run_related)

    step = acts.add_parser("step", help="move a deal: " + "|".join(STEPS))
    step.add_argument("deal_no", metavar="DEAL_NO")
    step.add_argument("step", choices=list(STEPS))
    step.add_argument("--date", help="date of the step (default today)")
    step.add_argument("--body", help="approve: approving body")
    step.add_argument("--minutes", help="approve: minutes number")
    step.add_argument("--start", help="publicity: first day")
    step.add_argument("--channel", default="校内网公示栏", help="publicity: where")
    step.add_argument("--by", help="objection: raised by")
    step.add_argument("--content", help="objection: what")
    step.add_argument("--resolution", help="resolve: how")
    step.add_argument("--upheld", action="store_true", help="resolve: objection upheld")
    step.add_argument("--no", dest="number", help="register: registration number")
    step.add_argument("--reason", help="terminate: why")
    step.set_defaults(handler=run_step)

    from ttdesk.cli import deal_registration

    deal_registration.add_to(acts)  # register-submit, register-certificate, ...


def run_new(args: argparse.Namespace) -> int:
    from ttdesk.core.deals import deals
    from ttdesk.core.views.case_detail import case_detail

    ctx = open_ctx(args)
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    title = args.title or (case_detail(ctx, cases[0]).title if cases else "")
    deal_no = deals.create(ctx, deals.DealIn(
        title=title, mode=args.mode, achievements=cases, counterparty=args.counterparty,
        pricing_method=args.pricing, price=args.price, upfront_amount=args.upfront,
        royalty_rate=args.royalty_rate, payment_terms=args.payment_terms,
        term_end=iso_date(args.term_end, "term_end")))
    print(deal_no)
    ctx.db.dispose()
    return EXIT_OK


def run_valuation(args: argparse.Namespace) -> int:
    from ttdesk.core.deals import deals

    ctx = open_ctx(args)
    deals.add_valuation(ctx, args.deal_no, deals.ValuationIn(
        appraised=args.appraised, no_appraisal_reason=args.no_appraisal, firm=args.firm,
        report_no=args.report_no, base_date=iso_date(args.base_date, "base_date"),
        approach=args.approach, appraised_value=args.value, agreed_value=args.agreed))
    ctx.db.dispose()
    return EXIT_OK


def run_diligence(args: argparse.Namespace) -> int:
    """`deal diligence` is `diligence DEAL_NO --tick ITEM` spelt the interfaces.md way."""
    from ttdesk.core.deals import diligence

    ctx = open_ctx(args)
    diligence.tick(ctx, args.deal_no, args.item, iso_date(args.date), None, args.note,
                   done=args.done)
    ctx.db.dispose()
    return EXIT_OK


def run_related(args: argparse.Namespace) -> int:
    from ttdesk.core.deals import deals

    ctx = open_ctx(args)
    deals.declare_related_party(ctx, args.deal_no, args.declaration,
                                iso_date(args.date) or ctx.today())
    ctx.db.dispose()
    return EXIT_OK


def _need(value: Any, field: str) -> Any:
    if value is None or value == "":
        raise RuleViolation("INPUT", f"此步骤须提供 --{field}", f"this step needs --{field}",
                            field=field)
    return value


def _steps() -> dict[str, Callable[[Any, argparse.Namespace], Any]]:
    from ttdesk.core.deals import deals as d

    def day(a: argparse.Namespace, ctx: Any) -> Any:
        return iso_date(a.date) or ctx.today()

    return {
        "diligence": lambda ctx, a: d.start_due_diligence(ctx, a.deal_no),
        "submit": lambda ctx, a: d.submit_for_approval(ctx, a.deal_no),
        "approve": lambda ctx, a: d.record_approval(ctx, a.deal_no, _need(a.body, "body"),
                                                    day(a, ctx), a.minutes),
        "publicity": lambda ctx, a: d.start_publicity(
            ctx, a.deal_no, iso_date(_need(a.start, "start"), "start"), a.channel),
        "objection": lambda ctx, a: d.object_to(ctx, a.deal_no, _need(a.by, "by"),
                                                day(a, ctx), _need(a.content, "content")),
        "resolve": lambda ctx, a: d.resolve_objection(
            ctx, a.deal_no, _need(a.resolution, "resolution"), day(a, ctx), a.upheld),
        "sign": lambda ctx, a: d.sign(ctx, a.deal_no, day(a, ctx)),
        "register": lambda ctx, a: d.register(ctx, a.deal_no, _need(a.number, "no"),
                                              day(a, ctx)),
        "perform": lambda ctx, a: d.start_performing(ctx, a.deal_no),
        "complete": lambda ctx, a: d.complete(ctx, a.deal_no, day(a, ctx)),
        "terminate": lambda ctx, a: d.terminate(ctx, a.deal_no, _need(a.reason, "reason"),
                                                iso_date(a.date)),
    }


STEPS = ("diligence", "submit", "approve", "publicity", "objection", "resolve", "sign",
         "register", "perform", "complete", "terminate")


def run_step(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
    result = _steps()[args.step](ctx, args)
    if args.step == "publicity" and result is not None:
        print(result.isoformat())  # the last day of the publicity
    ctx.db.dispose()
    return EXIT_OK
