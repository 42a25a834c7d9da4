"""The case page: stepper, status actions through its buttons, and the rules' refusals."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDateEdit, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.ui.test_case_world import make_case, make_case_deal, make_world, type_text
from ttdesk.codes import AchievementStatus, DealStatus
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.deals import deals
from ttdesk.core.views.case_detail import case_detail
from ttdesk.core.views.deal_detail import deal_detail
from ttdesk.ui.case import actions as actions_mod
from ttdesk.ui.case.actions import ActionBar, ActionDialog
from ttdesk.ui.case.case_page import CasePage
from ttdesk.ui.kit import bus as bus_mod


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages the problem box would show (instead of a modal box)."""
    shown: list[str] = []

    def fake(_parent: object, exc: BaseException, lang: str = "zh") -> None:
        assert isinstance(exc, TTDeskError)
        shown.extend(exc.messages(lang))

    monkeypatch.setattr(actions_mod, "show_problem", fake)
    return shown


def open_page(qtbot: QtBot, ctx: AppContext, case_no: str) -> CasePage:
    page = CasePage(ctx, bus_mod.DataBus(), case_no)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def click(qtbot: QtBot, bar: ActionBar, key: str) -> ActionDialog | None:
    button = bar.buttons[key]
    assert button.isEnabled(), f"{key} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return bar.dialog if bar.dialog is not None and bar.dialog.isVisible() else None


def dialog_of(bar: ActionBar) -> ActionDialog:
    assert bar.dialog is not None and bar.dialog.isVisible()
    return bar.dialog


def set_date(dialog: ActionDialog, name: str, d: date) -> None:
    edit = dialog.form.inputs[name]
    assert isinstance(edit, QDateEdit)
    edit.setDate(QDate(d.year, d.month, d.day))


def ok(qtbot: QtBot, dialog: ActionDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def enabled(bar: ActionBar) -> set[str]:
    return {k for k, b in bar.buttons.items() if b.isEnabled()}


# ---- the page and its stepper -----------------------------------------------------------

def test_page_shows_the_case_and_its_stepper(qtbot: QtBot, ctx: AppContext) -> None:
    make_world(ctx)
    case_no = make_case(ctx, funding=[])
    page = open_page(qtbot, ctx, case_no)
    assert case_no in page.header.text() and "固态电池" in page.header.text()
    assert page.status.text() == "状态：已披露"
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "披露", "资助", "知识产权", "评估", "赋权", "交易", "企业", "文件", "附件", "历史"]
    text = page.stepper.text()
    assert "1 披露 · 进行中" in text and "[R2]" in text and "经费来源" in text
    assert "3 赋权 · 可选" in text
    page.stepper.boxes[4].clicked.emit("deal")
    assert page.tabs.currentWidget() is page.deals


def test_case_actions_follow_the_status_machine(qtbot: QtBot, ctx: AppContext,
                                                refusals: list[str]) -> None:
    make_world(ctx)
    case_no = make_case(ctx, funding=[])
    page = open_page(qtbot, ctx, case_no)
    assert enabled(page.actions) == {"assess", "release", "manager"}
    click(qtbot, page.actions, "assess")  # R2: funding not declared
    assert any("[R2]" in m and "经费来源" in m for m in refusals)
    assert case_detail(ctx, case_no).status == AchievementStatus.DISCLOSED
    page.show_tab("funding")
    click(qtbot, page.funding.actions, "no_funding")
    assert "已明确声明" in page.funding.note.text()
    click(qtbot, page.actions, "assess")
    assert page.status.text() == "状态：评估中"
    assert enabled(page.actions) == {"protect", "market", "convert", "release", "manager"}
    click(qtbot, page.actions, "protect")  # allowed by the machine, refused without IP
    assert "知识产权" in refusals[-1]
    assert "2 评估 · 进行中" in page.stepper.text()


# ---- a deal through approval and publicity to signing -----------------------------------

