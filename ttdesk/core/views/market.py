"""The matchmaking ledger's four lists (需求 / 推广清单 / 对接 / 活动): filter, search and sort in
SQL; ids first (one query on the list's own table, joined only to search), rows by the page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from ttdesk.codes import AchievementStatus, ActivityKind, DemandSource, MatchOutcome
from ttdesk.core.base.context import AppContext
from ttdesk.core.views._common import (
    EntityList,
    chunks,
    coerce,
    dialect_of,
    enum_rank,
    fetch_ids,
    in_order,
    one_or_many,
    ordered,
    search_clause,
    search_terms,
    year_range,
)
from ttdesk.db.models import (
    Achievement,
    Company,
    Deal,
    Demand,
    Department,
    Match,
    MatchActivity,
    Promotion,
    User,
    activity_achievement,
    activity_company,
)


def _page(stmt: Select[Any], limit: int | None, offset: int) -> Select[Any]:
    if limit is not None:
        stmt = stmt.limit(limit)
    return stmt.offset(offset) if offset else stmt


def _match_count(column: Any) -> Any:
    return select(func.count()).select_from(Match).where(column).scalar_subquery()


# ---- demands --------------------------------------------------------------------------------
class DemandSort(StrEnum):
    RAISED_ON = "raised_on"
    SOURCE = "source"
    FIELD = "field"
    PARK = "park"


@dataclass(frozen=True)
class DemandFilter:
    """`search`: every word in the need, the company's name or the park."""

    source: DemandSource | tuple[DemandSource, ...] | None = None
    field: str | None = None
    park: str | None = None
    year: int | None = None
    search: str | None = None
    sort: DemandSort = DemandSort.RAISED_ON
    descending: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", coerce(DemandSource, self.source))
        object.__setattr__(self, "sort", DemandSort(self.sort))


@dataclass(frozen=True)
class DemandRow:
    id: int
    raised_on: date
    company: str | None
    credit_code: str | None
    need: str
    field: str | None
    source: DemandSource
    park: str | None
    note: str | None
    match_count: int


def _demand_conditions(f: DemandFilter, dialect: str) -> list[Any]:
    found = [one_or_many(Demand.source, f.source), one_or_many(Demand.field, f.field),
             one_or_many(Demand.park, f.park), year_range(Demand.raised_on, f.year)]
    if search_terms(f.search):
        company = select(Company.name).where(Company.id == Demand.company_id).scalar_subquery()
        found.append(search_clause(dialect, [Demand.need, Demand.park, company], f.search))
    return [c for c in found if c is not None]


def _demand_ids(s: Session, f: DemandFilter, limit: int | None = None,
                offset: int = 0) -> list[int]:
    conditions = _demand_conditions(f, dialect_of(s))
    sc, d = bool(conditions), f.descending
    key = {
        DemandSort.RAISED_ON: ordered(Demand.raised_on, d, scan=sc),
        DemandSort.SOURCE: ordered(enum_rank(Demand.source, DemandSource), d),
        DemandSort.FIELD: ordered(Demand.field, d, nullable=True, scan=sc),
        DemandSort.PARK: ordered(Demand.park, d, nullable=True, scan=sc),
    }[f.sort]
    stmt = select(Demand.id).where(*conditions).order_by(key, ordered(Demand.id, d))
    return fetch_ids(s, _page(stmt, limit, offset))


def _demand_rows(s: Session, ids: Sequence[int]) -> list[DemandRow]:
    by_id: dict[int, DemandRow] = {}
    count = _match_count(Match.demand_id == Demand.id)
    for part in chunks(ids):
        stmt = (select(Demand.id, Demand.raised_on, Company.name, Company.credit_code,
                       Demand.need, Demand.field, Demand.source, Demand.park, Demand.note,
                       count)
                .outerjoin(Company, Company.id == Demand.company_id)
                .where(Demand.id.in_(list(part))))
        for r in s.execute(stmt):
            by_id[r[0]] = DemandRow(*r[:9], match_count=int(r[9] or 0))
    return in_order(ids, by_id)


DEMANDS: EntityList[DemandFilter, DemandRow] = EntityList(
    DemandFilter, _demand_ids, _demand_rows,
    lambda f, dialect: select(func.count()).select_from(Demand).where(
        *_demand_conditions(f, dialect)))


