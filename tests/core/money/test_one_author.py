"""One author per fact: income received, deductible costs and net income are summed by
`ttdesk.core.money.income` alone, and every reader (dashboard tile and chart, income page,
deal money view, payment terms, F05/F08/F09 data, the ledger export, the CLI) shows the
author's figure. The data has reversals (also across a year end), a corrected receipt, a
reversed cost and a terminated deal; each test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from builders import (
    cli_login,
    make_achievement,
    make_deal,
    make_department,
    make_distribution,
    make_person,
)
from openpyxl import load_workbook

from ttdesk import codes as E
from ttdesk.cli.main import main
from ttdesk.core.base.context import AppContext
from ttdesk.core.filing_data import build
from ttdesk.core.ledger.export import export_ledger
from ttdesk.core.money import income, payments, receipts
from ttdesk.core.money.income import MODE, YEAR, Scope
from ttdesk.core.records.check import run_check
from ttdesk.core.records.money_check import distributed_within_income
from ttdesk.core.rules import policy
from ttdesk.core.views import dashboard
from ttdesk.core.views import money as money_views
from ttdesk.db import models as M

TODAY = date(2026, 11, 20)
D = Decimal


@dataclass
class World:
    deals: dict[str, M.Deal]
    cases: dict[str, M.Achievement]
    departments: list[M.Department]


def _book(ctx: AppContext, deal: M.Deal, on: date, amount: str) -> int:
    return receipts.add_receipt(ctx, receipts.ReceiptIn(deal.deal_no, on, amount))


def _cost(ctx: AppContext, deal: M.Deal, on: date, amount: str, category: str) -> int:
    return receipts.add_cost(ctx, receipts.CostIn(on, amount, category, deal_no=deal.deal_no))


def _world(ctx: AppContext) -> World:
    ctx.today = lambda: TODAY
    with ctx.write() as s:
        s.add(M.Institution(name="北方理工大学"))
    d1, d2 = make_department(ctx), make_department(ctx)
    cases = {
        "c1": make_achievement(ctx, contributors=[(make_person(ctx, d1), "100")],
                               department_id=d1.id, disclosure_date=date(2025, 3, 1)),
        "c2": make_achievement(ctx, contributors=[(make_person(ctx, d2), "100")],
                               department_id=d2.id, disclosure_date=date(2026, 1, 5)),
        "c3": make_achievement(ctx, contributors=[(make_person(ctx, d1), "100")],
                               department_id=d1.id, disclosure_date=date(2026, 2, 1)),
    }
    signed = {"status": E.DealStatus.PERFORMING, "approval_date": date(2025, 5, 1)}
    deals = {
        # the scenario: ¥1,000 booked, then reversed
        "a": make_deal(ctx, [cases["c2"]], mode=E.DealMode.LICENSE_EXCLUSIVE,
                       signing_date=date(2026, 3, 1), **signed),
        # two cases of two departments; a reversal across the year end; a correction
        "b": make_deal(ctx, [cases["c1"], cases["c2"]], signing_date=date(2025, 6, 1),
                       **signed),
        # terminated after money came in
        "c": make_deal(ctx, [cases["c3"]], mode=E.DealMode.DEVELOPMENT,
                       signing_date=date(2026, 2, 1), **signed),
    }
    a, b, c = deals["a"], deals["b"], deals["c"]
    wrong = _book(ctx, a, date(2026, 4, 1), "1000")
    receipts.reverse_receipt(ctx, wrong, date(2026, 4, 10), "错误入账")
    _book(ctx, b, date(2025, 7, 1), "50000")
    late = _book(ctx, b, date(2025, 12, 20), "20000")
    receipts.reverse_receipt(ctx, late, date(2026, 1, 5), "重复入账")
    fixed = _book(ctx, b, date(2026, 5, 1), "30000")
    receipts.update_receipt(ctx, fixed, receipts.ReceiptIn(b.deal_no, date(2026, 5, 2),
                                                           "32000", invoice_no="FP-9"))
    _cost(ctx, b, date(2026, 3, 10), "6000", "patent_fees")
    _cost(ctx, b, date(2026, 3, 11), "900", "other")
    gone = _cost(ctx, b, date(2025, 8, 1), "1500", "patent_fees")
    receipts.reverse_cost(ctx, gone, date(2025, 9, 1), "发票作废")
    _cost(ctx, a, date(2026, 4, 2), "300", "legal")
    _book(ctx, c, date(2026, 2, 20), "8000")
    with ctx.write() as s:
        row = s.get(M.Deal, c.id)
        assert row is not None
        row.status, row.termination_reason = E.DealStatus.TERMINATED, "对方违约"
    return World(deals, cases, [d1, d2])


@pytest.fixture
def world(any_ctx: AppContext) -> World:
    return _world(any_ctx)


def _received(ctx: AppContext, scope: Scope | None = None) -> Decimal:
    with ctx.read() as s:
        return income.received(s, scope or Scope())


# ---- the author itself -------------------------------------------------------------------

def test_the_author_nets_reversals_and_corrections(any_ctx: AppContext, world: World) -> None:
    a, b, c = (world.deals[k] for k in "abc")
    assert _received(any_ctx, Scope.deal(a.id)) == D("0.00")
    assert _received(any_ctx, Scope.deal(b.id)) == D("82000.00")  # 50,000 + 32,000
    assert _received(any_ctx, Scope.deal(c.id)) == D("8000.00")
    assert _received(any_ctx, Scope.year(2025)) == D("70000.00")  # the reversal is in 2026
    assert _received(any_ctx, Scope.year(2026)) == D("20000.00")  # −20,000 + 32,000 + 8,000
    assert _received(any_ctx) == D("90000.00")
    with any_ctx.read() as s:
        assert income.costs(s, Scope.deal(b.id), deductible=True) == D("6000.00")
        assert income.costs(s, Scope.deal(b.id), deductible=False) == D("900.00")
        assert income.costs(s, Scope.year(2025)) == D("0.00")  # a cost and its reversal
        assert income.net_income(s, Scope.deal(a.id)) == D("-300.00")
        assert income.net_income(s) == D("83700.00")  # 90,000 − 6,000 − 300
        by_mode = income.received_by(s, MODE, scope=Scope.year(2026))
        assert by_mode == {E.DealMode.LICENSE_EXCLUSIVE: D("0.00"),
                           E.DealMode.TRANSFER: D("12000.00"),
                           E.DealMode.DEVELOPMENT: D("8000.00")}
        d1, d2 = world.departments
        by_dept = income.received_by(s, income.DEPARTMENT)
        # deal b covers a case of each department: it counts once, for its first case's
        assert by_dept == {d1.id: D("90000.00"), d2.id: D("0.00")}
        assert income.received(s, Scope(department_id=d2.id)) == D("0.00")
        assert income.received(s, Scope(modes=[E.DealMode.TRANSFER])) == D("82000.00")


# ---- the scenario, in every place ------------------------------------------------

def test_a_reversed_receipt_shows_zero_everywhere(any_ctx: AppContext, tmp_path: Path) -> None:
    """Book ¥1,000 on a deal, reverse it: the deal's money, the dashboard tile and chart, the
    income page, the filings and the exported ledger all say 0.00 (they said 2,000.00)."""
    any_ctx.today = lambda: TODAY
    with any_ctx.write() as s:
        s.add(M.Institution(name="北方理工大学"))
    dept = make_department(any_ctx)
    case = make_achievement(any_ctx, contributors=[(make_person(any_ctx, dept), "100")],
                            department_id=dept.id)
    deal = make_deal(any_ctx, [case], status=E.DealStatus.PERFORMING,
                     mode=E.DealMode.LICENSE_EXCLUSIVE, approval_date=date(2026, 2, 1),
                     signing_date=date(2026, 3, 1))
    rid = _book(any_ctx, deal, date(2026, 4, 1), "1000")
    receipts.reverse_receipt(any_ctx, rid, date(2026, 4, 10), "错误入账")
    zero = D("0.00")
    assert receipts.net_income(any_ctx, deal.deal_no).received == zero
    assert payments.payment_terms(any_ctx, deal.deal_no).received_total == zero
    assert dashboard.kpis(any_ctx).income_this_year == zero
    chart = dashboard.income_by_year_and_mode(any_ctx)
    assert chart[2026].get(E.DealMode.LICENSE_EXCLUSIVE, zero) == zero
    assert [b.received for b in money_views.income_overview(any_ctx)] == [zero]
    with any_ctx.read() as s:
        assert D(build(s, "F09", "2026")["income"]["total"]) == zero
        assert D(build(s, "F08", "2026")["totals"]["income"]) == zero
        assert [D(d["income"]) for d in build(s, "F05", case.case_no)["deals"]] == [zero]
    path = tmp_path / "ledger.xlsx"
    export_ledger(any_ctx, path)
    assert _ledger_income(path) == {case.case_no: zero}
    assert _ledger_receipts(path) == {}


# ---- every reader against the author -----------------------------------------------------

def test_dashboard_tile_and_chart(any_ctx: AppContext, world: World) -> None:
    assert dashboard.kpis(any_ctx).income_this_year == _received(any_ctx, Scope.year(2026))
    chart = dashboard.income_by_year_and_mode(any_ctx)
    with any_ctx.read() as s:
        author = income.received_by(s, YEAR, MODE, scope=Scope(start=date(2022, 1, 1)))
    assert {(y, m): v for y, modes in chart.items() for m, v in modes.items()} == author
    assert sum(chart[2025].values(), D(0)) == D("70000.00")


def test_income_page(any_ctx: AppContext, world: World) -> None:
    buckets = money_views.income_overview(any_ctx)
    with any_ctx.read() as s:
        got = income.received_by(s, YEAR, MODE)
        spent = income.costs_by(s, YEAR, MODE, deductible=True)
        net = income.net_income_by(s, YEAR, MODE)
    assert {(b.year, b.mode) for b in buckets} == got.keys() | spent.keys()
    for b in buckets:
        key = (b.year, b.mode)
        assert (b.received, b.deductible_costs, b.net) == (
            got.get(key, D(0)), spent.get(key, D(0)), net[key]), key
    assert sum((b.received for b in buckets), D(0)) == _received(any_ctx)


def test_deal_money_view_and_payment_terms(any_ctx: AppContext, world: World) -> None:
    for deal in world.deals.values():
        for start, end in ((None, None), (date(2025, 1, 1), date(2025, 12, 31)),
                           (date(2026, 1, 1), date(2026, 12, 31))):
            view = receipts.net_income(any_ctx, deal.deal_no, start, end)
            scope = Scope.deal(deal.id, start, end)
            with any_ctx.read() as s:
                assert view.received == income.received(s, scope)
                assert view.deductible_costs == income.costs(s, scope, deductible=True)
                assert view.other_costs == income.costs(s, scope, deductible=False)
                assert view.net == income.net_income(s, scope)
        terms = payments.payment_terms(any_ctx, deal.deal_no)
        assert terms.received_total == _received(any_ctx, Scope.deal(deal.id))
    rows = receipts.receipts_of(any_ctx, world.deals["b"].deal_no)
    assert sum((income.signed_amount(r) for r in rows), D(0)) == D("82000.00")


def test_filing_data(any_ctx: AppContext, world: World) -> None:
    live = [d for k, d in world.deals.items() if k != "c"]
    with any_ctx.read() as s:
        f09 = build(s, "F09", "2026")
        assert D(f09["income"]["total"]) == income.received(s, Scope.year(2026))
        by_mode = income.received_by(s, MODE, scope=Scope.year(2026))
        for part in ("conversions", "cooperation"):
            for line in f09[part]["by_mode"]:
                assert D(line["income"]) == by_mode.get(E.DealMode(line["mode"]), D(0))
        f08 = build(s, "F08", "2026")
        until = Scope(end=date(2026, 12, 31))
        # F08 lists the cases disclosed in 2026 with their live deals (c's deal is terminated)
        expected = income.received(s, until.narrowed(deal_ids=[d.id for d in live]))
        assert D(f08["totals"]["income"]) == expected
        rows = {r["case_no"]: r for r in f08["rows"]}
        assert D(rows[world.cases["c2"].case_no]["income"]) == expected  # deals a and b
        for key in ("c1", "c2"):
            f05 = build(s, "F05", world.cases[key].case_no)
            for d in f05["deals"]:
                deal = next(x for x in world.deals.values() if x.deal_no == d["deal_no"])
                assert D(d["income"]) == income.received(s, Scope.deal(deal.id))


def _sheet(path: Path, title: str) -> list[dict[str, Any]]:
    wb = load_workbook(path, read_only=True)
    try:
        rows = list(wb[title].iter_rows(values_only=True))
    finally:
        wb.close()
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:]]


def _ledger_income(path: Path) -> dict[str, Decimal]:
    return {r["成果编号"]: D(str(r["到账金额（元）"])).quantize(D("0.01"))
            for r in _sheet(path, "成果")}


def _ledger_receipts(path: Path) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for r in _sheet(path, "到账"):
        out[r["合同编号"]] = out.get(r["合同编号"], D(0)) + D(str(r["到账金额（元）"]))
    return {k: v.quantize(D("0.01")) for k, v in out.items()}


def test_ledger_export_cells(any_ctx: AppContext, world: World, tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    export_ledger(any_ctx, path)
    cells = _ledger_income(path)
    with any_ctx.read() as s:
        per_deal = income.received_by(s, income.DEAL)
    deals_of = {"c1": "b", "c2": "ab", "c3": "c"}
    for key, case in world.cases.items():
        want = sum((per_deal.get(world.deals[k].id, D(0)) for k in deals_of[key]), D(0))
        assert cells[case.case_no] == want, key
    # the receipts sheet: a reversed receipt and its reversal are left out, so it sums to
    # the author's figure per deal (and an import books the money once)
    assert _ledger_receipts(path) == {
        d.deal_no: per_deal[d.id] for d in world.deals.values() if per_deal[d.id]}


def test_cli_output(any_ctx: AppContext, world: World, capsys: pytest.CaptureFixture[str],
                    monkeypatch: pytest.MonkeyPatch) -> None:
    cli_login(any_ctx, monkeypatch)  # a server database asks the command to log in
    url = any_ctx.db.url
    assert main(["--db", url, "income", "--period", "2026", "--by", "deal,mode",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    scope = Scope.year(2026)
    with any_ctx.read() as s:
        assert D(out["received"]) == income.received(s, scope)
        assert D(out["net_income"]) == income.net_income(s, scope)
        per_deal = income.received_by(s, income.DEAL, scope=scope)
    numbers = {d.deal_no: d.id for d in world.deals.values()}
    assert {line["key"]["deal"]: D(line["received"]) for line in out["lines"]} == {
        no: per_deal[i] for no, i in numbers.items()}
    assert main(["--db", url, "income", "--deal", world.deals["a"].deal_no]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0].split("\t")[1] == "¥0.00"


def test_check_reads_the_author(any_ctx: AppContext, world: World) -> None:
    """`check` finds cash distributed beyond the income received, reversals subtracted."""
    a, b = world.deals["a"], world.deals["b"]
    with any_ctx.read() as s:
        pol = policy.current(s)
        assert distributed_within_income(s, pol) == []
    # ¥1,000 distributed on deal a, whose ¥1,000 was reversed; ¥82,000 on b is all it has
    make_distribution(any_ctx, a, gross_income=D("1000.00"), net_income=D("1000.00"),
                      team_amount=D("700.00"), department_amount=D("100.00"),
                      tto_amount=D("100.00"), university_amount=D("100.00"))
    make_distribution(any_ctx, b, gross_income=D("82000.00"), net_income=D("82000.00"),
                      team_amount=D("57400.00"), department_amount=D("8200.00"),
                      tto_amount=D("8200.00"), university_amount=D("8200.00"))
    with any_ctx.read() as s:
        found = distributed_within_income(s, pol)
    assert [(p.rule, p.where) for p in found] == [("R10", a.deal_no)]
    report = run_check(any_ctx)
    assert any(p.where == a.deal_no and "1000.00" in p.zh for p in report.findings)


def test_waiting_for_distribution_counts_a_reversal_in_the_originals_year(
        any_ctx: AppContext, world: World) -> None:
    """Deal b: ¥50,000 (2025) and ¥20,000 (2025-12-20, reversed 2026-01-05) and ¥32,000
    (2026); nothing distributed yet. The reversed ¥20,000 stops waiting in 2025 (its own
    year), and 2026 does not go negative by it."""
    with any_ctx.read() as s:
        state = income.distribution_state_by_year_mode(s)
    mode = world.deals["b"].mode
    assert state[(2025, mode)] == income.DistributionState(D("0.00"), D("50000.00"))
    assert state[(2026, mode)].waiting == D("32000.00")
    buckets = {(b.year, b.mode): b for b in money_views.income_overview(any_ctx)}
    assert (buckets[(2025, mode)].pending, buckets[(2025, mode)].distributed) == (
        D("50000.00"), D("0.00"))
