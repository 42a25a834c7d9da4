"""`disclosure-form [--case CASE_NO] [--xlsx] OUT` and `import-disclosure FILE [--case
CASE_NO] [--accept]`: the inventors' disclosure form out (a fillable PDF or an Excel template)
and back in. Without --accept the returned form is only checked and shown beside the case."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ttdesk.cli.main import EXIT_OK, add_json_flag, open_ctx
from ttdesk.cli.output import print_json

if TYPE_CHECKING:
    from ttdesk.core.disclosure.intake import Review


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("disclosure-form",
                       help="a fillable disclosure form (PDF or xlsx) / 发明人披露表")
    p.add_argument("output", metavar="OUT")
    p.add_argument("--case", dest="case_no", help="issue it for this case (its answers filled)")
    p.add_argument("--xlsx", action="store_true",
                   help="an Excel template instead of a PDF (also: OUT ending in .xlsx)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(handler=run_form)
    p = sub.add_parser("import-disclosure",
                       help="read a returned disclosure form / 导入披露表")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--case", dest="case_no", help="the case the form belongs to")
    p.add_argument("--accept", action="store_true",
                   help="create or update the case (otherwise: check and show only)")
    add_json_flag(p)
    p.set_defaults(handler=run_import)


def run_form(args: argparse.Namespace) -> int:
    from ttdesk.filings.disclosure_issue import issue_form

    target = args.output
    if args.xlsx and not target.lower().endswith(".xlsx"):
        target += ".xlsx"
    ctx = open_ctx(args)
    try:
        form_id, path = issue_form(ctx, target, args.case_no, args.force)
    finally:
        ctx.db.dispose()
    print(f"{form_id}\t{path}")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from ttdesk.core.base.errors import ValidationFailed
    from ttdesk.core.disclosure import intake

    ctx = open_ctx(args)
    try:
        if args.accept:
            case_no = intake.accept(ctx, args.file, args.case_no)
            print(case_no)
            return EXIT_OK
        review = intake.review(ctx, args.file, args.case_no)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json({"form_id": review.form_id, "case_no": review.case_no,
                    "returned": review.returned, "current": review.current,
                    "unknown_people": review.unknown_people,
                    "problems": [p.message(args.lang) for p in review.problems]})
    else:
        _print_side_by_side(review, args.lang)
    if review.problems:
        raise ValidationFailed(review.problems)
    return EXIT_OK


def _print_side_by_side(r: Review, lang: str) -> None:
    """Each answer of the form; "≠ old → new" where it changes the case."""
    from ttdesk.core.base.labels import pick
    from ttdesk.core.disclosure import form_spec as spec

    target = r.case_no or pick(("新成果", "new case"), lang)
    print(f"{pick(('表单', 'form'), lang)} {r.form_id} → {target}")
    for f in spec.CASE_FIELDS:
        new, old = r.returned.get(f.name, ""), r.current.get(f.name, "")
        changed = bool(r.current) and new != old
        print(f"{'≠ ' if changed else '  '}{pick((f.zh, f.en), lang)}: "
              f"{old + ' → ' if changed else ''}{new}")
    for row, staff_no, name, hint in r.unknown_people:
        print(f"? {row}: {staff_no} {name} {('≈ ' + hint) if hint else ''}")
