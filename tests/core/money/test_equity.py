"""Equity of a spin-off: formation by the equity deal, a financing round that dilutes,
transfer, exit whose proceeds become a receipt, impairment, dividend; the cap table as of
any date and the state-owned equity ledger."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from builders import make_achievement, make_company, make_deal, make_person

from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation, ValidationFailed
from ttdesk.core.companies import equity
from ttdesk.core.money import receipts
from ttdesk.db import models as M

AMC = "某大学资产经营有限公司"


def _spinoff(ctx: AppContext) -> tuple[M.Deal, M.Company, list[M.Person]]:
    ctx.today = lambda: date(2026, 11, 20)
    people = [make_person(ctx), make_person(ctx)]
    case = make_achievement(ctx, contributors=[(people[0], "60"), (people[1], "40")])
    company = make_company(ctx, is_spinoff=True, registration_date=date(2025, 1, 10))
    deal = make_deal(ctx, [case], company, mode=E.DealMode.EQUITY,
                     price=Decimal("9000000.00"), status=E.DealStatus.PERFORMING,
                     approval_date=date(2025, 2, 1), signing_date=date(2025, 3, 1))
    return deal, company, people


def _form(ctx: AppContext, deal: M.Deal, company: M.Company, people: list[M.Person]) -> int:
    return equity.form_company(ctx, deal.deal_no, company.credit_code, date(2025, 3, 20), [
        equity.HolderIn("institution_amc", AMC, "2700000"),
        equity.HolderIn("team_member", people[0].name, "3780000", staff_no=people[0].staff_no,
                        employment_status="off_post"),
        equity.HolderIn("team_member", people[1].name, "2520000", staff_no=people[1].staff_no),
        equity.HolderIn("investor", "北京启航创业投资有限公司", "1000000",
                        paid_in_capital="500000"),
    ])


def test_formation_then_financing_round_dilutes(any_ctx: AppContext) -> None:
    deal, company, people = _spinoff(any_ctx)
    _form(any_ctx, deal, company, people)
    table = equity.cap_table(any_ctx, company.credit_code)
    assert table.registered_capital == Decimal("10000000.00")
    assert [h.percentage for h in table.holdings] == [27, Decimal("37.8"), Decimal("25.2"), 10]
    assert table.state_pct == 27 and table.total_pct == 100
    assert table.holdings[1].staff_no == people[0].staff_no
    equity.capital_increase(any_ctx, company.credit_code, date(2026, 1, 15), [
        equity.HolderIn("government_fund", "北京市科技创新基金", "2500000")],
        amount="10000000", note="A轮融资")
    after = equity.cap_table(any_ctx, company.credit_code)
    assert after.registered_capital == Decimal("12500000.00")
    assert [h.percentage for h in after.holdings] == [
        Decimal("21.6"), Decimal("30.24"), Decimal("20.16"), 8, 20]
    # ownership over time: as of any date, and the series for a chart
    before = equity.cap_table(any_ctx, company.credit_code, as_of=date(2025, 12, 31))
    assert before.state_pct == 27
    assert equity.cap_table(any_ctx, company.credit_code, date(2025, 3, 1)).holdings == []
    series = equity.ownership_series(any_ctx, company.credit_code)
    assert [t.as_of for t in series] == [date(2025, 3, 20), date(2026, 1, 15)]
    events = equity.equity_events(any_ctx, company.credit_code)
    assert [(e.kind, e.percentage) for e in events] == [("formation", 90),
                                                        ("capital_increase", 20)]


def test_exit_becomes_a_receipt_and_ledger_tracks_value(any_ctx: AppContext) -> None:
    deal, company, people = _spinoff(any_ctx)
    _form(any_ctx, deal, company, people)
    amc = next(h for h in equity.cap_table(any_ctx, company.credit_code).holdings
               if h.is_state_owned)
    with pytest.raises(RuleViolation) as exc:
        equity.exit_holding(any_ctx, company.credit_code, date(2026, 6, 1), amc.shareholding_id,
                            "2700000.01", "1")
    assert exc.value.rule == "R11"
    equity.impairment(any_ctx, company.credit_code, date(2025, 12, 31), "900000")
    result = equity.exit_holding(any_ctx, company.credit_code, date(2026, 6, 1),
                                 amc.shareholding_id, "900000", "4000000",
                                 buyer_name="北京京科成长股权投资基金")
    assert result.receipt_id is not None
    rows = receipts.receipts_of(any_ctx, deal.deal_no)
    assert [(r.kind, r.amount) for r in rows] == [("equity_proceeds", Decimal("4000000.00"))]
    div = equity.dividend(any_ctx, company.credit_code, date(2026, 7, 1), "54000")
    assert div.receipt_id is not None
    [ledger] = equity.state_equity_ledger(any_ctx, company.credit_code)
    assert ledger.original_value == Decimal("9000000.00")
    assert ledger.impairments == Decimal("900000.00")
    assert ledger.disposed_cost == Decimal("2700000.00")  # a third of the 8.1M book value
    assert ledger.book_value == Decimal("5400000.00")
    assert ledger.percentage == 18 and ledger.proceeds == Decimal("4000000.00")
    assert ledger.dividends == Decimal("54000.00") and ledger.deal_nos == [deal.deal_no]
    assert equity.state_equity_ledger(any_ctx)[0].credit_code == company.credit_code
    with pytest.raises(RuleViolation):  # more than the book value left
        equity.impairment(any_ctx, company.credit_code, date(2026, 8, 1), "5400000.01")


def test_transfer_keeps_total_and_moves_capital(any_ctx: AppContext) -> None:
    deal, company, people = _spinoff(any_ctx)
    _form(any_ctx, deal, company, people)
    seller = equity.cap_table(any_ctx, company.credit_code).holdings[1]
    equity.transfer(any_ctx, company.credit_code, date(2025, 9, 1), seller.shareholding_id,
                    "780000", equity.HolderIn("investor", "中关村创业孵化器有限公司", "0"),
                    price="1000000")
    table = equity.cap_table(any_ctx, company.credit_code)
    assert table.registered_capital == Decimal("10000000.00") and table.total_pct == 100
    assert table.holdings[1].subscribed_capital == Decimal("3000000.00")
    assert table.holdings[-1].holder_name == "中关村创业孵化器有限公司"
    assert table.holdings[-1].percentage == Decimal("7.8")


def test_unit_head_never_receives_equity(any_ctx: AppContext) -> None:
    deal, company, _people = _spinoff(any_ctx)
    head = make_person(any_ctx, leader_level=E.LeaderLevel.PRINCIPAL)
    with pytest.raises(ValidationFailed) as exc:
        equity.form_company(any_ctx, deal.deal_no, company.credit_code, date(2025, 3, 20), [
            equity.HolderIn("institution_amc", AMC, "3000000"),
            equity.HolderIn("team_member", head.name, "7000000", staff_no=head.staff_no)])
    assert exc.value.problems[0].rule == "R10"
    assert equity.cap_table(any_ctx, company.credit_code).holdings == []
    assert equity.equity_events(any_ctx, company.credit_code) == []


def test_formation_needs_a_signed_equity_deal(any_ctx: AppContext) -> None:
    deal, company, people = _spinoff(any_ctx)
    licence = make_deal(any_ctx, [], company, mode=E.DealMode.LICENSE_SOLE,
                        status=E.DealStatus.SIGNED, signing_date=date(2025, 1, 1))
    with pytest.raises(RuleViolation) as exc:
        equity.form_company(any_ctx, licence.deal_no, company.credit_code, date(2025, 3, 20),
                            [equity.HolderIn("institution_amc", AMC, "1")])
    assert exc.value.rule == "R8"
    _form(any_ctx, deal, company, people)
    with pytest.raises(RuleViolation):
        _form(any_ctx, deal, company, people)


def test_a_late_dividend_does_not_rewrite_ownership_history(any_ctx: AppContext) -> None:
    deal, company, people = _spinoff(any_ctx)
    _form(any_ctx, deal, company, people)
    equity.capital_increase(any_ctx, company.credit_code, date(2026, 1, 15), [
        equity.HolderIn("investor", "A轮投资人", "2500000")])
    equity.dividend(any_ctx, company.credit_code, date(2025, 12, 1), "27000")  # entered late
    assert equity.cap_table(any_ctx, company.credit_code, date(2025, 12, 31)).state_pct == 27
    assert len(equity.ownership_series(any_ctx, company.credit_code)) == 2
    with pytest.raises(RuleViolation) as exc:  # an ownership change cannot be backdated
        equity.capital_increase(any_ctx, company.credit_code, date(2025, 12, 1), [
            equity.HolderIn("investor", "补记投资人", "1")])
    assert exc.value.rule == "R12"
