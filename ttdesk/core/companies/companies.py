"""Companies: counterparties and spin-offs (转化创办企业), with milestones and cap tables.

As master data a company is created, edited, deactivated or merged into its duplicate (the
shared machinery of `core.people.lifecycle`). Its region comes from its credit code
(characters 3-8); `abroad` is the one region an officer sets by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import Region
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.base.search_key import search_key
from ttdesk.core.people import fields as check
from ttdesk.core.people import lifecycle
from ttdesk.core.rules.credit_code import region_of, validate_credit_code
from ttdesk.core.rules.money import parse_money
from ttdesk.db.models import Company


@dataclass
class CompanyIn:
    name: str
    credit_code: str
    registration_date: date | None = None
    registered_capital: Decimal | str | None = None
    legal_representative: str | None = None
    address: str | None = None
    region: str | None = None  # None: from the credit code; "abroad" by hand
    province_code: str | None = None
    is_spinoff: bool = False
    park: str | None = None
    is_high_tech: bool = False
    is_zjtx: bool = False

    def values(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


EDITABLE = tuple(f.name for f in fields(CompanyIn))


def _check_code(s: Session, code: str, own_id: int | None) -> None:
    existing = s.execute(select(Company).where(Company.credit_code == code)).scalar_one_or_none()
    if existing is not None and existing.id != own_id:
        raise RuleViolation(
            "DUP", f"统一社会信用代码 {code} 已登记为 {existing.name}"
                   f"{'' if existing.is_active else '（已停用）'}",
            f"credit code {code} is already registered to {existing.name}", field="credit_code")


def _apply_region(c: Company, wanted: Any) -> None:
    if wanted in (Region.ABROAD, Region.ABROAD.value):
        c.region, c.province_code = Region.ABROAD, None
        return
    region, division = region_of(c.credit_code)
    c.region, c.province_code = Region(region), division


def _apply(s: Session, c: Company, values: dict[str, Any]) -> None:
    if "credit_code" in values or c.credit_code is None:
        c.credit_code = validate_credit_code(values.get("credit_code"))
    _check_code(s, c.credit_code, c.id)
    c.name = check.required(values.get("name", c.name), "name", 200)
    if "registration_date" in values:
        c.registration_date = values["registration_date"]
    if "registered_capital" in values:
        raw = values["registered_capital"]
        c.registered_capital = (None if raw in (None, "") else
                                parse_money(raw, field="registered_capital"))
    for name, size in (("legal_representative", 100), ("address", 300), ("park", 200)):
        if name in values:
            setattr(c, name, check.text(values[name], name, size))
    for name in ("is_spinoff", "is_high_tech", "is_zjtx"):
        if name in values:
            setattr(c, name, check.flag(values[name]))
    _apply_region(c, values.get("region", c.region))
    c.search_key = search_key(c.name, c.credit_code, c.legal_representative)


@requires(Act.MASTER_DATA)
def create(ctx: AppContext, c: CompanyIn) -> str:
    """Register a company; the unified social credit code is checked (GB 32100, R8)."""
    with ctx.write() as s:
        company = Company(is_spinoff=False, is_high_tech=False, is_zjtx=False)
        _apply(s, company, c.values())
        s.add(company)
        return company.credit_code


_KEEPER = lifecycle.Keeper(lookup.company, _apply, EDITABLE, "credit_code")


def add_in_session(s: Session, c: CompanyIn) -> Company:
    """Register a company inside the caller's unit of work (market: a park's demand list
    names companies the office has not met yet); the same checks as `create`."""
    company = Company(is_spinoff=False, is_high_tech=False, is_zjtx=False)
    _apply(s, company, c.values())
    s.add(company)
    s.flush()
    return company


@requires(Act.MASTER_DATA)
def edit(ctx: AppContext, credit_code: str, changes: dict[str, Any]) -> str:
    """Change any of EDITABLE; returns the (possibly corrected) credit code."""
    return _KEEPER.edit(ctx, credit_code, changes)


@requires(Act.MASTER_DATA)
def set_active(ctx: AppContext, credit_code: str, active: bool) -> None:
    _KEEPER.set_active(ctx, credit_code, active)


@requires(Act.MASTER_DATA)
def merge(ctx: AppContext, duplicate: str, kept: str) -> int:
    """Move deals, holdings, milestones and interests of `duplicate` to `kept`."""
    return _KEEPER.merge(ctx, duplicate, kept)


@requires(Act.MASTER_DATA)
def delete(ctx: AppContext, credit_code: str) -> None:
    _KEEPER.delete(ctx, credit_code)

