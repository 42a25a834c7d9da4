"""Everything about one deal, for the deal page, `show DEAL_NO` and the filings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import (
    DealMode,
    DealStatus,
    DistributionStatus,
    PricingMethod,
    Region,
    ValuationApproach,
)
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound
from ttdesk.core.companies.equity_types import EquityEventRow
from ttdesk.core.companies.equity_views import event_rows_where
from ttdesk.core.money.distribution_types import AllocationLine
from ttdesk.core.money.distribution_views import allocation_lines
from ttdesk.core.money.receipts import CostRow, ReceiptRow, receipt_rows
from ttdesk.core.views.parts import (
    CaseRef,
    GrantRow,
    HistoryEvent,
    IPAssetRow,
    PublicityRow,
    costs,
    dto,
    grants,
    history,
    ip_assets,
    objection_ids,
    publicities,
    publicity_ids,
)
from ttdesk.db.models import (
    Achievement,
    Company,
    Cost,
    Deal,
    Distribution,
    EquityEvent,
    IPAsset,
    Publicity,
    RightsGrant,
    Valuation,
)
from ttdesk.db.models.achievements import deal_achievement, deal_ip_asset

D = Deal


@dataclass(frozen=True)
class CompanyRef:
    id: int
    name: str
    credit_code: str
    region: Region
    is_spinoff: bool


@dataclass(frozen=True)
class ValuationRow:
    id: int
    appraised: bool
    no_appraisal_reason: str | None
    firm: str | None
    report_no: str | None
    base_date: date | None
    approach: ValuationApproach | None
    appraised_value: Decimal | None
    agreed_value: Decimal | None
    filing_date: date | None


@dataclass(frozen=True)
class DistributionRow:
    id: int
    status: DistributionStatus
    gross_income: Decimal
    deductible_costs: Decimal
    net_income: Decimal
    team_share_pct: Decimal
    team_amount: Decimal
    department_amount: Decimal
    tto_amount: Decimal
    university_amount: Decimal
    is_equity: bool
    approval_date: date | None
    approval_body: str | None
    payment_date: date | None
    allocations: tuple[AllocationLine, ...]
    profit_year: int | None = None  # self / joint: the operating-profit year it rewards


@dataclass(frozen=True)
class DealDetail:
    id: int
    deal_no: str
    title: str
    mode: DealMode
    status: DealStatus
    counterparty: CompanyRef | None
    pricing_method: PricingMethod | None
    price: Decimal | None
    exchange_reference: str | None
    deferred_payment: bool
    deferred_trigger: str | None
    deferred_review_date: date | None
    upfront_amount: Decimal | None
    royalty_rate: Decimal | None
    royalty_base: str | None
    minimum_annual_royalty: Decimal | None
    payment_terms: str | None
    related_party_declared: bool
    related_party_declaration: str | None
    related_party_approval_date: date | None
    due_diligence: dict[str, Any] | None
    approval_tier: str | None
    approval_body: str | None
    approval_date: date | None
    approval_minutes_no: str | None
    supervising_approval_ref: str | None
    supervising_approval_date: date | None
    signing_date: date | None
    registration_no: str | None
    registration_date: date | None
    # contract registration (measures of 2026) and a licence's term (domain.md §6)
    registration_submitted_on: date | None
    registration_disputed: bool
    registration_contract_amount: Decimal | None
    registration_tech_amount: Decimal | None
    term_end: date | None
    terminated_on: date | None
    completion_date: date | None
    termination_reason: str | None
    is_imported: bool
    version: int
    created_at: datetime
    updated_at: datetime
    achievements: tuple[CaseRef, ...]
    ip_assets: tuple[IPAssetRow, ...]
    rights_grant: GrantRow | None
    valuations: tuple[ValuationRow, ...]
    publicities: tuple[PublicityRow, ...]
    receipts: tuple[ReceiptRow, ...]
    costs: tuple[CostRow, ...]
    distributions: tuple[DistributionRow, ...]
    equity_events: tuple[EquityEventRow, ...]
    history: tuple[HistoryEvent, ...]
    production_start_date: date | None = None  # self / joint: the reward years count from it


def _achievements(session: Session, deal_id: int) -> list[CaseRef]:
    found = session.execute(
        select(Achievement)
        .join(deal_achievement, deal_achievement.c.achievement_id == Achievement.id)
        .where(deal_achievement.c.deal_id == deal_id)
        .order_by(Achievement.case_no)
    ).scalars()
    return [dto(CaseRef, a) for a in found]


def _all(session: Session, model: Any, deal_id: int, *order: Any) -> list[Any]:
    stmt = select(model).where(model.deal_id == deal_id).order_by(*order, model.id)
    return list(session.execute(stmt).scalars())


def _distributions(session: Session, deal_id: int) -> tuple[list[DistributionRow], list[int]]:
    dists = _all(session, Distribution, deal_id)
    allocations = allocation_lines(session, [d.id for d in dists])
    ids = [a.id for lines in allocations.values() for a in lines if a.id is not None]
    rows = [dto(DistributionRow, d, allocations=tuple(allocations.get(d.id, ()))) for d in dists]
    return rows, ids


def detail_in_session(session: Session, deal_no: str) -> DealDetail:
    found = session.execute(
        select(D, Company).outerjoin(Company, Company.id == D.counterparty_id)
        .where(D.deal_no == deal_no.strip())
    ).one_or_none()
    if found is None:
        raise NotFound("转化项目 / deal", deal_no)
    deal, company = found
    pubs = publicities(session, Publicity.deal_id, [deal.id])
    valuations = _all(session, Valuation, deal.id)
    receipts = receipt_rows(session, deal)
    deal_costs = costs(session, Cost.deal_id == deal.id)
    distributions, allocation_ids = _distributions(session, deal.id)
    equity = event_rows_where(session, EquityEvent.deal_id == deal.id)
    grant = grants(session, RightsGrant.id == deal.rights_grant_id) if deal.rights_grant_id else []
    asset_ids = select(deal_ip_asset.c.ip_asset_id).where(deal_ip_asset.c.deal_id == deal.id)
    events = history(session, {
        "deal": [deal.id],
        "valuation": [v.id for v in valuations],
        "publicity": publicity_ids(pubs),
        "objection": objection_ids(pubs),
        "receipt": [r.id for r in receipts],
        "cost": [c.id for c in deal_costs],
        "distribution": [d.id for d in distributions],
        "allocation": allocation_ids,
        "equity_event": [e.id for e in equity],
    })
    return dto(
        DealDetail, deal,
        counterparty=None if company is None else dto(CompanyRef, company),
        achievements=tuple(_achievements(session, deal.id)),
        ip_assets=tuple(ip_assets(session, IPAsset.id.in_(asset_ids))),
        rights_grant=grant[0] if grant else None,
        valuations=tuple(dto(ValuationRow, v) for v in valuations),
        publicities=tuple(pubs.get(deal.id, ())),
        receipts=tuple(receipts),
        costs=tuple(deal_costs),
        distributions=tuple(distributions),
        equity_events=tuple(equity),
        history=tuple(events),
    )


def deal_detail(ctx: AppContext, deal_no: str) -> DealDetail:
    """The whole deal by its number; NotFound (exit 2 in the CLI) when there is none."""
    with ctx.read() as session:
        return detail_in_session(session, deal_no)
