"""B7: import a 10,000-row Excel ledger (validate + write) into a fresh SQLite database.

    .venv/bin/python bench/b7_ledger_import.py DB_PATH [--rows 10000] [--keep DIR]

DB_PATH is taken for uniformity with the other benchmarks and never written: the ledger is
imported into a fresh database in a temporary folder (an empty database is what an office has
on day one). The ledger looks like a real one: Excel and text dates, 万元 amounts, contributor
lists with shares, every tenth case a signed deal with a counterparty and a receipt.
The floor, measured in the same run, is openpyxl's read-only iteration over every row of the
same file (values only). Import and floor run alternately `--runs` times (each import into a
new empty database) and the medians are compared, so both see the same machine load.
Targets (quality.md): ≤ 20 s and ≤ 4× the floor.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import openpyxl

from ttdesk.core.ledger import import_ledger
from ttdesk.core.office.setup import open_context
from ttdesk.core.rules.credit_code import make_credit_code

TARGET_S = 20.0
TARGET_RATIO = 4.0
HEADER = ["序号", "成果编号", "成果名称", "成果类型", "所属学院", "披露日期", "完成人", "转化方式",
          "合同金额（万元）", "签约日期", "受让方", "统一社会信用代码", "到账金额（元）"]
FIELDS = ["固态电池", "大模型", "脑胶质瘤靶向药", "颅骨植入物", "数字疗法", "纳米发电机", "氢能"]
KINDS = ["发明专利", "实用新型", "软件著作权", "技术秘密"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"


def build_ledger(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    codes = [make_credit_code(random.Random(1000 + i)) for i in range(300)]
    people = sorted({rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
                     for _ in range(4000)})
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("成果台账")
    ws.append(HEADER)
    for i in range(rows):
        year = 2015 + i % 10
        disclosed: object = datetime(year, 1 + i % 12, 1 + i % 28)
        if i % 3 == 1:
            disclosed = f"{year}年{1 + i % 12}月{1 + i % 28}日"
        elif i % 3 == 2:
            disclosed = f"{year}.{1 + i % 12}.{1 + i % 28}"
        n = 1 + i % 4
        dept = i % 40
        staff = people[dept * 60:(dept + 1) * 60]  # a department's researchers
        names = rng.sample(staff, n)
        shares = [100 // n] * n
        shares[0] += 100 - sum(shares)
        team = "、".join(f"{p}({s}%)" for p, s in zip(names, shares, strict=True))
        row: list[object] = [i + 1, f"CG-{year}-{i + 1:05d}",
                             f"{rng.choice(FIELDS)}关键技术研究{i + 1}", rng.choice(KINDS),
                             f"第{dept + 1}学院", disclosed, team, None, None, None, None, None,
                             None]
        if i % 10 == 0:
            c = i // 10 % 300
            row[7:13] = [rng.choice(["转让", "普通许可", "独占许可"]), rng.randint(5, 900),
                         datetime(year + 1, 1 + i % 12, 1 + i % 28), f"北京某科技有限公司{c}",
                         codes[c], f"{rng.randint(1, 50) * 10000:,}"]
        ws.append(row)
    wb.save(path)


def floor_seconds(path: Path) -> float:
    start = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for _row in ws.iter_rows(values_only=True):
            pass
    wb.close()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", help="database path (not written; see the module docstring)")
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3, help="paired runs (medians compared)")
    ap.add_argument("--keep", help="keep the ledger and the fresh database in this folder")
    args = ap.parse_args(argv)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="b7-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        ledger = work / "台账-b7.xlsx"
        build_ledger(ledger, args.rows)
        figures, floors = [], []
        floor_seconds(ledger)  # warm-up: file in the OS cache, modules imported
        for run in range(args.runs):
            db = work / f"b7-{run}.db"
            for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                p.unlink(missing_ok=True)
            ctx = open_context(f"sqlite:///{db}", migrate_backup=False)
            floors.append(floor_seconds(ledger))
            start = time.perf_counter()
            report = import_ledger(ctx, ledger)
            figures.append(time.perf_counter() - start)
            ctx.db.dispose()
        figure, floor = statistics.median(figures), statistics.median(floors)
        ratio = figure / floor
        print(f"B7 ledger import: {args.rows} rows, {ledger.stat().st_size / 1e6:.1f} MB")
        print(f"  written: {report.counts}")
        print(f"  runs   import {', '.join(f'{x:.2f}' for x in figures)} s; "
              f"floor {', '.join(f'{x:.2f}' for x in floors)} s")
        print(f"  figure {figure:.2f} s (target ≤ {TARGET_S:.0f} s)")
        print(f"  floor  {floor:.2f} s (openpyxl read-only iteration of the same file)")
        print(f"  ratio  {ratio:.2f}× (target ≤ {TARGET_RATIO:.0f}×)")
        ok = figure <= TARGET_S and ratio <= TARGET_RATIO
        print("  PASS" if ok else "  MISSED")
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
