"""B12: `check` over the 100k database (quality.md: ≤ 60 s), step by step.

    .venv/bin/python bench/b12_check.py DB

Prints the wall time and the CPU time of every step of `ttdesk.core.records.check` (the same
code as `ttdesk-cli check`), including the audit chain walk and the comparison of every
business row with its audit history, then the total and the number of findings (0 expected
on a fresh demo database). CPU time is printed because on a busy 2-core machine the wall
time says more about the neighbours than about `check`.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

TARGET_SECONDS = 60.0


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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
