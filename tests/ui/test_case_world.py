"""Shared data for the case-page tests: a department, people, an officer, two companies,
and helpers that drive a case or a deal to a given status through the real services."""

from __future__ import annotations

import random
from datetime import date

from ttdesk.core.base.context import AppContext
from ttdesk.core.cases import achievements
from ttdesk.core.cases.achievements import ContributorIn, DisclosureIn, FundingIn
from ttdesk.core.companies import companies
from ttdesk.core.deals import deals
from ttdesk.core.deals.deals import DealIn
from ttdesk.core.rules.credit_code import make_credit_code
from ttdesk.db.models import Department, Person, User

TODAY = date(2026, 11, 21)
PEOPLE = ["王海燕", "李志强", "张晓明", "陈静"]


def make_world(ctx: AppContext, today: date = TODAY) -> list[str]:
    """Fill `ctx` with the basics; returns the companies' credit codes."""
    ctx.today = lambda: today
    with ctx.write() as s:
        dept = Department(code="MSE", name="材料科学与工程学院")
        s.add(dept)
        for i, name in enumerate(PEOPLE, start=1):
            s.add(Person(staff_no=f"T{i:03d}", name=name, department=dept))
        s.add(User(username="officer1", display_name="刘晨"))
    rng = random.Random(7)
    codes = [make_credit_code(rng) for _ in range(2)]
    companies.create(ctx, companies.CompanyIn(name="北京锂源新能源科技有限公司",
                                              credit_code=codes[0]))
    companies.create(ctx, companies.CompanyIn(name="京华固态电池有限公司", credit_code=codes[1],
                                              is_spinoff=True))
    return codes


def make_case(ctx: AppContext, **kw: object) -> str:
    base: dict[str, object] = dict(
        title="固态电池电解质界面稳定化技术", kind="invention_patent", department="MSE",
        disclosure_date=date(2026, 3, 5),
        contributors=[ContributorIn("T001", "50", "lead"), ContributorIn("T002", "30"),
                      ContributorIn("T003", "20")],
        funding=[FundingIn("国家重点研发计划", "national", "2023YFB1234")], officer="officer1")
    base.update(kw)
    return achievements.create_disclosure(ctx, DisclosureIn(**base))  # type: ignore[arg-type]


def make_case_deal(ctx: AppContext, code: str, mode: str = "license_exclusive",
                   pricing: str | None = "negotiated") -> tuple[str, str]:
    """A case in assessment with a deal in due diligence; (case_no, deal_no)."""
    case_no = make_case(ctx)
    achievements.transition(ctx, case_no, "assessing")
    deal_no = deals.create(ctx, DealIn(title="固态电解质技术独占许可", mode=mode,
                                       achievements=[case_no], counterparty=code,
                                       pricing_method=pricing, price="460000"))
    deals.start_due_diligence(ctx, deal_no) if mode not in (
        "development", "consulting", "service") else None
    return case_no, deal_no


def test_world_builds(ctx: AppContext) -> None:
    codes = make_world(ctx)
    case_no, deal_no = make_case_deal(ctx, codes[0])
    assert case_no.startswith("CG-2026-") and deal_no.startswith("HT-")


def type_text(widget: object, text: str) -> None:
    """Type `text` into a widget key by key; unlike QTest.keyClicks it takes Chinese
    characters (QTest only maps ASCII to keys)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown if ord(ch) > 127 else ord(ch.upper()),
                              Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def activate(qtbot: object, widget: object) -> None:
    """Make `widget`'s window the active one, so its keyboard shortcuts fire."""
    from PySide6.QtWidgets import QApplication

    widget.windowHandle().requestActivate()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())  # type: ignore
