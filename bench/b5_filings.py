"""B5: one approval filing (F04) and one distribution filing (F07) on a big database.

    cp /tmp/b1_100k.db /tmp/b100k_filings.db      # generating writes the filing archive
    .venv/bin/python bench/b5_filings.py /tmp/b100k_filings.db [--runs 15]

Each run is on a different deal. The whole user action (read the snapshot, lay out and
draw the PDF with embedded font subset, header, footer and QR code, store it in the archive
in one unit of work) must take ≤ 150 ms (median). The drawing itself (snapshot + PDF, no
archive write) must stay ≤ 2× the floor, measured in the same run, alternately: bare
reportlab drawing the same tables, every block of the same filing as a plain reportlab
Table of strings with the same embedded font (no database, no wrapping, no header, footer or
QR). The archive write is left out of the ratio because the floor writes nothing: on SQLite
it is a synchronous commit plus closing the connection (~25 ms on the 100k file).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ttdesk.codes import DistributionStatus
from ttdesk.core import filing_data
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.office.setup import open_context
from ttdesk.core.records import filing_archive
from ttdesk.db.models import Deal, Distribution
from ttdesk.db.types import utcnow
from ttdesk.filings import blocks as b
from ttdesk.filings import forms
from ttdesk.filings.service import generate, render_snapshot


def floor_table(doc: b.Document) -> Callable[[], bytes]:
    """Bare reportlab drawing the same tables: every block of the filing as a plain reportlab
    Table of strings (fields four columns a row, grids with their own columns and header),
    the same embedded font, no wrapping, no header, footer or QR code, no database."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from ttdesk.filings.fonts import FONT, ensure_font

    ensure_font()
    tables: list[tuple[list[list[str]], int]] = []  # (rows, header rows)
    for blk in [b.Heading(doc.title), *doc.blocks]:
        if isinstance(blk, b.Fields):
            flat = [x for kv in blk.items for x in kv]
            flat += [""] * (-len(flat) % 4)
            tables.append(([flat[i:i + 4] for i in range(0, len(flat), 4)], 0))
        elif isinstance(blk, b.Grid):
            tables.append(([blk.headers, *blk.rows, *([blk.totals] if blk.totals else [])], 1))
        elif isinstance(blk, b.Heading | b.Note | b.Para):
            tables.append(([[blk.text]], 0))
        elif isinstance(blk, b.Opinion):
            tables.append(([[blk.role], [blk.text], [blk.when]], 0))
        elif isinstance(blk, b.Signatures):
            tables.append(([[r, "", "", ""] for r in blk.roles], 0))
    style = TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8.5),
                        ("GRID", (0, 0), (-1, -1), 0.4, (0.3, 0.3, 0.3))])

    def draw() -> bytes:
        out = io.BytesIO()
        flow = []
        for rows, head in tables:
            t = Table(rows, repeatRows=head)
            t.setStyle(style)
            flow.append(t)
        SimpleDocTemplate(out, pagesize=A4, initialFontName=FONT).build(flow)
        return out.getvalue()

    return draw


def candidates(ctx: AppContext, kind: str, want: int) -> list[str]:
    """Deals whose records are complete for `kind` (found by trying, as an officer would)."""
    with ctx.read() as s:
        if kind == "F04":
            stmt = select(Deal.deal_no).where(Deal.approval_date.is_not(None),
                                              Deal.approval_body.is_not(None))
        else:
            stmt = select(Deal.deal_no).join(Distribution, Distribution.deal_id == Deal.id)\
                .where(Distribution.status == DistributionStatus.PAID).distinct()
        keys = list(s.execute(stmt.order_by(Deal.deal_no)).scalars())
    good = []
    for key in keys:
        if filing_archive.list_filings(ctx, kind=kind, subject=key, limit=1):
            continue  # filed by an earlier run: regenerating would return the archived copy
        with ctx.read() as s:
            try:
                filing_data.build(s, kind, key)
            except ValidationFailed:
                continue
        good.append(key)
        if len(good) >= want:
            break
    return good


def bench(ctx: AppContext, kind: str, runs: int) -> bool:
    keys = candidates(ctx, kind, runs + 1)
    if len(keys) < runs + 1:
        print(f"B5 {kind}: only {len(keys)} complete deals, need {runs + 1}")
        return False
    warm = generate(ctx, kind, keys[0])  # font registration, statement compilation
    doc = forms.document(filing_archive.snapshot(ctx, warm.record.id), "zh")
    floor = floor_table(doc)
    floor()
    full_ms: list[float] = []
    draw_ms: list[float] = []
    floor_ms: list[float] = []
    for key in keys[1:]:
        def make_pdf(k: str = key) -> bytes:
            with ctx.read() as s:
                snap = filing_data.build(s, kind, k)
            return render_snapshot(snap, "zh", "B5-0000", "0" * 64, utcnow())

        def archive(k: str = key) -> Any:
            result = generate(ctx, kind, k)
            assert not result.reused
            return result

        for fn, times in ((make_pdf, draw_ms), (floor, floor_ms), (archive, full_ms)):
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
    full, ms, fl = (statistics.median(t) for t in (full_ms, draw_ms, floor_ms))
    ratio = ms / fl if fl else float("inf")
    ok = full <= 150 and ratio <= 2
    print(f"B5 {kind} over {runs} deals:")
    print(f"   generate + archive (snapshot, PDF, store; one unit of work): median {full:.1f} ms"
          f" (min {min(full_ms):.1f}, max {max(full_ms):.1f}); target ≤ 150 ms")
    print(f"   snapshot + PDF: median {ms:.1f} ms; floor (bare reportlab, same tables and "
          f"font): median {fl:.1f} ms; ratio {ratio:.2f}× (target ≤ 2×)")
    print(f"   {'PASS' if ok else 'FAIL'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", type=Path, help="a copy of the demo database (it is written)")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"no such database file: {args.db}")
    ctx = open_context(f"sqlite:///{args.db}", migrate_backup=False)
    ok = bench(ctx, "F04", args.runs)
    ok = bench(ctx, "F07", args.runs) and ok
    ctx.db.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
