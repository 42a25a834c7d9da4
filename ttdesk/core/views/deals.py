"""The deal list (转化项目/合同): filter, search and sort in SQL; ids first, rows by the page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ttdesk.codes import DealMode, DealStatus, PricingMethod
from ttdesk.core.base.context import AppContext
from ttdesk.core.views._common import (
    EntityList,
    chinese,
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
from ttdesk.db.models import Achievement, Company, Deal
from ttdesk.db.models.achievements import deal_achievement

D = Deal


class DealSort(StrEnum):
    ID = "id"
    DEAL_NO = "deal_no"
    TITLE = "title"
    MODE = "mode"
    COUNTERPARTY = "counterparty"
    PRICE = "price"
    PRICING_METHOD = "pricing_method"
    STATUS = "status"
    SIGNING_DATE = "signing_date"


@dataclass(frozen=True)
class DealFilter:
    """What the deal list shows. Codes may be given as strings; a tuple means "any of".

    `search`: every word must occur in the title or the counterparty's name, or (a word
    without Chinese characters) the deal number.
    `year` is the signing year; `achievement_id` keeps the deals covering that case.
    """

    status: DealStatus | tuple[DealStatus, ...] | None = None
    mode: DealMode | tuple[DealMode, ...] | None = None
    pricing_method: PricingMethod | None = None
    counterparty_id: int | None = None
    achievement_id: int | None = None
    year: int | None = None
    search: str | None = None
    sort: DealSort = DealSort.DEAL_NO
    descending: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", coerce(DealStatus, self.status))
        object.__setattr__(self, "mode", coerce(DealMode, self.mode))
        object.__setattr__(self, "pricing_method", coerce(PricingMethod, self.pricing_method))
        object.__setattr__(self, "sort", DealSort(self.sort))


@dataclass(frozen=True)
class DealRow:
    """One line of the deal list; `case_nos` are the achievements the deal covers."""

    id: int
    deal_no: str
    title: str
    mode: DealMode
    counterparty: str | None
    counterparty_credit_code: str | None
    price: Decimal | None
    pricing_method: PricingMethod | None
    status: DealStatus
    signing_date: date | None
    deferred_payment: bool
    case_nos: tuple[str, ...]


def _conditions(f: DealFilter, dialect: str) -> list[Any]:
    found = [
        one_or_many(D.status, f.status),
        one_or_many(D.mode, f.mode),
        None if f.pricing_method is None else D.pricing_method == f.pricing_method,
        None if f.counterparty_id is None else D.counterparty_id == f.counterparty_id,
        year_range(D.signing_date, f.year),
    ]
    if f.achievement_id is not None:
        found.append(D.id.in_(
            select(deal_achievement.c.deal_id)
            .where(deal_achievement.c.achievement_id == f.achievement_id)
        ))
    if search_terms(f.search):
        found.append(search_clause(dialect, [D.title, Company.name], f.search,
                                   latin_columns=[D.deal_no]))
    return [c for c in found if c is not None]


def _needs_company(f: DealFilter) -> bool:
    return f.sort is DealSort.COUNTERPARTY or bool(search_terms(f.search))


def _filtered(stmt: Select[Any], f: DealFilter, dialect: str) -> Select[Any]:
    if _needs_company(f):
        stmt = stmt.outerjoin(Company, D.counterparty_id == Company.id)
    return stmt.where(*_conditions(f, dialect))


def _ids_statement(f: DealFilter, dialect: str) -> Select[Any]:
    d = f.descending
    sc = bool(_conditions(f, dialect))  # filtered: sort the matches, not walk an index
    keys = {
        DealSort.ID: None,
        DealSort.DEAL_NO: ordered(D.deal_no, d, scan=sc),
        DealSort.TITLE: ordered(chinese(D.title, dialect), d, scan=sc),
        DealSort.MODE: ordered(enum_rank(D.mode, DealMode), d),
        DealSort.COUNTERPARTY: ordered(chinese(Company.name, dialect), d, nullable=True),
        DealSort.PRICE: ordered(D.price, d, nullable=True, scan=sc),
        DealSort.PRICING_METHOD: ordered(enum_rank(D.pricing_method, PricingMethod), d),
        DealSort.STATUS: ordered(enum_rank(D.status, DealStatus), d),
        DealSort.SIGNING_DATE: ordered(D.signing_date, d, nullable=True, scan=sc),
    }
    terms = [k for k in (keys[f.sort], ordered(D.id, d)) if k is not None]
    return _filtered(select(D.id), f, dialect).order_by(*terms)


def ids_in_session(session: Session, f: DealFilter, limit: int | None = None,
                   offset: int = 0) -> list[int]:
    stmt = _ids_statement(f, dialect_of(session))
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    return fetch_ids(session, stmt)


def _case_nos(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    stmt = (
        select(deal_achievement.c.deal_id, Achievement.case_no)
        .join(Achievement, Achievement.id == deal_achievement.c.achievement_id)
        .where(deal_achievement.c.deal_id.in_(list(ids)))
        .order_by(Achievement.case_no)
    )
    found: dict[int, list[str]] = {}
    for deal_id, case_no in session.execute(stmt):
        found.setdefault(deal_id, []).append(case_no)
    return found


def rows_in_session(session: Session, ids: Sequence[int]) -> list[DealRow]:
    by_id: dict[int, DealRow] = {}
    for part in chunks(ids):
        cases = _case_nos(session, part)
        stmt = (
            select(
                D.id, D.deal_no, D.title, D.mode, Company.name, Company.credit_code, D.price,
                D.pricing_method, D.status, D.signing_date, D.deferred_payment,
            )
            .outerjoin(Company, D.counterparty_id == Company.id)
            .where(D.id.in_(list(part)))
        )
        for r in session.execute(stmt):
            by_id[r[0]] = DealRow(*r, case_nos=tuple(cases.get(r[0], ())))
    return in_order(ids, by_id)


_LIST: EntityList[DealFilter, DealRow] = EntityList(
    DealFilter, ids_in_session, rows_in_session,
    lambda f, dialect: _filtered(select(func.count(D.id)), f, dialect),
)


def deal_ids(ctx: AppContext, f: DealFilter | None = None) -> list[int]:
    """Ids of every matching deal, in display order."""
    return _LIST.ids(ctx, f)


def deal_rows(ctx: AppContext, ids: Sequence[int]) -> list[DealRow]:
    """Display rows for `ids`, in the order given."""
    return _LIST.rows(ctx, ids)


def count_deals(ctx: AppContext, f: DealFilter | None = None) -> int:
    return _LIST.count(ctx, f)


def list_deals(ctx: AppContext, f: DealFilter | None = None, limit: int | None = None,
               offset: int = 0) -> list[DealRow]:
    return _LIST.page(ctx, f, limit, offset)
