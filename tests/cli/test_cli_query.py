"""`ttdesk-cli list ...` and `show ...`: the JSON contract of interfaces.md, labelled text in
both languages, paging, and exit code 2 for unknown statuses and keys."""

from __future__ import annotations

import json
import random
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

import ttdesk.core.base.audit  # noqa: F401  (registers the audit listener that `show` reads)
from ttdesk.cli.main import main
from ttdesk.codes import (
    AchievementKind,
    AchievementStatus,
    ContributorRole,
    DeadlineKind,
    DealMode,
    DealStatus,
    PricingMethod,
)
from ttdesk.core.rules.credit_code import make_credit_code
from ttdesk.db.models import (
    Achievement,
    Company,
    Contribution,
    Deadline,
    Deal,
    Department,
    Person,
)

CODE = make_credit_code(random.Random(3))


@pytest.fixture
def db(ctx) -> str:
    """Three cases, one company, one deal, one deadline; returns the database URL."""
    with ctx.write() as s:
        dept = Department(code="MSE", name="材料科学与工程学院")
        person = Person(staff_no="T001", name="王海燕", department=dept)
        cases = [
            Achievement(case_no="CG-2026-0001", title="固态电池电解质界面稳定化技术",
                        kind=AchievementKind.INVENTION_PATENT, department=dept,
                        disclosure_date=date(2026, 1, 5), status=AchievementStatus.MARKETING),
            Achievement(case_no="CG-2026-0002", title="低功耗芯片架构",
                        kind=AchievementKind.IC_LAYOUT, disclosure_date=date(2026, 2, 5)),
            Achievement(case_no="CG-2026-0003", title="钠离子电池正极材料",
                        kind=AchievementKind.INVENTION_PATENT, disclosure_date=date(2026, 3, 5)),
        ]
        cases[0].contributions = [Contribution(person=person, share=Decimal("100"),
                                               role=ContributorRole.LEAD)]
        company = Company(name="京华固态电池有限公司", credit_code=CODE, is_spinoff=True)
        s.add_all([*cases, company])
        s.flush()
        deal = Deal(deal_no="JY-2026-0001", title="固态电池电解质作价投资", mode=DealMode.EQUITY,
                    counterparty_id=company.id, pricing_method=PricingMethod.NEGOTIATED,
                    price=Decimal("9500000.50"), status=DealStatus.APPROVAL)
        deal.achievements = [cases[0]]
        s.add(deal)
        s.add(Deadline(due_date=date(2026, 3, 1), kind=DeadlineKind.MANUAL, title="补充材料",
                       subject_ref="CG-2026-0001"))
    with ctx.write() as s:
        case = s.execute(select(Achievement).where(Achievement.case_no == "CG-2026-0001"))
        case.scalar_one().abstract = "界面稳定化"
        deal = s.execute(select(Deal).where(Deal.deal_no == "JY-2026-0001")).scalar_one()
        deal.status = DealStatus.IN_PUBLICITY
    return str(ctx.db.url)


def run(capsys, db: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, db: str, *args: str):
    code, out, err = run(capsys, db, *args, "--json")
    assert code == 0, err
    return json.loads(out)


# ---- list ---------------------------------------------------------------------------------

def test_list_cases_json_contract(capsys, db):
    rows = run_json(capsys, db, "list", "cases")
    assert [r["case_no"] for r in rows] == ["CG-2026-0003", "CG-2026-0002", "CG-2026-0001"]
    first = rows[-1]
    assert first["title"] == "固态电池电解质界面稳定化技术"
    assert first["status"] == "marketing"
    assert first["kind"] == "invention_patent"
    assert first["disclosure_date"] == "2026-01-05"
    assert first["lead_inventor"] == "王海燕"
    assert first["deal_count"] == 1


def test_list_cases_search_two_character_word(capsys, db):
    rows = run_json(capsys, db, "list", "cases", "--search", "电池")
    assert {r["case_no"] for r in rows} == {"CG-2026-0001", "CG-2026-0003"}
    rows = run_json(capsys, db, "list", "cases", "--search", "芯片", "--status", "disclosed")
    assert [r["case_no"] for r in rows] == ["CG-2026-0002"]


def test_list_status_accepts_labels_and_several_codes(capsys, db):
    rows = run_json(capsys, db, "list", "cases", "--status", "推广中")
    assert [r["case_no"] for r in rows] == ["CG-2026-0001"]
    rows = run_json(capsys, db, "list", "cases", "--status", "marketing,disclosed")
    assert len(rows) == 3


def test_list_paging_and_sorting(capsys, db):
    page = run_json(capsys, db, "list", "cases", "--sort", "case_no", "--limit", "2")
    assert [r["case_no"] for r in page] == ["CG-2026-0001", "CG-2026-0002"]
    rest = run_json(capsys, db, "list", "cases", "--sort", "case_no", "--offset", "2")
    assert [r["case_no"] for r in rest] == ["CG-2026-0003"]
    down = run_json(capsys, db, "list", "cases", "--sort", "case_no", "--desc", "--limit", "1")
    assert [r["case_no"] for r in down] == ["CG-2026-0003"]


