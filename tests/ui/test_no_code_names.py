"""Every screen in Chinese, walked as a person would: no code name in what they read.

Opens the main window's eight areas, case pages (every tab, every deal sub-tab including the
money panel), a company page and the dialogs that can be opened without side effects, on the
demo database, and fails on ASCII code names (snake_case identifiers, code values such as
`due_diligence` or `self`, raw JSON) in visible labels, buttons, tab titles, combo items and
table headers / cells.
"""

from __future__ import annotations

import ast
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.screen_text import code_names, offenders, walk, widget_texts
from ttdesk.codes import AchievementStatus, DealStatus
from ttdesk.core.base.context import AppContext
from ttdesk.core.views import (
    CaseFilter,
    CompanyFilter,
    DealFilter,
    case_detail,
    case_ids,
    case_rows,
    company_ids,
    deal_detail,
    deal_ids,
    deal_rows,
)
from ttdesk.ui.app.first_start import FirstStartDialog
from ttdesk.ui.app.main_window import NAV_KEYS, MainWindow
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.case.actions import ActionBar
from ttdesk.ui.case.case_page import CasePage
from ttdesk.ui.companies.company_page import CompanyPage
from ttdesk.ui.deals.money_panel import DealMoneyPanel
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import reads_running


def pump(ms: int = 300) -> None:
    """Let Qt paint for `ms`, and longer while a page read (on a worker) has not painted."""
    end = time.monotonic() + ms / 1000
    give_up = end + 20
    while time.monotonic() < end or (reads_running() and time.monotonic() < give_up):
        QApplication.processEvents()
        time.sleep(0.01)


def test_the_detector_finds_code_names() -> None:
    assert code_names("状态：due_diligence") == ["due_diligence"]
    assert code_names("转化方式：self") == ["self"]
    assert code_names('备注：{"a": 1}')
    assert code_names("签约日期: None → 2026-01-01")
    assert code_names("冲销 / reversal: 重复登记") == ["reversal"]
    assert "Due diligence" in code_names("状态：Due diligence")
    assert not code_names("状态：尽职调查；金额 1,000.00 元；TRL 6；HT-2026-0001")
    assert not code_names("D:/data/tt_desk/demo.db；wang_hy@example.edu.cn")


def test_main_window_areas(qtbot: QtBot, demo_ctx: AppContext, ui_settings: UiSettings) -> None:
    win = MainWindow(demo_ctx, settings=ui_settings)
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.show()
    texts = []
    for key in NAV_KEYS:
        page = win.go(key)
        if key == "dashboard":
            qtbot.waitUntil(lambda p=page: p.figures is not None, timeout=15000)
        pump()
        texts += walk(page, key)
    bad = offenders(texts)
    assert not bad, "\n".join(bad)


# ---- case pages, deal sub-tabs, action dialogs --------------------------------------------

def _cases_to_walk(ctx: AppContext) -> list[str]:
    """One case per case status, one per deal status (through its deal) and one with a grant."""
    chosen: list[str] = []
    for status in AchievementStatus:
        ids = case_ids(ctx, CaseFilter(status=status))
        chosen += [r.case_no for r in case_rows(ctx, ids[:1])]
    for deal_status in DealStatus:
        ids = deal_ids(ctx, DealFilter(status=deal_status))
        for row in deal_rows(ctx, ids[:1]):
            chosen += [a.case_no for a in deal_detail(ctx, row.deal_no).achievements[:1]]
    for row in case_rows(ctx, case_ids(ctx, CaseFilter())[:200]):
        if case_detail(ctx, row.case_no).rights_grants:
            chosen.append(row.case_no)
            break
    return list(dict.fromkeys(chosen))


def _dialog_texts(page: QWidget) -> list[tuple[str, str]]:
    """Open every enabled action that asks for input, read its dialog, cancel it."""
    texts = []
    for bar in page.findChildren(ActionBar):
        if not bar.isVisible():
            continue
        for spec in bar.specs:
            if not spec.fields or not bar.buttons[spec.key].isEnabled():
                continue
            dialog = bar.trigger(spec.key)
            if dialog is None:
                continue
            texts += walk(dialog, f"dialog {spec.key}")
            dialog.reject()
    return texts


MONEY_DIALOGS = ("edit_terms", "add_milestone", "add_receipt", "add_cost", "add_report",
                 "new_distribution")
# page method -> the button that offers it (only enabled ones are opened)
COMPANY_DIALOGS = {"form_company": "formation", "capital_increase": "capital_increase",
                   "impairment": "impairment", "dividend": "dividend"}


def _read_and_close(dialog: QWidget | None, where: str) -> list[tuple[str, str]]:
    if dialog is None:
        return []
    pump(50)
    texts = walk(dialog, where)
    dialog.hide()  # not reject(): a dirty form would ask "discard?" in a modal box
    dialog.deleteLater()
    return texts


def _money_dialog_texts(tab: QWidget) -> list[tuple[str, str]]:
    texts = []
    for panel in tab.findChildren(DealMoneyPanel):
        for name in MONEY_DIALOGS:
            texts += _read_and_close(getattr(panel, name)(), f"money dialog {name}")
    return texts