def test_deal_moves_to_signed_through_the_buttons(qtbot: QtBot, ctx: AppContext,
                                                  refusals: list[str]) -> None:
    codes = make_world(ctx, today=date(2026, 11, 21))
    case_no, deal_no = make_case_deal(ctx, codes[0])
    page = open_page(qtbot, ctx, case_no)
    assert page.show_deal(deal_no)
    bar = page.deals.actions
    assert enabled(bar) == {"submit", "terminate", "manager"}
    click(qtbot, bar, "submit")
    assert page.deals.deal.status == DealStatus.APPROVAL
    assert "记录审批" in page.deals.hint.text()
    # approval: the wrong body for the price is refused under the field (R6)
    dialog = click(qtbot, bar, "approve")
    assert dialog is not None
    body = dialog.form.inputs["body"]
    assert isinstance(body, QLineEdit)
    assert body.text() == "技术转移中心"  # the policy's tier for ¥460,000, suggested
    body.clear()
    type_text(body, "党委常委会")
    set_date(dialog, "on", date(2026, 11, 20))
    ok(qtbot, dialog)
    assert "[R6]" in dialog.form.errors["body"].text() and dialog.isVisible()
    assert deal_detail(ctx, deal_no).approval_body is None
    body.clear()
    type_text(body, "技术转移中心")
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert deal_detail(ctx, deal_no).approval_date == date(2026, 11, 20)
    assert "协议定价公示" in page.deals.hint.text()
    # publicity of 15 calendar days from today
    dialog = click(qtbot, bar, "publicity")
    assert dialog is not None
    ok(qtbot, dialog)
    assert page.deals.deal.status == DealStatus.IN_PUBLICITY
    assert "公示期至 2026-12-05 · 尚余 15 天" in page.stepper.text()
    assert "尚余 15 天" in page.deals.hint.text()
    # signing before the publicity ends: refused with R5, in the dialog, nothing saved
    dialog = click(qtbot, bar, "sign")
    assert dialog is not None
    ok(qtbot, dialog)
    shown = dialog.form.error_text()
    assert "[R5]" in shown and "2026-12-05" in shown
    assert dialog.isVisible()
    dialog.reject()
    assert deal_detail(ctx, deal_no).status == DealStatus.IN_PUBLICITY
    # four days before the end the stepper counts down
    ctx.today = lambda: date(2026, 12, 2)
    page.reload()
    assert "公示期至 2026-12-05 · 尚余 4 天" in page.stepper.text()
    # after the end: signing works
    ctx.today = lambda: date(2026, 12, 7)
    page.reload()
    dialog = click(qtbot, bar, "sign")
    assert dialog is not None
    set_date(dialog, "on", date(2026, 12, 6))
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    d = deal_detail(ctx, deal_no)
    assert d.status == DealStatus.SIGNED and d.signing_date == date(2026, 12, 6)
    assert enabled(bar) == {"register", "terminate", "manager"}
    assert "合同认定登记" in page.deals.hint.text()
    page.show_tab("history")
    assert page.history.table.rowCount() > 5
    assert not refusals


def test_objection_suspends_the_deal(qtbot: QtBot, ctx: AppContext,
                                     refusals: list[str]) -> None:
    codes = make_world(ctx)
    case_no, deal_no = make_case_deal(ctx, codes[0])
    deals.submit_for_approval(ctx, deal_no)
    deals.record_approval(ctx, deal_no, "技术转移中心", date(2026, 11, 20))
    deals.start_publicity(ctx, deal_no, date(2026, 11, 21), "学校官网")
    page = open_page(qtbot, ctx, case_no)
    page.show_deal(deal_no)
    bar = page.deals.actions
    dialog = click(qtbot, bar, "object")
    assert dialog is not None
    type_text(dialog.form.inputs["raised_by"], "某教师")
    content = dialog.form.inputs["content"]
    assert isinstance(content, QPlainTextEdit)
    content.setPlainText("价格明显偏低")
    ok(qtbot, dialog)
    assert page.deals.deal.status == DealStatus.OBJECTION
    assert "sign" not in enabled(bar) and "resolve" in enabled(bar)
    assert "1 项异议待处理" in page.stepper.text()
    assert page.deals.pubs.rowCount() == 2  # the publicity and its objection
    dialog = click(qtbot, bar, "resolve")
    assert dialog is not None
    resolution = dialog.form.inputs["resolution"]
    assert isinstance(resolution, QPlainTextEdit)
    resolution.setPlainText("经复核，定价依据充分")
    upheld = dialog.form.inputs["upheld"]
    assert isinstance(upheld, QCheckBox) and not upheld.isChecked()
    ok(qtbot, dialog)
    assert page.deals.deal.status == DealStatus.APPROVAL  # re-approval, then a new publicity


