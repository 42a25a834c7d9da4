"""Panels of other areas hosted by the case page: the real panel with the agreed constructor
arguments; a panel that fails to build is an error naming it, and the page goes on working."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_case_world import make_case, make_case_deal, make_world
from ttdesk.core.base.context import AppContext
from ttdesk.core.deals import deals
from ttdesk.ui.case.case_page import CasePage
from ttdesk.ui.companies import company_page
from ttdesk.ui.deals import money_panel
from ttdesk.ui.filings import panel as filings_panel
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import reading


class Recorder(QWidget):
    made: list[tuple[object, ...]] = []

    def __init__(self, *args: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        Recorder.made.append(args[2:])
        self.setObjectName("hosted_panel")


class Broken(QWidget):
    def __init__(self, *_args: object) -> None:
        raise RuntimeError("panel exploded")


def fake(monkeypatch: pytest.MonkeyPatch, cls: type[QWidget]) -> None:
    monkeypatch.setattr(money_panel, "DealMoneyPanel", cls)
    monkeypatch.setattr(filings_panel, "FilingsPanel", cls)
    monkeypatch.setattr(company_page, "CompanyPage", cls)


def broken_text(widget: QWidget) -> str:
    assert widget.objectName() == "broken_screen"
    return widget.findChild(QLabel, "broken_screen_text").text()


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> tuple[CasePage, str]:
    codes = make_world(ctx)
    case_no, deal_no = make_case_deal(ctx, codes[0], pricing="listing")
    deals.update_terms(ctx, deal_no, {"exchange_reference": "BJTE-1"})
    p = CasePage(ctx, DataBus(), case_no)
    qtbot.addWidget(p)
    Recorder.made = []
    return p, deal_no


def companies_read(qtbot: QtBot, p: CasePage) -> None:
    """The 企业 tab's page read (on the worker) returned and was painted."""
    qtbot.waitUntil(lambda: not reading(p.company))


def test_panels_that_fail_to_build_are_errors_naming_them(
        qtbot: QtBot, page: tuple[CasePage, str], monkeypatch: pytest.MonkeyPatch) -> None:
    fake(monkeypatch, Broken)
    p, deal_no = page
    p.show_tab("filings")
    assert "“文件”无法打开" in broken_text(p.tab("filings"))
    p.show_deal(deal_no)
    p.deals.sub.setCurrentIndex(p.deals.money_index)
    text = broken_text(p.deals.sub.currentWidget())
    assert "“收款与分配”无法打开" in text and "RuntimeError: panel exploded" in text
    assert "建设中" not in text
    p.show_tab("company")
    companies_read(qtbot, p)
    assert p.company.list.count() == 1
    assert "“企业详情”无法打开" in broken_text(p.company.shown)
    p.show_tab("history")  # the page itself goes on working
    assert p.tab("history").objectName() != "broken_screen"


def test_company_tab_without_a_selection_shows_an_empty_state(
        qtbot: QtBot, ctx: AppContext) -> None:
    make_world(ctx)
    p = CasePage(ctx, DataBus(), make_case(ctx))
    qtbot.addWidget(p)
    p.show_tab("company")
    companies_read(qtbot, p)
    assert p.company.list.count() == 0
    assert p.company.shown.objectName() == "empty_state"
    assert p.company.shown.text() == "未选择企业"


def test_real_panels_get_the_agreed_arguments(qtbot: QtBot, page: tuple[CasePage, str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    fake(monkeypatch, Recorder)
    p, deal_no = page
    p.show_tab("filings")
    p.show_deal(deal_no)
    p.deals.sub.setCurrentIndex(p.deals.money_index)
    p.deals.sub.setCurrentIndex(p.deals.filings_index)
    p.show_tab("company")
    companies_read(qtbot, p)
    company_id = p.company.companies[0].id
    assert Recorder.made == [("achievement", p.case_no), (deal_no,), ("deal", deal_no),
                             (company_id,)]
    assert p.deals.sub.widget(p.deals.money_index).objectName() == "hosted_panel"
