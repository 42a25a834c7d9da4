"""Figures for the dashboard (KPI tiles, chart series) and the choices of the list filters.

Each call is one short read transaction of aggregate SQL — no row is loaded into Python just
to be counted, so the dashboard stays quick on the 100,000-case database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import extract, func, select

from ttdesk.codes import AchievementStatus, DealMode
from ttdesk.core.base.context import AppContext
from ttdesk.core.money import income
from ttdesk.core.views import DeadlineFilter, DeadlineState, count_deadlines
from ttdesk.core.views.dashboard_terms import Kpis
from ttdesk.db.models import Achievement, Company, Deal, Department, User


@dataclass(frozen=True)
class FilterChoices:
    """What the filter combo boxes of the lists offer (ids with display names)."""

    departments: list[tuple[int, str]]
    fields: list[str]
    officers: list[tuple[int, str]]
    case_years: list[int]


def kpis(ctx: AppContext, today: date | None = None) -> Kpis:
    day = today or ctx.today()
    start, end = date(day.year, 1, 1), date(day.year + 1, 1, 1)
    with ctx.read() as s:
        cases = s.execute(select(func.count()).select_from(Achievement)).scalar_one()
        signed = s.execute(select(func.count()).select_from(Deal).where(
            Deal.signing_date >= start, Deal.signing_date < end)).scalar_one()
        received = income.received(s, income.Scope.year(day.year))
        companies = s.execute(select(func.count()).select_from(Company)).scalar_one()
    overdue = count_deadlines(ctx, DeadlineFilter(state=DeadlineState.OVERDUE, today=day))
    return Kpis(int(cases), int(signed), received, int(companies), overdue, day.year)


def pipeline(ctx: AppContext) -> list[tuple[AchievementStatus, int]]:
    """Cases per status, in workflow order (statuses without cases included, as 0)."""
    with ctx.read() as s:
        found = dict(s.execute(
            select(Achievement.status, func.count()).group_by(Achievement.status)).all())
    return [(st, int(found.get(st, 0))) for st in AchievementStatus]


def income_by_year_and_mode(ctx: AppContext, years: int = 5,
                            today: date | None = None) -> dict[int, dict[DealMode, Decimal]]:
    """Income received per calendar year (the last `years`) and deal mode (`money.income`)."""
    last = (today or ctx.today()).year
    first = last - years + 1
    with ctx.read() as s:
        found = income.received_by(s, income.YEAR, income.MODE,
                                   scope=income.Scope(start=date(first, 1, 1),
                                                      end=date(last, 12, 31)))
    out: dict[int, dict[DealMode, Decimal]] = {y: {} for y in range(first, last + 1)}
    for (y, mode), total in found.items():
        out[y][mode] = total
    return out


def filter_choices(ctx: AppContext) -> FilterChoices:
    with ctx.read() as s:
        departments = [(int(i), n) for i, n in s.execute(
            select(Department.id, Department.name).order_by(Department.code))]
        fields = [f for (f,) in s.execute(
            select(Achievement.field).where(Achievement.field.is_not(None))
            .group_by(Achievement.field).order_by(Achievement.field))]
        officers = [(int(i), n) for i, n in s.execute(
            select(User.id, User.display_name).order_by(User.display_name))]
        lo, hi = s.execute(select(func.min(Achievement.disclosure_date),
                                  func.max(Achievement.disclosure_date))).one()
    years = list(range(hi.year, lo.year - 1, -1)) if lo and hi else []
    return FilterChoices(departments, fields, officers, years)


def deals_by_mode(ctx: AppContext) -> dict[DealMode, int]:
    """Signed deals (a signing date set) per mode, every year."""
    with ctx.read() as s:
        rows = s.execute(select(Deal.mode, func.count()).where(Deal.signing_date.is_not(None))
                         .group_by(Deal.mode)).all()
    return {DealMode(m): int(n) for m, n in rows}


def companies_by_year(ctx: AppContext, years: int = 10,
                      today: date | None = None) -> dict[int, tuple[int, int]]:
    """Companies registered per year of the last `years`: (spin-offs, others)."""
    last = (today or ctx.today()).year
    first = last - years + 1
    year = extract("year", Company.registration_date)
    with ctx.read() as s:
        rows = s.execute(
            select(year, Company.is_spinoff, func.count())
            .where(Company.registration_date >= date(first, 1, 1),
                   Company.registration_date < date(last + 1, 1, 1))
            .group_by(year, Company.is_spinoff)
        ).all()
    out = {y: (0, 0) for y in range(first, last + 1)}
    for y, spinoff, n in rows:
        spin, other = out[int(y)]
        out[int(y)] = (spin + int(n), other) if spinoff else (spin, other + int(n))
    return out
