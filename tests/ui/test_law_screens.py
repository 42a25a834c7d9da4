"""Screens of issue 19 §1–§4: the person form's leader level, the disclosure form's public-
interest flag, the distribution dialog on a year's operating profit (self implementation) and
with a dean's approval record (equity), the deal money page's operating-profit tab."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

from builders import make_achievement, make_company, make_deal, make_person
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QTabWidget, QWidget

from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import profit
from ttdesk.core.views import master_data
from ttdesk.ui.case.disclosure_form import DisclosureForm
from ttdesk.ui.deals.distribution_dialog import DistributionDialog
from ttdesk.ui.deals.money_panel import DealMoneyPanel
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.masterdata.dialogs import person_dialog

TODAY = date(2026, 11, 20)


def _shot(widget: QWidget, name: str) -> None:
    out = os.environ.get("TTD_SHOTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(out) / f"{name}.png"))


def _step(dialog: DistributionDialog, key: str) -> str:
    return dialog.findChild(QLabel, f"step_{key}").text()


def test_person_form_sets_the_leader_level(qtbot, ctx: AppContext) -> None:
    dlg = person_dialog(ctx, None)
    qtbot.addWidget(dlg)
    combo = dlg.field("leader_level")
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "无领导职务", "正职领导", "其他领导职务"]
    dlg.field("name").setText("王院长")
    combo.setCurrentIndex(combo.findData("other"))
    assert dlg.try_accept()
    row = next(p for p in master_data.people(ctx) if p.name == "王院长")
    assert row.leader_level == E.LeaderLevel.OTHER


def test_disclosure_form_carries_the_public_interest_flag(qtbot, ctx: AppContext) -> None:
    form = DisclosureForm(ctx)
    qtbot.addWidget(form)
    box = form.inputs["public_interest"]
    assert isinstance(box, QCheckBox)
    box.setChecked(True)
    assert form.case_changes()["public_interest"] is True


def _self_deal(ctx: AppContext) -> str:
    ctx.today = lambda: TODAY
    people = [make_person(ctx, name="欧阳明"), make_person(ctx, name="李华")]
    case = make_achievement(ctx, contributors=[(people[0], "60"), (people[1], "40")])
    deal = make_deal(ctx, [case], mode=E.DealMode.SELF, title="固态电解质中试线自行实施",
                     pricing_method=None, price=None, status=E.DealStatus.PERFORMING,
                     approval_date=date(2025, 1, 15))
    profit.set_production_start(ctx, deal.deal_no, date(2025, 3, 1))
    profit.record_operating_profit(ctx, deal.deal_no, 2025, "2000000", "2025 年度审计报告")
    return deal.deal_no


def test_distribution_on_the_operating_profit(qtbot, ctx: AppContext) -> None:
    deal_no = _self_deal(ctx)
    dialog = DistributionDialog(ctx, DataBus(), deal_no)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.profit_year is not None and dialog.profit_year.currentData() == 2025
    assert dialog.receipt_list.isHidden() and not dialog.dept_edit.isEnabled()
    assert _step(dialog, "gross") == "¥2,000,000.00"
    assert _step(dialog, "team_pct").startswith("5.00%")
    assert _step(dialog, "team") == "¥100,000.00"
    assert _step(dialog, "university") == "¥1,900,000.00"
    _shot(dialog, "distribution_profit")
    dialog.save()
    plan = dist.distribution_detail(ctx, dialog.saved_id).plan
    assert (plan.profit_year, plan.team_amount) == (2025, Decimal("100000.00"))


def test_money_page_has_the_profit_tab(qtbot, ctx: AppContext) -> None:
    deal_no = _self_deal(ctx)
    panel = DealMoneyPanel(ctx, DataBus(), deal_no)
    qtbot.addWidget(panel)
    panel.resize(1100, 600)
    qtbot.waitUntil(lambda: panel.profit is not None, timeout=10000)
    tabs = panel.findChild(QTabWidget, "money_tabs")
    tabs.setCurrentWidget(panel.profit)
    panel.show()
    assert panel.profit.start.text() == "投产日期：2025-03-01"
    model = panel.profit.model
    assert model.rowCount() == 5
    assert model.index(0, 1).data() == "¥2,000,000.00"
    assert model.index(0, 2).data() == "2025 年度审计报告"
    assert panel.buttons["new_distribution"].isEnabled()
    _shot(panel, "money_profit_tab")


def test_dean_equity_needs_the_record_in_the_dialog(qtbot, ctx: AppContext) -> None:
    ctx.today = lambda: TODAY
    dean, member = make_person(ctx, name="王院长", leader_level=E.LeaderLevel.OTHER), \
        make_person(ctx, name="李华")
    case = make_achievement(ctx, contributors=[(dean, "60"), (member, "40")])
    company = make_company(ctx, is_spinoff=True, registration_date=date(2025, 1, 10))
    deal = make_deal(ctx, [case], company, mode=E.DealMode.EQUITY, price=9000000,
                     status=E.DealStatus.PERFORMING, approval_date=date(2025, 2, 1),
                     signing_date=date(2025, 3, 1))
    dialog = DistributionDialog(ctx, DataBus(), deal.deal_no)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.equity_check.setChecked(True)
    assert dialog.leaders.isVisible()
    general = dialog.findChild(QLabel, "general_error")
    assert "报批/备案" in general.text() and not dialog.save_button.isEnabled()
    dialog.leaders.on.setDate(QDate(2026, 3, 10))
    dialog.leaders.body.setText("校长办公会")
    dialog.leaders.doc.setText("校办发〔2026〕7号")
    qtbot.mouseClick(dialog.leaders.record, Qt.MouseButton.LeftButton)
    assert dialog.save_button.isEnabled()
    assert "2026-03-10 校长办公会 校办发〔2026〕7号" in dialog.leaders.listing.text()
    _shot(dialog, "distribution_dean")
    dialog.save()
    lines = dist.distribution_detail(ctx, dialog.saved_id).plan.allocations
    assert {a.staff_no: a.leader_approval is not None for a in lines} == {
        dean.staff_no: True, member.staff_no: False}


def test_dean_at_formation_with_the_record_in_the_holders_table(qtbot, ctx: AppContext
                                                                 ) -> None:
    from PySide6.QtWidgets import QTableWidget

    from ttdesk.ui.companies.company_page import CompanyPage
    from ttdesk.ui.kit.ops import reading

    ctx.today = lambda: TODAY
    dean = make_person(ctx, name="王院长", leader_level=E.LeaderLevel.OTHER)
    member = make_person(ctx, name="李华")
    case = make_achievement(ctx, contributors=[(dean, "60"), (member, "40")])
    company = make_company(ctx, is_spinoff=True, registration_date=date(2025, 1, 10))
    make_deal(ctx, [case], company, mode=E.DealMode.EQUITY, price=Decimal("9000000.00"),
              status=E.DealStatus.PERFORMING, approval_date=date(2025, 2, 1),
              signing_date=date(2025, 3, 1))
    page = CompanyPage(ctx, DataBus(), company.id)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    qtbot.waitUntil(lambda: not reading(page) and page.page is not None)
    dialog = page.form_company()
    table = dialog.field("holders")
    assert isinstance(table, QTableWidget)
    for row, amount in ((0, "2700000"), (1, "3780000"), (2, "2520000")):
        table.item(row, 4).setText(amount)
    dialog.field("happened_on").setDate(date(2025, 3, 20))
    assert not dialog.try_accept()
    assert "R10" in dialog.error_text() and "报批/备案" in dialog.error_text()
    table.item(1, 6).setText("2025-03-15 校长办公会 校办发〔2025〕9号")
    assert dialog.try_accept()
    qtbot.waitUntil(lambda: not reading(page) and page.cap.rowCount() == 3)
    cells = [page.cap.index(r, 6).data() for r in range(page.cap.rowCount())]
    assert "2025-03-15 校长办公会 校办发〔2025〕9号" in cells
    page.show()
    _shot(page, "company_dean_holding")


def test_policy_form_sets_publicity_per_subject_and_refuses_a_short_reward_one(
        qtbot, ctx: AppContext) -> None:
    from ttdesk.core.office import institution
    from ttdesk.ui.app.first_start import FirstStartDialog

    dialog = FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.policy_form
    days, kind = (form.law_boxes["reward_publicity_days"],
                  form.law_boxes["reward_publicity_day_kind"])
    assert (days.value(), kind.currentData()) == (15, "working")  # the defaults shown
    assert form.team_share_min_self_profit.value() == 5
    dialog.profile_form.name.setText("北京理工科技大学")
    days.setValue(10)
    assert dialog.save() is False
    error = form.errors["reward_publicity_days"]
    assert error.isVisible() and "15 个工作日" in error.text()
    days.setValue(20)
    form.law_boxes["grant_publicity_days"].setValue(10)
    assert dialog.save() is True
    pol = institution.current_policy(ctx)
    assert pol.publicity_for("distribution") == (20, "working")
    assert pol.publicity_for("rights_grant") == (10, "calendar")
    _shot(dialog, "policy_form")
