"""Income distribution DTOs: what the officer chooses (`DistributionIn`), what is computed
(`DistributionPlan`) and what is recorded (`DistributionDetail`, `DistributionSummary`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ttdesk.codes import DealMode, DistributionStatus, LeaderLevel
from ttdesk.core.base.errors import Problem
from ttdesk.core.money.receipts import ReceiptRow
from ttdesk.core.people.leaders import LeaderApproval

DEFAULT_DEPARTMENT_PCT = Decimal(10)
DEFAULT_TTO_PCT = Decimal(5)


@dataclass
class AllocationAdjust:
    """Set one person's amount by hand (e.g. a member who left the project early); the
    reason is recorded on the allocation. A staff number outside the contributors adds a
    team member with 0% contribution."""

    staff_no: str
    amount: Decimal | str
    reason: str


@dataclass
class DistributionIn:
    """What the officer chooses; everything else follows from the deal and the policy."""

    deal_no: str
    receipt_ids: list[int] | None = None   # None: every receipt not yet distributed
    team_share_pct: Decimal | str | None = None  # None: the floor (policy or agreement)
    department_pct: Decimal | str = DEFAULT_DEPARTMENT_PCT
    tto_pct: Decimal | str = DEFAULT_TTO_PCT
    adjustments: list[AllocationAdjust] = field(default_factory=list)
    is_equity: bool = False
    note: str | None = None
    # an equity reward to a leader ("other" level): its approval record, by staff no. (R10)
    leader_approvals: dict[str, LeaderApproval] = field(default_factory=dict)
    # a self / joint deal: the year whose operating profit is the base (never receipts)
    profit_year: int | None = None


@dataclass(frozen=True)
class AllocationLine:
    """One person's part of a distribution: planned (no `id` yet) or recorded."""

    staff_no: str
    name: str
    contribution_pct: Decimal
    amount: Decimal
    taxable_amount: Decimal
    equity_pct: Decimal | None
    adjustment_reason: str | None
    leader_level: LeaderLevel
    id: int | None = None
    person_id: int | None = None
    leader_approval: LeaderApproval | None = None


@dataclass(frozen=True)
class PublicityInfo:
    channel: str
    start_date: date
    end_date: date
    days: int
    day_kind: str
    result: str | None
    closed_on: date | None
    open_objections: int


@dataclass(frozen=True)
class DistributionPlan:
    """A computed distribution (not yet, or as, recorded). `warnings` are R10 notices that
    do not block (e.g. payment later than 36 months after a receipt)."""

    deal_no: str
    deal_title: str
    mode: DealMode
    is_equity: bool
    receipts: list[ReceiptRow]
    gross_income: Decimal
    deductible_costs: Decimal
    net_income: Decimal
    team_share_floor: Decimal
    team_share_pct: Decimal
    team_amount: Decimal
    department_amount: Decimal
    tto_amount: Decimal
    university_amount: Decimal
    allocations: list[AllocationLine]
    company_equity_pct: Decimal | None  # the university's stake formed (equity only)
    warnings: list[Problem]
    policy_number: int
    # a self / joint implementation: the year whose operating profit is the base, its source
    profit_year: int | None = None
    profit_source: str | None = None

    @property
    def receipt_ids(self) -> list[int]:
        return [r.id for r in self.receipts]

    @property
    def reward_deadline(self) -> date | None:
        """Earliest last day for paying the cash reward with the tax treatment."""
        return min((r.received_on for r in self.receipts), default=None)


@dataclass(frozen=True)
class DistributionDetail:
    """A recorded distribution with its status, dates and publicity (F07 reads this)."""

    id: int
    status: DistributionStatus
    version: int
    plan: DistributionPlan
    approval_date: date | None
    approval_body: str | None
    payment_date: date | None
    payment_due: date | None
    publicity: PublicityInfo | None
    note: str | None
    created_at: Any


@dataclass(frozen=True)
class DistributionSummary:
    id: int
    deal_no: str
    status: DistributionStatus
    is_equity: bool
    net_income: Decimal
    team_amount: Decimal
    receipts: int
    approval_date: date | None
    payment_date: date | None
