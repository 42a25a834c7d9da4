"""Companies: counterparties and spin-offs (转化创办企业), with milestones and cap tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ttdesk.codes import MilestoneKind, Region
from ttdesk.core.base import lookup
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.cases.achievements import enum_value
from ttdesk.core.rules.credit_code import validate_credit_code
from ttdesk.core.rules.money import parse_money
from ttdesk.db.models import Company, CompanyMilestone, Shareholding


@dataclass
class CompanyIn:
    name: str
    credit_code: str
    registration_date: date | None = None
    registered_capital: Decimal | str | None = None
    legal_representative: str | None = None
    address: str | None = None
    region: str = "beijing"
    province_code: str | None = None
    is_spinoff: bool = False
    park: str | None = None
    is_high_tech: bool = False
    is_zjtx: bool = False


def create(ctx: AppContext, c: CompanyIn) -> str:
    """Register a company; the unified social credit code is checked (GB 32100)."""
    code = validate_credit_code(c.credit_code)
    if not c.name.strip():
        raise RuleViolation("INPUT", "企业名称不能为空", "the company name is required", "name")
    with ctx.write() as s:
        if s.execute(select(Company.id).where(Company.credit_code == code)).first():
            raise RuleViolation("INPUT", f"统一社会信用代码 {code} 已登记",
                                f"credit code {code} is already registered", "credit_code")
        s.add(Company(
            name=c.name.strip(), credit_code=code, registration_date=c.registration_date,
            registered_capital=None if c.registered_capital in (None, "") else parse_money(
                c.registered_capital, field="registered_capital"),
            legal_representative=c.legal_representative, address=c.address,
            region=enum_value(Region, c.region, "region"), province_code=c.province_code,
            is_spinoff=c.is_spinoff, park=c.park, is_high_tech=c.is_high_tech,
            is_zjtx=c.is_zjtx))
        return code


def add_milestone(ctx: AppContext, credit_code: str, kind: str, on: date,
                  amount: Decimal | str | None = None, note: str | None = None) -> None:
    with ctx.write() as s:
        company = lookup.company(s, credit_code)
        if company.registration_date and on < company.registration_date:
            raise RuleViolation("R12", "里程碑日期早于企业成立日期",
                                "the milestone predates the company's registration", "date")
        company.milestones.append(CompanyMilestone(
            kind=enum_value(MilestoneKind, kind, "kind"), happened_on=on,
            amount=None if amount in (None, "") else parse_money(amount), note=note))
        if kind == MilestoneKind.HIGH_TECH:
            company.is_high_tech = True
        elif kind == MilestoneKind.ZJTX:
            company.is_zjtx = True


def cap_table_total(session: Session, company_id: int) -> Decimal:
    """Sum of the holders' percentages (R11: at most 100)."""
    total = session.execute(
        select(func.coalesce(func.sum(Shareholding.percentage), 0))
        .where(Shareholding.company_id == company_id)
    ).scalar_one()
    return Decimal(total)
