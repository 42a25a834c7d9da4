"""Every status machine of domain.md §3 walked through the case page's own buttons:
the achievement's, the rights grant's and the rest of a deal's path."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.ui.test_case_world import make_case, make_case_deal, make_world, type_text
from ttdesk.codes import AchievementStatus, DealStatus, GrantStatus
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.deals import deals
from ttdesk.core.views.case_detail import case_detail
from ttdesk.core.views.deal_detail import deal_detail
from ttdesk.ui.case import actions as actions_mod
from ttdesk.ui.case.actions import ActionBar, ActionDialog
from ttdesk.ui.case.case_page import CasePage
from ttdesk.ui.kit.bus import DataBus


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def fake(_parent: object, exc: BaseException, lang: str = "zh") -> None:
        assert isinstance(exc, TTDeskError)
        shown.extend(exc.messages(lang))

    monkeypatch.setattr(actions_mod, "show_problem", fake)
    return shown


def open_page(qtbot: QtBot, ctx: AppContext, case_no: str) -> CasePage:
    page = CasePage(ctx, DataBus(), case_no)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def act(qtbot: QtBot, bar: ActionBar, key: str, **values: object) -> ActionDialog | None:
    """Click action `key`; fill its dialog with `values` and press OK. Returns the dialog
    when it stayed open (refused)."""
    button = bar.buttons[key]
    assert button.isEnabled(), f"{key} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = bar.dialog
    if not bar.specs[[s.key for s in bar.specs].index(key)].fields:
        return None
    assert dialog is not None and dialog.isVisible()
    for name, value in values.items():
        w = dialog.form.inputs[name]
        if isinstance(w, QLineEdit):
            w.clear()
            type_text(w, str(value))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(str(value))
        elif isinstance(w, QDateEdit):
            assert isinstance(value, date)
            w.setDate(QDate(value.year, value.month, value.day))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(w.findData(value))
        elif hasattr(w, "edit"):  # a person / company picker: type the key, pick the match
            type_text(w.edit, str(value))
            w.choose(w.search(str(value))[0])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return dialog if dialog.isVisible() else None


def enabled(bar: ActionBar) -> set[str]:
    return {k for k, b in bar.buttons.items() if b.isEnabled()}


def test_rights_grant_from_application_to_title_change(qtbot: QtBot, ctx: AppContext,
                                                      refusals: list[str]) -> None:
    make_world(ctx, today=date(2026, 7, 10))
    make_case(ctx, title="另一项成果")  # so that the grant's id differs from the case's
    case_no = make_case(ctx)
    page = open_page(qtbot, ctx, case_no)
    page.show_tab("grant")
    tab = page.grants
    assert enabled(tab.actions) == set()  # no grant yet
    # a co-ownership share of 100% is refused under its field (R3)
    refused = act(qtbot, tab.apply_bar, "apply_grant", form="co_ownership", team_share="100",
                  application_date=date(2026, 5, 1))
    assert refused is not None and "[R3]" in refused.form.errors["team_share"].text()
    refused.reject()
    assert act(qtbot, tab.apply_bar, "apply_grant", form="co_ownership", team_share="70",
               representative="T001", application_date=date(2026, 5, 1),
               plan_attached=True, consent_recorded=True) is None
    assert "apply_grant" not in enabled(tab.apply_bar)  # one grant at a time
    assert enabled(tab.actions) == {"college_review", "reject"}
    assert "3 赋权 · 进行中" in page.stepper.text()
    act(qtbot, tab.actions, "college_review", on=date(2026, 5, 10), opinion="同意")
    act(qtbot, tab.actions, "tto_review", on=date(2026, 5, 20), opinion="同意")
    act(qtbot, tab.actions, "publicity", start=date(2026, 6, 1))
    assert tab.current().status == GrantStatus.IN_PUBLICITY
    assert "2026-06-15" in page.stepper.text()
    # an objection, dismissed: the publicity goes on
    act(qtbot, tab.actions, "object", raised_by="某教师", on=date(2026, 6, 3), content="比例过高")
    assert tab.current().status == GrantStatus.OBJECTION
    assert enabled(tab.actions) == {"resolve", "reject"}
    act(qtbot, tab.actions, "resolve", resolution="比例符合政策", on=date(2026, 6, 5))
    assert tab.current().status == GrantStatus.IN_PUBLICITY
    # approval before the publicity ends is refused (R5), after it works
    refused = act(qtbot, tab.actions, "approve", body="校长办公会", on=date(2026, 6, 10),
                  minutes_no="2026-07")
    assert refused is not None and "[R5]" in refused.form.error_text()
    refused.reject()
    assert act(qtbot, tab.actions, "approve", body="校长办公会", on=date(2026, 6, 20),
               minutes_no="2026-07") is None
    act(qtbot, tab.actions, "agreement", agreement_no="FQ-2026-003", on=date(2026, 6, 25))
    assert tab.current().status == GrantStatus.AGREEMENT_SIGNED
    assert "3 赋权 · 已完成" in page.stepper.text()
    act(qtbot, tab.actions, "title_change", on=date(2026, 7, 1))
    assert tab.current().status == GrantStatus.TITLE_CHANGED
    assert enabled(tab.actions) == set()
    assert tab.pubs.rowCount() == 2  # the publicity and its objection
    assert not refusals


def test_grant_rejected_from_a_review(qtbot: QtBot, ctx: AppContext) -> None:
    make_world(ctx)
    case_no = make_case(ctx)
    page = open_page(qtbot, ctx, case_no)
    page.show_tab("grant")
    act(qtbot, page.grants.apply_bar, "apply_grant", form="long_term_use", term_years="12",
        application_date=date(2026, 5, 1), plan_attached=True, consent_recorded=True)
    refused = act(qtbot, page.grants.actions, "reject", reason="")
    assert refused is not None and "理由" in refused.form.error_text()
    refused.reject()
    act(qtbot, page.grants.actions, "reject", reason="转化方案不可行")
    assert page.grants.current().status == GrantStatus.REJECTED
    assert "3 赋权 · 已中止" in page.stepper.text()
    assert "apply_grant" in enabled(page.grants.apply_bar)  # may apply again


def test_achievement_path_to_archived(qtbot: QtBot, ctx: AppContext,
                                      refusals: list[str]) -> None:
    codes = make_world(ctx)
    case_no = make_case(ctx)
    page = open_page(qtbot, ctx, case_no)
    act(qtbot, page.actions, "assess")
    page.show_tab("ip")
    act(qtbot, page.ip.actions, "add_ip", kind="invention_patent",
        application_no="CN202610000001.X", filing_date=date(2026, 4, 1))
    assert page.ip.table.rowCount() == 1
    act(qtbot, page.actions, "protect")
    act(qtbot, page.actions, "market")
    assert page.status.text() == "状态：推广中"
    page.show_tab("assessment")
    act(qtbot, page.assessment.actions, "add_assessment", assessor="王芳",
        technical_score="82", recommendation="pursue", assessed_on=date(2026, 4, 2))
    assert page.assessment.table.rowCount() == 1
    act(qtbot, page.actions, "convert")  # no active deal yet
    assert any("进行中的转化项目" in m for m in refusals)
    deal_no = deals.create(ctx, deals.DealIn(title="转让", mode="transfer",
                                             achievements=[case_no], counterparty=codes[0],
                                             pricing_method="listing", price="300000"))
    page.reload()  # the case follows its deal (domain.md §6): no button needed
    assert page.status.text() == "状态：转化中"
    act(qtbot, page.actions, "converted")  # no signed deal yet
    assert any("已签约" in m for m in refusals)
    deals.update_terms(ctx, deal_no, {"exchange_reference": "BJTE-2026-1"})
    deals.start_due_diligence(ctx, deal_no)
    deals.submit_for_approval(ctx, deal_no)
    deals.record_approval(ctx, deal_no, "技术转移中心", date(2026, 11, 2))
    deals.sign(ctx, deal_no, date(2026, 11, 3))
    page.reload()
    assert page.status.text() == "状态：已转化"
    act(qtbot, page.actions, "archive")
    assert case_detail(ctx, case_no).status == AchievementStatus.ARCHIVED
    assert enabled(page.actions) == {"reopen"}  # read-only until reopened with a reason
    act(qtbot, page.actions, "reopen", reason="补录合同附件")
    assert case_detail(ctx, case_no).status == AchievementStatus.CONVERTED


def test_release_needs_a_reason(qtbot: QtBot, ctx: AppContext) -> None:
    make_world(ctx)
    case_no = make_case(ctx)
    page = open_page(qtbot, ctx, case_no)
    refused = act(qtbot, page.actions, "release", reason="")
    assert refused is not None and "理由" in refused.form.errors["reason"].text()
    refused.reject()
    act(qtbot, page.actions, "release", reason="无市场前景")
    assert page.status.text() == "状态：已放弃"
    assert "无市场前景" in page.stepper.text()


def test_deal_after_signing_and_termination(qtbot: QtBot, ctx: AppContext) -> None:
    codes = make_world(ctx)
    case_no, deal_no = make_case_deal(ctx, codes[0], pricing="listing")
    page = open_page(qtbot, ctx, case_no)
    page.show_deal(deal_no)
    tab = page.deals
    act(qtbot, tab.records, "terms", exchange_reference="BJTE-2026-0815", price="480000")
    assert deal_detail(ctx, deal_no).exchange_reference == "BJTE-2026-0815"
    act(qtbot, tab.actions, "submit")
    act(qtbot, tab.actions, "approve", body="技术转移中心", on=date(2026, 11, 2))
    assert "publicity" in enabled(tab.actions)  # the machine allows it; the rule refuses
    refused = act(qtbot, tab.actions, "publicity", start=date(2026, 11, 3))
    assert refused is not None and "只有协议定价需要公示" in refused.form.error_text()
    refused.reject()
    act(qtbot, tab.actions, "sign", on=date(2026, 11, 3))
    refused = act(qtbot, tab.actions, "register", registration_no="2026110108000123",
                  on=date(2026, 11, 1))
    assert refused is not None and "[R12]" in refused.form.error_text()
    refused.reject()
    act(qtbot, tab.actions, "register", registration_no="2026110108000123",
        on=date(2026, 11, 5))
    act(qtbot, tab.actions, "perform")
    act(qtbot, tab.actions, "complete", on=date(2026, 11, 20))
    d = deal_detail(ctx, deal_no)
    assert (d.status, d.registration_no) == (DealStatus.COMPLETED, "2026110108000123")
    assert enabled(tab.actions) == set()
    # a second deal, terminated with a reason
    other = deals.create(ctx, deals.DealIn(title="许可", mode="license_nonexclusive",
                                           achievements=[case_no]))
    page.reload()
    assert page.show_deal(other)
    act(qtbot, tab.actions, "terminate", reason="受让方放弃")
    assert deal_detail(ctx, other).status == DealStatus.TERMINATED
    assert "已终止" in tab.hint.text()


def test_equity_deal_records_before_approval(qtbot: QtBot, ctx: AppContext,
                                             refusals: list[str]) -> None:
    codes = make_world(ctx)
    case_no, deal_no = make_case_deal(ctx, codes[1], mode="equity")
    page = open_page(qtbot, ctx, case_no)
    page.show_deal(deal_no)
    tab = page.deals
    act(qtbot, tab.actions, "submit")
    assert any("[R8]" in m for m in refusals)
    refused = act(qtbot, tab.records, "valuation", appraised=False)
    assert refused is not None and "[R8]" in refused.form.error_text()
    refused.reject()
    act(qtbot, tab.records, "valuation", appraised=False,
        no_appraisal_reason="学校决定不评估，协议定价")
    assert tab.valuations.rowCount() == 1
    refused = act(qtbot, tab.records, "supervising", ref="工信部批复", on=date(2026, 11, 1))
    assert refused is not None and "[R9]" in refused.form.error_text()
    refused.reject()
    act(qtbot, tab.records, "related", declaration="无关联关系", on=date(2026, 11, 1))
    act(qtbot, tab.actions, "submit")
    assert tab.deal is not None and tab.deal.status == DealStatus.APPROVAL


def test_deal_terms_conflict_is_shown_not_overwritten(qtbot: QtBot, ctx: AppContext) -> None:
    codes = make_world(ctx)
    case_no, deal_no = make_case_deal(ctx, codes[0])
    page = open_page(qtbot, ctx, case_no)
    page.show_deal(deal_no)
    qtbot.mouseClick(page.deals.records.buttons["terms"], Qt.MouseButton.LeftButton)
    dialog = page.deals.records.dialog
    assert dialog is not None
    price = dialog.form.inputs["price"]
    assert isinstance(price, QLineEdit) and price.text() == "460000.00"
    price.setText("500000")
    deals.update_terms(ctx, deal_no, {"price": "470000"})  # someone else, meanwhile
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "已被他人修改" in dialog.form.error_text()
    assert str(deal_detail(ctx, deal_no).price) == "470000.00"
    dialog.reject()
