"""Equity DTOs (cap tables, events, the state-owned ledger) and the percentage arithmetic
shared by the equity services, their read side and the demo data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ttdesk.codes import EmploymentStatus, EquityEventKind, HolderType
from ttdesk.core.people.leaders import LeaderApproval
from ttdesk.core.rules.money import largest_remainder, pct_from_int

WHOLE_UNITS = 1_000_000  # 100% in ten-thousandths of a percent


# ---- DTOs ------------------------------------------------------------------------------------

@dataclass
class HolderIn:
    """A new holder, or more capital for an existing one (same type, name and person)."""

    holder_type: str
    holder_name: str
    subscribed_capital: Decimal | str
    paid_in_capital: Decimal | str | None = None  # None: fully paid in
    staff_no: str | None = None
    employment_status: str | None = None
    is_state_owned: bool = False
    # a leader's equity: the approval / filing record (R10); see core.people.leaders
    leader_approval: LeaderApproval | None = None


@dataclass(frozen=True)
class Holding:
    """One cap-table row. `shareholding_id` is set on the current cap table only."""

    holder_type: HolderType
    holder_name: str
    staff_no: str | None
    employment_status: EmploymentStatus | None
    subscribed_capital: Decimal
    paid_in_capital: Decimal
    percentage: Decimal
    is_state_owned: bool
    shareholding_id: int | None = None
    person_id: int | None = None
    # a leader's holding: its approval record, as "date body document no." (R10)
    leader_approval: str | None = None


@dataclass(frozen=True)
class CapTable:
    credit_code: str
    company_name: str
    as_of: date | None  # None: today's (current) cap table
    registered_capital: Decimal | None
    holdings: list[Holding]
    event_id: int | None = None

    @property
    def total_pct(self) -> Decimal:
        return pct_sum(h.percentage for h in self.holdings)

    def pct_of(self, holder_type: HolderType) -> Decimal:
        return pct_sum(h.percentage for h in self.holdings if h.holder_type == holder_type)

    @property
    def state_pct(self) -> Decimal:
        return pct_sum(h.percentage for h in self.holdings if h.is_state_owned)


def pct_sum(values: Iterable[Decimal]) -> Decimal:
    """Sum of percentages in their tidy form (100, not 100.0000)."""
    return pct_from_int(int(sum(values, Decimal(0)) * 10_000))


@dataclass(frozen=True)
class EquityEventRow:
    id: int
    credit_code: str
    deal_no: str | None
    kind: EquityEventKind
    happened_on: date
    amount: Decimal | None
    percentage: Decimal | None
    holder_name: str | None
    counterparty_name: str | None
    capital_after: Decimal | None
    receipt_id: int | None
    note: str | None
    company: str = ""  # the company's name


@dataclass(frozen=True)
class StateEquityRow:
    """国有股权台账: the university's stake in one company, under separate management."""

    credit_code: str
    company_name: str
    holder_name: str
    deal_nos: list[str]
    formed_on: date | None
    original_value: Decimal   # value of the achievements contributed (formation)
    impairments: Decimal
    disposed_cost: Decimal    # original value of the part exited
    book_value: Decimal       # original − impairments − disposed cost
    subscribed_capital: Decimal
    percentage: Decimal
    proceeds: Decimal         # exits
    dividends: Decimal
    events: list[EquityEventRow]


@dataclass(frozen=True)
class ExitResult:
    event_id: int
    receipt_id: int | None


def percentages(subscribed: list[Decimal]) -> list[Decimal]:
    """Each holder's percentage of the registered capital (their sum), summing to exactly
    100 (or 0 for no capital): largest remainder in ten-thousandths of a percent."""
    if not subscribed or sum(subscribed, Decimal(0)) == 0:
        return [Decimal(0)] * len(subscribed)
    parts = largest_remainder(Decimal(WHOLE_UNITS).scaleb(-2), subscribed)
    return [pct_from_int(int(p.scaleb(2))) for p in parts]
