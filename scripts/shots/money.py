"""Screenshots of the money and equity screens (see scripts/screenshots.py): the distribution
dialog on the worked example, a deal's money panel, the income page and a spin-off's page
with its cap table and ownership chart.

The worked example (¥1,000,000 licence receipt, ¥50,000 deductible costs, contributors
50/30/20) is added to the demo database with the test builders, under numbers the demo
never uses. Run alone to render just these shots:

    .venv/bin/python scripts/shots/money.py OUTDIR [--cases 150]
"""

from __future__ import annotations

import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT, ROOT / "tests"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

WORKED_DEAL = "HT-2026-9901"
_built: dict[int, str] = {}


def worked_example(ctx: Any) -> str:
    """The licence of the worked example (built once per database); its deal number."""
    if id(ctx) in _built:
        return _built[id(ctx)]
    from builders import make_achievement, make_deal, make_person

    from ttdesk import codes as E
    from ttdesk.core.money import receipts, royalty

    names = ("王晓明", "李佳怡", "陈志强")
    people = [make_person(ctx, staff_no=f"WX99{i:04d}", name=n) for i, n in enumerate(names)]
    shares = list(zip(people, ("50", "30", "20"), strict=True))
    case = make_achievement(ctx, contributors=shares, case_no="CG-2026-9901",
                            title="高能量密度固态电池电解质材料及其制备方法")
    deal = make_deal(ctx, [case], deal_no=WORKED_DEAL, title="固态电池电解质专利独占许可合同",
                     mode=E.DealMode.LICENSE_EXCLUSIVE, price=Decimal("1000000.00"),
                     status=E.DealStatus.PERFORMING, approval_date=date(2026, 2, 1),
                     signing_date=date(2026, 3, 1), royalty_rate=Decimal("3"),
                     minimum_annual_royalty=Decimal("40000.00"), royalty_period_months=3)
    receipts.add_receipt(ctx, receipts.ReceiptIn(deal.deal_no, date(2026, 4, 1), "1000000.00",
                                                 "upfront", invoice_no="JH2026-0401"))
    wrong = receipts.add_receipt(ctx, receipts.ReceiptIn(deal.deal_no, date(2026, 4, 3),
                                                         "10000.00", "other"))
    receipts.reverse_receipt(ctx, wrong, date(2026, 4, 5), "重复登记")
    receipts.add_cost(ctx, receipts.CostIn(date(2026, 3, 5), "50000.00", "legal",
                                           deal_no=deal.deal_no, note="许可谈判律师费"))
    receipts.add_cost(ctx, receipts.CostIn(date(2026, 3, 6), "8000.00", "other",
                                           deal_no=deal.deal_no, note="差旅"))
    royalty.add_report(ctx, royalty.RoyaltyReportIn(
        deal.deal_no, date(2026, 3, 1), date(2026, 5, 31), "800000.00",
        reported_on=date(2026, 6, 10), reported_royalty="24000.00"))
    _built[id(ctx)] = deal.deal_no
    return deal.deal_no


def _busiest(ctx: Any, what: str) -> Any:
    """The demo record with the most money rows: a deal with distributions, or a spin-off
    with equity events."""
    from sqlalchemy import func, select

    from ttdesk.db import models as M

    with ctx.read() as s:
        if what == "deal":  # a licence with a draft among its distributions
            drafts = select(M.Distribution.deal_id).where(M.Distribution.status == "draft")
            return s.execute(select(M.Deal.deal_no).join(M.Distribution)
                             .where(M.Deal.id.in_(drafts), M.Deal.mode != "equity",
                                    M.Distribution.net_income > 0)
                             .group_by(M.Deal.deal_no)
                             .order_by(func.count().desc(), M.Deal.deal_no).limit(1)).scalar()
        return s.execute(select(M.Company.id).join(M.EquityEvent)
                         .group_by(M.Company.id)
                         .order_by(func.count().desc(), M.Company.id).limit(1)).scalar()


def _wait(until: Any, timeout: float = 20.0) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout
    while not until() and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def _painted(widget: Any) -> Any:
    """The page read on the worker has returned and was painted."""
    from ttdesk.ui.kit.ops import reading

    _wait(lambda: not reading(widget))
    return widget


def distribution_dialog(ctx: Any, bus: Any) -> Any:
    from ttdesk.ui.deals.distribution_dialog import DistributionDialog

    dialog = DistributionDialog(ctx, bus, worked_example(ctx))
    dialog.resize(1200, 800)
    return dialog


