"""`make_rich_dataset` plus a row in every money / equity table added by schema 0002
(payment milestones, royalty reports, receipt links, cost reversals, cap-table positions).

Kept here until the lead folds it into tests/builders.py (see the money helper's report)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from builders import make_rich_dataset as _base_dataset

from ttdesk.core.context import AppContext
from ttdesk.db import enums as E
from ttdesk.db import models as M


def add_money_rows(ctx: AppContext, data: dict[str, Any]) -> None:
    deal, equity = data["deal"], data["equity"]
    spinoff, people = data["companies"][1], data["people"]
    with ctx.write() as s:
        s.get(M.Deal, deal.id).royalty_period_months = 6  # type: ignore[union-attr]
        ms = M.PaymentMilestone(deal_id=deal.id, seq=1, title="中试完成",
                                amount=Decimal("200000.00"), due_date=date(2026, 12, 31),
                                trigger="中试报告验收", note="第二期")
        rep = M.RoyaltyReport(deal_id=deal.id, period_start=date(2026, 4, 20),
                              period_end=date(2026, 10, 19), reported_on=date(2026, 10, 30),
                              sales_base=Decimal("800000.00"),
                              reported_royalty=Decimal("28000.00"), note="半年报")
        s.add_all([ms, rep])
        s.flush()
        paid = M.Receipt(deal_id=deal.id, received_on=date(2026, 11, 2),
                         amount=Decimal("28000.00"), kind=E.ReceiptKind.ROYALTY,
                         sales_base=Decimal("800000.00"), royalty_report_id=rep.id)
        node = M.Receipt(deal_id=deal.id, received_on=date(2026, 11, 3),
                         amount=Decimal("200000.00"), kind=E.ReceiptKind.MILESTONE,
                         milestone_id=ms.id)
        cost = M.Cost(deal_id=deal.id, incurred_on=date(2026, 5, 1), amount=Decimal("800.00"),
                      category=E.CostCategory.TAXES)
        s.add_all([paid, node, cost])
        s.flush()
        s.add(M.Cost(deal_id=deal.id, incurred_on=date(2026, 5, 3), amount=Decimal("800.00"),
                     category=E.CostCategory.TAXES, reverses_id=cost.id, note="冲销"))
        proceeds = M.Receipt(deal_id=equity.id, received_on=date(2026, 10, 1),
                             amount=Decimal("500000.00"), kind=E.ReceiptKind.EQUITY_PROCEEDS)
        s.add(proceeds)
        s.flush()
        ev = M.EquityEvent(company_id=spinoff.id, deal_id=equity.id, kind=E.EquityEventKind.EXIT,
                           happened_on=date(2026, 10, 1), amount=Decimal("500000.00"),
                           percentage=Decimal("10"), holder_name="某大学资产经营公司",
                           counterparty_name="北京启航创业投资有限公司",
                           capital_after=Decimal("1000000.00"), receipt_id=proceeds.id,
                           note="部分退出")
        ev.positions = [
            M.EquityPosition(holder_type=E.HolderType.INSTITUTION_AMC,
                             holder_name="某大学资产经营公司",
                             subscribed_capital=Decimal("200000.00"),
                             paid_in_capital=Decimal("200000.00"), percentage=Decimal(20),
                             is_state_owned=True),
            M.EquityPosition(holder_type=E.HolderType.TEAM_MEMBER, holder_name=people[0].name,
                             person_id=people[0].id, subscribed_capital=Decimal("200000.00"),
                             paid_in_capital=Decimal("0.00"), percentage=Decimal(20))]
        s.add(ev)
        s.get(M.Distribution, data["distribution"].id).note = "第一次分配"  # type: ignore


def make_rich_dataset(ctx: AppContext) -> dict[str, Any]:
    data = _base_dataset(ctx)
    add_money_rows(ctx, data)
    return data
