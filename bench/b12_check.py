"""B12: `check` over the 100k database (quality.md: ≤ 60 s), step by step.

    .venv/bin/python bench/b12_check.py DB

Prints the wall time and the CPU time of every step of `ttdesk.core.records.check` (the same
code as `ttdesk-cli check`), including the audit chain walk and the comparison of every
business row with its audit history, then the total and the number of findings (0 expected
on a fresh demo database). CPU time is printed because on a busy 2-core machine the wall
time says more about the neighbours than about `check`.

Floor (same run, after `check`): every row of every table read once with plain sqlite3 in
primary-key order, nothing decoded or compared — the least a check that looks at every row
and every audit event can cost.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

TARGET_SECONDS = 60.0


def floor(db: Path) -> tuple[float, float]:
    """(wall, CPU) seconds to read every row of every table of `db` once."""
    import sqlite3

    wall, cpu = time.perf_counter(), time.process_time()
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")]
        for table in tables:
            for _ in conn.execute(f'SELECT * FROM "{table}"'):
                pass
    finally:
        conn.close()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    args = parser.parse_args(argv)

    from ttdesk.core.office.setup import open_context
    from ttdesk.core.records.check import run_check

    ctx = open_context(f"sqlite:///{args.db.resolve()}", migrate_backup=False)
    started, cpu0 = time.perf_counter(), time.process_time()
    last: list = [started, cpu0, None]

    def step(_: float, name: str) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        if last[2]:
            print(f"  {last[2]:20s} {now - last[0]:7.1f} s  cpu {cpu - last[1]:6.1f} s",
                  flush=True)
        last[:] = [now, cpu, name]

    report = run_check(ctx, step)
    step(1.0, "")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu0
    ctx.db.dispose()
    print(f"B12 check: {seconds:.1f} s (cpu {cpu:.1f} s), target ≤ {TARGET_SECONDS:.0f} s, "
          f"ratio {seconds / TARGET_SECONDS:.2f}; {len(report.findings)} finding(s)")
    floor_wall, floor_cpu = floor(args.db)
    print(f"floor (every row read once): {floor_wall:.1f} s (cpu {floor_cpu:.1f} s); check "
          f"is {seconds / floor_wall:.1f}× it (cpu {cpu / floor_cpu:.1f}×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
