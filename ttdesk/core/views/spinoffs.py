"""The 转化创办企业 list: the spin-offs with their follow-up — milestones (first order,
financing and its total, a government fund alongside, recognitions), founders on-post and
off-post (the team members' entrepreneurship) — filtered by milestone, government fund,
founders' status and age, searched and sorted in SQL like every other list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, and_, exists, func, select
from sqlalchemy.orm import Session

from ttdesk.codes import EmploymentStatus, HolderType, MilestoneKind
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.labels import register_labels
from ttdesk.core.views._common import (
    EntityList,
    chinese,
    chunks,
    dialect_of,
    fetch_ids,
    in_order,
    ordered,
    search_clause,
    search_terms,
    year_range,
)
from ttdesk.core.views.dashboard_terms import ZJTX_KINDS
from ttdesk.db.models import Company, CompanyMilestone, Person, Shareholding

C, M = Company, CompanyMilestone


class AgeBand(StrEnum):
    """Years since registration."""

    UNDER_3 = "under_3"
    FROM_3_TO_5 = "3_to_5"
    FROM_5_TO_10 = "5_to_10"
    OVER_10 = "over_10"


register_labels(AgeBand, {
    "under_3": ("3 年以内", "Under 3 years"), "3_to_5": ("3–5 年", "3–5 years"),
    "5_to_10": ("5–10 年", "5–10 years"), "over_10": ("10 年以上", "Over 10 years"),
})


class SpinoffSort(StrEnum):
    NAME = "name"
    CREDIT_CODE = "credit_code"
    REGISTRATION_DATE = "registration_date"


@dataclass(frozen=True)
class SpinoffFilter:
    """`milestone`: has one of that kind; `founders`: has a founder of that status;
    `year`: registered that year; `zjtx_year`: first recognised 专精特新 that year;
    `today`: the day ages count to (None: the context's today)."""

    milestone: MilestoneKind | None = None
    government_fund: bool | None = None
    founders: EmploymentStatus | None = None
    age: AgeBand | None = None
    year: int | None = None
    zjtx_year: int | None = None
    search: str | None = None
    today: date | None = None
    sort: SpinoffSort = SpinoffSort.NAME
    descending: bool = False


@dataclass(frozen=True)
class SpinoffRow:
    id: int
    credit_code: str
    name: str
    registration_date: date | None
    age_years: int | None
    park: str | None
    is_high_tech: bool
    is_zjtx: bool
    first_order_on: date | None
    financing_total: Decimal | None
    government_fund: bool
    founders_on_post: int
    founders_off_post: int
    milestones: int


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _age(band: AgeBand, day: date) -> Any:
    lo, hi = {AgeBand.UNDER_3: (0, 3), AgeBand.FROM_3_TO_5: (3, 5),
              AgeBand.FROM_5_TO_10: (5, 10), AgeBand.OVER_10: (10, None)}[band]
    cond = C.registration_date <= _years_before(day, lo)
    if hi is not None:
        cond = and_(cond, C.registration_date > _years_before(day, hi))
    return cond


def founder_status() -> Any:
    """A founder's on-post / off-post status: the person's, else the cap-table row's."""
    return func.coalesce(Person.entrepreneurship, Shareholding.employment_status)


def _has_founder(status: EmploymentStatus) -> Any:
    return exists(select(Shareholding.id).outerjoin(Person, Person.id == Shareholding.person_id)
                  .where(Shareholding.company_id == C.id,
                         Shareholding.holder_type == HolderType.TEAM_MEMBER,
                         founder_status() == status.value))


def first_zjtx() -> Any:
    """Subquery: each company's first 专精特新 recognition (company_id, first_on)."""
    return (select(M.company_id, func.min(M.happened_on).label("first_on"))
            .where(M.kind.in_([k.value for k in ZJTX_KINDS])).group_by(M.company_id)
            .subquery("first_zjtx"))


@dataclass(frozen=True)
class Founder:
    name: str
    staff_no: str | None
    status: EmploymentStatus | None


def founders_of(session: Session, company_id: int) -> list[Founder]:
    """The team members on the company's cap table with their on-post / off-post status."""
    status = founder_status()
    rows = session.execute(
        select(Shareholding.holder_name, Person.staff_no, status)
        .outerjoin(Person, Person.id == Shareholding.person_id)
        .where(Shareholding.company_id == company_id,
               Shareholding.holder_type == HolderType.TEAM_MEMBER)
        .order_by(Shareholding.id)).all()
    return [Founder(n, no, EmploymentStatus(st) if st else None) for n, no, st in rows]


def _conditions(f: SpinoffFilter, day: date, dialect: str) -> list[Any]:
    found: list[Any] = [C.is_spinoff.is_(True), year_range(C.registration_date, f.year)]
    if f.milestone is not None:
        found.append(exists(select(M.id).where(M.company_id == C.id, M.kind == f.milestone)))
    if f.government_fund is not None:
        has = exists(select(M.id).where(M.company_id == C.id, M.government_fund.is_(True)))
        found.append(has if f.government_fund else ~has)
    if f.founders is not None:
        found.append(_has_founder(EmploymentStatus(f.founders)))
    if f.age is not None:
        found.append(_age(AgeBand(f.age), day))
    if f.zjtx_year is not None:
        first = first_zjtx()
        found.append(C.id.in_(select(first.c.company_id).where(
            year_range(first.c.first_on, f.zjtx_year))))
    if search_terms(f.search):
        found.append(search_clause(dialect, [C.name], f.search, latin_columns=[C.credit_code]))
    return [c for c in found if c is not None]


def ids_in_session(session: Session, f: SpinoffFilter, limit: int | None = None,
                   offset: int = 0, today: date | None = None) -> list[int]:
    dialect = dialect_of(session)
    day = f.today or today or date.today()
    d = f.descending
    key = {SpinoffSort.NAME: ordered(chinese(C.name, dialect), d),
           SpinoffSort.CREDIT_CODE: ordered(C.credit_code, d),
           SpinoffSort.REGISTRATION_DATE: ordered(C.registration_date, d, nullable=True)}
    stmt: Select[Any] = (select(C.id).where(*_conditions(f, day, dialect))
                         .order_by(key[SpinoffSort(f.sort)], ordered(C.id, d)))
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    return fetch_ids(session, stmt)


def _age_years(registered: date | None, day: date) -> int | None:
    if registered is None:
        return None
    return day.year - registered.year - ((day.month, day.day) < (registered.month,
                                                                  registered.day))


def _follow_columns() -> tuple[Any, ...]:
    """Per company (correlated, each an index lookup): first order, financing total, a
    government fund alongside, founders on-post and off-post, milestones."""
    def of_company(*cond: Any) -> Any:
        return select(*cond).where(M.company_id == C.id).correlate(C).scalar_subquery()

    def founders(status: EmploymentStatus) -> Any:
        return (select(func.count()).select_from(Shareholding)
                .outerjoin(Person, Person.id == Shareholding.person_id)
                .where(Shareholding.company_id == C.id,
                       Shareholding.holder_type == HolderType.TEAM_MEMBER,
                       founder_status() == status.value)
                .correlate(C).scalar_subquery())

    return (
        select(func.min(M.happened_on)).where(M.company_id == C.id,
                                              M.kind == MilestoneKind.FIRST_ORDER)
        .correlate(C).scalar_subquery(),
        select(func.sum(M.amount)).where(M.company_id == C.id,
                                         M.kind == MilestoneKind.FINANCING)
        .correlate(C).scalar_subquery(),
        exists(select(M.id).where(M.company_id == C.id, M.government_fund.is_(True))),
        founders(EmploymentStatus.ON_POST), founders(EmploymentStatus.OFF_POST),
        of_company(func.count()),
    )


def rows_in_session(session: Session, ids: Sequence[int], today: date | None = None
                    ) -> list[SpinoffRow]:
    """Display rows for `ids` in one statement per chunk, order kept."""
    day = today or date.today()
    by_id: dict[int, SpinoffRow] = {}
    for part in chunks(ids):
        stmt = select(C.id, C.credit_code, C.name, C.registration_date, C.park,
                      C.is_high_tech, C.is_zjtx, *_follow_columns()).where(
            C.id.in_(list(part)))
        for (cid, code, name, registered, park, high_tech, zjtx, first, total, gov, on_post,
             off_post, count) in session.execute(stmt):
            by_id[cid] = SpinoffRow(
                cid, code, name, registered, _age_years(registered, day), park,
                bool(high_tech), bool(zjtx), first,
                None if total is None else Decimal(total),
                bool(gov), int(on_post or 0), int(off_post or 0), int(count or 0))
    return in_order(ids, by_id)


def _count_statement(f: SpinoffFilter, dialect: str) -> Any:
    return select(func.count()).select_from(C).where(
        *_conditions(f, f.today or date.today(), dialect))


_LIST: EntityList[SpinoffFilter, SpinoffRow] = EntityList(
    SpinoffFilter, ids_in_session, rows_in_session, _count_statement)


def _dated(ctx: AppContext, f: SpinoffFilter | None) -> SpinoffFilter:
    from dataclasses import replace

    f = f or SpinoffFilter()
    return f if f.today is not None else replace(f, today=ctx.today())


def spinoff_ids(ctx: AppContext, f: SpinoffFilter | None = None) -> list[int]:
    return _LIST.ids(ctx, _dated(ctx, f))


def spinoff_rows(ctx: AppContext, ids: Sequence[int]) -> list[SpinoffRow]:
    if not ids:
        return []
    with ctx.read() as session:
        return rows_in_session(session, ids, ctx.today())


def count_spinoffs(ctx: AppContext, f: SpinoffFilter | None = None) -> int:
    return _LIST.count(ctx, _dated(ctx, f))


def list_spinoffs(ctx: AppContext, f: SpinoffFilter | None = None, limit: int | None = None,
                  offset: int = 0) -> list[SpinoffRow]:
    f = _dated(ctx, f)
    with ctx.read() as session:
        return rows_in_session(session, ids_in_session(session, f, limit, offset), f.today)