# ---- the supply (promotion) list ------------------------------------------------------------
class SupplySort(StrEnum):
    LISTED_ON = "listed_on"
    CASE_NO = "case_no"
    FIELD = "field"
    PARK = "park"


@dataclass(frozen=True)
class SupplyFilter:
    """`current`: only what is on the list now (not taken off). `park`: entries for that
    park and those for every park (no park). `search`: title, summary or case number."""

    park: str | None = None
    field: str | None = None
    current: bool = True
    search: str | None = None
    sort: SupplySort = SupplySort.LISTED_ON
    descending: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "sort", SupplySort(self.sort))


@dataclass(frozen=True)
class SupplyRow:
    id: int
    case_no: str
    title: str
    field: str | None
    department: str | None
    status: AchievementStatus
    listed_on: date
    park: str | None
    public_summary: str
    delisted_on: date | None
    match_count: int


def _supply_conditions(f: SupplyFilter, dialect: str) -> list[Any]:
    # an alias: the id query may join Achievement itself to sort by it
    P, A = Promotion, aliased(Achievement)
    found: list[Any] = []
    if f.current:
        found.append(P.delisted_on.is_(None))
    if f.park:
        found.append((P.park == f.park) | P.park.is_(None))
    if f.field:
        found.append(P.achievement_id.in_(select(A.id).where(A.field == f.field)))
    if search_terms(f.search):
        title = select(A.title).where(A.id == P.achievement_id).scalar_subquery()
        case_no = select(A.case_no).where(A.id == P.achievement_id).scalar_subquery()
        found.append(search_clause(dialect, [title, P.public_summary], f.search,
                                   latin_columns=[case_no]))
    return found


def _supply_ids(s: Session, f: SupplyFilter, limit: int | None = None,
                offset: int = 0) -> list[int]:
    P, A = Promotion, Achievement
    d = f.descending
    stmt = select(P.id).where(*_supply_conditions(f, dialect_of(s)))
    if f.sort in (SupplySort.CASE_NO, SupplySort.FIELD):
        stmt = stmt.join(A, A.id == P.achievement_id)
        key = (ordered(A.case_no, d) if f.sort == SupplySort.CASE_NO
               else ordered(A.field, d, nullable=True))
    else:
        key = (ordered(P.listed_on, d) if f.sort == SupplySort.LISTED_ON
               else ordered(P.park, d, nullable=True))
    return fetch_ids(s, _page(stmt.order_by(key, ordered(P.id, d)), limit, offset))


def _supply_rows(s: Session, ids: Sequence[int]) -> list[SupplyRow]:
    P, A = Promotion, Achievement
    by_id: dict[int, SupplyRow] = {}
    count = _match_count(Match.achievement_id == A.id)
    for part in chunks(ids):
        stmt = (select(P.id, A.case_no, A.title, A.field, Department.name, A.status,
                       P.listed_on, P.park, P.public_summary, P.delisted_on, count)
                .join(A, A.id == P.achievement_id)
                .outerjoin(Department, Department.id == A.department_id)
                .where(P.id.in_(list(part))))
        for r in s.execute(stmt):
            by_id[r[0]] = SupplyRow(*r[:10], match_count=int(r[10] or 0))
    return in_order(ids, by_id)


SUPPLY: EntityList[SupplyFilter, SupplyRow] = EntityList(
    SupplyFilter, _supply_ids, _supply_rows,
    lambda f, dialect: select(func.count()).select_from(Promotion).where(
        *_supply_conditions(f, dialect)))


# ---- matches --------------------------------------------------------------------------------
class MatchSort(StrEnum):
    UPDATED_ON = "updated_on"
    OUTCOME = "outcome"
    CONTACTED_ON = "contacted_on"


@dataclass(frozen=True)
class MatchFilter:
    """`search`: every word in the case's title or the company's name, or (a word without
    Chinese) the case number. `year`: the year of the latest stage."""

    outcome: MatchOutcome | tuple[MatchOutcome, ...] | None = None
    officer_id: int | None = None
    demand_id: int | None = None
    activity_id: int | None = None
    year: int | None = None
    search: str | None = None
    sort: MatchSort = MatchSort.UPDATED_ON
    descending: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "outcome", coerce(MatchOutcome, self.outcome))
        object.__setattr__(self, "sort", MatchSort(self.sort))


