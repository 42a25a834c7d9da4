"""F09: every figure of the annual report equals an independent SQL aggregate over the same
database; the Excel version carries the same figures; the CLI writes both."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from ttdesk.cli.main import main
from ttdesk.core.base.context import AppContext
from ttdesk.core.records import filing_archive
from ttdesk.filings.service import generate

COOP = "('development', 'consulting', 'service')"
NOT_SECRET = ("id NOT IN (SELECT da.deal_id FROM deal_achievement da JOIN achievement a ON "
              "a.id = da.achievement_id WHERE a.secrecy = 'secret_or_security')")


def _yuan(fen: int | None) -> Decimal:
    return Decimal(fen or 0).scaleb(-2).quantize(Decimal("0.01"))


def _sql(ctx: AppContext, sql: str, **params: object) -> list[tuple]:
    with ctx.read() as s:
        return [tuple(r) for r in s.execute(text(sql), params)]


def _expected(ctx: AppContext, year: int) -> dict:
    p = {"s": f"{year}-01-01", "e": f"{year}-12-31"}
    open_case = "secrecy <> 'secret_or_security'"
    by_kind = dict(_sql(ctx, "SELECT kind, COUNT(*) FROM achievement WHERE disclosure_date "
                             f"BETWEEN :s AND :e AND {open_case} GROUP BY kind", **p))
    by_source = dict(_sql(ctx, "SELECT source, COUNT(*) FROM achievement WHERE "
                               f"disclosure_date BETWEEN :s AND :e AND {open_case} "
                               "GROUP BY source", **p))
    # by signing year, terminated ones included; deals of a secret case left out
    signed = ("FROM deal WHERE signing_date BETWEEN :s AND :e AND " + NOT_SECRET +
              " AND mode {} IN " + COOP)
    conv = _sql(ctx, "SELECT mode, COUNT(*), SUM(price) " + signed.format("NOT") +
                " GROUP BY mode", **p)
    coop = _sql(ctx, "SELECT mode, COUNT(*), SUM(price) " + signed.format("") +
                " GROUP BY mode", **p)
    income = _sql(ctx, "SELECT d.mode, SUM(CASE WHEN r.reverses_id IS NULL THEN r.amount "
                       "ELSE -r.amount END) FROM receipt r JOIN deal d ON d.id = r.deal_id "
                       "WHERE r.received_on BETWEEN :s AND :e GROUP BY d.mode", **p)
    decided = ("approval_date BETWEEN :s AND :e AND status IN ('approved', 'in_publicity', "
               "'paid')")
    dist = _sql(ctx, "SELECT COUNT(*), SUM(CASE WHEN is_equity THEN 0 ELSE team_amount END), "
                     "SUM(CASE WHEN is_equity THEN 1 ELSE 0 END) FROM distribution "
                     f"WHERE {decided}", **p)[0]
    persons = _sql(ctx, "SELECT COUNT(DISTINCT person_id) FROM allocation WHERE "
                        f"distribution_id IN (SELECT id FROM distribution WHERE {decided})",
                   **p)[0][0]
    taxable = _sql(ctx, "SELECT SUM(a.taxable_amount) FROM allocation a JOIN distribution d "
                        "ON d.id = a.distribution_id WHERE NOT d.is_equity AND "
                        "d.approval_date BETWEEN :s AND :e AND d.status IN ('approved', "
                        "'in_publicity', 'paid')", **p)[0][0]
    projects = [r[0] for r in _sql(ctx, "SELECT deal_no FROM deal WHERE signing_date BETWEEN "
                                        ":s AND :e AND " + NOT_SECRET, **p)]
    return {"by_kind": by_kind, "by_source": by_source,
            "conv": {m: (n, _yuan(a)) for m, n, a in conv},
            "coop": {m: (n, _yuan(a)) for m, n, a in coop},
            "income": {m: _yuan(a) for m, a in income},
            "dist": (dist[0], _yuan(dist[1]), dist[2] or 0), "persons": persons,
            "taxable": _yuan(taxable), "projects": sorted(projects)}


@pytest.mark.parametrize("year", [2018, 2023, 2024, 2025, 2026])
def test_figures_equal_independent_sql(demo_ctx: AppContext, year: int) -> None:
    gen = generate(demo_ctx, "F09", str(year))
    snap = filing_archive.snapshot(demo_ctx, gen.record.id)
    want = _expected(demo_ctx, year)
    ach = snap["achievements"]
    assert {k: v for k, v in ach["by_kind"].items() if v} == want["by_kind"]
    assert {k: v for k, v in ach["by_source"].items() if v} == want["by_source"]
    assert ach["total"] == sum(want["by_kind"].values())
    for part, key in (("conversions", "conv"), ("cooperation", "coop")):
        got = {r["mode"]: (r["count"], Decimal(r["amount"]))
               for r in snap[part]["by_mode"] if r["count"]}
        assert got == want[key]
        assert snap[part]["count"] == sum(n for n, _ in want[key].values())
        assert Decimal(snap[part]["amount"]) == sum((a for _, a in want[key].values()),
                                                    Decimal(0))
        for r in snap[part]["by_mode"]:
            assert Decimal(r["income"]) == want["income"].get(r["mode"], Decimal(0))
    assert Decimal(snap["income"]["total"]) == sum(want["income"].values(), Decimal(0))
    rw = snap["rewards"]
    assert (rw["distributions"], Decimal(rw["cash_rewards"]), rw["equity_distributions"]) \
        == want["dist"]
    assert rw["persons"] == want["persons"]
    assert Decimal(rw["taxable_cash"]) == want["taxable"]
    assert sorted(p["deal_no"] for p in snap["projects"]) == want["projects"]


def test_some_year_has_every_part_filled(demo_ctx: AppContext) -> None:
    """Guard against comparing zeros with zeros: the demo years used above carry data."""
    years = [_expected(demo_ctx, y) for y in (2018, 2023, 2024, 2025, 2026)]
    assert any(y["conv"] for y in years) and any(y["coop"] for y in years)
    assert any(y["dist"][0] for y in years) and any(y["income"] for y in years)
    assert any(y["persons"] for y in years)


def test_cli_writes_pdf_and_excel_with_the_same_figures(demo_ctx: AppContext, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture) -> None:
    db = demo_ctx.db.sqlite_path
    pdf, xlsx = tmp_path / "ar.pdf", tmp_path / "ar.xlsx"
    assert main(["--db", str(db), "annual-report", "2026", "-o", str(pdf),
                 "--xlsx", str(xlsx)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    want = _expected(demo_ctx, 2026)
    wb = load_workbook(xlsx, read_only=True)
    summary = {row[0]: row[1] for row in wb["总体情况"].iter_rows(min_row=2, values_only=True)}
    assert summary["转化合同（项）"] == sum(n for n, _ in want["conv"].values())
    assert Decimal(str(summary["转化合同金额（元）"])).quantize(Decimal("0.01")) == \
        sum((a for _, a in want["conv"].values()), Decimal(0))
    projects = [r[0] for r in wb["转化项目清单"].iter_rows(min_row=2, values_only=True)]
    assert sorted(projects) == want["projects"]
    assert "F09" in capsys.readouterr().out
