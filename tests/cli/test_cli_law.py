"""The CLI of issue 19 §1–§4: `person add --leader-level`, `case new --public-interest` and
the grant refused on it, `profit start|add|list` and `distribution --profit-year`, and
`distribution --equity --leader-approval`; refusals exit 2 naming rule and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ttdesk.cli.main import main


def _cli(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    url = str(tmp_path / "law.db")
    assert _cli(capsys, url, "init")[0] == 0
    assert _cli(capsys, url, "department", "add", "D01", "材料科学与工程学院")[0] == 0
    assert _cli(capsys, url, "person", "add", "王院长", "--staff-no", "T1001",
                "--department", "D01", "--leader-level", "other")[0] == 0
    assert _cli(capsys, url, "person", "add", "李华", "--staff-no", "T1002",
                "--department", "D01")[0] == 0
    return url


def test_leader_level_in_and_out(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = _cli(capsys, db, "person", "list", "--json")
    assert {p["staff_no"]: p["leader_level"] for p in json.loads(out)} == {
        "T1001": "other", "T1002": "none"}
    code, _, err = _cli(capsys, db, "person", "edit", "T1002", "--leader-level", "dean")
    assert code == 2 and "领导职务" in err and "principal" in err
    assert _cli(capsys, db, "person", "edit", "T1002", "--leader-level", "principal")[0] == 0


def test_public_interest_case_refuses_a_grant(capsys: pytest.CaptureFixture[str],
                                              db: str) -> None:
    code, out, err = _cli(capsys, db, "case", "new", "--title", "疫苗佐剂", "--kind",
                          "invention_patent", "--department", "D01", "--contributors",
                          "T1001:60,T1002:40", "--no-funding", "--date", "2026-01-05",
                          "--public-interest")
    assert code == 0, err
    case_no = out.strip()
    code, out, _ = _cli(capsys, db, "show", case_no)
    assert "关系国计民生和重大公共利益\t是" in out
    code, _, err = _cli(capsys, db, "grant", "new", case_no, "--form", "co_ownership",
                        "--team-share", "70", "--representative", "T1001", "--consent",
                        "--plan", "中试", "--date", "2026-02-01")
    assert code == 2 and "[R3]" in err
    assert "关系国计民生和重大公共利益的成果不得赋权" in err


def test_profit_schedule_and_distribution(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = _cli(capsys, db, "case", "new", "--title", "中试线", "--kind",
                          "invention_patent", "--department", "D01", "--contributors",
                          "T1001:60,T1002:40", "--no-funding", "--date", "2025-01-05")
    case_no = out.strip()
    code, out, err = _cli(capsys, db, "deal", "new", case_no, "--mode", "self",
                          "--title", "中试线自行实施")
    assert code == 0, err
    deal_no = out.strip().split()[0]
    code, out, err = _cli(capsys, db, "profit", "start", deal_no, "--date", "2025-03-01")
    assert code == 0, err
    code, out, err = _cli(capsys, db, "profit", "add", deal_no, "--year", "2025", "--amount",
                          "2,000,000", "--source", "2025 年度审计报告", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert [(r["year"], r["amount"], r["due"]) for r in rows][:2] == [
        (2025, "2000000.00", "2026-06-30"), (2026, None, "2027-06-30")]
    code, _, err = _cli(capsys, db, "distribution", deal_no)
    assert code == 2 and "[R10]" in err and "营业利润年度: " in err
    code, out, err = _cli(capsys, db, "distribution", deal_no, "--profit-year", "2025",
                          "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["gross_income"], data["team_share_pct"], data["team_amount"],
            data["profit_year"], data["profit_source"]) == (
        "2000000.00", "5", "100000.00", 2025, "2025 年度审计报告")
    code, out, err = _cli(capsys, db, "distribution", deal_no, "--profit-year", "2025")
    assert "营业利润年度\t2025" in out and "团队金额\t¥100,000.00" in out
