"""Spin-off milestones (转化创办企业跟踪): first market order, scale order, first brand-scene
application, high-tech certification, 专精特新 and little-giant recognition, financing rounds
(amount, investors, a government fund alongside grants 拨投联动), incubator entry and
graduation, listing. Each is one dated row on the company; recognitions also set the
company's flag, so the flag and its first milestone never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from ttdesk.codes import MilestoneKind
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, RuleViolation
from ttdesk.core.people import fields as check
from ttdesk.core.rules.money import parse_money
from ttdesk.db.models import Company, CompanyMilestone

# The recognitions that carry a flag on the company.
FLAG_OF = {MilestoneKind.HIGH_TECH: "is_high_tech", MilestoneKind.ZJTX: "is_zjtx",
           MilestoneKind.LITTLE_GIANT: "is_zjtx"}  # a little giant is a 专精特新 firm too


@dataclass
class MilestoneIn:
    kind: str
    happened_on: date
    amount: Decimal | str | None = None
    investors: str | None = None
    government_fund: bool = False
    note: str | None = None


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    kind: MilestoneKind
    happened_on: date
    amount: Decimal | None
    investors: str | None
    government_fund: bool
    note: str | None


def _checked(c: Company, m: MilestoneIn, today: date) -> CompanyMilestone:
    kind = check.code(MilestoneKind, m.kind, "kind")
    if not isinstance(m.happened_on, date):
        raise RuleViolation("INPUT", "里程碑日期不能为空", "the milestone needs a date",
                            field="happened_on")
    if c.registration_date and m.happened_on < c.registration_date:
        raise RuleViolation("R12", "里程碑日期早于企业成立日期",
                            "the milestone predates the company's registration", "happened_on")
    if m.happened_on > today:
        raise RuleViolation("INPUT", "里程碑日期不能晚于今天",
                            "the milestone date is in the future", field="happened_on")
    amount = None if m.amount in (None, "") else parse_money(m.amount, field="amount")
    if amount is not None and amount <= 0:
        raise RuleViolation("INPUT", "金额须大于零", "the amount must be positive", field="amount")
    financing = kind == MilestoneKind.FINANCING
    if not financing and (m.investors or m.government_fund):
        raise RuleViolation("INPUT", "投资方与政府基金参投只适用于融资",
                            "investors and a government fund belong to a financing round",
                            field="investors")
    return CompanyMilestone(kind=kind, happened_on=m.happened_on, amount=amount,
                            investors=check.text(m.investors, "investors", 300),
                            government_fund=check.flag(m.government_fund) if financing else False,
                            note=check.text(m.note, "note", 300))


@requires(Act.CASE_WORK)
def add(ctx: AppContext, credit_code: str, m: MilestoneIn) -> int:
    """Record a milestone of company `credit_code`; returns its id."""
    with ctx.write() as s:
        company = lookup.company(s, credit_code)
        row = _checked(company, m, ctx.today())
        company.milestones.append(row)
        flag = FLAG_OF.get(row.kind)
        if flag:
            setattr(company, flag, True)
        s.flush()
        return row.id


@requires(Act.CASE_WORK)
def remove(ctx: AppContext, milestone_id: int) -> None:
    """Delete a milestone recorded by mistake (the company's flags stay as they are)."""
    with ctx.write() as s:
        row = s.get(CompanyMilestone, milestone_id)
        if row is None:
            raise NotFound("milestone", milestone_id)
        s.delete(row)


def of_company(ctx: AppContext, credit_code: str) -> list[MilestoneRow]:
    """The company's milestones, oldest first."""
    with ctx.read() as s:
        company = lookup.company(s, credit_code)
        rows = s.execute(select(CompanyMilestone).where(
            CompanyMilestone.company_id == company.id)
            .order_by(CompanyMilestone.happened_on, CompanyMilestone.id)).scalars()
        return [MilestoneRow(r.id, r.kind, r.happened_on, r.amount, r.investors,
                             bool(r.government_fund), r.note) for r in rows]
