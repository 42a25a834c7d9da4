"""Contract registration from the deal page (measures of 2026): the submission with its
answer reminder, the certificate with both amounts, a change and a deregistration; the
deal's terms list shows both amounts."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from tests.ui.test_case_workflows import act, enabled, open_page
from tests.ui.test_case_world import make_case_deal, make_world
from ttdesk.core.base.context import AppContext
from ttdesk.core.views.deal_detail import deal_detail


def test_registration_from_submission_to_deregistration(qtbot: QtBot, ctx: AppContext,
                                                        tmp_path) -> None:
    codes = make_world(ctx)
    case_no, deal_no = make_case_deal(ctx, codes[0], pricing="listing")
    page = open_page(qtbot, ctx, case_no)
    page.show_deal(deal_no)
    tab = page.deals
    act(qtbot, tab.records, "terms", exchange_reference="BJTE-2026-0815", price="6000000")
    act(qtbot, tab.actions, "submit")
    act(qtbot, tab.actions, "approve", body="成果转化领导小组", on=date(2026, 11, 2))
    act(qtbot, tab.actions, "sign", on=date(2026, 11, 3))
    assert "registration_submit" in enabled(tab.records)
    act(qtbot, tab.records, "registration_submit", on=date(2026, 11, 5))
    d = deal_detail(ctx, deal_no)
    assert d.registration_submitted_on == date(2026, 11, 5)
    assert "registration_submit" not in enabled(tab.records)
    refused = act(qtbot, tab.actions, "register", registration_no="2026110108000555",
                  contract_amount="6000000", tech_amount="6500000", on=date(2026, 11, 20))
    assert refused is not None and "[R14]" in refused.form.error_text()
    refused.reject()
    act(qtbot, tab.actions, "register", registration_no="2026110108000555",
        contract_amount="6000000", tech_amount="5400000", on=date(2026, 11, 20))
    d = deal_detail(ctx, deal_no)
    assert (str(d.registration_contract_amount), str(d.registration_tech_amount)) == (
        "6000000.00", "5400000.00")
    qtbot.wait(300)
    page.grab().save(str(tmp_path / "deal_registration.png"))
    act(qtbot, tab.records, "registration_change", contract_amount="6200000",
        tech_amount="5600000", reason="补充协议", on=date(2026, 11, 21))
    act(qtbot, tab.records, "deregister", reason="合同解除", on=date(2026, 11, 21))
    d = deal_detail(ctx, deal_no)
    assert str(d.registration_tech_amount) == "5600000.00"