@dataclass(frozen=True)
class MatchRow:
    id: int
    updated_on: date
    outcome: MatchOutcome
    case_no: str
    case_title: str
    company: str | None
    credit_code: str | None
    demand_id: int | None
    demand_need: str | None
    activity: str | None
    officer: str | None
    contacted_on: date | None
    nda_on: date | None
    negotiating_on: date | None
    deal_on: date | None
    declined_on: date | None
    deal_no: str | None
    note: str | None


def _match_conditions(f: MatchFilter, dialect: str) -> list[Any]:
    M = Match
    found = [one_or_many(M.outcome, f.outcome), one_or_many(M.officer_id, f.officer_id),
             one_or_many(M.demand_id, f.demand_id), one_or_many(M.activity_id, f.activity_id),
             year_range(M.updated_on, f.year)]
    if search_terms(f.search):
        title = select(Achievement.title).where(
            Achievement.id == M.achievement_id).scalar_subquery()
        case_no = select(Achievement.case_no).where(
            Achievement.id == M.achievement_id).scalar_subquery()
        company = select(Company.name).where(Company.id == M.company_id).scalar_subquery()
        found.append(search_clause(dialect, [title, company], f.search,
                                   latin_columns=[case_no]))
    return [c for c in found if c is not None]


def _match_ids(s: Session, f: MatchFilter, limit: int | None = None,
               offset: int = 0) -> list[int]:
    conditions = _match_conditions(f, dialect_of(s))
    sc, d = bool(conditions), f.descending
    key = {
        MatchSort.UPDATED_ON: ordered(Match.updated_on, d, scan=sc),
        MatchSort.OUTCOME: ordered(enum_rank(Match.outcome, MatchOutcome), d),
        MatchSort.CONTACTED_ON: ordered(Match.contacted_on, d, nullable=True, scan=sc),
    }[f.sort]
    stmt = select(Match.id).where(*conditions).order_by(key, ordered(Match.id, d))
    return fetch_ids(s, _page(stmt, limit, offset))


def _match_rows(s: Session, ids: Sequence[int]) -> list[MatchRow]:
    M, A = Match, Achievement
    by_id: dict[int, MatchRow] = {}
    for part in chunks(ids):
        stmt = (select(M.id, M.updated_on, M.outcome, A.case_no, A.title, Company.name,
                       Company.credit_code, M.demand_id, Demand.need, MatchActivity.title,
                       User.display_name, M.contacted_on, M.nda_on, M.negotiating_on,
                       M.deal_on, M.declined_on, Deal.deal_no, M.note)
                .join(A, A.id == M.achievement_id)
                .outerjoin(Company, Company.id == M.company_id)
                .outerjoin(Demand, Demand.id == M.demand_id)
                .outerjoin(MatchActivity, MatchActivity.id == M.activity_id)
                .outerjoin(User, User.id == M.officer_id)
                .outerjoin(Deal, Deal.id == M.deal_id)
                .where(M.id.in_(list(part))))
        for r in s.execute(stmt):
            by_id[r[0]] = MatchRow(*r)
    return in_order(ids, by_id)


MATCHES: EntityList[MatchFilter, MatchRow] = EntityList(
    MatchFilter, _match_ids, _match_rows,
    lambda f, dialect: select(func.count()).select_from(Match).where(
        *_match_conditions(f, dialect)))


# ---- activities -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ActivityFilter:
    kind: ActivityKind | tuple[ActivityKind, ...] | None = None
    year: int | None = None
    search: str | None = None
    descending: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", coerce(ActivityKind, self.kind))


@dataclass(frozen=True)
class ActivityRow:
    id: int
    held_on: date
    kind: ActivityKind
    title: str
    place: str | None
    participants: int | None
    note: str | None
    shown_count: int
    met_count: int
    match_count: int


def _activity_conditions(f: ActivityFilter, dialect: str) -> list[Any]:
    A = MatchActivity
    found = [one_or_many(A.kind, f.kind), year_range(A.held_on, f.year)]
    if search_terms(f.search):
        found.append(search_clause(dialect, [A.title, A.place], f.search))
    return [c for c in found if c is not None]


def _activity_ids(s: Session, f: ActivityFilter, limit: int | None = None,
                  offset: int = 0) -> list[int]:
    A, d = MatchActivity, f.descending
    stmt = (select(A.id).where(*_activity_conditions(f, dialect_of(s)))
            .order_by(ordered(A.held_on, d), ordered(A.id, d)))
    return fetch_ids(s, _page(stmt, limit, offset))


