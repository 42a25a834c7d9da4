"""The distribution dialog on the worked example, read from its widgets: ¥1,000,000 licence
receipt, ¥50,000 deductible costs → net ¥950,000; team 70% → ¥665,000; 50/30/20 →
332,500.00 / 199,500.00 / 133,000.00, each taxable at 50%."""

from __future__ import annotations

from datetime import date

import pytest
from core.money.conftest import Licence, signed_licence
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView

from ttdesk.core.base.context import AppContext
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import receipts
from ttdesk.ui.deals.distribution_dialog import DistributionDialog
from ttdesk.ui.kit.bus import DEADLINES, MONEY, DataBus

TODAY = date(2026, 11, 20)


@pytest.fixture
def lic(ctx: AppContext) -> Licence:
    ctx.today = lambda: TODAY
    lic = signed_licence(ctx)
    no = lic.deal.deal_no
    receipts.add_receipt(ctx, receipts.ReceiptIn(no, date(2026, 4, 1), "1000000.00", "upfront",
                                                 invoice_no="JH001"))
    receipts.add_cost(ctx, receipts.CostIn(date(2026, 3, 5), "50000.00", "legal", deal_no=no))
    return lic


def _dialog(qtbot, ctx: AppContext, lic: Licence, bus: DataBus | None = None,
            distribution_id: int | None = None) -> DistributionDialog:
    dialog = DistributionDialog(ctx, bus or DataBus(), lic.deal.deal_no, distribution_id)
    qtbot.addWidget(dialog)
    return dialog


def _step(dialog: DistributionDialog, key: str) -> str:
    return dialog.findChild(QLabel, f"step_{key}").text()


def _cells(dialog: DistributionDialog) -> list[list[str]]:
    view = dialog.findChild(QTableView, "allocations_view")
    model = view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_every_step_of_the_worked_example(qtbot, ctx: AppContext, lic: Licence) -> None:
    dialog = _dialog(qtbot, ctx, lic)
    assert dialog.receipt_list.count() == 1
    assert _step(dialog, "gross") == "¥1,000,000.00"
    assert _step(dialog, "costs") == "− ¥50,000.00"
    assert _step(dialog, "net") == "¥950,000.00"
    assert _step(dialog, "team_pct").startswith("70.00%")
    assert _step(dialog, "team") == "¥665,000.00"
    assert _step(dialog, "department") == "¥95,000.00"
    assert _step(dialog, "tto") == "¥47,500.00"
    assert _step(dialog, "university") == "¥142,500.00"
    assert "法律费用 ¥50,000.00" in dialog.findChild(QLabel, "cost_detail").text()
    rows = _cells(dialog)
    names = [p.name for p in lic.people]
    assert [r[0] for r in rows] == names
    assert [r[1] for r in rows] == [p.staff_no for p in lic.people]
    assert [r[2] for r in rows] == ["50.00%", "30.00%", "20.00%"]
    assert [r[3] for r in rows] == ["¥332,500.00", "¥199,500.00", "¥133,000.00"]
    assert [r[4] for r in rows] == ["¥166,250.00", "¥99,750.00", "¥66,500.00"]
    model = dialog.findChild(QTableView, "allocations_view").model()
    assert model.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight)
    assert dialog.findChild(QLabel, "warnings").text() == ""
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)


def test_team_share_below_the_floor_is_refused_inline(qtbot, ctx: AppContext,
                                                      lic: Licence) -> None:
    dialog = _dialog(qtbot, ctx, lic)
    edit = dialog.findChild(QLineEdit, "team_share_edit")
    edit.clear()
    qtbot.keyClicks(edit, "60")
    dialog.recompute()
    error = dialog.findChild(QLabel, "team_share_error")
    assert not error.isHidden()
    assert "R10" in error.text() and "70" in error.text()
    assert not dialog.save_button.isEnabled()
    assert _step(dialog, "team") == "—"
    edit.clear()
    qtbot.keyClicks(edit, "80")
    qtbot.waitUntil(lambda: _step(dialog, "team") == "¥760,000.00")
    assert error.isHidden() and dialog.save_button.isEnabled()
    assert [r[3] for r in _cells(dialog)] == ["¥380,000.00", "¥228,000.00", "¥152,000.00"]


def test_an_adjustment_needs_a_reason(qtbot, ctx: AppContext, lic: Licence) -> None:
    dialog = _dialog(qtbot, ctx, lic)
    dialog.adjust_person.setCurrentIndex(2)
    qtbot.keyClicks(dialog.adjust_amount, "100000")
    qtbot.mouseClick(dialog.adjust_apply, Qt.MouseButton.LeftButton)
    error = dialog.findChild(QLabel, "adjust_error")
    assert not error.isHidden() and "理由" in error.text()
    assert [r[3] for r in _cells(dialog)][2] == "¥133,000.00"  # not applied
    dialog.adjust_reason.setText("中途离开项目")  # keyClicks types ASCII only
    qtbot.mouseClick(dialog.adjust_apply, Qt.MouseButton.LeftButton)
    assert error.isHidden()
    rows = _cells(dialog)
    # 565,000 left for the other two, split 50:30
    assert [r[3] for r in rows] == ["¥353,125.00", "¥211,875.00", "¥100,000.00"]
    assert rows[2][6] == "中途离开项目"


