"""Messy ledgers: each gives clear, located messages (sheet!cell, rule, zh + en) and writes
nothing at all (every row count unchanged)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from builders import make_person

from core.ledger.conftest import counts
from core.ledger.fixtures import (
    HEADER,
    bad_code,
    big_ledger,
    clean_rows,
    merged_header_ledger,
    write_book,
)
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import Problem
from ttdesk.core.ledger import LedgerRefused, check_ledger, import_ledger


def _edit(row: int, col: int, value: Any) -> Callable[[Path], Path]:
    """The clean ledger with one cell changed (row/col 1-based as in Excel)."""
    def build(path: Path) -> Path:
        rows = clean_rows()
        rows[row - 1][col - 1] = value
        return write_book(path, {"成果台账": rows})
    return build


def _rows(*extra: list[Any]) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        return write_book(path, {"成果台账": [*clean_rows()[:3], *extra]})
    return build


def _raw(data: bytes) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        path.write_bytes(data)
        return path
    return build


def _sheets(sheets: dict[str, list[list[Any]]]) -> Callable[[Path], Path]:
    return lambda path: write_book(path, sheets)


CASES: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    # name: (builder, where, rule)
    "wrong sheet name": (_sheets({"合同": [["合同编号", "金额"], ["HT-1", 5]]}), "合同", "LEDGER"),
    "merged headers, text amount": (merged_header_ledger, "成果!E3", "R11"),
    "text in money column": (_edit(2, 8, "面议"), "成果台账!H2", "R11"),
    "shares not summing to 100": (_edit(2, 6, "张伟(60%)、李娜(30%)"), "成果台账!F2", "R1"),
    "contributor listed twice": (_edit(2, 6, "张伟(50%)、张伟(50%)"), "成果台账!F2", "R1"),
    "some shares missing": (_edit(2, 6, "张伟(60%)、李娜"), "成果台账!F2", "R1"),
    "invalid credit code": (_edit(2, 11, bad_code()), "成果台账!K2", "R8"),
    "company without credit code": (_edit(2, 11, None), "成果台账!J2", "R8"),
    "duplicate case numbers": (_edit(3, 2, "CG-2024-0001"), "成果台账!B3", "DUP"),
    "same title and date twice": (_rows(
        [9, None, "无编号成果", "物理学院", "2024-1-1", "甲"],
        [10, None, "无编号成果", "物理学院", "2024/01/01", "乙"]), "成果台账!C5", "DUP"),
    "date as impossible text": (_edit(3, 5, "2024年13月1日"), "成果台账!E3", "R12"),
    "date serial out of range": (_edit(3, 5, 9_999_999), "成果台账!E3", "R12"),
    "disclosure in the future": (_edit(3, 5, datetime(2199, 1, 1)), "成果台账!E3", "R12"),
    "missing disclosure date": (_edit(3, 5, None), "成果台账!E3", "R12"),
    "missing title": (_edit(3, 3, None), "成果台账!C3", "R2"),
    "wan amount with too many places": (_edit(4, 8, "12.3456789"), "成果台账!H4", "R11"),
    "full-width garbage amount": (_edit(4, 8, "１２３，４５"), "成果台账!H4", "R11"),
    "negative amount": (_edit(2, 12, "-5,000"), "成果台账!L2", "R11"),
    "receipt before signing": (_sheets({
        "成果": [["成果编号", "成果名称", "披露日期", "完成人", "合同金额", "签约日期", "受让方",
                 "统一社会信用代码", "到账金额", "到账日期"],
                ["C-1", "某成果", "2024-1-1", "甲", 100, "2024-6-1", "某公司", clean_rows()[1][10],
                 50, "2024-5-1"]]}), "成果!I2", "R12"),
    "unknown mode": (_edit(2, 7, "送人"), "成果台账!G2", "LEDGER"),
    "Excel error value as title": (_edit(3, 3, "#N/A"), "成果台账!C3", "LEDGER"),
    "deal for an unknown case": (_sheets({
        "成果": clean_rows()[:2],
        "转化项目": [["合同编号", "成果编号", "合同金额"], ["HT-9", "CG-1999-0001", 5]]}),
        "转化项目!B2", "LEDGER"),
    "no header row": (_sheets({"成果": [["甲", "乙"], [1, 2]]}), "成果!1", "LEDGER"),
    "empty sheet": (_sheets({"成果": []}), "成果!1", "LEDGER"),
    "empty file": (_raw(b""), "台账2024.xlsx", "LEDGER"),
    "not an Excel file": (_raw("成果编号,成果名称\n1,2\n".encode()), "台账2024.xlsx", "LEDGER"),
    "old xls file": (_raw(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512), "台账2024.xlsx",
                     "LEDGER"),
    "broken zip": (_raw(b"PK\x03\x04broken"), "台账2024.xlsx", "LEDGER"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_messy_ledger_is_refused_located_and_writes_nothing(
        ctx: AppContext, tmp_path: Path, name: str) -> None:
    make_person(ctx, name="张伟")  # the database is not empty
    build, where, rule = CASES[name]
    path = build(tmp_path / "台账2024.xlsx")
    before = counts(ctx)
    with pytest.raises(LedgerRefused) as exc:
        import_ledger(ctx, path)
    assert counts(ctx) == before
    problems: list[Problem] = exc.value.problems
    assert (where, rule) in [(p.where, p.rule) for p in problems], problems
    for p in problems:
        assert p.zh and p.en and p.where, p
    # the dry run reports the same problems without raising
    dry = check_ledger(ctx, path)
    assert [(p.where, p.rule) for p in dry.problems] == [(p.where, p.rule) for p in problems]
    assert counts(ctx) == before


def test_every_problem_is_listed_not_just_the_first(ctx: AppContext, tmp_path: Path) -> None:
    rows = clean_rows()
    rows[1][7] = "面议"
    rows[2][4] = "去年"
    rows[3][10] = bad_code()
    report = check_ledger(ctx, write_book(tmp_path / "x.xlsx", {"成果台账": rows}))
    assert {p.where for p in report.problems} >= {"成果台账!H2", "成果台账!E3", "成果台账!K4"}


def test_sheet_found_by_its_headers_when_named_otherwise(ctx: AppContext,
                                                         tmp_path: Path) -> None:
    path = write_book(tmp_path / "x.xlsx", {"说明": [["本表为2024年台账"]],
                                            "Sheet1": clean_rows()})
    report = import_ledger(ctx, path)
    assert report.counts["achievements"] == 5
    assert any("Sheet1" in p.en for p in report.notes)


@pytest.mark.slow
def test_ten_thousand_rows_with_one_bad_cell_deep_inside(ctx: AppContext,
                                                         tmp_path: Path) -> None:
    path = big_ledger(tmp_path / "台账-大.xlsx", 10_000, bad_row=9_876)
    before = counts(ctx)
    with pytest.raises(LedgerRefused) as exc:
        import_ledger(ctx, path)
    assert [(p.where, p.rule) for p in exc.value.problems] == [("成果!H9876", "R11")]
    assert counts(ctx) == before


def test_header_only_ledger_imports_nothing_quietly(ctx: AppContext, tmp_path: Path) -> None:
    report = import_ledger(ctx, write_book(tmp_path / "h.xlsx", {"成果": [HEADER]}))
    assert report.ok and report.counts == {}


@pytest.mark.slow
def test_hundred_thousand_rows_streamed_and_checked(ctx: AppContext, tmp_path: Path) -> None:
    """quality.md's size for malformed files: the dry run reads all of it (streamed) and
    finds the one bad cell near the end."""
    path = big_ledger(tmp_path / "台账-十万行.xlsx", 100_000, bad_row=99_999)
    report = check_ledger(ctx, path)
    assert [(p.where, p.rule) for p in report.problems] == [("成果!H99999", "R11")]
    assert report.counts["achievements"] == 100_000
    assert report.rows_read == 100_000
