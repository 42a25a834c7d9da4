"""The heavy screens off the GUI thread (issue 10 §4): for the deal money panel, the company
page and the case page's 企业 tab, how long building the widget blocks the GUI thread, when
the page is painted, and how many database sessions the GUI thread opened.

    .venv/bin/python bench/heavy_pages.py [DB]   (DB: a SQLite file; made with 400 demo
                                                 cases when it does not exist yet)
Best of five runs each. No target in quality.md; the figure before the page reads was
about 0.6 s / 15 sessions for the money panel of the demo deal with the most receipts.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TTDESK_HOME", tempfile.mkdtemp(prefix="ttdesk-bench-"))

from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from ttdesk.core.demo import generate
from ttdesk.core.office.setup import open_context
from ttdesk.core.views.case_detail import case_detail
from ttdesk.db.models import (
    Achievement,
    Deal,
    EquityEvent,
    Receipt,
    deal_achievement,
)
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import reading

app = QApplication([])


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "pages.db")
    fresh = not path.exists()
    ctx = open_context(f"sqlite:///{path}")
    if fresh:
        generate(ctx, cases=400, seed=3)
    with ctx.read() as s:
        deal_no = s.execute(select(Deal.deal_no).join(Receipt, Receipt.deal_id == Deal.id)
                            .group_by(Deal.id).order_by(func.count().desc()).limit(1)).scalar()
        company_id = s.execute(select(EquityEvent.company_id).group_by(EquityEvent.company_id)
                               .order_by(func.count().desc()).limit(1)).scalar()
        case_no = s.execute(
            select(Achievement.case_no)
            .join(deal_achievement, deal_achievement.c.achievement_id == Achievement.id)
            .group_by(Achievement.id).order_by(func.count().desc()).limit(1)).scalar()
    gui_sessions = [0]
    cls = type(ctx.db)
    opened = cls.read_session

    def counted(self: Any) -> Any:
        if threading.current_thread() is threading.main_thread():
            gui_sessions[0] += 1
        return opened(self)

    cls.read_session = counted  # type: ignore[method-assign]

    from ttdesk.ui.case.other_tabs import CompanyTab
    from ttdesk.ui.companies.company_page import CompanyPage
    from ttdesk.ui.deals.money_panel import DealMoneyPanel

    detail = case_detail(ctx, case_no)

    def company_tab() -> Any:
        tab = CompanyTab(ctx, DataBus())
        tab.show_detail(detail)
        return tab

    measure(f"deal money panel {deal_no}", lambda: DealMoneyPanel(ctx, DataBus(), deal_no),
            gui_sessions)
    measure(f"company page #{company_id}", lambda: CompanyPage(ctx, DataBus(), company_id),
            gui_sessions)
    measure(f"case 企业 tab {case_no} ({len(detail.deals)} deals)", company_tab, gui_sessions)


def measure(name: str, make: Callable[[], Any], gui_sessions: list[int]) -> None:
    best: tuple[float, float, int] | None = None
    for _ in range(5):
        gui_sessions[0] = 0
        t0 = time.perf_counter()
        widget = make()
        t1 = time.perf_counter()
        while reading(widget):
            app.processEvents()
            time.sleep(0.001)
        row = (t1 - t0, time.perf_counter() - t0, gui_sessions[0])
        best = row if best is None or row[1] < best[1] else best
        widget.deleteLater()
        app.processEvents()
    assert best is not None
    print(f"{name}: GUI thread blocked {best[0] * 1000:.0f} ms, painted after "
          f"{best[1] * 1000:.0f} ms, sessions on the GUI thread {best[2]}")


if __name__ == "__main__":
    main()
