"""Ledger import, issue 12 §7: the dry run lists every problem of every row in one pass; the
wizard's re-check reads the file's columns again; a company's region comes from its credit
code."""

from __future__ import annotations

import random
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from core.ledger.fixtures import HEADER, bad_code, clean_rows, write_book
from core.ledger.test_wizard import _to_check_page, _wait, _wizard
from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.ledger import check_ledger, import_ledger
from ttdesk.core.rules.credit_code import make_credit_code
from ttdesk.db import models as M


def test_a_row_with_three_problems_reports_all_three_in_one_dry_run(ctx: AppContext,
                                                                    tmp_path: Path) -> None:
    rows = clean_rows()
    rows[1][4] = "2024年13月1日"  # E2: no such date (the case part of the row is rejected)
    rows[1][7] = "面议"  # H2: text in the money column
    rows[1][10] = bad_code()  # K2: wrong check character
    report = check_ledger(ctx, write_book(tmp_path / "x.xlsx", {"成果台账": rows}))
    row2 = sorted((p.where, p.rule) for p in report.problems if p.where.endswith("2"))
    assert row2 == [("成果台账!E2", "R12"), ("成果台账!H2", "R11"), ("成果台账!K2", "R8")]


def test_shares_of_a_rejected_row_are_still_checked(ctx: AppContext, tmp_path: Path) -> None:
    rows = clean_rows()
    rows[1][2] = None  # C2: no title
    rows[1][5] = "张伟(60%)、李娜(30%)"  # F2: 90%
    report = check_ledger(ctx, write_book(tmp_path / "x.xlsx", {"成果台账": rows}))
    assert {("成果台账!C2", "R2"), ("成果台账!F2", "R1")} <= {
        (p.where, p.rule) for p in report.problems}


def test_company_region_from_the_credit_code(ctx: AppContext, tmp_path: Path) -> None:
    shenzhen = make_credit_code(random.Random(3), "440300")
    tianjin = make_credit_code(random.Random(4), "120116")
    rows = [HEADER,
            [1, "CG-2024-0101", "柔性显示驱动芯片", "微电子学院", "2024-3-5", "张伟", "转让", 30,
             "2024-6-1", "深圳柔显科技有限公司", shenzhen, None],
            [2, "CG-2024-0102", "海水淡化膜", "化学学院", "2024-3-6", "李娜", "转让", 20,
             "2024-6-2", "天津海膜科技有限公司", tianjin, None]]
    report = import_ledger(ctx, write_book(tmp_path / "x.xlsx", {"成果台账": rows}))
    assert report.ok, [p.zh for p in report.problems]
    with ctx.read() as s:
        got = dict((c, (r, p)) for c, r, p in s.execute(
            select(M.Company.credit_code, M.Company.region, M.Company.province_code)))
    assert got[shenzhen] == (E.Region.OTHER_PROVINCE, "440300")
    assert got[tianjin] == (E.Region.TIANJIN, "120116")


def test_check_again_reads_a_column_added_in_excel(qtbot: QtBot, ctx: AppContext,
                                                  tmp_path: Path) -> None:
    rows = [r[:11] for r in clean_rows()]  # no 到账金额 column yet
    path = write_book(tmp_path / "台账.xlsx", {"成果台账": rows})
    wizard, _bus = _wizard(qtbot, ctx)
    _to_check_page(qtbot, wizard, path)
    assert "income" not in wizard.mapping_page.final_mapping().sheets["achievements"].fields()
    rows = clean_rows()
    rows[1][11] = "一百元"  # the added column, with a bad amount the check must now see
    write_book(path, {"成果台账": rows})
    wizard.check_page.again.click()
    _wait(qtbot, wizard)
    assert "income" in wizard.mapping_page.final_mapping().sheets["achievements"].fields()
    table = wizard.check_page.problems
    texts = [" ".join(table.item(r, c).text() for c in range(table.columnCount()))
             for r in range(table.rowCount())]
    assert any("L2" in t for t in texts), texts
