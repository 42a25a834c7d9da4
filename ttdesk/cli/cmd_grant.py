"""A rights grant (赋权) from the command line: `grant new CASE_NO --form ...` (prints the
grant id) and `grant step ID college-review|tto-review|publicity|objection|resolve|approve|
agreement|title-change|reject`, each the service the case page's 赋权 tab calls."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from ttdesk.cli.args import iso_date
from ttdesk.cli.cmd_deal import _need
from ttdesk.cli.main import EXIT_OK, open_ctx

STEPS = ("college-review", "tto-review", "publicity", "objection", "resolve", "approve",
         "agreement", "title-change", "reject")


def register(sub: argparse._SubParsersAction) -> None:
    grant = sub.add_parser("grant", help="a rights grant: new, step / 赋权")
    acts = grant.add_subparsers(dest="action", required=True, metavar="ACTION")
    new = acts.add_parser("new", help="apply for a rights grant")
    new.add_argument("case_no", metavar="CASE_NO")
    new.add_argument("--form", required=True, help="co_ownership|long_term_use")
    new.add_argument("--team-share", help="co_ownership: the team's share (%%)")
    new.add_argument("--term-years", type=int, help="long_term_use: years")
    new.add_argument("--representative", help="staff no.")
    new.add_argument("--date", help="application date (default today)")
    new.add_argument("--plan", help="commercialization plan summary (marks it attached)")
    new.add_argument("--consent", action="store_true", help="all inventors' consent recorded")
    new.set_defaults(handler=run_new)
    step = acts.add_parser("step", help="move a grant: " + "|".join(STEPS))
    step.add_argument("grant_id", type=int, metavar="ID")
    step.add_argument("step", choices=STEPS)
    step.add_argument("--date", help="date of the step (default today)")
    step.add_argument("--opinion", help="reviews: the opinion")
    step.add_argument("--start", help="publicity: first day")
    step.add_argument("--channel", default="校内网公示栏")
    step.add_argument("--by", help="objection: raised by")
    step.add_argument("--content", help="objection: what")
    step.add_argument("--resolution", help="resolve: how")
    step.add_argument("--upheld", action="store_true")
    step.add_argument("--body", help="approve: deciding body")
    step.add_argument("--minutes", help="approve: minutes number")
    step.add_argument("--no", dest="number", help="agreement: its number")
    step.add_argument("--reason", help="reject: why")
    step.set_defaults(handler=run_step)


def run_new(args: argparse.Namespace) -> int:
    from ttdesk.core.cases import rights

    ctx = open_ctx(args)
    grant_id = rights.apply(ctx, args.case_no, rights.GrantIn(
        form=args.form, application_date=iso_date(args.date) or ctx.today(),
        team_share=args.team_share, term_years=args.term_years,
        representative=args.representative, plan_attached=bool(args.plan),
        plan_summary=args.plan, consent_recorded=args.consent))
    print(grant_id)
    ctx.db.dispose()
    return EXIT_OK


def _steps() -> dict[str, Callable[[Any, argparse.Namespace], Any]]:
    from ttdesk.core.cases import rights as r

    def day(ctx: Any, a: argparse.Namespace) -> Any:
        return iso_date(a.date) or ctx.today()

    return {
        "college-review": lambda c, a: r.college_review(c, a.grant_id, day(c, a),
                                                        _need(a.opinion, "opinion")),
        "tto-review": lambda c, a: r.tto_review(c, a.grant_id, day(c, a),
                                                _need(a.opinion, "opinion")),
        "publicity": lambda c, a: r.start_publicity(
            c, a.grant_id, iso_date(_need(a.start, "start"), "start"), a.channel),
        "objection": lambda c, a: r.object_to(c, a.grant_id, _need(a.by, "by"), day(c, a),
                                              _need(a.content, "content")),
        "resolve": lambda c, a: r.resolve_objection(
            c, a.grant_id, _need(a.resolution, "resolution"), day(c, a), a.upheld),
        "approve": lambda c, a: r.approve(c, a.grant_id, _need(a.body, "body"), day(c, a),
                                          a.minutes or ""),
        "agreement": lambda c, a: r.sign_agreement(c, a.grant_id, _need(a.number, "no"),
                                                   day(c, a)),
        "title-change": lambda c, a: r.change_title(c, a.grant_id, day(c, a)),
        "reject": lambda c, a: r.reject(c, a.grant_id, _need(a.reason, "reason")),
    }


def run_step(args: argparse.Namespace) -> int:
    ctx = open_ctx(args)
    result = _steps()[args.step](ctx, args)
    if args.step == "publicity" and result is not None:
        print(result.isoformat())
    ctx.db.dispose()
    return EXIT_OK