def test_cooperation_contract_has_no_publicity(qtbot: QtBot, ctx: AppContext) -> None:
    codes = make_world(ctx)
    case_no, deal_no = make_case_deal(ctx, codes[0], mode="development", pricing=None)
    page = open_page(qtbot, ctx, case_no)
    page.show_deal(deal_no)
    bar = page.deals.actions
    assert enabled(bar) == {"submit", "terminate", "manager"}
    assert "valuation" not in enabled(page.deals.records)
    click(qtbot, bar, "submit")
    deals.record_approval(ctx, deal_no, "技术转移中心", date(2026, 11, 20))
    page.reload()
    assert "publicity" not in enabled(bar) and "sign" in enabled(bar)


def test_new_deal_from_the_case(qtbot: QtBot, ctx: AppContext) -> None:
    make_world(ctx)
    case_no = make_case(ctx)
    page = open_page(qtbot, ctx, case_no)
    page.show_tab("deals")
    assert page.deals.header.text() == "尚无转化项目"
    dialog = click(qtbot, page.deals.new_bar, "new_deal")
    assert dialog is not None
    ok(qtbot, dialog)
    assert page.deals.list.count() == 1
    assert page.deals.deal is not None and page.deals.deal.status == DealStatus.DRAFT


def test_page_reloads_only_for_its_own_records(qtbot: QtBot, ctx: AppContext) -> None:
    make_world(ctx)
    other = make_case(ctx, title="另一项成果")
    case_no = make_case(ctx)
    page = open_page(qtbot, ctx, case_no)
    assert page.detail is not None
    reloads: list[int] = []
    page.reloaded.connect(lambda: reloads.append(1))
    other_id = case_detail(ctx, other).id
    page.bus.announce(bus_mod.ACHIEVEMENTS, other_id)
    assert reloads == []
    page.bus.announce(bus_mod.ACHIEVEMENTS, page.detail.id)
    page.bus.announce(bus_mod.ALL)
    assert len(reloads) == 2
    page.hide()
    page.bus.announce(bus_mod.ACHIEVEMENTS, page.detail.id)
    assert len(reloads) == 2  # hidden: caught up when shown again
    page.show()
    qtbot.waitExposed(page)
    assert len(reloads) == 3


def test_english_labels_come_from_the_core(qtbot: QtBot, ctx: AppContext) -> None:
    make_world(ctx)
    case_no = make_case(ctx)
    ctx.lang = "en"
    page = open_page(qtbot, ctx, case_no)
    assert "Disclosed" in page.status.text()
    assert "Disclosure" in page.stepper.text() and "assessment can start" in page.stepper.text()
    kind = page.disclosure.form.inputs["kind"]
    assert kind.currentText() == "Invention patent"  # type: ignore[attr-defined]


def test_tab_walks_the_form_in_reading_order(qtbot: QtBot, ctx: AppContext) -> None:
    from tests.ui.test_case_world import activate

    make_world(ctx)
    page = open_page(qtbot, ctx, make_case(ctx))
    activate(qtbot, page)
    form = page.disclosure.form
    form.inputs["title"].setFocus()
    order = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[:2] == [form.inputs["title_en"], form.inputs["kind"]]
