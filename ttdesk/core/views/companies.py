"""The company list (counterparties and spin-offs): filter, search and sort in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ttdesk.codes import Region
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
from ttdesk.db.models import Company, Deal

C = Company


class CompanySort(StrEnum):
    ID = "id"
    NAME = "name"
    CREDIT_CODE = "credit_code"
    REGION = "region"
    REGISTRATION_DATE = "registration_date"
    REGISTERED_CAPITAL = "registered_capital"
    IS_SPINOFF = "is_spinoff"


@dataclass(frozen=True)
class CompanyFilter:
    """`search`: every word must occur in the name or the credit code. `year`: registration."""

    region: Region | tuple[Region, ...] | None = None
    is_spinoff: bool | None = None
    is_high_tech: bool | None = None
    is_zjtx: bool | None = None
    year: int | None = None
    search: str | None = None
    sort: CompanySort = CompanySort.NAME
    descending: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "region", coerce(Region, self.region))
        object.__setattr__(self, "sort", CompanySort(self.sort))


@dataclass(frozen=True)
class CompanyRow:
    id: int
    credit_code: str
    name: str
    region: Region
    is_spinoff: bool
    registration_date: date | None
    registered_capital: Decimal | None
    legal_representative: str | None
    park: str | None
    is_high_tech: bool
    is_zjtx: bool
    deal_count: int


def _conditions(f: CompanyFilter, dialect: str) -> list[Any]:
    found = [
        one_or_many(C.region, f.region),
        None if f.is_spinoff is None else C.is_spinoff == f.is_spinoff,
        None if f.is_high_tech is None else C.is_high_tech == f.is_high_tech,
        None if f.is_zjtx is None else C.is_zjtx == f.is_zjtx,
        year_range(C.registration_date, f.year),
    ]
    if search_terms(f.search):
        found.append(search_clause(dialect, [C.name], f.search, latin_columns=[C.credit_code]))
    return [c for c in found if c is not None]


def _ids_statement(f: CompanyFilter, dialect: str) -> Select[Any]:
    d = f.descending
    conditions = _conditions(f, dialect)
    sc = bool(conditions)  # filtered: sort the matches rather than walk an index in order
    keys = {
        CompanySort.ID: None,
        CompanySort.NAME: ordered(chinese(C.name, dialect), d),
        CompanySort.CREDIT_CODE: ordered(C.credit_code, d, scan=sc),
        CompanySort.REGION: ordered(enum_rank(C.region, Region), d),
        CompanySort.REGISTRATION_DATE: ordered(C.registration_date, d, nullable=True, scan=sc),
        CompanySort.REGISTERED_CAPITAL: ordered(C.registered_capital, d, nullable=True, scan=sc),
        CompanySort.IS_SPINOFF: ordered(C.is_spinoff, d, scan=sc),
    }
    terms = [k for k in (keys[f.sort], ordered(C.id, d)) if k is not None]
    return select(C.id).where(*conditions).order_by(*terms)


def ids_in_session(session: Session, f: CompanyFilter, limit: int | None = None,
                   offset: int = 0) -> list[int]:
    stmt = _ids_statement(f, dialect_of(session))
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    return fetch_ids(session, stmt)


def rows_in_session(session: Session, ids: Sequence[int]) -> list[CompanyRow]:
    deal_count = (
        select(func.count()).select_from(Deal).where(Deal.counterparty_id == C.id)
        .correlate(C).scalar_subquery()
    )
    by_id: dict[int, CompanyRow] = {}
    for part in chunks(ids):
        stmt = select(
            C.id, C.credit_code, C.name, C.region, C.is_spinoff, C.registration_date,
            C.registered_capital, C.legal_representative, C.park, C.is_high_tech, C.is_zjtx,
            deal_count,
        ).where(C.id.in_(list(part)))
        for r in session.execute(stmt):
            by_id[r[0]] = CompanyRow(*r[:11], deal_count=int(r[11] or 0))
    return in_order(ids, by_id)


_LIST: EntityList[CompanyFilter, CompanyRow] = EntityList(
    CompanyFilter, ids_in_session, rows_in_session,
    lambda f, dialect: select(func.count()).select_from(C).where(*_conditions(f, dialect)),
)


def company_ids(ctx: AppContext, f: CompanyFilter | None = None) -> list[int]:
    """Ids of every matching company, in display order."""
    return _LIST.ids(ctx, f)


def company_rows(ctx: AppContext, ids: Sequence[int]) -> list[CompanyRow]:
    """Display rows for `ids`, in the order given."""
    return _LIST.rows(ctx, ids)


def count_companies(ctx: AppContext, f: CompanyFilter | None = None) -> int:
    return _LIST.count(ctx, f)


def list_companies(ctx: AppContext, f: CompanyFilter | None = None, limit: int | None = None,
                   offset: int = 0) -> list[CompanyRow]:
    return _LIST.page(ctx, f, limit, offset)
