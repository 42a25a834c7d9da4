"""`statement --person STAFF_NO [--from D] [--to D] OUT.pdf` and `statement --deal DEAL_NO
OUT_FOLDER`: reward statements (奖励明细) for a person over a period, or one per contributor
of a deal in one step."""

from __future__ import annotations

import argparse
from pathlib import Path

from ttdesk.cli.args import iso_date
from ttdesk.cli.main import EXIT_OK, open_ctx


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("statement", help="reward statements as PDF / 奖励明细")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--person", metavar="STAFF_NO")
    who.add_argument("--deal", metavar="DEAL_NO",
                     help="one statement per contributor, into the folder OUT")
    p.add_argument("output", metavar="OUT", help="a PDF file (--person) or a folder (--deal)")
    p.add_argument("--from", dest="start", type=iso_date)
    p.add_argument("--to", dest="end", type=iso_date)
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.set_defaults(handler=run_statement)


def run_statement(args: argparse.Namespace) -> int:
    from ttdesk.core.views import reward_statement as rs
    from ttdesk.filings.statement_pdf import deal_statement_files, write_statements

    ctx = open_ctx(args)
    ctx.lang = args.lang
    try:
        if args.person:
            statements = [(rs.person_statement(ctx, args.person, args.start, args.end),
                           Path(args.output))]
        else:
            statements = deal_statement_files(ctx, args.deal, Path(args.output))
        written = write_statements(ctx, statements, args.force)
    finally:
        ctx.db.dispose()
    for (st, _p), path in zip(statements, written, strict=True):
        print(f"{st.staff_no}\t{len(st.lines)}\t{st.total_amount}\t{path}")
    return EXIT_OK
