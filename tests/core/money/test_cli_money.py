"""`ttdesk-cli distribution`, `receipt`, `royalty-audit`, `cap-table`: the JSON contract of
interfaces.md, `--save`, and exit code 2 with the rule on stderr for refused input."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from builders import make_company
from sqlalchemy import func, select

from core.money.conftest import signed_licence
from ttdesk import codes as E
from ttdesk.cli.main import main
from ttdesk.core.base.context import AppContext
from ttdesk.core.companies import equity
from ttdesk.db import models as M


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_distribution_json_contract_and_save(capsys: pytest.CaptureFixture[str],
                                             ctx: AppContext, db_url: str) -> None:
    lic = signed_licence(ctx)
    no = lic.deal.deal_no
    code, out, err = run(capsys, db_url, "receipt", "add", no, "--date", "2026-04-01",
                         "--amount", "1,000,000.00", "--invoice", "JH-1", "--json")
    assert code == 0, err
    rid = json.loads(out)["receipt_id"]
    with ctx.write() as s:
        s.add(M.Cost(deal_id=lic.deal.id, incurred_on=date(2026, 3, 2),
                     amount=Decimal("50000.00"), category=E.CostCategory.LEGAL))
    code, out, err = run(capsys, db_url, "distribution", no, "--receipts", str(rid), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert {k: data[k] for k in ("deal_no", "net_income", "team_share_pct", "team_amount",
                                 "department_amount", "tto_amount", "university_amount")} == {
        "deal_no": no, "net_income": "950000.00", "team_share_pct": "70",
        "team_amount": "665000.00", "department_amount": "95000.00", "tto_amount": "47500.00",
        "university_amount": "142500.00"}
    assert [(a["staff_no"], a["contribution_pct"], a["amount"], a["taxable_amount"])
            for a in data["allocations"]] == [
        (lic.people[0].staff_no, "50", "332500.00", "166250.00"),
        (lic.people[1].staff_no, "30", "199500.00", "99750.00"),
        (lic.people[2].staff_no, "20", "133000.00", "66500.00")]
    assert all(isinstance(a["name"], str) and a["name"] for a in data["allocations"])
    assert data["distribution_id"] is None
    code, out, _ = run(capsys, db_url, "--lang", "zh", "distribution", no)
    assert code == 0 and "¥665,000.00" in out and "净收入" in out
    code, out, err = run(capsys, db_url, "distribution", no, "--save", "--json")
    assert code == 0, err
    assert json.loads(out)["distribution_id"] is not None
    code, _, err = run(capsys, db_url, "distribution", no, "--save")
    assert code == 2 and "R10" in err


def test_refused_input_exits_2_and_writes_nothing(capsys: pytest.CaptureFixture[str],
                                                  ctx: AppContext, db_url: str) -> None:
    no = signed_licence(ctx).deal.deal_no
    code, _, err = run(capsys, db_url, "receipt", "add", no, "--date", "2026-04-01",
                       "--amount", "-5")
    assert code == 2 and "R11" in err
    run(capsys, db_url, "receipt", "add", no, "--date", "2026-04-01", "--amount", "100")
    code, _, err = run(capsys, db_url, "--lang", "en", "distribution", no, "--team-share",
                       "60", "--save")
    assert code == 2 and "[R10]" in err and "below the floor" in err
    code, _, err = run(capsys, db_url, "distribution", no, "--adjust", "nonsense")
    assert code == 2 and "ARG" in err
    with ctx.read() as s:
        assert s.execute(select(func.count()).select_from(M.Distribution)).scalar() == 0
        assert s.execute(select(func.count()).select_from(M.Receipt)).scalar() == 1


def test_receipt_list_reverse_audit_and_cap_table(capsys: pytest.CaptureFixture[str],
                                                  ctx: AppContext, db_url: str) -> None:
    lic = signed_licence(ctx)
    no = lic.deal.deal_no
    code, out, _ = run(capsys, db_url, "receipt", "add", no, "--date", "2026-04-01",
                       "--amount", "500", "--json")
    rid = json.loads(out)["receipt_id"]
    code, out, err = run(capsys, db_url, "receipt", "reverse", str(rid), "--date",
                         "2026-04-02", "--reason", "重复入账")
    assert code == 0, err
    code, out, _ = run(capsys, db_url, "receipt", "list", no, "--json")
    assert [r["reverses_id"] for r in json.loads(out)] == [None, rid]
    code, out, _ = run(capsys, db_url, "royalty-audit", "--json")
    assert code == 0 and json.loads(out)["lines"] == []
    company = make_company(ctx, registration_date=date(2025, 1, 1))
    eq = signed_licence(ctx, mode=E.DealMode.EQUITY)
    ctx.today = lambda: date(2026, 11, 20)
    equity.form_company(ctx, eq.deal.deal_no, company.credit_code, date(2026, 4, 1), [
        equity.HolderIn("institution_amc", "资产公司", "300000"),
        equity.HolderIn("investor", "天使投资", "700000")])
    code, out, err = run(capsys, db_url, "cap-table", company.credit_code, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["total_pct"] == "100"
    assert [h["percentage"] for h in data["holdings"]] == ["30", "70"]
    code, out, _ = run(capsys, db_url, "--lang", "zh", "cap-table", company.credit_code)
    assert "天使投资" in out


def test_distribution_steps_through_the_cli(capsys: pytest.CaptureFixture[str],
                                            ctx: AppContext, db_url: str) -> None:
    no = signed_licence(ctx).deal.deal_no
    run(capsys, db_url, "receipt", "add", no, "--date", "2026-04-01", "--amount", "10000")
    code, out, err = run(capsys, db_url, "distribution", no, "--save", "--json")
    did = str(json.loads(out)["distribution_id"])
    code, _, err = run(capsys, db_url, "distribution-step", did, "pay", "--date", "2026-06-01")
    assert code == 2 and "STATUS" in err
    code, out, err = run(capsys, db_url, "distribution-step", did, "approve", "--date",
                         "2026-05-01", "--body", "技术转移中心", "--json")
    assert code == 0 and json.loads(out)["status"] == "approved", err
    code, out, err = run(capsys, db_url, "distribution-step", did, "publicity", "--date",
                         "2026-05-10", "--channel", "学校信息公开网")
    assert code == 0 and "公示中" in out, err
    code, out, err = run(capsys, db_url, "distribution-step", did, "pay", "--date",
                         "2026-06-01", "--json")
    assert code == 0 and json.loads(out)["payment_date"] == "2026-06-01", err
    code, out, _ = run(capsys, db_url, "distribution-show", did, "--json")
    data = json.loads(out)
    assert data["status"] == "paid" and data["team_amount"] == "7000.00"
    assert data["publicity"]["result"] == "no_objection"
