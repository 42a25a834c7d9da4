"""Writing an issued disclosure form to a file, for the app and the CLI alike: a new form id,
the case's current answers (if issued for a case), PDF or Excel, through the output gate
(never over the database or a backup; an existing file only when asked) and a temp file."""

from __future__ import annotations

from pathlib import Path

from ttdesk.core.base.context import AppContext
from ttdesk.core.disclosure import form_spec as spec
from ttdesk.core.disclosure import form_xlsx, intake
from ttdesk.core.office.output import atomic_file, check_output


def _xlsx(values: dict[str, str]) -> bytes:
    people = [{f.name: values.get(spec.row_field("c", i, f.name), "")
               for f in spec.CONTRIBUTOR_FIELDS} for i in range(spec.CONTRIBUTOR_ROWS)]
    funding = [{f.name: values.get(spec.row_field("f", i, f.name), "")
                for f in spec.FUNDING_FIELDS} for i in range(spec.FUNDING_ROWS)]
    answers: dict[str, object] = {f.name: values.get(f.name) for f in spec.CASE_FIELDS}
    for name in ("no_funding", "prior_disclosure"):
        answers[name] = values.get(name) == "1"
    return form_xlsx.template(values["form_id"], values["case_no"], answers,
                              [p for p in people if any(p.values())],
                              [f for f in funding if any(f.values())])


def issue_form(ctx: AppContext, target: str | Path, case_no: str | None = None,
               force: bool = False) -> tuple[str, Path]:
    """Write a form (an .xlsx target gets the Excel template, anything else the PDF);
    returns (form id, the file written)."""
    from ttdesk.filings.disclosure_pdf import issued_form

    path = check_output(target, db=ctx.db, force=force)
    form_id, values = intake.issue_values(ctx, case_no)
    content = _xlsx(values) if path.suffix.lower() == ".xlsx" else issued_form(values)
    with atomic_file(path) as temp:
        temp.write_bytes(content)
    return form_id, path
