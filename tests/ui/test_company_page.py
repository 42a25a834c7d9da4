"""The company page: cap table with a 100.00% total, dilution after a capital increase
entered through its dialog, one chart series per holder, the state-owned ledger, an exit
whose proceeds become a receipt, and refusals shown inline."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from builders import make_achievement, make_company, make_deal, make_person
from PySide6.QtCharts import QAreaSeries
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QLabel, QLineEdit

from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.companies import equity
from ttdesk.core.money import receipts
from ttdesk.db import models as M
from ttdesk.ui.companies.company_page import CompanyPage
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.forms import FormDialog
from ttdesk.ui.kit.ops import reading
from ttdesk.ui.kit.table import select_first

AMC = "某大学资产经营有限公司"


@pytest.fixture
def spinoff(ctx: AppContext) -> tuple[M.Company, M.Deal, list[M.Person]]:
    ctx.today = lambda: date(2026, 11, 20)
    people = [make_person(ctx), make_person(ctx)]
    case = make_achievement(ctx, contributors=[(people[0], "60"), (people[1], "40")])
    company = make_company(ctx, is_spinoff=True, registration_date=date(2025, 1, 10))
    deal = make_deal(ctx, [case], company, mode=E.DealMode.EQUITY,
                     price=Decimal("9000000.00"), status=E.DealStatus.PERFORMING,
                     approval_date=date(2025, 2, 1), signing_date=date(2025, 3, 1))
    equity.form_company(ctx, deal.deal_no, company.credit_code, date(2025, 3, 20), [
        equity.HolderIn("institution_amc", AMC, "2700000"),
        equity.HolderIn("team_member", people[0].name, "3780000", staff_no=people[0].staff_no,
                        employment_status="off_post"),
        equity.HolderIn("team_member", people[1].name, "2520000", staff_no=people[1].staff_no),
        equity.HolderIn("investor", "北京启航创业投资有限公司", "1000000",
                        paid_in_capital="500000"),
    ])
    return company, deal, people


def _page(qtbot, ctx: AppContext, company: M.Company) -> CompanyPage:
    page = CompanyPage(ctx, DataBus(), company.id)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    painted(qtbot, page)
    return page


def painted(qtbot, page: CompanyPage) -> None:
    """The page read (on the worker) returned and was painted."""
    qtbot.waitUntil(lambda: not reading(page) and page.page is not None)


def _column(page: CompanyPage, col: int) -> list[str]:
    return [page.cap.index(r, col).data() for r in range(page.cap.rowCount())]


def _set(dialog: FormDialog, name: str, text: str) -> None:
    field = dialog.field(name)
    assert isinstance(field, QLineEdit)
    field.setText(text)


def test_cap_table_totals_and_dilution_through_the_dialog(qtbot, ctx: AppContext,
                                                          spinoff) -> None:
    company, _deal, people = spinoff
    page = _page(qtbot, ctx, company)
    assert company.credit_code in [w.text() for w in page.facts.findChildren(QLabel)]
    assert _column(page, 5) == ["27.00%", "37.80%", "25.20%", "10.00%"]
    assert _column(page, 1) == ["学校资产公司（国有）", "团队成员", "团队成员", "外部投资人"]
    assert _column(page, 2)[1] == f"{people[0].staff_no} · 离岗创业"
    total = page.findChild(QLabel, "cap_total").text()
    assert "100.00%" in total and "¥10,000,000.00" in total and "其中国有 27.00%" in total
    assert page.cap.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight)
    QAbstractItemModelTester(page.cap, QAbstractItemModelTester.FailureReportingMode.Fatal)

    dialog = page.capital_increase()
    dialog.field("holder_type").setCurrentIndex(
        dialog.field("holder_type").findData("government_fund"))
    dialog.field("holder_name").setText("北京市科技创新基金")
    _set(dialog, "subscribed_capital", "0")
    assert not dialog.try_accept()  # refused inline: nothing written
    assert "R11" in dialog.error_text()
    assert page.cap.rowCount() == 4
    _set(dialog, "subscribed_capital", "2500000")
    _set(dialog, "amount", "10000000")
    dialog.field("happened_on").setDate(date(2026, 1, 15))
    assert dialog.try_accept()
    painted(qtbot, page)
    assert _column(page, 5) == ["21.60%", "30.24%", "20.16%", "8.00%", "20.00%"]
    assert "100.00%" in page.findChild(QLabel, "cap_total").text()
    assert "¥12,500,000.00" in page.findChild(QLabel, "cap_total").text()
    kinds = [page.events.index(r, 1).data() for r in range(page.events.rowCount())]
    assert kinds == ["作价入股", "增资"]
    chart = page.chart.chart()
    areas = [s for s in chart.series() if isinstance(s, QAreaSeries)]
    assert len(areas) == len(chart.series()) == 5  # one per holder
    assert not page.chart_box.isHidden()
    assert areas[0].name().startswith(AMC) and areas[0].name().endswith("21.60%")
    # the cap table as it stood before the round: looked at only
    page.history_check.setChecked(True)
    page.as_of_edit.setDate(date(2025, 12, 31))
    painted(qtbot, page)
    assert _column(page, 5) == ["27.00%", "37.80%", "25.20%", "10.00%"]
    assert not page.buttons["capital_increase"].isEnabled()
    page.history_check.setChecked(False)
    painted(qtbot, page)
    assert page.cap.rowCount() == 5 and page.buttons["capital_increase"].isEnabled()
    # the top band reaches 100% after each event (the chart was drawn anew meanwhile)
    areas = [s for s in page.chart.chart().series() if isinstance(s, QAreaSeries)]
    top = areas[-1].upperSeries()
    assert max(p.y() for p in top.points()) == pytest.approx(100)


def test_state_ledger_and_exit_becomes_a_receipt(qtbot, ctx: AppContext, spinoff) -> None:
    company, deal, _people = spinoff
    page = _page(qtbot, ctx, company)
    texts = [w.text() for w in page.ledger.findChildren(QLabel)]
    assert "¥9,000,000.00" in texts and "27.00%" in texts
    assert not page.buttons["exit"].isEnabled()
    assert select_first(page.cap_view, lambda h: h.holder_name == AMC)
    assert page.buttons["exit"].isEnabled()
    dialog = page.exit_holding()
    _set(dialog, "capital", "700000")
    _set(dialog, "proceeds", "1500000")
    dialog.field("buyer_name").setText("北京启航创业投资有限公司")
    assert dialog.try_accept()
    painted(qtbot, page)
    assert "收款 #" in page.findChild(QLabel, "notice").text()
    got = [r for r in receipts.receipts_of(ctx, deal.deal_no) if r.kind == "equity_proceeds"]
    assert [r.amount for r in got] == [Decimal("1500000.00")]
    assert _column(page, 0)[0] == AMC and _column(page, 5)[0] == "20.00%"
    assert "100.00%" in page.findChild(QLabel, "cap_total").text()


def test_unit_head_equity_refused_inline(qtbot, ctx: AppContext, spinoff) -> None:
    company, _deal, _people = spinoff
    head = make_person(ctx, leader_level=E.LeaderLevel.PRINCIPAL)
    page = _page(qtbot, ctx, company)
    dialog = page.capital_increase()
    dialog.field("holder_type").setCurrentIndex(
        dialog.field("holder_type").findData("team_member"))
    dialog.field("holder_name").setText(head.name)
    dialog.field("staff_no").setText(head.staff_no)
    _set(dialog, "subscribed_capital", "100000")
    assert not dialog.try_accept()
    assert "R10" in dialog.error_text() and "正职" in dialog.error_text()
    assert page.cap.rowCount() == 4


def test_a_counterparty_without_equity(qtbot, ctx: AppContext) -> None:
    company = make_company(ctx)
    page = _page(qtbot, ctx, company)
    assert page.cap.rowCount() == 0
    assert page.findChild(QLabel, "cap_total").text() == "尚无股权登记"
    assert page.chart.chart().series() == []
    assert page.chart_box.isHidden() and page.ledger_box.isHidden()
    assert not page.buttons["dividend"].isEnabled()


def test_formation_through_the_holders_table(qtbot, ctx: AppContext) -> None:
    from PySide6.QtWidgets import QTableWidget

    ctx.today = lambda: date(2026, 11, 20)
    people = [make_person(ctx), make_person(ctx)]
    case = make_achievement(ctx, contributors=[(people[0], "60"), (people[1], "40")])
    company = make_company(ctx, is_spinoff=True, registration_date=date(2025, 1, 10))
    deal = make_deal(ctx, [case], company, mode=E.DealMode.EQUITY,
                     price=Decimal("9000000.00"), status=E.DealStatus.PERFORMING,
                     approval_date=date(2025, 2, 1), signing_date=date(2025, 3, 1))
    page = _page(qtbot, ctx, company)
    assert page.buttons["formation"].isEnabled()
    dialog = page.form_company()
    assert dialog.field("deal_no").currentData() == deal.deal_no
    table = dialog.field("holders")
    assert isinstance(table, QTableWidget) and table.rowCount() == 4  # AMC, 2 members, investor
    assert [table.item(r, 2).text() for r in (1, 2)] == [p.staff_no for p in people]
    for row, amount in ((0, "2700000"), (1, "3780000"), (2, "2520000")):
        table.item(row, 4).setText(amount)
    table.item(3, 1).setText("北京启航创业投资有限公司")
    table.item(3, 4).setText("1000000")
    table.item(3, 5).setText("2000000")  # paid in more than subscribed: refused inline
    dialog.field("happened_on").setDate(date(2025, 3, 20))
    assert not dialog.try_accept() and "R11" in dialog.error_text()
    table.item(3, 5).setText("500000")
    assert dialog.try_accept()
    painted(qtbot, page)
    assert _column(page, 5) == ["27.00%", "37.80%", "25.20%", "10.00%"]
    assert "100.00%" in page.findChild(QLabel, "cap_total").text()
    assert len(page.chart.chart().series()) == 4
    assert not page.chart_box.isHidden()


def test_files_kept_with_the_company(qtbot, ctx: AppContext, spinoff, tmp_path) -> None:
    """The articles of association attached on the company page, listed there (issue 11)."""
    company, _deal, _people = spinoff
    page = _page(qtbot, ctx, company)
    assert page.files.ref == company.credit_code
    articles = tmp_path / "公司章程.pdf"
    articles.write_bytes(b"%PDF-1.4\n% articles\n")
    assert page.files.attach_files([str(articles)]) == 1
    assert page.files.table.item(0, 0).text() == "公司章程.pdf"
    missing = tmp_path / "不存在.pdf"
    assert page.files.attach_files([str(missing)]) == 0
    assert "不存在.pdf" in page.files.message.text()
    assert page.files.table.rowCount() == 1
