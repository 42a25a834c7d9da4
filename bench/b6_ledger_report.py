"""B6: the separate-management ledger F08 with 10,000 rows, and the annual report F09 over the
whole 100k database.

    cp /tmp/b1_100k.db /tmp/b100k_filings.db      # generating writes the filing archive
    .venv/bin/python bench/b6_ledger_report.py /tmp/b100k_filings.db

Each is timed as the officer's action: snapshot from the database, PDF (landscape ledger,
every row drawn, header repeated on each page), stored in the archive. The ledger period is
chosen so that it holds (just over) 10,000 achievements. A later run on the same copy uses a
different period / year so it is not answered from the archive. Target (quality.md): ≤ 5 s
each.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from ttdesk.core.base.context import AppContext
from ttdesk.core.office.setup import open_context
from ttdesk.core.records import filing_archive
from ttdesk.db.models import Achievement
from ttdesk.filings.service import generate

ROWS = 10_000


def ledger_period(ctx: AppContext, skip: int) -> str:
    """A period starting at the `skip`-th disclosure date that holds at least ROWS cases."""
    with ctx.read() as s:
        days = list(s.execute(
            select(Achievement.disclosure_date, func.count()).group_by(
                Achievement.disclosure_date).order_by(Achievement.disclosure_date.desc())
        ).all())
    end = days[skip][0]
    total = 0
    for day, n in days[skip:]:
        total += n
        if total >= ROWS:
            return f"{day.isoformat()}..{end.isoformat()}"
    raise SystemExit(f"fewer than {ROWS} cases in the database")


def timed(ctx: AppContext, kind: str, subject: str) -> tuple[float, int, int]:
    start = time.perf_counter()
    gen = generate(ctx, kind, subject)
    seconds = time.perf_counter() - start
    assert not gen.reused
    snap = filing_archive.snapshot(ctx, gen.record.id)
    rows = len(snap["rows"]) if kind == "F08" else len(snap["projects"])
    return seconds, rows, gen.content.count(b"/Type /Page\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", type=Path, help="a copy of the demo database (it is written)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"no such database file: {args.db}")
    ctx = open_context(f"sqlite:///{args.db}", migrate_backup=False)
    done = {r.subject for r in filing_archive.list_filings(ctx, limit=None)
            if r.kind in ("F08", "F09")}
    skip = 0
    while (period := ledger_period(ctx, skip)) in done:
        skip += 1
    year = date.today().year - 1
    while str(year) in done:
        year -= 1
    ok = True
    seconds, rows, pages = timed(ctx, "F08", period)
    ok = seconds <= 5 and rows >= ROWS
    print(f"B6 F08 ledger {period}: {rows} rows, {pages} pages in {seconds:.2f} s "
          f"(target ≤ 5 s): {'PASS' if ok else 'FAIL'}")
    seconds, projects, pages = timed(ctx, "F09", str(year))
    ok9 = seconds <= 5
    print(f"B6 F09 annual report {year} over the whole database: {projects} projects, "
          f"{pages} pages in {seconds:.2f} s (target ≤ 5 s): {'PASS' if ok9 else 'FAIL'}")
    ctx.db.dispose()
    return 0 if ok and ok9 else 1


if __name__ == "__main__":
    sys.exit(main())
