"""Screenshots of the filings panel (a deal with its approval form, a case with its
disclosure form, a refused generation) and of the archive page (see scripts/screenshots.py).

Each factory picks a record of the demo database whose data is complete enough, generates the
filing through the same service the panel uses, and shows it in the preview.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from ttdesk.core.base.errors import ValidationFailed
from ttdesk.db.models import Achievement, Deal
from ttdesk.filings.service import generate
from ttdesk.ui.filings.archive_page import ArchivePage
from ttdesk.ui.filings.panel import FilingsPanel

SIZE = (1200, 800)


def _first(ctx: Any, kind: str, keys: list[str]) -> str:
    for key in keys:
        try:
            generate(ctx, kind, key)
            return key
        except ValidationFailed:
            continue
    raise LookupError(f"no record of the demo data makes {kind}")


def _deals(ctx: Any) -> list[str]:
    with ctx.read() as s:
        return list(s.execute(select(Deal.deal_no).order_by(Deal.id.desc())).scalars())


def _cases(ctx: Any) -> list[str]:
    with ctx.read() as s:
        return list(s.execute(select(Achievement.case_no).order_by(Achievement.id.desc())
                              .limit(50)).scalars())


def _panel(ctx: Any, bus: Any, kind: str, code: str, key: str) -> FilingsPanel:
    panel = FilingsPanel(ctx, bus, kind, key)
    for i in range(panel.form.count()):
        if panel.form.itemData(i)[0] == code:
            panel.form.setCurrentIndex(i)
    panel.resize(*SIZE)
    return panel


def deal_approval(ctx: Any, bus: Any) -> QWidget:
    return _panel(ctx, bus, "deal", "F04", _first(ctx, "F04", _deals(ctx)))


def distribution_approval(ctx: Any, bus: Any) -> QWidget:
    return _panel(ctx, bus, "deal", "F07", _first(ctx, "F07", _deals(ctx)))


def case_disclosure(ctx: Any, bus: Any) -> QWidget:
    return _panel(ctx, bus, "achievement", "F01", _first(ctx, "F01", _cases(ctx)))


def refused(ctx: Any, bus: Any) -> QWidget:
    """A deal still in draft: F04 is refused with the list of what is missing."""
    for key in _deals(ctx):
        try:
            generate(ctx, "F04", key)
        except ValidationFailed as exc:
            panel = _panel(ctx, bus, "deal", "F04", key)
            panel._failed(exc)
            return panel
    raise LookupError("every demo deal is complete")


def archive(ctx: Any, bus: Any) -> QWidget:
    generate(ctx, "F09", "2025")
    page = ArchivePage(ctx, bus)
    page.resize(*SIZE)
    if page.table.rowCount():
        page.table.selectRow(0)
    return page


SHOTS = [
    ("deal_approval", deal_approval),
    ("distribution_approval", distribution_approval),
    ("case_disclosure", case_disclosure),
    ("refused", refused),
    ("archive", archive),
]
