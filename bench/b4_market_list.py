"""B4 for the 对接 area: open the matchmaking ledger's list (对接 tab) on the 100k database.

    .venv/bin/python bench/b4_market_list.py /tmp/b1_100k.db [--runs 15]

Times, over `--runs` fresh builds offscreen: the 对接 area opened on its 对接 tab
(`MarketPage`, until the first page of cells is there), the 对接 list alone (`ListPage` on the
matches spec; then also with what comes after the first paint: every id and the filter
choices) and the core part of that list (`match_ids` + the first page of `match_rows`).
The floor is the same work in raw SQL with sqlite3: the ordered ids of every
match and one 100-row page joined to its case, company, demand, activity, officer and deal.
Target (quality.md B4): median ≤ 100 ms. A database behind the current schema is migrated
in a copy beside it (see b4_case_open.current_db).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from b4_case_open import current_db

TARGET_MS = 100.0
FLOOR_IDS = "SELECT id FROM match ORDER BY updated_on DESC, id DESC"
FLOOR_PAGE = """
SELECT m.id, m.updated_on, m.outcome, a.case_no, a.title, c.name, c.credit_code, m.demand_id,
       d.need, t.title, u.display_name, m.contacted_on, m.nda_on, m.negotiating_on, m.deal_on,
       m.declined_on, x.deal_no, m.note
FROM match m JOIN achievement a ON a.id = m.achievement_id
LEFT JOIN company c ON c.id = m.company_id LEFT JOIN demand d ON d.id = m.demand_id
LEFT JOIN match_activity t ON t.id = m.activity_id LEFT JOIN app_user u ON u.id = m.officer_id
LEFT JOIN deal x ON x.id = m.deal_id WHERE m.id IN ({})
"""


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm: imports, statement caches
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    path = current_db(args.db)

    from PySide6.QtWidgets import QApplication

    from ttdesk.core.office.setup import open_context
    from ttdesk.core.views import market as v
    from ttdesk.ui.app.settings import UiSettings
    from ttdesk.ui.kit.bus import DataBus
    from ttdesk.ui.lists import specs as list_specs
    from ttdesk.ui.lists.page import ListPage
    from ttdesk.ui.market import specs
    from ttdesk.ui.market.page import MarketPage

    app = QApplication.instance() or QApplication([])
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    bus = DataBus()
    settings = UiSettings(Path(tempfile.mkdtemp()) / "bench.ini")
    with sqlite3.connect(path) as con:
        n = con.execute("SELECT count(*) FROM match").fetchone()[0]
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("demand", "promotion", "match_activity")}

    def floor() -> None:
        con = sqlite3.connect(path)
        ids = [r[0] for r in con.execute(FLOOR_IDS)]
        page = ids[:100]
        con.execute(FLOOR_PAGE.format(",".join("?" * len(page))), page).fetchall()
        con.close()

    def core() -> None:
        ids = v.match_ids(ctx)
        v.match_rows(ctx, ids[:100])

    def one_list() -> None:
        """The 对接 list until its first page of cells is there (what the officer sees)."""
        page = ListPage(ctx, bus, specs.MATCHES, settings)
        page.model.data(page.model.index(0, 0))
        page.deleteLater()

    def settled() -> None:
        """…and what follows the first paint: every id, the filter combos' choices."""
        page = ListPage(ctx, bus, specs.MATCHES, settings)
        page.model.data(page.model.index(0, 0))
        page.model.complete_ids()
        page.load_filter_choices()
        page.deleteLater()

    def deal_list() -> None:
        """Reference: the deal list (30,000 deals) the same way."""
        page = ListPage(ctx, bus, list_specs.DEALS, settings)
        page.model.data(page.model.index(0, 0))
        page.deleteLater()

    def area() -> None:
        """The 对接 area opened on its 对接 tab (one tab's list is built; the others wait
        until they are shown)."""
        page = MarketPage(ctx, bus, settings)
        lst = page.show_tab("matches")
        lst.model.data(lst.model.index(0, 0))
        page.deleteLater()

    f, c, one, after, ref, whole = (median_ms(fn, args.runs)
                                    for fn in (floor, core, one_list, settled, deal_list, area))
    app.processEvents()
    print(f"database {path.name}: {n:,} matches, {counts['demand']:,} demands, "
          f"{counts['promotion']:,} on the promotion list, {counts['match_activity']:,} "
          "activities")
    print(f"floor (raw sqlite3: ids + one joined page) median {f:.1f} ms")
    print(f"core  (match_ids + first page of rows)     median {c:.1f} ms ({c / f:.2f}x floor)")
    print(f"对接 list, first page of cells             median {one:.1f} ms ({one / f:.2f}x)")
    print(f"  … with all ids and the filter choices     median {after:.1f} ms")
    print(f"reference: the deal list, first page        median {ref:.1f} ms")
    print(f"对接 area opened on its 对接 tab              median {whole:.1f} ms (target "
          f"{TARGET_MS:.0f} ms: {'met' if whole <= TARGET_MS else 'missed'})")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ctx.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