def _activity_rows(s: Session, ids: Sequence[int]) -> list[ActivityRow]:
    A = MatchActivity
    shown = select(func.count()).select_from(activity_achievement).where(
        activity_achievement.c.activity_id == A.id).scalar_subquery()
    met = select(func.count()).select_from(activity_company).where(
        activity_company.c.activity_id == A.id).scalar_subquery()
    by_id: dict[int, ActivityRow] = {}
    for part in chunks(ids):
        # match.activity_id has no index: one grouped pass over the matches per page, not a
        # correlated count per activity (300 activities × 12,000 matches at the 100k scale)
        produced = {a: n for a, n in s.execute(
            select(Match.activity_id, func.count()).where(Match.activity_id.in_(list(part)))
            .group_by(Match.activity_id))}
        stmt = select(A.id, A.held_on, A.kind, A.title, A.place, A.participants, A.note,
                      shown, met).where(A.id.in_(list(part)))
        for r in s.execute(stmt):
            by_id[r[0]] = ActivityRow(*r[:7], int(r[7] or 0), int(r[8] or 0),
                                      int(produced.get(r[0], 0)))
    return in_order(ids, by_id)


ACTIVITIES: EntityList[ActivityFilter, ActivityRow] = EntityList(
    ActivityFilter, _activity_ids, _activity_rows,
    lambda f, dialect: select(func.count()).select_from(MatchActivity).where(
        *_activity_conditions(f, dialect)))


# ---- the four lists' calls, and what a form needs -------------------------------------------
def demand_ids(ctx: AppContext, f: DemandFilter | None = None) -> list[int]:
    return DEMANDS.ids(ctx, f)


def demand_rows(ctx: AppContext, ids: Sequence[int]) -> list[DemandRow]:
    return DEMANDS.rows(ctx, ids)


def supply_ids(ctx: AppContext, f: SupplyFilter | None = None) -> list[int]:
    return SUPPLY.ids(ctx, f)


def supply_rows(ctx: AppContext, ids: Sequence[int]) -> list[SupplyRow]:
    return SUPPLY.rows(ctx, ids)


def match_ids(ctx: AppContext, f: MatchFilter | None = None) -> list[int]:
    return MATCHES.ids(ctx, f)


def match_rows(ctx: AppContext, ids: Sequence[int]) -> list[MatchRow]:
    return MATCHES.rows(ctx, ids)


def activity_ids(ctx: AppContext, f: ActivityFilter | None = None) -> list[int]:
    return ACTIVITIES.ids(ctx, f)


def activity_rows(ctx: AppContext, ids: Sequence[int]) -> list[ActivityRow]:
    return ACTIVITIES.rows(ctx, ids)


@dataclass(frozen=True)
class MarketChoices:
    """What the market forms and filters offer: recent activities, parks, fields."""

    activities: list[tuple[int, str]]
    parks: list[str]
    fields: list[str]


def market_choices(ctx: AppContext) -> MarketChoices:
    with ctx.read() as s:
        acts = s.execute(select(MatchActivity.id, MatchActivity.held_on, MatchActivity.title)
                         .order_by(MatchActivity.held_on.desc(), MatchActivity.id.desc())
                         .limit(200)).all()
        demand_parks = select(Demand.park).where(Demand.park.is_not(None))
        promo_parks = select(Promotion.park).where(Promotion.park.is_not(None))
        parks = sorted({p for (p,) in s.execute(demand_parks.union(promo_parks))})
        fields = sorted({f for (f,) in s.execute(
            select(Achievement.field).where(Achievement.field.is_not(None)).distinct())})
    return MarketChoices([(i, f"{on.isoformat()} {t}") for i, on, t in acts], parks, fields)


@dataclass(frozen=True)
class DealPrefill:
    """What the deal form opened from a match at "deal" starts with."""

    match_id: int
    case_no: str
    case_title: str
    credit_code: str | None
    company: str | None
    deal_on: date | None


def deal_prefill(ctx: AppContext, match_id: int) -> DealPrefill | None:
    """The case and the company of a match, for the deal form; None when it is gone."""
    C = aliased(Company)
    with ctx.read() as s:
        r = s.execute(select(Match.id, Achievement.case_no, Achievement.title, C.credit_code,
                             C.name, Match.deal_on)
                      .join(Achievement, Achievement.id == Match.achievement_id)
                      .outerjoin(C, C.id == Match.company_id)
                      .where(Match.id == match_id)).one_or_none()
    return None if r is None else DealPrefill(*r)
