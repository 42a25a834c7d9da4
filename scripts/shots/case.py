"""Screenshots of the case page and the new-disclosure dialog (see scripts/screenshots.py).

Each factory finds a suitable case in the demo database through the core's list queries:
a deal in its pricing publicity, a case with a rights grant, a long history.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from ttdesk.codes import AchievementStatus, DealStatus
from ttdesk.core.views import (
    CaseFilter,
    DealFilter,
    case_detail,
    case_ids,
    case_rows,
    deal_detail,
    deal_ids,
    deal_rows,
)
from ttdesk.ui.case.case_page import CasePage
from ttdesk.ui.case.new_disclosure import NewDisclosureDialog

SIZE = (1200, 800)


def _page(ctx: Any, bus: Any, case_no: str, tab: str) -> CasePage:
    page = CasePage(ctx, bus, case_no)
    page.resize(*SIZE)
    page.show_tab(tab)
    return page


def _case(ctx: Any, status: AchievementStatus) -> str:
    ids = case_ids(ctx, CaseFilter(status=status))
    return case_rows(ctx, ids[:1])[0].case_no


def _deal_case(ctx: Any, status: DealStatus) -> tuple[str, str]:
    ids = deal_ids(ctx, DealFilter(status=status))
    deal_no = deal_rows(ctx, ids[:1])[0].deal_no
    return deal_detail(ctx, deal_no).achievements[0].case_no, deal_no


def disclosure(ctx: Any, bus: Any) -> QWidget:
    return _page(ctx, bus, _case(ctx, AchievementStatus.ASSESSING), "disclosure")


def deal_in_publicity(ctx: Any, bus: Any) -> QWidget:
    case_no, deal_no = _deal_case(ctx, DealStatus.IN_PUBLICITY)
    page = _page(ctx, bus, case_no, "deals")
    page.show_deal(deal_no)
    page.deals.sub.setCurrentIndex(1)  # 公示与异议
    return page


def deal_signed(ctx: Any, bus: Any) -> QWidget:
    case_no, deal_no = _deal_case(ctx, DealStatus.PERFORMING)
    page = _page(ctx, bus, case_no, "deals")
    page.show_deal(deal_no)
    return page


def company(ctx: Any, bus: Any) -> QWidget:
    case_no, _deal = _deal_case(ctx, DealStatus.PERFORMING)
    return _page(ctx, bus, case_no, "company")


def grant(ctx: Any, bus: Any) -> QWidget:
    for row in case_rows(ctx, case_ids(ctx, CaseFilter())[:400]):
        page = CasePage(ctx, bus, row.case_no)
        if page.detail is not None and page.detail.rights_grants:
            page.resize(*SIZE)
            page.show_tab("grant")
            return page
        page.deleteLater()
    return disclosure(ctx, bus)


def history(ctx: Any, bus: Any) -> QWidget:
    case_no, _deal = _deal_case(ctx, DealStatus.COMPLETED)
    return _page(ctx, bus, case_no, "history")


def new_disclosure_90(ctx: Any, bus: Any) -> QWidget:
    """The dialog refusing contributor shares that add up to 90%."""
    dialog = NewDisclosureDialog(ctx, bus)
    form = dialog.form
    title = form.inputs["title"]
    assert isinstance(title, QLineEdit)
    title.setText("高镍正极材料表面包覆改性技术")
    dept = form.inputs["department"]
    dept.setCurrentIndex(1)  # type: ignore[attr-defined]
    people = _people(ctx)
    for row, share in enumerate(["50", "30", "10"]):
        form.contributors.findChild(QLineEdit, f"contributor_person_{row}").setText(people[row])
        form.contributors.findChild(QLineEdit, f"contributor_share_{row}").setText(share)
    programme = form.inputs["programme"]
    assert isinstance(programme, QLineEdit)
    programme.setText("国家自然科学基金")
    dialog.submit()
    dialog.resize(*SIZE)
    scroll = dialog.form.parentWidget()
    if scroll is not None and scroll.parentWidget() is not None:
        area = scroll.parentWidget().parentWidget()
        if hasattr(area, "ensureWidgetVisible"):
            area.ensureWidgetVisible(dialog.form.errors["contributors"])
    return dialog


def _people(ctx: Any) -> list[str]:
    """Staff numbers of three real people (taken from a case with a team of three)."""
    for row in case_rows(ctx, case_ids(ctx, CaseFilter())[:200]):
        staff = [c.staff_no for c in case_detail(ctx, row.case_no).contributors]
        if len(staff) >= 3:
            return staff[:3]
    return ["", "", ""]


SHOTS = [
    ("disclosure", disclosure),
    ("deal_in_publicity", deal_in_publicity),
    ("deal_performing", deal_signed),
    ("company", company),
    ("grant", grant),
    ("history", history),
    ("new_disclosure_90", new_disclosure_90),
]
