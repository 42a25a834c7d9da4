"""B11: automatic backups of the 100k database over 14 simulated days (quality.md
Additions: the backup folder ≤ 2× the database file; one backup ≤ 10 s).

    .venv/bin/python bench/b11_backups.py DB [--days 14]

Works on a copy of DB in a temporary folder (the shared database is not touched). Each
simulated day changes a few hundred rows (an office's day of work), then runs exactly what
the app runs at start-up — `auto_backup` (online backup → integrity_check → zstd, verified
by decompressing; then rotation by count and by folder size). Prints per day the backup's
wall and CPU time and the folder's size against the database file, then the median and
worst backup time and the largest folder ratio. CPU time (process time of all threads) is
printed because wall time on a shared machine grows with the load average, also printed.
Exit status 1 when a target is missed.

Floor (measured in the same run, before the first day): the database file streamed once
through zstd at the backup's level into nothing — the least any compressed backup of it can
cost (one read, one compression; no snapshot, no check, no write).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

TARGET_RATIO = 2.0
TARGET_SECONDS = 10.0


def _day_of_work(db: Path, day: int) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.execute("UPDATE achievement SET title = title || ? WHERE id IN "
                     "(SELECT id FROM achievement ORDER BY id LIMIT 300 OFFSET ?)",
                     (f"·{day}", day * 300))
        conn.commit()
    finally:
        conn.close()


def floor(db: Path) -> tuple[float, float]:
    """(wall, CPU) seconds to read `db` once and zstd-compress it (level as the backups)."""
    import zstandard

    from ttdesk.db.sqlite_copy import CHUNK, ZSTD_LEVEL

    wall, cpu = time.perf_counter(), time.process_time()
    out = zstandard.ZstdCompressor(level=ZSTD_LEVEL, threads=-1).compressobj()
    with open(db, "rb") as fh:
        while block := fh.read(CHUNK):
            out.compress(block)
    out.flush()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--days", type=int, default=14)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from ttdesk.core.office.setup import open_context
    from ttdesk.core.records.backup import auto_backup

    with tempfile.TemporaryDirectory(prefix="b11-") as tmp:
        work = Path(tmp) / "ttdesk.db"
        shutil.copyfile(args.db, work)
        folder = Path(tmp) / "backups"
        start = datetime(2026, 6, 1, 8, 30)
        times: list[float] = []
        ratios: list[float] = []
        print(f"database {work.stat().st_size / 1e6:.0f} MB; load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        floor_wall, floor_cpu = floor(work)
        print(f"floor: read + zstd of the file {floor_wall:.1f} s wall, {floor_cpu:.1f} s cpu",
              flush=True)
        for day in range(args.days):
            _day_of_work(work, day)
            ctx = open_context(str(work), migrate_backup=False)
            try:
                wall, cpu = time.perf_counter(), time.process_time()
                made = auto_backup(ctx, folder, now=start + timedelta(days=day))
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            finally:
                ctx.db.dispose()
            size = sum(p.stat().st_size for p in folder.iterdir())
            ratio = size / work.stat().st_size
            times.append(wall)
            ratios.append(ratio)
            print(f"day {day + 1:2d}: {made.name if made else '-'}  "
                  f"{made.stat().st_size / 1e6 if made else 0:.0f} MB  wall {wall:.1f} s  "
                  f"cpu {cpu:.1f} s  folder {size / 1e6:.0f} MB = {ratio:.2f}× the database  "
                  f"({len(list(folder.iterdir()))} files, load {os.getloadavg()[0]:.1f})",
                  flush=True)
    worst_ratio = max(ratios)
    median = statistics.median(times)
    print(f"B11 folder: max {worst_ratio:.2f}× the database (target ≤ {TARGET_RATIO}×, ratio "
          f"{worst_ratio / TARGET_RATIO:.2f})")
    print(f"B11 one backup: median {median:.1f} s, worst {max(times):.1f} s (target ≤ "
          f"{TARGET_SECONDS} s, ratio {median / TARGET_SECONDS:.2f}); floor {floor_wall:.1f} s "
          f"wall, {median / floor_wall:.1f}× it")
    return 0 if worst_ratio <= TARGET_RATIO and median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
