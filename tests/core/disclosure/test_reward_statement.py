"""Reward statements (issue 18 §3): a person's statement over a period lists every
distribution they took part in and sums to their allocations; drafts and other periods are
left out; nobody else's name appears; per deal, one statement per contributor; rendered as a
PDF and read back."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

from builders import make_achievement, make_deal, make_department, make_distribution, make_person
from pypdf import PdfReader

from ttdesk import codes as E
from ttdesk.cli.main import main
from ttdesk.core.base.context import AppContext
from ttdesk.core.views.reward_statement import deal_statements, person_statement
from ttdesk.db import models as M
from ttdesk.filings.statement_pdf import render_statement

D = Decimal
PAID, APPROVED, DRAFT = (E.DistributionStatus.PAID, E.DistributionStatus.APPROVED,
                         E.DistributionStatus.DRAFT)


def _world(ctx: AppContext) -> dict:
    with ctx.write() as s:
        s.add(M.Institution(name="北方理工大学"))
    dept = make_department(ctx)
    wang = make_person(ctx, dept, staff_no="T1001", name="王芳", id_number="110101199001011234")
    li = make_person(ctx, dept, staff_no="T1002", name="李雷")
    case = make_achievement(ctx, contributors=[(wang, "60"), (li, "40")])
    deal1 = make_deal(ctx, [case], status=E.DealStatus.PERFORMING)
    deal2 = make_deal(ctx, [case], status=E.DealStatus.PERFORMING)
    make_distribution(ctx, deal1, allocations=[(wang, "60", "42000.00"), (li, "40", "28000.00")],
                      status=PAID, approval_date=date(2026, 3, 1), payment_date=date(2026, 4, 1))
    make_distribution(ctx, deal1, allocations=[(wang, "60", "12000.50"), (li, "40", "8000.00")],
                      status=APPROVED, approval_date=date(2026, 9, 1),
                      team_amount=D("20000.50"))
    make_distribution(ctx, deal2, allocations=[(wang, "55", "5500.25")], status=PAID,
                      approval_date=date(2026, 5, 1), payment_date=date(2026, 6, 1),
                      team_amount=D("5500.25"))
    make_distribution(ctx, deal2, allocations=[(wang, "55", "999.00")], status=DRAFT)
    make_distribution(ctx, deal2, allocations=[(wang, "55", "777.00")], status=PAID,
                      approval_date=date(2025, 5, 1), payment_date=date(2025, 6, 1))
    return {"wang": wang, "li": li, "deal1": deal1, "deal2": deal2}


def test_a_statement_sums_the_persons_allocations(ctx: AppContext, tmp_path: Path) -> None:
    w = _world(ctx)
    st = person_statement(ctx, "T1001", date(2026, 1, 1), date(2026, 12, 31))
    assert [ln.amount for ln in st.lines] == [D("42000.00"), D("5500.25"), D("12000.50")]
    with ctx.read() as s:
        expected = sum(a.amount for a in s.query(M.Allocation).join(M.Distribution).filter(
            M.Allocation.person_id == w["wang"].id,
            M.Distribution.status != DRAFT,
            M.Distribution.approval_date >= date(2026, 1, 1)))
    assert st.total_amount == expected == D("59500.75")
    assert st.lines[0].team_amount == D("70000.00") and st.lines[0].contribution_pct == D(60)
    everything = person_statement(ctx, "T1001")
    assert len(everything.lines) == 4  # 2025 included, the draft never
    pdf = render_statement(st, "北方理工大学")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "王芳" in text and "59,500.75" in text
    assert "李雷" not in text and "110101" not in text  # nobody else, no ID number
    (tmp_path / "s.pdf").write_bytes(pdf)


def test_one_statement_per_contributor_of_a_deal_through_the_cli(
        ctx: AppContext, db_url: str, tmp_path: Path, capsys) -> None:
    w = _world(ctx)
    sts = deal_statements(ctx, w["deal1"].deal_no)
    assert [(st.staff_no, st.total_amount) for st in sts] == [
        ("T1001", D("54000.50")), ("T1002", D("36000.00"))]
    out = tmp_path / "out"
    assert main(["--db", db_url, "statement", "--deal", w["deal1"].deal_no, str(out)]) == 0
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 2 and all(w["deal1"].deal_no in f for f in files)
    one = tmp_path / "wang.pdf"
    assert main(["--db", db_url, "statement", "--person", "T1001", "--from", "2026-01-01",
                 str(one)]) == 0
    assert "59500.75" in capsys.readouterr().out
    assert main(["--db", db_url, "statement", "--person", "NOBODY", str(tmp_path / "x.pdf")]) == 2
