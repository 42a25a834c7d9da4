"""Ledgers built with openpyxl at test time: a clean one and the messy ones offices keep."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl

from ttdesk.core.rules.credit_code import make_credit_code

HEADER = ["序号", "成果编号", "成果名称", "所属学院", "披露日期", "完成人", "转化方式",
          "合同金额（万元）", "签约日期", "受让方", "统一社会信用代码", "到账金额（元）"]
CODE_A = make_credit_code(random.Random(11))
CODE_B = make_credit_code(random.Random(12))


def bad_code() -> str:
    """CODE_A with a wrong check character."""
    last = "0" if CODE_A[-1] != "0" else "1"
    return CODE_A[:-1] + last


def write_book(path: Path, sheets: dict[str, Sequence[Sequence[Any]]],
               merges: dict[str, list[str]] | None = None) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    wb.save(path)
    return path


def clean_rows() -> list[list[Any]]:
    """Five cases in the forms real ledgers use: Excel dates, text dates, 万元, shares."""
    return [
        HEADER,
        [1, "CG-2024-0001", "固态电池电解质材料", "材料科学与工程学院", datetime(2024, 3, 5),
         "张伟(60%)、李娜(40%)", "转让", 46, datetime(2024, 6, 1), "北京清能科技有限公司",
         CODE_A, "200,000"],
        [2, "CG-2024-0002", "脑胶质瘤靶向递送药物", "医学部", "2024年3月18日", "王芳", None, None,
         None, None, None, None],
        [3, "CG-2024-0003", "3D打印颅骨植入物", "医学部", "2024.4.2", "赵磊；孙丽",
         "独占许可", "１２.５", "2024/07/15", "北京颅康医疗器械有限公司", CODE_B, None],
        [4, None, "心理健康数字疗法", "心理学院", 45400, "陈静 (70%) 刘洋 (30%)", None, None, None,
         None, None, None],
        [5, "CG-2024-0005", "  纳米发电机  ", "物理学院", "2024-5-6", "周杰", None, None, None,
         None, None, None],
        [None, "合计", None, None, None, None, None, 58.5, None, None, None, "200,000"],
        [None, None, None, None, None, None, None, None, None, None, None, None],
    ]


def clean_ledger(path: Path) -> Path:
    return write_book(path, {"成果台账": clean_rows()})


def merged_header_ledger(path: Path) -> Path:
    """Two header rows: 成果信息 / 合同信息 spanning groups, 成果名称 merged vertically."""
    rows = [
        ["成果编号", "成果名称", "披露日期", "完成人", "合同信息", None, None],
        [None, None, None, None, "金额（万元）", "签约日期", "受让方"],
        ["CG-2023-0101", "绿色氢能催化剂", "2023-02-01", "黄敏", "abc", "2023-05-01",
         "北京氢源科技有限公司"],
    ]
    return write_book(path, {"成果": rows},
                      {"成果": ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:G1"]})


def big_ledger(path: Path, n: int, bad_row: int | None = None) -> Path:
    """`n` cases with contributors and every tenth one a signed deal; optionally one cell
    in row `bad_row` (1-based sheet row) holds text in the money column."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("成果")
    ws.append(HEADER)
    rng = random.Random(5)
    codes = [make_credit_code(random.Random(100 + i)) for i in range(50)]
    for i in range(n):
        row: list[Any] = [i + 1, f"CG-2020-{i + 1:05d}", f"大规模台账成果{i + 1}",
                          f"学院{i % 30}", datetime(2020 + i % 5, 1 + i % 12, 1 + i % 28),
                          f"教师{i % 700}(50%)、教师{(i + 1) % 700}(50%)",
                          None, None, None, None, None, None]
        if i % 10 == 0:
            row[6:12] = ["转让", rng.randint(1, 500), datetime(2025, 1 + i % 12, 1 + i % 28),
                         f"企业{i % 50}", codes[i % 50], None]
        if bad_row is not None and i + 2 == bad_row:
            row[7] = "面议"
        ws.append(row)
    wb.save(path)
    return path
