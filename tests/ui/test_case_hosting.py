"""Panels of other areas hosted by the case page: placeholders while a module is missing,
the real panel with the agreed constructor arguments once it exists."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_case_world import make_case_deal, make_world
from ttdesk.core.base.context import AppContext
from ttdesk.core.deals import deals
from ttdesk.ui.case.case_page import CasePage
from ttdesk.ui.case.other_tabs import COMPANY_MODULE
from ttdesk.ui.deals.deals_tab import FILINGS_MODULE, MONEY_MODULE
from ttdesk.ui.kit.bus import DataBus


class Recorder(QWidget):
    made: list[tuple[object, ...]] = []

    def __init__(self, *args: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        Recorder.made.append(args[2:])
        self.setObjectName("hosted_panel")


def fake(monkeypatch: pytest.MonkeyPatch, module: str, cls: str) -> None:
    mod = types.ModuleType(module)
    setattr(mod, cls, Recorder)
    monkeypatch.setitem(sys.modules, module, mod)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> tuple[CasePage, str]:
    codes = make_world(ctx)
    case_no, deal_no = make_case_deal(ctx, codes[0], pricing="listing")
    deals.update_terms(ctx, deal_no, {"exchange_reference": "BJTE-1"})
    p = CasePage(ctx, DataBus(), case_no)
    qtbot.addWidget(p)
    Recorder.made = []
    return p, deal_no


def test_placeholders_while_the_modules_are_missing(page: tuple[CasePage, str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    for module in (MONEY_MODULE, FILINGS_MODULE, COMPANY_MODULE):
        monkeypatch.setitem(sys.modules, module, None)  # importing it fails
    p, deal_no = page
    p.show_tab("filings")
    assert p.tab("filings").objectName() == "placeholder"
    p.show_deal(deal_no)
    p.deals.sub.setCurrentIndex(p.deals.money_index)
    money = p.deals.sub.currentWidget()
    assert money.objectName() == "placeholder"
    assert "建设中" in money.findChild(QLabel).text()
    p.show_tab("company")
    assert p.company.list.count() == 1
    assert p.company.shown.objectName() == "placeholder"


def test_real_panels_get_the_agreed_arguments(page: tuple[CasePage, str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    fake(monkeypatch, MONEY_MODULE, "DealMoneyPanel")
    fake(monkeypatch, FILINGS_MODULE, "FilingsPanel")
    fake(monkeypatch, COMPANY_MODULE, "CompanyPage")
    p, deal_no = page
    p.show_tab("filings")
    p.show_deal(deal_no)
    p.deals.sub.setCurrentIndex(p.deals.money_index)
    p.deals.sub.setCurrentIndex(p.deals.filings_index)
    p.show_tab("company")
    company_id = p.company.companies[0].id
    assert Recorder.made == [("achievement", p.case_no), (deal_no,), ("deal", deal_no),
                             (company_id,)]
    assert p.deals.sub.widget(p.deals.money_index).objectName() == "hosted_panel"
