"""The matchmaking ledger on the command line: demands (typed and imported from a park's
list), the promotion list (a secret case refused), matches walked to "deal", activities, and
the supply list exported as xlsx and PDF and read back. Refusals exit 2, name the rule and
the field or row, and write nothing."""

from __future__ import annotations

import json
import random
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from tests import builders as b
from tests.cli.conftest import db_digest
from tests.core.market.park_list import good_rows, write_park_list
from ttdesk.cli.main import main
from ttdesk.codes import AchievementStatus, Secrecy
from ttdesk.core.base.context import AppContext
from ttdesk.core.rules.credit_code import make_credit_code


def _cli(ctx: AppContext, *args: str) -> int:
    return main(["--db", ctx.db.engine.url.database or "", *args])


def _path(ctx: AppContext) -> Path:
    return Path(ctx.db.engine.url.database or "")


def test_the_market_commands_walk_a_demand_to_a_deal(ctx: AppContext, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    co = b.make_company(ctx)
    case = b.make_achievement(ctx, status=AchievementStatus.MARKETING, field="新能源")
    secret = b.make_achievement(ctx, secrecy=Secrecy.SECRET_OR_SECURITY)
    ctx.db.dispose()
    capsys.readouterr()

    assert _cli(ctx, "demand", "add", "寻求固态电池技术", "--company", co.credit_code,
                "--field", "新能源", "--source", "fair", "--date", "2026-03-01") == 0
    demand_id = int(capsys.readouterr().out)
    assert _cli(ctx, "promote", case.case_no, "高安全固态电解质", "--park", "亦庄") == 0
    before = db_digest(_path(ctx))
    capsys.readouterr()
    assert _cli(ctx, "promote", secret.case_no, "简介") == 2
    assert "[M1]" in capsys.readouterr().err
    assert _cli(ctx, "match", "add", case.case_no) == 2
    assert "[M2]" in capsys.readouterr().err
    assert db_digest(_path(ctx)) == before

    assert _cli(ctx, "match", "add", case.case_no, "--demand", str(demand_id),
                "--date", "2026-03-02") == 0
    match_id = int(capsys.readouterr().out)
    assert _cli(ctx, "match", "move", str(match_id), "deal") == 2  # negotiating first
    assert "[STATUS]" in capsys.readouterr().err
    for stage in ("nda", "negotiating", "deal"):
        assert _cli(ctx, "match", "move", str(match_id), stage, "--date", "2026-04-01") == 0
    assert capsys.readouterr().out.split() == ["已签保密协议", "洽谈中", "已成交"]
    assert _cli(ctx, "match", "list", "--outcome", "deal", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["company"], r["deal_on"]) for r in rows] == [
        (match_id, co.name, "2026-04-01")]

    assert _cli(ctx, "activity", "add", "roadshow", "2026-03-02", "新能源专场路演",
                "--place", "中关村会展中心", "--participants", "80", "--cases", case.case_no,
                "--companies", co.credit_code) == 0
    capsys.readouterr()
    assert _cli(ctx, "activity", "list", "--json") == 0
    (act,) = json.loads(capsys.readouterr().out)
    assert (act["title"], act["shown_count"], act["met_count"]) == ("新能源专场路演", 1, 1)
    assert _cli(ctx, "activity", "add", "party", "2026-03-02", "x") == 2

    xlsx, pdf = tmp_path / "supply.xlsx", tmp_path / "supply.pdf"
    capsys.readouterr()
    assert _cli(ctx, "export-supply", str(xlsx), "--park", "亦庄") == 0
    assert _cli(ctx, "export-supply", str(pdf), "--field", "新能源") == 0
    sheet = openpyxl.load_workbook(xlsx).active
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    assert values[0][:2] == ["成果编号", "名称"]
    assert values[1][0] == case.case_no and values[1][4] == "高安全固态电解质"
    assert secret.case_no not in str(values)
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "科技成果推广清单" in text and case.case_no in text and "高安全固态电解质" in text
    assert _cli(ctx, "export-supply", str(tmp_path / "supply.csv")) == 2


def test_a_parks_list_is_imported_or_refused_with_its_rows(
        ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    codes = [make_credit_code(random.Random(n)) for n in (11, 12)]
    b.make_company(ctx, credit_code=codes[0], name="北京储能科技有限公司")
    ctx.db.dispose()
    bad_rows = good_rows(codes)
    bad_rows[1][4] = "下个月"  # not a date
    bad_rows.append(["某公司", "91110000XXXXXXXX", "", None, None, None, None])
    bad = write_park_list(tmp_path / "bad.xlsx", bad_rows)
    before = db_digest(_path(ctx))
    assert _cli(ctx, "demand", "import", str(bad), "--park", "中关村科学城") == 2
    err = capsys.readouterr().err
    assert "需求!4 提出日期" in err and "需求!5" in err, err
    assert db_digest(_path(ctx)) == before

    good = write_park_list(tmp_path / "good.xlsx", good_rows(codes))
    assert _cli(ctx, "demand", "import", str(good), "--park", "中关村科学城") == 0
    assert capsys.readouterr().out.strip() == "2 (需求)"
    assert _cli(ctx, "demand", "list", "--park", "中关村科学城", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted((r["company"], r["source"], r["raised_on"]) for r in rows) == [
        ("北京储能科技有限公司", "park_list", "2026-05-12"),
        ("北京芯视微电子有限公司", "enterprise_challenge", "2026-05-20")]
