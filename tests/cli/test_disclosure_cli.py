"""`disclosure-form` and `import-disclosure` (issue 18): a form written as PDF and xlsx, a
returned form checked (exit 0) and accepted; a bad one refused with exit 2 naming the field,
the database unchanged."""

from __future__ import annotations

from pathlib import Path

from builders import make_department, make_person
from cli.conftest import db_digest

from ttdesk import codes as E
from ttdesk.cli.main import main
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.labels import label
from ttdesk.core.disclosure import intake
from ttdesk.filings.disclosure_pdf import filled


def test_form_out_and_back_through_the_cli(ctx: AppContext, db_url: str, tmp_path: Path,
                                           capsys) -> None:
    dept = make_department(ctx, code="D07", name="材料学院")
    make_person(ctx, dept, staff_no="T1001", name="王芳")
    db_path = Path(db_url.removeprefix("sqlite:///"))
    pdf, xlsx = tmp_path / "form.pdf", tmp_path / "form.xlsx"
    assert main(["--db", db_url, "disclosure-form", str(pdf)]) == 0
    assert main(["--db", db_url, "disclosure-form", "--xlsx", str(xlsx)]) == 0
    assert xlsx.read_bytes()[:2] == b"PK"
    form_id = capsys.readouterr().out.split("\t")[0]
    assert form_id.startswith("DF1-NEW-")
    assert main(["--db", db_url, "disclosure-form", str(pdf)]) == 2  # exists: needs --force
    values = {"title": "石墨烯散热膜", "kind": label(E.AchievementKind.INVENTION_PATENT),
              "department": "D07", "disclosure_date": "2026-02-30",
              "research_stage": label(E.ResearchStage.RESEARCH),
              "secrecy": label(E.Secrecy.NONE), "c1_staff_no": "T1001", "c1_share": "100"}
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(filled(pdf.read_bytes(), values))
    before = db_digest(db_path)
    capsys.readouterr()
    assert main(["--db", db_url, "import-disclosure", str(bad), "--accept"]) == 2
    err = capsys.readouterr().err
    assert "披露日期" in err and "2026-02-30" in err and "Traceback" not in err
    assert db_digest(db_path) == before
    good = tmp_path / "good.pdf"
    good.write_bytes(filled(pdf.read_bytes(), values | {"disclosure_date": "2026-09-01"}))
    assert main(["--db", db_url, "import-disclosure", str(good)]) == 0
    assert "石墨烯散热膜" in capsys.readouterr().out
    assert db_digest(db_path) == before  # checked and shown only
    assert main(["--db", db_url, "import-disclosure", str(good), "--accept"]) == 0
    case_no = capsys.readouterr().out.strip()
    assert intake.issue_values(ctx, case_no)[1]["title"] == "石墨烯散热膜"
