"""The deal money panel through its widgets: book a receipt, reverse it (both rows kept, the
reversal marked in words), refusals inline, a cost, and a distribution from draft to paid
with each action enabled only when the status allows it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from core.money.conftest import Licence, signed_licence
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox

from ttdesk.core.base.context import AppContext
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import receipts
from ttdesk.ui.deals.distribution_dialog import DistributionDialog
from ttdesk.ui.deals.money_panel import DealMoneyPanel
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.forms import FormDialog
from ttdesk.ui.kit.ops import reading
from ttdesk.ui.kit.table import select_first

TODAY = date(2026, 11, 20)


@pytest.fixture
def lic(ctx: AppContext) -> Licence:
    ctx.today = lambda: TODAY
    return signed_licence(ctx)


def _panel(qtbot, ctx: AppContext, lic: Licence) -> DealMoneyPanel:
    panel = DealMoneyPanel(ctx, DataBus(), lic.deal.deal_no)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    painted(qtbot, panel)
    return panel


def painted(qtbot, panel: DealMoneyPanel) -> None:
    """The page read (on the worker) returned and was painted."""
    qtbot.waitUntil(lambda: not reading(panel) and panel.page is not None)


def _texts(panel: DealMoneyPanel, model_name: str, column: int) -> list[str]:
    model = getattr(panel, model_name)
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _set(dialog: FormDialog, name: str, text: str) -> None:
    field = dialog.field(name)
    assert isinstance(field, QLineEdit)
    field.setText(text)


def test_add_a_receipt_through_the_dialog(qtbot, ctx: AppContext, lic: Licence) -> None:
    panel = _panel(qtbot, ctx, lic)
    assert panel.receipts.rowCount() == 0
    assert not panel.buttons["new_distribution"].isEnabled()
    dialog = panel.add_receipt()
    assert isinstance(dialog, FormDialog)
    _set(dialog, "amount", "-5")
    assert not dialog.try_accept()
    assert "R11" in dialog.error_text()
    assert panel.receipts.rowCount() == 0  # nothing written
    _set(dialog, "amount", "1,000,000.00")
    _set(dialog, "invoice_no", "JH001")
    assert dialog.try_accept()
    painted(qtbot, panel)
    assert _texts(panel, "receipts", 3) == ["¥1,000,000.00"]
    assert _texts(panel, "receipts", 5) == ["有效"]
    assert panel.buttons["new_distribution"].isEnabled()
    assert panel.receipts.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight)
    QAbstractItemModelTester(panel.receipts,
                             QAbstractItemModelTester.FailureReportingMode.Fatal)


def test_reverse_a_receipt_keeps_both_rows_marked(qtbot, ctx: AppContext,
                                                  lic: Licence) -> None:
    rid = receipts.add_receipt(ctx, receipts.ReceiptIn(lic.deal.deal_no, date(2026, 4, 1),
                                                       "200000", "upfront"))
    panel = _panel(qtbot, ctx, lic)
    assert not panel.buttons["reverse_receipt"].isEnabled()
    assert select_first(panel.receipt_view, lambda r: r.id == rid)
    assert panel.buttons["reverse_receipt"].isEnabled()
    dialog = panel.reverse_receipt()
    assert isinstance(dialog, FormDialog)
    assert not dialog.try_accept()  # no reason
    assert "原因" in dialog.error_text()
    _set(dialog, "reason", "duplicate")
    assert dialog.try_accept()
    painted(qtbot, panel)
    states = _texts(panel, "receipts", 5)
    assert len(states) == 2
    assert states[0].startswith("已冲销") and states[1].startswith("冲销记录")
    assert _texts(panel, "receipts", 3) == ["¥200,000.00", "-¥200,000.00"]
    assert panel.receipts.index(0, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    select_first(panel.receipt_view, lambda r: r.id == rid)
    assert not panel.buttons["reverse_receipt"].isEnabled()
    assert not panel.buttons["new_distribution"].isEnabled()  # nothing left to distribute
    total = _texts(panel, "net", 6)[-1]
    assert total == "¥0.00"


def test_cost_and_net_income_per_year(qtbot, ctx: AppContext, lic: Licence) -> None:
    receipts.add_receipt(ctx, receipts.ReceiptIn(lic.deal.deal_no, date(2026, 4, 1),
                                                 "1000000", "upfront"))
    panel = _panel(qtbot, ctx, lic)
    dialog = panel.add_cost()
    _set(dialog, "amount", "50000")
    dialog.field("category").setCurrentIndex(
        dialog.field("category").findData("legal"))
    assert dialog.try_accept()
    painted(qtbot, panel)
    assert _texts(panel, "costs", 4) == ["是"]
    assert _texts(panel, "net", 0) == ["2026", "合计"]
    assert _texts(panel, "net", 6) == ["¥950,000.00", "¥950,000.00"]


def test_distribution_from_draft_to_paid(qtbot, ctx: AppContext, lic: Licence,
                                         monkeypatch) -> None:
    receipts.add_receipt(ctx, receipts.ReceiptIn(lic.deal.deal_no, date(2026, 4, 1),
                                                 "1000000", "upfront"))
    panel = _panel(qtbot, ctx, lic)
    dialog = panel.new_distribution()
    assert isinstance(dialog, DistributionDialog)
    dialog.save()
    painted(qtbot, panel)
    assert _texts(panel, "dists", 1) == ["草拟"]
    assert _texts(panel, "dists", 5) == ["¥700,000.00"]  # no cost: 70% of 1,000,000
    b = panel.buttons
    assert not b["approve"].isEnabled()  # nothing selected yet
    select_first(panel.dist_view, lambda s: True)
    assert b["approve"].isEnabled() and b["revise_distribution"].isEnabled()
    assert not b["start_publicity"].isEnabled() and not b["record_payment"].isEnabled()
    approve = panel.approve()
    approve.field("approval_date").setDate(date(2026, 9, 20))
    assert approve.try_accept()
    painted(qtbot, panel)
    select_first(panel.dist_view, lambda s: True)
    assert _texts(panel, "dists", 1) == ["已批准"]
    assert b["start_publicity"].isEnabled() and not b["approve"].isEnabled()
    assert not b["revise_distribution"].isEnabled()
    pub = panel.start_publicity()
    pub.field("start_date").setDate(date(2026, 10, 1))
    assert pub.try_accept()
    painted(qtbot, panel)
    select_first(panel.dist_view, lambda s: True)
    assert b["record_payment"].isEnabled()
    assert b["object"].isEnabled() and not b["resolve"].isEnabled()
    objection = panel.distributions.object_to_publicity()
    objection.field("raised_by").setText("Zhang San")
    objection.field("on").setDate(date(2026, 10, 5))
    objection.field("content").setText("share too low")
    assert objection.try_accept()
    painted(qtbot, panel)
    select_first(panel.dist_view, lambda s: True)
    assert b["resolve"].isEnabled()
    blocked = panel.record_payment()
    blocked.field("payment_date").setDate(TODAY)
    assert not blocked.try_accept() and "异议" in blocked.error_text()
    resolve = panel.distributions.resolve_objection()
    resolve.field("resolution").setText("dismissed after review")
    resolve.field("on").setDate(date(2026, 10, 8))
    assert resolve.try_accept()  # dismissed: the publicity runs on
    painted(qtbot, panel)
    select_first(panel.dist_view, lambda s: True)
    assert not b["resolve"].isEnabled() and b["record_payment"].isEnabled()
    pay = panel.record_payment()
    pay.field("payment_date").setDate(date(2026, 10, 2))  # inside the publicity
    assert not pay.try_accept()
    assert "R10" in pay.error_text()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    pay.field("payment_date").setDate(TODAY)
    assert pay.try_accept()
    painted(qtbot, panel)
    assert _texts(panel, "dists", 1) == ["已发放"]
    detail = dist.distribution_detail(ctx, dist.latest_distribution_id(ctx, lic.deal.deal_no))
    assert detail.payment_date == TODAY and detail.plan.team_amount == Decimal("700000.00")
    select_first(panel.dist_view, lambda s: True)
    assert _texts(panel, "people", 3) == ["¥350,000.00", "¥210,000.00", "¥140,000.00"]
    facts = " ".join(w.text() for w in panel.dist_facts.findChildren(QLabel))
    assert "学校信息公开网 2026-10-01" in facts and "已发放" in facts


def test_royalty_audit_shows_discrepancy(qtbot, ctx: AppContext) -> None:
    ctx.today = lambda: TODAY
    lic = signed_licence(ctx)
    panel = _panel(qtbot, ctx, lic)
    report = panel.add_report()
    report.field("period_start").setDate(date(2026, 3, 1))
    report.field("period_end").setDate(date(2026, 5, 31))
    _set(report, "sales_base", "1000000")
    assert report.try_accept()
    painted(qtbot, panel)
    # 3% of 1,000,000 = 30,000 > a quarter of the 40,000 minimum; nothing received yet
    assert _texts(panel, "royalty", 5) == ["¥30,000.00"]
    assert _texts(panel, "royalty", 8) == ["-¥30,000.00"]
    assert _texts(panel, "royalty", 9) == ["未付款"]


def test_terms_and_milestones_through_the_dialogs(qtbot, ctx: AppContext, lic: Licence) -> None:
    panel = _panel(qtbot, ctx, lic)
    terms = panel.edit_terms()
    _set(terms, "upfront_amount", "1200000")  # more than the price
    assert not terms.try_accept() and "R11" in terms.error_text()
    _set(terms, "upfront_amount", "300000")
    terms.field("deferred_payment").setChecked(True)
    assert not terms.try_accept() and "触发条件" in terms.error_text()
    terms.field("deferred_trigger").setText("首次实现销售")
    terms.field("deferred_review_date").setDate(date(2027, 3, 1))
    assert terms.try_accept()
    painted(qtbot, panel)
    facts = [w.text() for w in panel.terms_view.findChildren(QLabel)]
    assert "¥300,000.00" in facts and "是：首次实现销售" in facts and "2027-03-01" in facts
    ms = panel.add_milestone()
    ms.field("title").setText("样机验收")
    _set(ms, "amount", "200000")
    ms.field("due_date").setDate(date(2026, 12, 31))
    assert ms.try_accept()
    painted(qtbot, panel)
    assert _texts(panel, "milestones", 1) == ["样机验收"]
    assert _texts(panel, "milestones", 6) == ["未到期"]
    facts = [w.text() for w in panel.terms_view.findChildren(QLabel)]
    assert "¥500,000.00" in facts  # scheduled: upfront + milestone


def test_upheld_objection_sends_the_distribution_back_to_draft(qtbot, ctx: AppContext,
                                                               lic: Licence) -> None:
    receipts.add_receipt(ctx, receipts.ReceiptIn(lic.deal.deal_no, date(2026, 4, 1),
                                                 "1000000", "upfront"))
    did = dist.save(ctx, dist.DistributionIn(lic.deal.deal_no))
    dist.approve(ctx, did, date(2026, 9, 20), "技术转移中心")
    dist.start_publicity(ctx, did, date(2026, 10, 1), "学校信息公开网")
    dist.object_to_publicity(ctx, did, "张三", date(2026, 10, 5), "漏列完成人")
    panel = _panel(qtbot, ctx, lic)
    b = panel.buttons
    select_first(panel.dist_view, lambda s: True)
    assert not b["reopen"].isEnabled()  # the objection is still open
    resolve = panel.distributions.resolve_objection()
    resolve.field("resolution").setText("upheld: a contributor was left out")
    resolve.field("on").setDate(date(2026, 10, 8))
    resolve.field("upheld").setChecked(True)
    assert resolve.try_accept()
    painted(qtbot, panel)
    select_first(panel.dist_view, lambda s: True)
    assert b["reopen"].isEnabled() and not b["revise_distribution"].isEnabled()
    b["reopen"].click()
    painted(qtbot, panel)
    select_first(panel.dist_view, lambda s: True)
    assert _texts(panel, "dists", 1) == ["草拟"]
    assert b["revise_distribution"].isEnabled() and not b["reopen"].isEnabled()
