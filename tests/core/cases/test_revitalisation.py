"""存量专利盘活 (issue 19 §7): the annuity forecast equals the fee table after the reduction;
the inventory holds valid, unconverted Chinese patents only; bulk decisions, a `drop` task
before the next annuity; the cost per college; the fee table editable and checked; the
inventory as Excel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from builders import make_achievement, make_deal, make_department, make_person

from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation, ValidationFailed
from ttdesk.core.cases import revitalisation as revive
from ttdesk.core.ledger.inventory_export import export_inventory
from ttdesk.core.rules import annuity
from ttdesk.core.views.revitalisation import cost_by_college, inventory
from ttdesk.db import models as M

D = Decimal
TODAY = date(2026, 12, 3)


def test_the_forecast_of_an_invention_patent_is_the_fee_table_after_reduction() -> None:
    """Filed 2019-05-10, granted 2022-08-01: years 9, 10 and 11 fall due in 2027-2029, at
    ¥2,000, ¥4,000, ¥4,000 less the 85% reduction of the ten years from the grant year."""
    table = annuity.shipped_table()
    got = annuity.forecast(table, "invention_patent", date(2019, 5, 10), date(2022, 8, 1),
                           TODAY)
    assert [(a.year_no, a.due_date, a.fee, a.payable) for a in got] == [
        (9, date(2027, 5, 10), D(2000), D("300.00")),
        (10, date(2028, 5, 10), D(4000), D("600.00")),
        (11, date(2029, 5, 10), D(4000), D("600.00"))]
    assert got[0].lapse_date == date(2027, 11, 10)  # six months of grace
    assert annuity.surcharge(table, D(2000), 0) == D("0.00")
    assert annuity.surcharge(table, D(2000), 2) == D("200.00")  # third month late: 10%
    # outside the ten years from the grant year: the full fee
    late = annuity.forecast(table, "invention_patent", date(2010, 1, 1), date(2012, 1, 1),
                            date(2026, 12, 31), years=1)[0]
    assert (late.year_no, late.fee, late.reduced, late.payable) == (
        18, D(8000), False, D("8000.00"))
    # past the twentieth year nothing more falls due
    assert annuity.forecast(table, "invention_patent", date(2005, 1, 1), date(2008, 1, 1),
                            date(2026, 12, 31)) == []
    # the term ends: a utility model has ten years
    um = annuity.forecast(table, "utility_model", date(2017, 6, 1), date(2018, 1, 1), TODAY)
    assert [a.year_no for a in um] == []


def test_a_fee_table_with_a_gap_or_a_bad_reduction_is_refused() -> None:
    raw = annuity.shipped_table_raw()
    raw["annuity"]["invention_patent"][1] = [5, 6, 1200]
    with pytest.raises(RuleViolation):
        annuity.parse_table(raw)
    raw = annuity.shipped_table_raw() | {"reduction_pct": "120"}
    with pytest.raises(RuleViolation):
        annuity.parse_table(raw)


def _patent(ctx: AppContext, case: M.Achievement, no: str, kind: E.IPKind, filed: date,
            granted: date | None, status: E.IPStatus = E.IPStatus.GRANTED) -> None:
    with ctx.write() as s:
        s.add(M.IPAsset(achievement_id=case.id, kind=kind, application_no=no,
                        filing_date=filed, grant_date=granted, status=status))


@pytest.fixture
def campus(ctx: AppContext) -> dict:
    ctx.today = lambda: TODAY
    chem, phys = make_department(ctx, name="化学学院"), make_department(ctx, name="物理学院")
    a = make_achievement(ctx, contributors=[(make_person(ctx, chem), "100")],
                         department_id=chem.id)
    b = make_achievement(ctx, contributors=[(make_person(ctx, phys), "100")],
                         department_id=phys.id)
    sold = make_achievement(ctx, contributors=[(make_person(ctx, phys), "100")],
                            department_id=phys.id)
    make_deal(ctx, [sold], status=E.DealStatus.PERFORMING, signing_date=date(2025, 1, 1))
    _patent(ctx, a, "ZL201910000001.1", E.IPKind.INVENTION_PATENT, date(2019, 5, 10),
            date(2022, 8, 1))
    _patent(ctx, a, "ZL202120000002.2", E.IPKind.UTILITY_MODEL, date(2021, 3, 1),
            date(2021, 9, 1))
    _patent(ctx, b, "ZL202010000003.3", E.IPKind.INVENTION_PATENT, date(2020, 1, 15),
            date(2023, 2, 1))
    _patent(ctx, b, "CN202410000004.4", E.IPKind.INVENTION_PATENT, date(2024, 4, 1), None,
            E.IPStatus.PENDING)
    _patent(ctx, sold, "ZL201810000005.5", E.IPKind.INVENTION_PATENT, date(2018, 1, 1),
            date(2020, 1, 1))
    return {"chem": chem, "phys": phys}


def test_the_inventory_and_the_cost_per_college(ctx: AppContext, campus: dict) -> None:
    rows = inventory(ctx)
    assert [r.application_no for r in rows] == [
        "ZL201910000001.1", "ZL202120000002.2", "ZL202010000003.3"]  # granted, unsold
    costs = {c.department: c for c in cost_by_college(rows, 2027)}
    # chemistry: invention y9/y10/y11 = 300, 600, 600; utility model y7/y8/y9 (1,200, 1,200,
    # 2,000 less 85%) = 180, 180, 300
    assert costs["化学学院"].by_year == {2027: D("480.00"), 2028: D("780.00"),
                                         2029: D("900.00")}
    # physics: invention filed 2020-01-15 → years 8, 9, 10 = 2,000, 2,000, 4,000 less 85%
    assert costs["物理学院"].by_year == {2027: D("300.00"), 2028: D("300.00"),
                                         2029: D("600.00")}
    assert costs["化学学院"].total == D("2160.00")


def test_bulk_decisions_and_the_drop_task(ctx: AppContext, campus: dict) -> None:
    n = revive.review(ctx, ["ZL201910000001.1", "ZL202120000002.2"], grade="C",
                      decision="drop", reviewer="刘晨")
    assert n == 2
    with ctx.read() as s:
        tasks = {d.subject_ref: d for d in s.query(M.Deadline).filter_by(
            kind=E.DeadlineKind.PATENT_DROP)}
    assert tasks["ZL201910000001.1"].due_date == date(2027, 4, 10)  # a month before 5-10
    assert not tasks["ZL201910000001.1"].done
    rows = {r.application_no: r for r in inventory(ctx)}
    assert (rows["ZL201910000001.1"].grade, rows["ZL201910000001.1"].decision) == (
        E.PatentGrade.C, E.PatentDecision.DROP)
    assert "化学学院" not in {c.department for c in cost_by_college(list(rows.values()), 2027)}
    revive.review(ctx, ["ZL201910000001.1"], decision="open_license")
    with ctx.read() as s:
        task = s.query(M.Deadline).filter_by(subject_ref="ZL201910000001.1").one()
    assert task.done
    with pytest.raises(ValidationFailed):  # a pending application is not in the campaign
        revive.review(ctx, ["CN202410000004.4"], decision="keep")
    with pytest.raises(RuleViolation):
        revive.review(ctx, ["ZL202010000003.3"], decision="sell")


def test_the_fee_table_is_editable_and_checked(ctx: AppContext, campus: dict) -> None:
    raw = annuity.shipped_table_raw() | {"reduction_pct": "70"}
    revive.set_fee_table(ctx, raw)
    row = next(r for r in inventory(ctx) if r.application_no == "ZL201910000001.1")
    assert row.next_payable == D("600.00")  # 30% of 2,000
    with pytest.raises(ValidationFailed):
        revive.set_fee_table(ctx, annuity.shipped_table_raw() | {"grace_months": 40})


def test_the_inventory_as_excel(ctx: AppContext, campus: dict, tmp_path: Path) -> None:
    path = tmp_path / "存量专利.xlsx"
    assert export_inventory(ctx, path) == 3
    book = openpyxl.load_workbook(path)
    sheet = book["存量专利"]
    assert sheet["A2"].value == "ZL201910000001.1" and sheet["M2"].value == 300
    assert [c.value for c in book["年费预测"]["A"]][1:] == ["化学学院", "物理学院"]


def test_the_campaign_through_the_cli(ctx: AppContext, campus: dict, db_url: str,
                                      tmp_path: Path, capsys) -> None:
    from ttdesk.cli.main import main

    assert main(["--db", db_url, "revitalise", "list", "--json"]) == 0
    assert "ZL202010000003.3" in capsys.readouterr().out
    assert main(["--db", db_url, "revitalise", "review", "ZL202010000003.3",
                 "ZL202120000002.2", "--grade", "A", "--decision", "promote"]) == 0
    assert capsys.readouterr().out.strip() == "2"
    assert main(["--db", db_url, "revitalise", "review", "NO-SUCH", "--grade", "A"]) == 2
    assert main(["--db", db_url, "revitalise", "costs", "--json"]) == 0
    assert "物理学院" in capsys.readouterr().out
    out = tmp_path / "inv.xlsx"
    assert main(["--db", db_url, "revitalise", "export", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK"
    bad = tmp_path / "fees.json"
    bad.write_text('{"annuity": {"invention_patent": [[2, 3, 900]]}}', "utf-8")
    capsys.readouterr()
    assert main(["--db", db_url, "revitalise", "fees", "--load", str(bad)]) == 2
    assert "年费表" in capsys.readouterr().err