def test_case_pages(qtbot: QtBot, demo_ctx: AppContext) -> None:
    texts = []
    bus = DataBus()
    for case_no in _cases_to_walk(demo_ctx):
        page = CasePage(demo_ctx, bus, case_no)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        for key in page.tab_keys:
            page.show_tab(key)
            pump(50)
            if key == "deals":
                deals = page.deals
                for row in range(deals.list.count()):
                    deals.list.setCurrentRow(row)
                    pump(50)
                    deals.sub.setProperty("_walked", False)
                    texts += walk(page.tab(key), f"{case_no}/deals/{row}")
                    texts += _dialog_texts(page.tab(key))
                    texts += _money_dialog_texts(page.tab(key))
            else:
                texts += walk(page.tab(key), f"{case_no}/{key}")
                texts += _dialog_texts(page.tab(key))
        outside = [w for w in page.findChildren(QWidget) if not page.tabs.isAncestorOf(w)]
        texts += [(f"{case_no}/{type(w).__name__}", t) for w in outside if w.isVisible()
                  for t in widget_texts(w) if t]
        page.hide()
        page.deleteLater()
    bad = offenders(texts)
    assert not bad, "\n".join(bad)


def test_company_pages(qtbot: QtBot, demo_ctx: AppContext) -> None:
    texts = []
    bus = DataBus()
    spinoffs = company_ids(demo_ctx, CompanyFilter(is_spinoff=True))
    others = company_ids(demo_ctx, CompanyFilter(is_spinoff=False))
    assert spinoffs and others
    for company_id in [*spinoffs[:3], *others[:1]]:
        page = CompanyPage(demo_ctx, bus, company_id)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        pump(100)
        assert page.page is not None, "the company page was not painted"
        texts += walk(page, f"company {company_id}")
        for name, button in COMPANY_DIALOGS.items():
            if page.buttons[button].isEnabled():
                texts += _read_and_close(getattr(page, name)(), f"company dialog {name}")
        page.hide()
        page.deleteLater()
    bad = offenders(texts)
    assert not bad, "\n".join(bad)


def test_main_window_dialogs(qtbot: QtBot, demo_ctx: AppContext,
                             ui_settings: UiSettings) -> None:
    win = MainWindow(demo_ctx, settings=ui_settings)
    qtbot.addWidget(win)
    win.show()
    texts = []
    for open_dialog in (win.new_disclosure, win.import_ledger):
        texts += _read_and_close(open_dialog(), open_dialog.__name__)
    dialog = FirstStartDialog(demo_ctx, win)
    dialog.show()
    texts += _read_and_close(dialog, "first start")
    bad = offenders(texts)
    assert not bad, "\n".join(bad)


def _refusal_texts(page: QWidget, where: str) -> list[tuple[str, str]]:
    """Open every enabled action that asks for input, empty its text inputs and press OK:
    the refusal it shows (or nothing, if the action went through) is read."""
    texts = []
    for bar in page.findChildren(ActionBar):
        if not bar.isVisible():
            continue
        for spec in bar.specs:
            if not spec.fields or not bar.buttons[spec.key].isEnabled():
                continue
            dialog = bar.trigger(spec.key)
            if dialog is None:
                continue
            for edit in dialog.findChildren(QLineEdit):
                edit.clear()
            for text in dialog.findChildren(QPlainTextEdit):
                text.clear()
            dialog.submit()
            pump(20)
            if dialog.isVisible():
                texts += walk(dialog, f"{where} refusal {spec.key}")
                dialog.reject()
    return texts


def test_refusals_in_action_dialogs(qtbot: QtBot, demo_ctx: AppContext) -> None:
    texts = []
    bus = DataBus()
    for case_no in _cases_to_walk(demo_ctx)[::2]:
        page = CasePage(demo_ctx, bus, case_no)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        pump(50)
        texts += _refusal_texts(page, case_no)
        for key in ("grant", "deals"):
            page.show_tab(key)
            pump(50)
            texts += _refusal_texts(page.tab(key), f"{case_no}/{key}")
        page.hide()
        page.deleteLater()
    assert any("[" in t for _w, t in texts), "no refusal was shown"
    bad = offenders(texts)
    assert not bad, "\n".join(bad)


def _language_branches(path: Path) -> list[str]:
    """`lang == "zh"`-like comparisons (and `{"zh": …}[lang]`-like tables) in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            names = [ast.unparse(s) for s in sides]
            if any(n.endswith("lang") for n in names) and any(
                    isinstance(s, ast.Constant) and s.value in ("zh", "en") for s in sides):
                out.append(f"{path}:{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Dict) and path.name != "i18n.py" and {  # i18n: Qt locales
                k.value for k in node.keys if isinstance(k, ast.Constant)} == {"zh", "en"}:
            out.append(f"{path}:{node.lineno}: {ast.unparse(node)[:60]}")
    return out


def test_no_language_branches_in_widgets() -> None:
    """A widget asks tr() or the core's label catalogue; it never branches on the language."""
    ui = Path(__file__).resolve().parents[2] / "ttdesk" / "ui"
    found = [hit for path in sorted(ui.rglob("*.py")) for hit in _language_branches(path)]
    assert found == []
