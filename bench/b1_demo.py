"""B1: build the 100k demo database (quality.md: ≤ 90 s, file ≤ 250 MB).

    .venv/bin/python bench/b1_demo.py [--cases 100000] [--seed 1] [--repeat 1]
                                      [--keep PATH] [--check]

Each run creates a fresh SQLite file in a temporary folder, migrates it and fills it with
`ttdesk.core.demo.generate` (exactly what `ttdesk-cli demo --cases N` does), then prints the
wall time, the file size and the row counts. With --repeat the figures are medians.
--keep copies the last database to PATH (the other benchmarks use a 100k database);
--check also times `ttdesk-cli check` over it. There is no floor for B1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 90.0
TARGET_MB = 250.0


def one_run(cases: int, seed: int, folder: Path) -> dict[str, object]:
    from ttdesk.core.demo import generate
    from ttdesk.core.office.setup import open_context

    path = folder / "demo.db"
    started = time.perf_counter()
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    summary = generate(ctx, cases=cases, seed=seed)
    ctx.db.dispose()  # the last connection closing checkpoints and removes the WAL
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "generate_seconds": summary.seconds,
            "bytes": path.stat().st_size, "counts": summary.counts,
            "audit_events": summary.audit_events, "path": path}


def run_check(path: Path) -> tuple[float, int]:
    from ttdesk.core.office.setup import open_context
    from ttdesk.core.records.check import run_check as check

    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    started = time.perf_counter()
    report = check(ctx)
    seconds = time.perf_counter() - started
    ctx.db.dispose()
    return seconds, len(report.findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs (medians are reported)")
    parser.add_argument("--keep", type=Path, help="copy the last database here")
    parser.add_argument("--check", action="store_true", help="also time `check` on it")
    args = parser.parse_args(argv)
    os.environ.setdefault("TTDESK_HOME", tempfile.mkdtemp(prefix="ttdesk-b1-home-"))

    runs = []
    with tempfile.TemporaryDirectory(prefix="ttdesk-b1-") as tmp:
        for i in range(args.repeat):
            folder = Path(tmp) / f"run{i}"
            folder.mkdir()
            result = one_run(args.cases, args.seed, folder)
            runs.append(result)
            print(f"run {i + 1}: {result['seconds']:.1f} s, "
                  f"{int(result['bytes']) / 2**20:.0f} MB", flush=True)
            if i < args.repeat - 1:
                shutil.rmtree(folder)
        last = runs[-1]
        if args.keep:
            shutil.copyfile(last["path"], args.keep)  # type: ignore[arg-type]
        check = run_check(last["path"]) if args.check else None  # type: ignore[arg-type]

    seconds = statistics.median(float(r["seconds"]) for r in runs)  # type: ignore[arg-type]
    generate_s = statistics.median(float(r["generate_seconds"]) for r in runs)  # type: ignore[arg-type]
    mb = statistics.median(int(r["bytes"]) for r in runs) / 2**20  # type: ignore[call-overload]
    counts: dict[str, int] = last["counts"]  # type: ignore[assignment]
    print(f"\nB1 demo database, {args.cases:,} cases, seed {args.seed}, "
          f"{len(runs)} run(s), median:")
    print(f"  time  {seconds:7.1f} s   (generate {generate_s:.1f} s)   target ≤ "
          f"{TARGET_SECONDS:.0f} s   ratio {seconds / TARGET_SECONDS:.2f}")
    print(f"  size  {mb:7.1f} MB                     target ≤ {TARGET_MB:.0f} MB  "
          f"ratio {mb / TARGET_MB:.2f}")
    print(f"  rows  {sum(counts.values()):,} business rows + {last['audit_events']:,} "
          "audit events")
    for table in sorted(counts, key=lambda t: -counts[t]):
        print(f"    {table:<22}{counts[table]:>10,}")
    if check is not None:
        print(f"  check {check[0]:7.1f} s, {check[1]} finding(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
