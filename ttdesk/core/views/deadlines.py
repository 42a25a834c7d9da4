"""The deadline list (待办): open, overdue and upcoming relative to a given day, in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, true
from sqlalchemy.orm import Session

from ttdesk.codes import DeadlineKind
from ttdesk.core.base.context import AppContext
from ttdesk.core.views._common import (
    chunks,
    dialect_of,
    enum_rank,
    fetch_ids,
    in_order,
    one_or_many,
    ordered,
    search_clause,
    search_terms,
)
from ttdesk.core.views.deadline_terms import (
    UPCOMING_DAYS,
    DeadlineFilter,
    DeadlineRow,
    DeadlineSort,
    DeadlineState,
    state_on,
)
from ttdesk.db.models import Achievement, Deadline, Deal, deal_achievement

T = Deadline


def _state_clause(state: DeadlineState, today: date, days: int) -> ColumnElement[bool]:
    awake = or_(T.snoozed_until.is_(None), T.snoozed_until <= today)
    if state is DeadlineState.DONE:
        return T.done == true()
    if state is DeadlineState.OPEN:
        return T.done == false()
    if state is DeadlineState.SNOOZED:
        return and_(T.done == false(), T.snoozed_until > today)
    if state is DeadlineState.OVERDUE:
        return and_(T.done == false(), T.due_date < today, awake)
    return and_(T.done == false(), T.due_date >= today,
                T.due_date <= today + timedelta(days=days), awake)


def _conditions(f: DeadlineFilter, today: date, dialect: str) -> list[Any]:
    found = [
        one_or_many(T.kind, f.kind),
        None if f.subject_type is None else T.subject_type == f.subject_type,
        None if f.subject_id is None else T.subject_id == f.subject_id,
        None if f.subject_ref is None else T.subject_ref == f.subject_ref,
        None if f.officer_id is None else _in_charge(f.officer_id),
        None if f.manager_id is None else _managed_by(f.manager_id),
    ]
    if f.state is not None:
        states = f.state if isinstance(f.state, tuple) else (f.state,)
        found.append(or_(*(_state_clause(s, today, f.upcoming_days) for s in states)))
    if search_terms(f.search):
        found.append(search_clause(dialect, [T.title], f.search, latin_columns=[T.subject_ref]))
    return [c for c in found if c is not None]


def _in_charge(officer_id: int) -> ColumnElement[bool]:
    """Tasks about a case whose responsible officer is `officer_id`, or about a deal of such
    a case (generated ones name the case or deal number as their subject)."""
    cases = select(Achievement.case_no).where(Achievement.officer_id == officer_id)
    deals = (select(Deal.deal_no)
             .join(deal_achievement, deal_achievement.c.deal_id == Deal.id)
             .join(Achievement, Achievement.id == deal_achievement.c.achievement_id)
             .where(Achievement.officer_id == officer_id))
    return or_(T.subject_ref.in_(cases), T.subject_ref.in_(deals))


def _managed_by(person_id: int) -> ColumnElement[bool]:
    """Tasks about a case or a deal whose technology manager is person `person_id`."""
    cases = select(Achievement.case_no).where(Achievement.manager_id == person_id)
    deals = select(Deal.deal_no).where(Deal.manager_id == person_id)
    return or_(T.subject_ref.in_(cases), T.subject_ref.in_(deals))


def _ids_statement(f: DeadlineFilter, today: date, dialect: str) -> Select[Any]:
    d = f.descending
    conditions = _conditions(f, today, dialect)
    sc = bool(conditions)  # filtered: sort the matches rather than walk an index in order
    keys = {
        DeadlineSort.ID: None,
        DeadlineSort.DUE_DATE: ordered(T.due_date, d, scan=sc),
        DeadlineSort.KIND: ordered(enum_rank(T.kind, DeadlineKind), d),
        DeadlineSort.TITLE: ordered(T.title, d, scan=sc),
        DeadlineSort.SUBJECT_REF: ordered(T.subject_ref, d, nullable=True, scan=sc),
    }
    terms = [k for k in (keys[f.sort], ordered(T.id, d)) if k is not None]
    return select(T.id).where(*conditions).order_by(*terms)


def _today(ctx: AppContext, f: DeadlineFilter) -> date:
    return f.today or ctx.today()


def ids_in_session(session: Session, f: DeadlineFilter, today: date, limit: int | None = None,
                   offset: int = 0) -> list[int]:
    stmt = _ids_statement(f, today, dialect_of(session))
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    return fetch_ids(session, stmt)


def rows_in_session(session: Session, ids: Sequence[int], today: date,
                    upcoming_days: int = UPCOMING_DAYS) -> list[DeadlineRow]:
    by_id: dict[int, DeadlineRow] = {}
    for part in chunks(ids):
        stmt = select(
            T.id, T.due_date, T.kind, T.title, T.subject_type, T.subject_id, T.subject_ref,
            T.done, T.done_on, T.snoozed_until,
        ).where(T.id.in_(list(part)))
        for r in session.execute(stmt):
            state = state_on(r.done, r.due_date, r.snoozed_until, today, upcoming_days)
            by_id[r.id] = DeadlineRow(*r, state=state, days_left=(r.due_date - today).days)
    return in_order(ids, by_id)


def deadline_ids(ctx: AppContext, f: DeadlineFilter | None = None) -> list[int]:
    f = f or DeadlineFilter()
    with ctx.read() as session:
        return ids_in_session(session, f, _today(ctx, f))


def deadline_rows(ctx: AppContext, ids: Sequence[int], today: date | None = None,
                  upcoming_days: int = UPCOMING_DAYS) -> list[DeadlineRow]:
    if not ids:
        return []
    with ctx.read() as session:
        return rows_in_session(session, ids, today or ctx.today(), upcoming_days)


def count_deadlines(ctx: AppContext, f: DeadlineFilter | None = None) -> int:
    f = f or DeadlineFilter()
    with ctx.read() as session:
        conds = _conditions(f, _today(ctx, f), dialect_of(session))
        return int(session.execute(select(func.count()).select_from(T).where(*conds)).scalar_one())


def list_deadlines(ctx: AppContext, f: DeadlineFilter | None = None, limit: int | None = None,
                   offset: int = 0) -> list[DeadlineRow]:
    f = f or DeadlineFilter()
    today = _today(ctx, f)
    with ctx.read() as session:
        ids = ids_in_session(session, f, today, limit, offset)
        return rows_in_session(session, ids, today, f.upcoming_days)
