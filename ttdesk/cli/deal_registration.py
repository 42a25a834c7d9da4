"""Contract registration from the command line (measures of 2026, domain.md §6):
`deal register-submit`, `deal register-certificate`, `deal register-change`,
`deal deregister`. Added to the `deal` group by `cmd_deal`."""

from __future__ import annotations

import argparse

from ttdesk.cli.args import iso_date
from ttdesk.cli.main import EXIT_OK, open_ctx


def add_to(acts: argparse._SubParsersAction) -> None:
    sub = acts.add_parser("register-submit", help="record the registration's submission; "
                          "prints the office's answer date")
    sub.add_argument("deal_no", metavar="DEAL_NO")
    sub.add_argument("--date", help="submitted on (default today)")
    sub.add_argument("--amount", help="contract value declared (default: the price)")
    sub.add_argument("--disputed", action="store_true", help="the contract is disputed")
    sub.set_defaults(handler=run_submit)

    cert = acts.add_parser("register-certificate",
                           help="the certificate: number, date, both amounts")
    cert.add_argument("deal_no", metavar="DEAL_NO")
    cert.add_argument("--no", dest="number", required=True, help="certificate number")
    cert.add_argument("--date", help="certified on (default today)")
    cert.add_argument("--contract-amount", help="成交额 (default: the price)")
    cert.add_argument("--tech-amount", help="技术交易额 (default: the contract value)")
    cert.set_defaults(handler=run_certificate)

    chg = acts.add_parser("register-change", help="re-registration of a changed contract")
    chg.add_argument("deal_no", metavar="DEAL_NO")
    chg.add_argument("--reason", required=True)
    chg.add_argument("--contract-amount", required=True)
    chg.add_argument("--tech-amount", required=True)
    chg.add_argument("--no", dest="number", help="new certificate number (default: same)")
    chg.add_argument("--date", help="default today")
    chg.set_defaults(handler=run_change)

    der = acts.add_parser("deregister", help="withdraw the registration of an ended contract")
    der.add_argument("deal_no", metavar="DEAL_NO")
    der.add_argument("--reason", required=True)
    der.add_argument("--date", help="default today")
    der.set_defaults(handler=run_deregister)


def run_submit(args: argparse.Namespace) -> int:
    from ttdesk.core.deals import registration

    ctx = open_ctx(args)
    got = registration.submit(ctx, args.deal_no, iso_date(args.date) or ctx.today(),
                              args.amount, args.disputed)
    print(f"{got.answer_due.isoformat()}\t{got.working_days}")
    ctx.db.dispose()
    return EXIT_OK


def run_certificate(args: argparse.Namespace) -> int:
    from ttdesk.core.deals import deals

    ctx = open_ctx(args)
    deals.register(ctx, args.deal_no, args.number, iso_date(args.date) or ctx.today(),
                   args.contract_amount, args.tech_amount)
    ctx.db.dispose()
    return EXIT_OK


def run_change(args: argparse.Namespace) -> int:
    from ttdesk.core.deals import registration

    ctx = open_ctx(args)
    registration.change(ctx, args.deal_no, iso_date(args.date) or ctx.today(), args.reason,
                        args.contract_amount, args.tech_amount, args.number)
    ctx.db.dispose()
    return EXIT_OK


def run_deregister(args: argparse.Namespace) -> int:
    from ttdesk.core.deals import registration

    ctx = open_ctx(args)
    registration.deregister(ctx, args.deal_no, iso_date(args.date) or ctx.today(), args.reason)
    ctx.db.dispose()
    return EXIT_OK