def test_list_deals_json_money_as_decimal_string(capsys, db):
    (row,) = run_json(capsys, db, "list", "deals")
    assert row["deal_no"] == "JY-2026-0001"
    assert row["title"] == "固态电池电解质作价投资"
    assert row["status"] == "in_publicity"
    assert row["mode"] == "equity"
    assert row["price"] == "9500000.50"
    assert row["counterparty"] == "京华固态电池有限公司"
    assert row["case_nos"] == ["CG-2026-0001"]


def test_list_companies_json(capsys, db):
    (row,) = run_json(capsys, db, "list", "companies", "--search", "固态")
    assert (row["credit_code"], row["name"], row["is_spinoff"]) == (
        CODE, "京华固态电池有限公司", True)


def test_list_deadlines_json(capsys, db):
    rows = run_json(capsys, db, "list", "deadlines", "--status", "overdue",
                    "--today", "2026-03-10", "--kind", "manual")
    assert [(r["title"], r["status"], r["subject_ref"]) for r in rows] == [
        ("补充材料", "overdue", "CG-2026-0001")]
    assert run_json(capsys, db, "list", "deadlines", "--status", "overdue",
                    "--today", "2026-02-01", "--kind", "manual") == []


def test_list_text_uses_labels_of_the_chosen_language(capsys, db):
    code, out, _ = run(capsys, db, "list", "cases", "--search", "固态")
    assert code == 0
    heading, line = out.strip().split("\n")
    assert heading.split("\t")[:2] == ["成果编号", "名称"]
    cells = line.split("\t")
    assert cells[0] == "CG-2026-0001" and "推广中" in cells and "发明专利" in cells
    code, out, _ = run(capsys, db, "--lang", "en", "list", "deals")
    assert code == 0
    heading, line = out.strip().split("\n")
    assert heading.startswith("Deal no.\tTitle")
    assert "Equity investment" in line and "In publicity" in line and "9500000.50" in line


def test_unknown_status_exits_2_and_lists_the_valid_codes(capsys, db):
    code, out, err = run(capsys, db, "list", "cases", "--status", "finished")
    assert code == 2 and out == ""
    assert "finished" in err
    assert all(s.value in err for s in AchievementStatus)
    assert "已披露" in err
    code, _, err = run(capsys, db, "list", "deals", "--status", "converted")
    assert code == 2 and "terminated" in err
    code, _, err = run(capsys, db, "list", "companies", "--status", "x")
    assert code == 2


def test_bad_options_exit_2(capsys, db):
    assert run(capsys, db, "list", "cases", "--sort", "price")[0] == 2
    assert run(capsys, db, "list", "cases", "--mode", "equity")[0] == 2
    assert run(capsys, db, "list", "cases", "--department", "NOPE")[0] == 2
    assert run(capsys, db, "list", "cases", "--limit", "-1")[0] == 2


# ---- show ---------------------------------------------------------------------------------

def test_show_case_json_with_history(capsys, db):
    data = run_json(capsys, db, "show", "CG-2026-0001")
    assert data["record"] == "case"
    assert (data["case_no"], data["status"], data["abstract"]) == (
        "CG-2026-0001", "marketing", "界面稳定化")
    assert data["contributors"][0]["name"] == "王海燕"
    assert data["contributors"][0]["share"] == "100"
    assert data["deals"][0]["deal_no"] == "JY-2026-0001"
    assert data["deals"][0]["status"] == "in_publicity"
    change = next(h for h in data["history"] if h["action"] == "update")
    assert change["entity"] == "achievement"
    assert change["changes"]["abstract"] == {"before": None, "after": "界面稳定化"}
    assert change["at"].startswith("20")


def test_show_deal_json_and_text(capsys, db):
    data = run_json(capsys, db, "show", "JY-2026-0001")
    assert data["record"] == "deal"
    assert data["price"] == "9500000.50"
    assert data["counterparty"]["credit_code"] == CODE
    assert data["achievements"][0]["case_no"] == "CG-2026-0001"
    assert any(h["changes"].get("status") == {"before": "approval", "after": "in_publicity"}
               for h in data["history"])
    code, out, _ = run(capsys, db, "show", "JY-2026-0001")
    assert code == 0
    assert "项目编号\tJY-2026-0001" in out
    assert "公示中" in out and "[历史记录]" in out
    assert "status: approval → in_publicity" in out


def test_show_case_text_in_english(capsys, db):
    code, out, _ = run(capsys, db, "--lang", "en", "show", "CG-2026-0001")
    assert code == 0
    assert "Case no.\tCG-2026-0001" in out
    assert "Status\tMarketing" in out
    assert "[Contributors]" in out and "王海燕" in out


def test_show_unknown_key_exits_2(capsys, db):
    code, out, err = run(capsys, db, "show", "CG-1999-0001")
    assert code == 2 and out == ""
    assert "CG-1999-0001" in err