def test_save_records_one_distribution_and_announces(qtbot, ctx: AppContext,
                                                     lic: Licence) -> None:
    bus = DataBus()
    dialog = _dialog(qtbot, ctx, lic, bus)
    heard: list[tuple[str, int]] = []
    bus.changed.connect(lambda kind, rid: heard.append((kind, rid)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # what the core said changed: the deal's money (and the draft's deadline)
    assert (MONEY, lic.deal.id) in heard and {k for k, _ in heard} <= {MONEY, DEADLINES}
    found = dist.distributions_of(ctx, lic.deal.deal_no)
    assert len(found) == 1 and dialog.saved_id == found[0].id
    detail = dist.distribution_detail(ctx, found[0].id)
    assert detail.status == "draft" and detail.plan.team_amount == 665000
    # the receipt is taken: a second new dialog has nothing to distribute
    again = _dialog(qtbot, ctx, lic)
    assert again.receipt_list.count() == 0
    assert not again.save_button.isEnabled()
    assert "R10" in again.findChild(QLabel, "receipt_error").text()


def test_revise_a_draft_keeps_its_receipts_choosable(qtbot, ctx: AppContext,
                                                     lic: Licence) -> None:
    did = dist.save(ctx, dist.DistributionIn(lic.deal.deal_no))
    dialog = _dialog(qtbot, ctx, lic, distribution_id=did)
    assert dialog.checked_receipts() == [r.id for r in receipts.receipts_of(
        ctx, lic.deal.deal_no)]
    assert _step(dialog, "team") == "¥665,000.00"
    dialog.team_edit.setText("75")
    dialog.save()
    assert dist.distribution_detail(ctx, did).plan.team_amount == 712500


def test_payment_warning_after_36_months(qtbot, ctx: AppContext) -> None:
    ctx.today = lambda: date(2030, 1, 10)
    lic = signed_licence(ctx)
    receipts.add_receipt(ctx, receipts.ReceiptIn(lic.deal.deal_no, date(2026, 4, 1),
                                                 "10000", "upfront"))
    dialog = _dialog(qtbot, ctx, lic)
    text = dialog.findChild(QLabel, "warnings").text()
    assert text.startswith("⚠") and "36" in text
    assert dialog.save_button.isEnabled()


def test_model_tester_on_empty_model(qtbot) -> None:
    from ttdesk.ui.kit.table import Column, RowsModel

    model = RowsModel([Column("a", lambda r: r)])
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows([1, 2])
    assert model.rowCount(QModelIndex()) == 2


def test_equity_distribution_refuses_equity_for_a_unit_head(qtbot, ctx: AppContext) -> None:
    from builders import make_achievement, make_company, make_deal, make_person

    from ttdesk import codes as E
    from ttdesk.core.companies import equity

    ctx.today = lambda: TODAY
    head, member = make_person(ctx, leader_level=E.LeaderLevel.PRINCIPAL), make_person(ctx)
    case = make_achievement(ctx, contributors=[(head, "60"), (member, "40")])
    company = make_company(ctx, is_spinoff=True, registration_date=date(2025, 1, 10))
    deal = make_deal(ctx, [case], company, mode=E.DealMode.EQUITY, price=9000000,
                     status=E.DealStatus.PERFORMING, approval_date=date(2025, 2, 1),
                     signing_date=date(2025, 3, 1))
    equity.form_company(ctx, deal.deal_no, company.credit_code, date(2025, 3, 20), [
        equity.HolderIn("institution_amc", "某大学资产经营有限公司", "2700000"),
        equity.HolderIn("investor", "北京启航创业投资有限公司", "7300000")])
    dialog = DistributionDialog(ctx, DataBus(), deal.deal_no)
    qtbot.addWidget(dialog)
    assert not dialog.equity_check.isHidden()
    dialog.equity_check.setChecked(True)
    error = dialog.findChild(QLabel, "adjust_error")
    assert "正职" in error.text() and head.name in error.text()
    assert not dialog.save_button.isEnabled()
    # the team can be adjusted even while the plan is refused
    dialog.adjust_person.setCurrentIndex(dialog.adjust_person.findData(head.staff_no))
    assert "正职领导" in dialog.adjust_person.currentText()
    qtbot.keyClicks(dialog.adjust_amount, "0")
    dialog.adjust_reason.setText("正职领导只能获得现金奖励")
    qtbot.mouseClick(dialog.adjust_apply, Qt.MouseButton.LeftButton)
    assert error.isHidden() and dialog.save_button.isEnabled()
    assert _step(dialog, "team") == "¥6,300,000.00"
    rows = _cells(dialog)
    assert [r[3] for r in rows] == ["¥0.00", "¥6,300,000.00"]
    assert [r[5] for r in rows] == ["0.00%", "18.90%"]  # 70% of the 27% stake
    assert [r[4] for r in rows] == ["¥0.00", "¥0.00"]  # reward shares: no cash to tax
    assert rows[0][6] == "正职领导只能获得现金奖励"
    dialog.save()
    assert dialog.saved_id is not None
    again = DistributionDialog(ctx, DataBus(), deal.deal_no, dialog.saved_id)
    qtbot.addWidget(again)
    assert again.equity_check.isChecked() and not again.equity_check.isEnabled()
    assert not again.receipt_list.isEnabled() and not again.dept_edit.isEnabled()
    assert _step(again, "team") == "¥6,300,000.00"
    assert _cells(again)[0][6] == "正职领导只能获得现金奖励"  # the adjustment is kept
    assert again.save_button.isEnabled()
