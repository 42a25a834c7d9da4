"""The deal money panel's page read: everything the panel shows, in one call, as one DTO.

Run off the GUI thread (`ui.kit.ops.read_op`); every figure comes from its one author in
`core/money` (terms and milestones, receipts, costs, net income, the royalty audit,
distributions), so the panel computes nothing itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ttdesk.core.base import lookup
from ttdesk.core.base.context import AppContext
from ttdesk.core.money import income, payments, receipts, royalty
from ttdesk.core.money.distribution_types import DistributionSummary
from ttdesk.core.money.distribution_views import distributions_of
from ttdesk.core.views.deal_detail import DealDetail, deal_detail


@dataclass(frozen=True)
class DealMoneyPage:
    deal: DealDetail
    terms: payments.PaymentTerms
    receipts: tuple[receipts.ReceiptRow, ...]
    costs: tuple[receipts.CostRow, ...]
    net_by_year: tuple[tuple[int, income.DealIncome], ...]  # calendar years with money
    net_total: income.DealIncome  # the whole contract
    audit: royalty.RoyaltyAudit
    distributions: tuple[DistributionSummary, ...]

    @property
    def has_free_receipts(self) -> bool:
        """An effective receipt not yet in a distribution (a new one may be drafted)."""
        return any(r.effective and r.distribution_id is None for r in self.receipts)


def deal_money_page(ctx: AppContext, deal_no: str) -> DealMoneyPage:
    """The money page of deal `deal_no`; NotFound when there is none."""
    deal = deal_detail(ctx, deal_no)
    receipt_rows = tuple(receipts.receipts_of(ctx, deal_no))
    cost_rows = tuple(receipts.costs_of(ctx, deal_no))
    years = sorted({r.received_on.year for r in receipt_rows}
                   | {c.incurred_on.year for c in cost_rows})
    with ctx.read() as s:  # every net income from the one author, in one session
        deal_row = lookup.deal(s, deal_no)
        by_year = tuple((y, income.deal_income(s, deal_row, date(y, 1, 1), date(y, 12, 31)))
                        for y in years)
        total = income.deal_income(s, deal_row)
    return DealMoneyPage(
        deal=deal,
        terms=payments.payment_terms(ctx, deal_no),
        receipts=receipt_rows,
        costs=cost_rows,
        net_by_year=by_year,
        net_total=total,
        audit=royalty.audit(ctx, deal_no),
        distributions=tuple(distributions_of(ctx, deal_no)),
    )
