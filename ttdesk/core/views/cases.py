"""The case (achievement) list: filter, search and sort in SQL; ids first, rows by the page.

A lazy table model holds `case_ids(ctx, f)` (one indexed query selecting only ids, cheap even
for 100,000 cases) and asks `case_rows(ctx, page_of_ids)` for what it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from ttdesk.codes import AchievementKind, AchievementStatus, ContributorRole
from ttdesk.core.base.context import AppContext
from ttdesk.core.views._common import (
    EntityList,
    chinese,
    chunks,
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
from ttdesk.core.views.light import CaseFilter, CaseRow, CaseSort
from ttdesk.db.models import Achievement, Contribution, Department, Person, User
from ttdesk.db.models.achievements import deal_achievement

A = Achievement


def _conditions(f: CaseFilter, dialect: str) -> list[Any]:
    found = [
        one_or_many(A.status, f.status),
        one_or_many(A.kind, f.kind),
        None if f.department_id is None else A.department_id == f.department_id,
        None if f.field is None else A.field == f.field,
        None if f.officer_id is None else A.officer_id == f.officer_id,
        year_range(A.disclosure_date, f.year),
    ]
    if search_terms(f.search):
        found.append(search_clause(dialect, [A.title], f.search,
                                   latin_columns=[A.case_no, A.title_en]))
    return [c for c in found if c is not None]


def _ids_statement(f: CaseFilter, dialect: str) -> Select[Any]:
    stmt = select(A.id)
    d = f.descending
    conditions = _conditions(f, dialect)
    sc = bool(conditions)  # filtered: sort the matches rather than walk an index in order
    if f.sort is CaseSort.DEPARTMENT:
        stmt = stmt.outerjoin(Department, A.department_id == Department.id)
        key = ordered(chinese(Department.name, dialect), d, nullable=True)
    elif f.sort is CaseSort.OFFICER:
        stmt = stmt.outerjoin(User, A.officer_id == User.id)
        key = ordered(chinese(User.display_name, dialect), d, nullable=True)
    elif f.sort is CaseSort.STATUS:
        key = ordered(enum_rank(A.status, AchievementStatus), d)
    elif f.sort is CaseSort.KIND:
        key = ordered(enum_rank(A.kind, AchievementKind), d)
    elif f.sort is CaseSort.FIELD:
        key = ordered(chinese(A.field, dialect), d, nullable=True, scan=sc)
    elif f.sort is CaseSort.TITLE:
        key = ordered(chinese(A.title, dialect), d)
    elif f.sort is CaseSort.ID:
        key = None
    else:
        key = ordered(getattr(A, f.sort.value), d, scan=sc)
    terms = [key] if key is not None else []
    terms.append(ordered(A.id, d))  # unique tie-break: the same order on every back end
    return stmt.where(*conditions).order_by(*terms)


def _lead_inventor() -> Any:
    """The lead contributor's name (else the largest share) — a correlated, indexed lookup."""
    lead_first = case((Contribution.role == ContributorRole.LEAD, 0), else_=1)
    return (
        select(Person.name)
        .select_from(Contribution)
        .join(Person, Person.id == Contribution.person_id)
        .where(Contribution.achievement_id == A.id)
        .order_by(lead_first, Contribution.share.desc(), Contribution.id)
        .limit(1)
        .correlate(A)
        .scalar_subquery()
    )


def _deal_count() -> Any:
    return (
        select(func.count())
        .select_from(deal_achievement)
        .where(deal_achievement.c.achievement_id == A.id)
        .correlate(A)
        .scalar_subquery()
    )


def ids_in_session(session: Session, f: CaseFilter, limit: int | None = None,
                   offset: int = 0) -> list[int]:
    stmt = _ids_statement(f, dialect_of(session))
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    return fetch_ids(session, stmt)


def rows_in_session(session: Session, ids: Sequence[int]) -> list[CaseRow]:
    by_id: dict[int, CaseRow] = {}
    for part in chunks(ids):
        stmt = (
            select(
                A.id, A.case_no, A.title, A.title_en, A.kind, A.field, Department.name,
                A.disclosure_date, A.status, User.display_name, _lead_inventor(), _deal_count(),
            )
            .outerjoin(Department, A.department_id == Department.id)
            .outerjoin(User, A.officer_id == User.id)
            .where(A.id.in_(list(part)))
        )
        for r in session.execute(stmt):
            by_id[r[0]] = CaseRow(*r[:11], deal_count=int(r[11] or 0))
    return in_order(ids, by_id)


_LIST: EntityList[CaseFilter, CaseRow] = EntityList(
    CaseFilter, ids_in_session, rows_in_session,
    lambda f, dialect: select(func.count()).select_from(A).where(*_conditions(f, dialect)),
)


def case_ids(ctx: AppContext, f: CaseFilter | None = None) -> list[int]:
    """Ids of every matching case, in display order."""
    return _LIST.ids(ctx, f)


def case_rows(ctx: AppContext, ids: Sequence[int]) -> list[CaseRow]:
    """Display rows for `ids`, in the order given."""
    return _LIST.rows(ctx, ids)


def count_cases(ctx: AppContext, f: CaseFilter | None = None) -> int:
    return _LIST.count(ctx, f)


def list_cases(ctx: AppContext, f: CaseFilter | None = None, limit: int | None = None,
               offset: int = 0) -> list[CaseRow]:
    return _LIST.page(ctx, f, limit, offset)
