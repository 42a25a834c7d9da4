"""A case from the command line: `case new`, `case step`, `assessment add`, `ip add`, `note`,
`attach` / `attachments` live in cmd_files. Each calls the service the case page calls."""

from __future__ import annotations

import argparse

from ttdesk.cli.args import iso_date, pairs
from ttdesk.cli.main import EXIT_OK, open_ctx

# step name → case status (domain.md §3); reopen has its own service
STEPS = {"assess": "assessing", "protect": "protecting", "market": "marketing",
         "release": "released", "archive": "archived", "reopen": None}


def register(sub: argparse._SubParsersAction) -> None:
    case = sub.add_parser("case", help="a case: new, step / 成果")
    acts = case.add_subparsers(dest="action", required=True, metavar="ACTION")
    new = acts.add_parser("new", help="record a disclosure (披露)")
    new.add_argument("--title", required=True)
    new.add_argument("--kind", required=True, help="invention_patent, software_copyright, ...")
    new.add_argument("--department", required=True, help="department code or name")
    new.add_argument("--contributors", required=True, help="STAFF:SHARE,... (sum 100); the "
                     "first is the lead")
    new.add_argument("--date", help="disclosure date (default today)")
    funding = new.add_mutually_exclusive_group(required=True)
    funding.add_argument("--funding", action="append",
                         help="PROGRAMME:FUNDER_TYPE[:PROJECT_NO] (repeatable)")
    funding.add_argument("--no-funding", action="store_true", help="no funding source")
    new.add_argument("--field", help="technical field")
    new.add_argument("--abstract")
    new.add_argument("--trl", type=int)
    new.add_argument("--secrecy", default="none")
    new.add_argument("--public-interest", action="store_true",
                     help="关系国计民生和重大公共利益: on the rights-grant negative list (R3)")
    new.add_argument("--officer", help="username of the responsible officer")
    new.set_defaults(handler=run_new)

    step = acts.add_parser("step", help="move a case: " + "|".join(STEPS))
    step.add_argument("case_no", metavar="CASE_NO")
    step.add_argument("step", choices=list(STEPS))
    step.add_argument("--reason", help="release / reopen reason")
    step.set_defaults(handler=run_step)

    assess = sub.add_parser("assessment", help="assessments of a case / 评估")
    a_acts = assess.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = a_acts.add_parser("add", help="record an assessment")
    add.add_argument("case_no", metavar="CASE_NO")
    add.add_argument("--date", required=True)
    add.add_argument("--assessor", required=True)
    add.add_argument("--recommendation", required=True, help="pursue|hold|release")
    add.add_argument("--technical", type=int, help="technical score 0-100")
    add.add_argument("--market", type=int, help="market score 0-100")
    add.add_argument("--notes")
    add.set_defaults(handler=run_assessment)

    ip = sub.add_parser("ip", help="IP assets of a case / 知识产权")
    i_acts = ip.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = i_acts.add_parser("add", help="record a patent application, copyright, ...")
    add.add_argument("case_no", metavar="CASE_NO")
    add.add_argument("--kind", required=True)
    add.add_argument("--application-no", required=True)
    add.add_argument("--filing-date")
    add.add_argument("--jurisdiction", default="CN")
    add.add_argument("--status", default="pending")
    add.add_argument("--grant-no")
    add.add_argument("--grant-date")
    add.set_defaults(handler=run_ip)


def _funding(items: list[str] | None) -> list:
    from ttdesk.core.base.errors import RuleViolation
    from ttdesk.core.cases.achievements import FundingIn

    out = []
    for item in items or []:
        parts = item.split(":")
        if len(parts) < 2:
            raise RuleViolation("INPUT", f"资助应写作 项目:资助类型[:编号]：“{item}”",
                                f"write PROGRAMME:FUNDER_TYPE[:PROJECT_NO]: {item!r}",
                                field="funding")
        out.append(FundingIn(programme=parts[0], funder_type=parts[1],
                             project_no=parts[2] if len(parts) > 2 else None))
    return out


def run_new(args: argparse.Namespace) -> int:
    from ttdesk.core.cases.achievements import ContributorIn, DisclosureIn, create_disclosure

    ctx = open_ctx(args)
    people = [ContributorIn(staff, share, "lead" if i == 0 else "member")
              for i, (staff, share) in enumerate(pairs(args.contributors, "contributors"))]
    case_no = create_disclosure(ctx, DisclosureIn(
        title=args.title, kind=args.kind, department=args.department,
        disclosure_date=iso_date(args.date) or ctx.today(), contributors=people,
        funding=_funding(args.funding), no_funding=args.no_funding, field=args.field,
        abstract=args.abstract, trl=args.trl, secrecy=args.secrecy, officer=args.officer,
        public_interest=args.public_interest))
    print(case_no)
    ctx.db.dispose()
    return EXIT_OK


def run_step(args: argparse.Namespace) -> int:
    from ttdesk.core.cases import achievements

    ctx = open_ctx(args)
    target = STEPS[args.step]
    if target is None:
        achievements.reopen(ctx, args.case_no, args.reason or "")
    else:
        achievements.transition(ctx, args.case_no, target, reason=args.reason)
    ctx.db.dispose()
    return EXIT_OK


def run_assessment(args: argparse.Namespace) -> int:
    from ttdesk.core.cases import assessments

    ctx = open_ctx(args)
    assessments.add(ctx, args.case_no, assessments.AssessmentIn(
        assessed_on=iso_date(args.date) or ctx.today(), assessor=args.assessor,
        recommendation=args.recommendation, technical_score=args.technical,
        market_score=args.market, notes=args.notes))
    ctx.db.dispose()
    return EXIT_OK


def run_ip(args: argparse.Namespace) -> int:
    from ttdesk.core.cases import ip_assets

    ctx = open_ctx(args)
    ip_assets.add(ctx, args.case_no, ip_assets.IPAssetIn(
        kind=args.kind, application_no=args.application_no,
        filing_date=iso_date(args.filing_date, "filing_date"), jurisdiction=args.jurisdiction,
        status=args.status, grant_no=args.grant_no,
        grant_date=iso_date(args.grant_date, "grant_date")))
    ctx.db.dispose()
    return EXIT_OK
