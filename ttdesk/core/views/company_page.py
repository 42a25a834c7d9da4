"""The company page's read: header, cap table (today's or as of a day), equity events, the
ownership series for the chart, the state-owned equity ledger and the equity deals a
formation can name — one call, one DTO, run off the GUI thread (`ui.kit.ops.read_op`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ttdesk.core.base.context import AppContext
from ttdesk.core.companies import equity, milestones, support
from ttdesk.core.views.money import CompanyHeader, EquityDealRef, company_header, equity_deals_of
from ttdesk.core.views.spinoffs import Founder, founders_of


@dataclass(frozen=True)
class CompanyPage:
    header: CompanyHeader
    cap_table: equity.CapTable
    events: tuple[equity.EquityEventRow, ...]
    series: tuple[equity.CapTable, ...]
    state_ledger: equity.StateEquityRow | None  # the state-owned share, if any
    equity_deals: tuple[EquityDealRef, ...]
    # spin-off follow-up (issue 17 §2)
    milestones: tuple[milestones.MilestoneRow, ...] = ()
    supports: tuple[support.SupportRow, ...] = ()
    founders: tuple[Founder, ...] = ()

    @property
    def has_equity(self) -> bool:
        """Anything recorded (a counterparty often has no equity recorded at all)."""
        return bool(self.cap_table.holdings or self.events)


def company_page(ctx: AppContext, company_id: int, as_of: date | None = None) -> CompanyPage:
    """Company `company_id`'s page; `as_of` shows a past cap table (None: today's)."""
    header = company_header(ctx, company_id)
    code = header.credit_code
    ledger = equity.state_equity_ledger(ctx, code)
    return CompanyPage(
        header=header,
        cap_table=equity.cap_table(ctx, code, as_of),
        events=tuple(equity.equity_events(ctx, code)),
        series=tuple(equity.ownership_series(ctx, code)),
        state_ledger=ledger[0] if ledger else None,
        equity_deals=tuple(equity_deals_of(ctx, company_id)),
        milestones=tuple(milestones.of_company(ctx, code)),
        supports=tuple(support.of_company(ctx, code)),
        founders=tuple(_founders(ctx, company_id)),
    )


def _founders(ctx: AppContext, company_id: int) -> list[Founder]:
    with ctx.read() as s:
        return founders_of(s, company_id)
