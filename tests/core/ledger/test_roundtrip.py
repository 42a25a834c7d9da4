"""export-ledger → import-ledger into an empty database → the same ledger data."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from builders import make_rich_dataset
from sqlalchemy import select

from ttdesk.core.base.context import AppContext
from ttdesk.core.demo import generate
from ttdesk.core.ledger import import_ledger
from ttdesk.core.ledger.export import export_ledger
from ttdesk.core.money import income
from ttdesk.core.office.setup import open_context
from ttdesk.core.rules import policy
from ttdesk.db import models as M


def snapshot(ctx: AppContext) -> dict[str, Any]:
    """The ledger-relevant fields, keyed by natural keys (no database ids)."""
    with ctx.read() as s:
        dept = {d.id: d.name for d in s.execute(select(M.Department)).scalars()}
        cases = {a.id: a for a in s.execute(select(M.Achievement)).scalars()}
        codes = {c.id: c for c in s.execute(select(M.Company)).scalars()}
        out: dict[str, Any] = {"cases": {
            a.case_no: (a.title, a.kind, dept.get(a.department_id or 0), a.disclosure_date,
                        a.research_stage, a.status, a.release_reason)
            for a in cases.values()}}
        out["ip"] = sorted((cases[i.achievement_id].case_no, i.application_no)
                           for i in s.execute(select(M.IPAsset)).scalars())
        out["contributors"] = sorted(
            (cases[c.achievement_id].case_no, p.staff_no, p.name, dept.get(p.department_id or 0),
             c.share, c.role)
            for c, p in s.execute(select(M.Contribution, M.Person).join(
                M.Person, M.Contribution.person_id == M.Person.id)).all())
        links: dict[int, list[str]] = {}
        for d_id, a_id in s.execute(select(M.deal_achievement)).all():
            links.setdefault(d_id, []).append(cases[a_id].case_no)
        deals = {d.id: d for d in s.execute(select(M.Deal)).scalars()}
        out["deals"] = {
            d.deal_no: (d.title, d.mode, codes[d.counterparty_id].credit_code
                        if d.counterparty_id else None, d.pricing_method, d.price,
                        d.signing_date, d.status, d.registration_no, d.registration_date,
                        sorted(links.get(d.id, [])))
            for d in deals.values()}
        # a reversed receipt and its reversal net to zero and are not exported: the ledger
        # carries the receipts that count, so the copy has the same income per deal
        booked = list(s.execute(select(M.Receipt)).scalars())
        undone = {r.reverses_id for r in booked if r.reverses_id is not None}
        out["receipts"] = Counter(
            (deals[r.deal_id].deal_no, r.received_on, r.amount, r.kind, r.invoice_no)
            for r in booked if r.reverses_id is None and r.id not in undone)
        out["income"] = {deals[k].deal_no: v for k, v in
                         income.received_by(s, income.DEAL).items() if v}
        used = {d.counterparty_id for d in deals.values() if d.counterparty_id}
        out["companies"] = {
            c.credit_code: (c.name, c.registration_date, c.registered_capital,
                            c.legal_representative, c.region, c.is_spinoff, c.address)
            for c in codes.values() if c.id in used}
        out["equity"] = sorted(
            (deals[e.deal_id].deal_no, e.percentage) for e in s.execute(
                select(M.EquityEvent).where(M.EquityEvent.kind == "formation",
                                            M.EquityEvent.deal_id.is_not(None),
                                            M.EquityEvent.percentage.is_not(None))).scalars())
    return out


def _round_trip(ctx: AppContext, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    path = tmp_path / "台账导出.xlsx"
    export_ledger(ctx, path)
    target = open_context(f"sqlite:///{tmp_path / 'target.db'}", migrate_backup=False)
    try:
        report = import_ledger(target, path)
        assert report.ok, report.problems[:5]
        with target.read() as s:
            assert all(s.execute(select(M.Achievement.is_imported)).scalars())
            assert all(s.execute(select(M.Deal.is_imported)).scalars())
        again = tmp_path / "again.xlsx"
        export_ledger(target, again)
        assert _cells(path) == _cells(again)
        return snapshot(ctx), snapshot(target)
    finally:
        target.db.dispose()


def _cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return {name: list(wb[name].iter_rows(values_only=True)) for name in wb.sheetnames}
    finally:
        wb.close()


def test_rich_dataset_round_trip(ctx: AppContext, tmp_path: Path) -> None:
    make_rich_dataset(ctx)
    source, copy = _round_trip(ctx, tmp_path)
    assert source["deals"] and source["receipts"] and source["equity"]
    assert copy == source


@pytest.mark.slow
def test_demo_data_round_trip(ctx: AppContext, tmp_path: Path) -> None:
    generate(ctx, cases=400, seed=7)
    source, copy = _round_trip(ctx, tmp_path)
    assert len(source["cases"]) == 400
    for key in source:
        assert copy[key] == source[key], key


def test_export_filters(ctx: AppContext, tmp_path: Path) -> None:
    generate(ctx, cases=60, seed=3)
    with ctx.read() as s:
        years = Counter(a.disclosure_date.year for a in s.execute(select(M.Achievement))
                        .scalars())
        disclosed = sum(1 for a in s.execute(select(M.Achievement)).scalars()
                        if a.status == "disclosed")
    year, n = years.most_common(1)[0]
    assert export_ledger(ctx, tmp_path / "y.xlsx", year=year).counts["achievements"] == n
    assert export_ledger(ctx, tmp_path / "s.xlsx", status="disclosed").counts[
        "achievements"] == disclosed
    assert export_ledger(ctx, tmp_path / "none.xlsx", search="没有这样的成果").counts[
        "achievements"] == 0


def test_export_follows_the_policy_columns(ctx: AppContext, tmp_path: Path) -> None:
    make_rich_dataset(ctx)
    with ctx.write() as s:
        policy.update(s, ctx.actor, {"ledger_columns": ["title", "field", "contributors",
                                                        "no_such_column"]})
    path = tmp_path / "p.xlsx"
    export_ledger(ctx, path)
    header = _cells(path)["成果"][0]
    assert header == ("成果编号", "披露日期", "成果名称", "技术领域", "完成人", "放弃理由",
                      "申请号")
    target = open_context(f"sqlite:///{tmp_path / 't.db'}", migrate_backup=False)
    try:
        assert import_ledger(target, path).ok
        assert snapshot(target)["contributors"] == snapshot(ctx)["contributors"]
    finally:
        target.db.dispose()