def distribution_refused(ctx: Any, bus: Any) -> Any:
    """The same dialog with a team share under the floor and an adjustment without reason."""
    from ttdesk.ui.deals.distribution_dialog import DistributionDialog

    dialog = DistributionDialog(ctx, bus, worked_example(ctx))
    dialog.team_edit.setText("60")
    dialog.recompute()
    dialog.resize(1200, 800)
    return dialog


def deal_money_receipts(ctx: Any, bus: Any) -> Any:
    from ttdesk.ui.deals.money_panel import DealMoneyPanel

    panel = DealMoneyPanel(ctx, bus, worked_example(ctx))
    _painted(panel)
    panel.tabs.setCurrentIndex(1)
    panel.resize(1200, 800)
    return panel


def deal_money_distributions(ctx: Any, bus: Any) -> Any:
    from ttdesk.ui.deals.money_panel import DealMoneyPanel

    panel = DealMoneyPanel(ctx, bus, _busiest(ctx, "deal") or worked_example(ctx))
    _painted(panel)
    panel.tabs.setCurrentIndex(panel.tabs.count() - 1)
    panel.dist_view.selectRow(panel.dists.rowCount() - 1)
    panel.resize(1200, 800)
    return panel


def deal_money_terms(ctx: Any, bus: Any) -> Any:
    from ttdesk.ui.deals.money_panel import DealMoneyPanel

    panel = DealMoneyPanel(ctx, bus, worked_example(ctx))
    _painted(panel)
    panel.resize(1200, 800)
    return panel


def deal_money_royalty(ctx: Any, bus: Any) -> Any:
    from ttdesk.ui.deals.money_panel import DealMoneyPanel

    panel = DealMoneyPanel(ctx, bus, worked_example(ctx))
    _painted(panel)
    panel.tabs.setCurrentIndex(4)
    panel.resize(1200, 600)
    return panel


def deal_money_net(ctx: Any, bus: Any) -> Any:
    from ttdesk.ui.deals.money_panel import DealMoneyPanel

    panel = DealMoneyPanel(ctx, bus, _busiest(ctx, "deal") or worked_example(ctx))
    _painted(panel)
    panel.tabs.setCurrentIndex(3)
    panel.resize(1200, 600)
    return panel


def income_page(ctx: Any, bus: Any) -> Any:
    from ttdesk.ui.income.page import IncomePage

    page = IncomePage(ctx, bus)
    page.resize(1200, 800)
    _wait(lambda: page.dist_count.text() not in ("", "加载中…", "Loading…"))
    return page


def company_page(ctx: Any, bus: Any) -> Any:
    from ttdesk.ui.companies.company_page import CompanyPage

    page = CompanyPage(ctx, bus, _busiest(ctx, "company"))
    _painted(page)
    page.resize(1200, 800)
    return page


SHOTS = [
    ("distribution_dialog", distribution_dialog),
    ("distribution_refused", distribution_refused),
    ("deal_money_terms", deal_money_terms),
    ("deal_money_receipts", deal_money_receipts),
    ("deal_money_net", deal_money_net),
    ("deal_money_royalty", deal_money_royalty),
    ("deal_money_distributions", deal_money_distributions),
    ("income_page", income_page),
    ("company_page", company_page),
]


def main(argv: list[str] | None = None) -> int:
    import argparse
    import os
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description="money screenshots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--cases", type=int, default=150)
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix="ttdesk-money-shots-"))
    os.environ["TTDESK_HOME"] = str(temp)
    from PySide6.QtWidgets import QApplication

    from ttdesk.__main__ import install_cjk_font
    from ttdesk.core.demo import generate
    from ttdesk.core.office.setup import open_context
    from ttdesk.ui.kit.bus import DataBus

    app = QApplication.instance() or QApplication([sys.argv[0]])
    print("font:", install_cjk_font(app))
    ctx = open_context(f"sqlite:///{temp / 'demo.db'}", migrate_backup=False)
    generate(ctx, cases=args.cases, seed=1)
    bus = DataBus()
    for name, factory in SHOTS:
        widget = factory(ctx, bus)
        widget.show()
        _wait(lambda: False, 0.3)
        path = args.outdir / f"money_{name}.png"
        widget.grab().save(str(path))
        print(" ", path)
        widget.close()
    ctx.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
