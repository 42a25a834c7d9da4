"""Everything about one case, for the case page, `show CASE_NO` and the filings.

A dozen indexed lookups (by the case's id and its children's ids), so the cost does not grow
with the size of the database: well under B4's 100 ms on 100,000 cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import (
    AchievementKind,
    AchievementSource,
    AchievementStatus,
    ContributorRole,
    DealMode,
    DealStatus,
    FunderType,
    LeaderLevel,
    PricingMethod,
    Recommendation,
    ResearchStage,
    Secrecy,
    SupportKind,
)
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound
from ttdesk.core.money.receipts import CostRow
from ttdesk.core.views.parts import (
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
    Assessment,
    Company,
    Contribution,
    Cost,
    Deal,
    Department,
    FundingSource,
    IPAsset,
    Person,
    Publicity,
    RightsGrant,
    SupportReceived,
    User,
)
from ttdesk.db.models.achievements import deal_achievement

A = Achievement


@dataclass(frozen=True)
class ContributorRow:
    """`id` is the contribution's; the person's is `person_id`."""

    id: int
    person_id: int
    staff_no: str
    name: str
    department: str | None
    share: Decimal
    role: ContributorRole
    leader_level: LeaderLevel
    is_student: bool
    is_external: bool


@dataclass(frozen=True)
class FundingRow:
    id: int
    programme: str
    funder_type: FunderType
    project_no: str | None
    ip_terms_note: str | None


@dataclass(frozen=True)
class AssessmentRow:
    id: int
    assessed_on: date
    assessor: str
    technical_score: int | None
    market_score: int | None
    recommendation: Recommendation
    notes: str | None


@dataclass(frozen=True)
class SupportRow:
    id: int
    kind: SupportKind
    provider: str
    received_on: date
    amount: Decimal | None


@dataclass(frozen=True)
class CaseDealRow:
    """A deal covering the case, with its publicity notices and their objections."""

    id: int
    deal_no: str
    title: str
    mode: DealMode
    status: DealStatus
    counterparty: str | None
    price: Decimal | None
    pricing_method: PricingMethod | None
    signing_date: date | None
    publicities: tuple[PublicityRow, ...]


@dataclass(frozen=True)
class CaseDetail:
    id: int
    case_no: str
    title: str
    title_en: str | None
    kind: AchievementKind
    field: str | None
    department_id: int | None
    department: str | None
    disclosure_date: date
    abstract: str | None
    trl: int | None
    research_stage: ResearchStage
    secrecy: Secrecy
    public_interest: bool
    officer_id: int | None
    officer: str | None
    intended_mode: str | None
    source: AchievementSource
    status: AchievementStatus
    release_reason: str | None
    no_funding: bool
    tags: str | None
    is_imported: bool
    version: int
    created_at: datetime
    updated_at: datetime
    contributors: tuple[ContributorRow, ...]
    funding: tuple[FundingRow, ...]
    ip_assets: tuple[IPAssetRow, ...]
    assessments: tuple[AssessmentRow, ...]
    supports: tuple[SupportRow, ...]
    rights_grants: tuple[GrantRow, ...]
    deals: tuple[CaseDealRow, ...]
    costs: tuple[CostRow, ...]
    history: tuple[HistoryEvent, ...]


def _contributors(session: Session, case_id: int) -> list[ContributorRow]:
    found = session.execute(
        select(Contribution, Person, Department.name)
        .join(Person, Person.id == Contribution.person_id)
        .outerjoin(Department, Department.id == Person.department_id)
        .where(Contribution.achievement_id == case_id)
        .order_by(Contribution.id)
    ).all()
    return [
        dto(ContributorRow, p, id=c.id, person_id=p.id, department=dept, share=c.share,
            role=c.role)
        for c, p, dept in found
    ]


def _children(session: Session, model: type, case_id: int, order: list) -> list:
    stmt = select(model).where(model.achievement_id == case_id).order_by(*order)
    return list(session.execute(stmt).scalars())


def _deals(session: Session, case_id: int) -> list[CaseDealRow]:
    found = session.execute(
        select(Deal, Company.name)
        .join(deal_achievement, deal_achievement.c.deal_id == Deal.id)
        .outerjoin(Company, Company.id == Deal.counterparty_id)
        .where(deal_achievement.c.achievement_id == case_id)
        .order_by(Deal.id)
    ).all()
    pubs = publicities(session, Publicity.deal_id, [d.id for d, _ in found])
    return [
        dto(CaseDealRow, d, counterparty=name, publicities=tuple(pubs.get(d.id, ())))
        for d, name in found
    ]


def detail_in_session(session: Session, case_no: str) -> CaseDetail:
    found = session.execute(
        select(A, Department.name, User.display_name)
        .outerjoin(Department, Department.id == A.department_id)
        .outerjoin(User, User.id == A.officer_id)
        .where(A.case_no == case_no.strip())
    ).one_or_none()
    if found is None:
        raise NotFound("成果 / achievement", case_no)
    a, department, officer = found
    contributors = _contributors(session, a.id)
    funding = _children(session, FundingSource, a.id, [FundingSource.id])
    assessments = _children(session, Assessment, a.id, [Assessment.assessed_on, Assessment.id])
    supports = _children(session, SupportReceived, a.id, [SupportReceived.received_on,
                                                           SupportReceived.id])
    assets = ip_assets(session, IPAsset.achievement_id == a.id)
    rights = grants(session, RightsGrant.achievement_id == a.id)
    case_costs = costs(session, Cost.achievement_id == a.id)
    grant_pubs = {g.id: list(g.publicities) for g in rights}
    events = history(session, {
        "achievement": [a.id],
        "contribution": [c.id for c in contributors],
        "funding_source": [f.id for f in funding],
        "assessment": [x.id for x in assessments],
        "support_received": [s.id for s in supports],
        "ip_asset": [x.id for x in assets],
        "rights_grant": [g.id for g in rights],
        "publicity": publicity_ids(grant_pubs),
        "objection": objection_ids(grant_pubs),
        "cost": [c.id for c in case_costs],
    })
    return dto(
        CaseDetail, a,
        department=department,
        officer=officer,
        contributors=tuple(contributors),
        funding=tuple(dto(FundingRow, f) for f in funding),
        ip_assets=tuple(assets),
        assessments=tuple(dto(AssessmentRow, x) for x in assessments),
        supports=tuple(dto(SupportRow, s) for s in supports),
        rights_grants=tuple(rights),
        deals=tuple(_deals(session, a.id)),
        costs=tuple(case_costs),
        history=tuple(events),
    )


def case_detail(ctx: AppContext, case_no: str) -> CaseDetail:
    """The whole case by its number; NotFound (exit 2 in the CLI) when there is none."""
    with ctx.read() as session:
        return detail_in_session(session, case_no)
