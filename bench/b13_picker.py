"""B13: the person / company picker answers as the officer types (issue 11: ≤ 50 ms per
keystroke at 3,000 companies and 25,000 people).

    .venv/bin/python bench/b13_picker.py [DB] [--runs 15]

Without DB a fresh SQLite file is filled with 25,000 people (demo names, staff numbers) and
3,000 companies (demo-style names, valid credit codes), each with its stored search key, in
one bulk transaction; with DB (e.g. the 100k demo database) that database is used as it is.
Every keystroke of a few typed words ("z" "zh" "zha" ... , "张" "张伟", "bj" "bjl" ...,
"JH0001...") is timed two ways: the core query the picker issues (`choices.find_people` /
`find_companies`, first 15 matches), and the whole picker widget offscreen (`EntityPicker.
search`: query + suggestion model + popup). Printed: median and worst per keystroke; the
floor is the bare `SELECT id, name ... WHERE search_key LIKE ? LIMIT 15` (no order, no join)
on sqlite3 in the same run; a word matching few rows costs one pass over the table.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, insert, select

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.search_key import search_key
from ttdesk.core.demo import vocab
from ttdesk.core.office.setup import open_context
from ttdesk.core.rules.credit_code import make_credit_code
from ttdesk.core.views import choices
from ttdesk.db.models import Company, Person

PEOPLE, COMPANIES = 25_000, 3_000
TYPED = {
    "person": ["zhangwei", "张伟", "wf", "JH001234"],
    "company": ["bjly", "北京锂", "keji", "9111"],
}


def fill(ctx: AppContext) -> None:
    """25,000 people and 3,000 companies with their search keys (one transaction)."""
    rng = random.Random(13)
    people, companies, codes = [], [], set()
    for i in range(PEOPLE):
        name = vocab.person_name(rng)
        staff = f"JH{i + 1:06d}"
        people.append({"staff_no": staff, "name": name, "search_key": search_key(name, staff),
                       "leader_level": "none", "is_student": False, "is_external": False,
                       "is_active": True})
    brands = vocab.BRANDS
    while len(companies) < COMPANIES:
        code = make_credit_code(rng)
        if code in codes:
            continue
        codes.add(code)
        name = f"北京{rng.choice(brands)}{rng.choice(brands)[0]}科技有限公司{len(companies)}"
        companies.append({"name": name, "credit_code": code, "region": "beijing",
                          "search_key": search_key(name, code), "is_active": True,
                          "is_spinoff": False, "is_high_tech": False, "is_zjtx": False,
                          "is_imported": False, "version": 1})
    with ctx.write() as s:
        conn = s.connection()
        conn.execute(insert(Person.__table__), people)
        conn.execute(insert(Company.__table__), companies)


def keystrokes(words: list[str]) -> list[str]:
    return [w[:n] for w in words for n in range(1, len(w) + 1)]


def timed(fn: Callable[[str], object], texts: list[str], runs: int) -> list[float]:
    """Per keystroke: the median over `runs` repeats, in ms."""
    for t in texts:
        fn(t)  # warm-up
    out = []
    for t in texts:
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            fn(t)
            samples.append((time.perf_counter() - start) * 1000)
        out.append(statistics.median(samples))
    return out


def floor(path: str, table: str, texts: list[str], runs: int) -> list[float]:
    conn = sqlite3.connect(path)

    def query(text: str) -> None:
        conn.execute(f"SELECT id, name FROM {table} WHERE search_key LIKE ? LIMIT 15",
                     (f"%{text.lower()}%",)).fetchall()

    try:
        return timed(query, texts, runs)
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    path = args.db or str(Path(tempfile.mkdtemp(prefix="b13-")) / "picker.db")
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    if args.db is None:
        started = time.perf_counter()
        fill(ctx)
        print(f"filled {PEOPLE} people, {COMPANIES} companies in "
              f"{time.perf_counter() - started:.1f} s")
    with ctx.read() as s:
        n_people = s.execute(select(func.count()).select_from(Person)).scalar()
        n_companies = s.execute(select(func.count()).select_from(Company)).scalar()
    print(f"database: {n_people} people, {n_companies} companies")

    from PySide6.QtWidgets import QApplication

    from ttdesk.ui.masterdata.picker import EntityPicker

    app = QApplication.instance() or QApplication(sys.argv)
    finders = {"person": lambda t: choices.find_people(ctx, t, 15),
               "company": lambda t: choices.find_companies(ctx, t, 15)}
    worst = 0.0
    for kind, words in TYPED.items():
        texts = keystrokes(words)
        core = timed(finders[kind], texts, args.runs)
        picker = EntityPicker(ctx, kind)
        picker.show()
        ui = timed(lambda t, p=picker: (p.search(t), app.processEvents()), texts, args.runs)
        picker.completer.popup().hide()
        base = floor(path, "person" if kind == "person" else "company", texts, args.runs)
        worst = max(worst, max(ui))
        print(f"{kind:8} keystrokes {len(texts):3}  core median {statistics.median(core):6.1f} ms "
              f"worst {max(core):6.1f} ms | picker median {statistics.median(ui):6.1f} ms "
              f"worst {max(ui):6.1f} ms | floor median {statistics.median(base):6.1f} ms "
              f"(ratio {statistics.median(core) / max(statistics.median(base), 0.001):.1f}x)")
    print(f"target: <= 50 ms per keystroke; worst picker keystroke {worst:.1f} ms -> "
          f"{'OK' if worst <= 50 else 'MISS'}")
    ctx.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
