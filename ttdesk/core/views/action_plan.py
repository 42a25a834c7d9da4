"""The institution's own contribution to the Beijing Action Plan 2025–2027 targets, by year,
against its own yearly targets (policy `action_plan_targets`), and the funnel disclosures →
deals → companies. Aggregate SQL only; each figure is defined once here (docs/architecture.md,
"One author per fact") and the dashboard and the tests call it:

- platforms (合作平台 / 联合实验室): partners whose first cooperation or joint deal was signed
  that year — a new lasting tie with a company, the unit the plan counts platforms in;
- contracts (技术开发合同): cooperation deals (development, consulting, service) signed that year;
- companies (转化创办企业): spin-offs registered that year (`dashboard.companies_by_year`);
- zjtx (专精特新): spin-offs first recognised 专精特新 (or little giant) that year.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import extract, func, select

from ttdesk.codes import COOPERATION_MODES
from ttdesk.core.base.context import AppContext
from ttdesk.core.rules import policy
from ttdesk.core.views.dashboard import companies_by_year
from ttdesk.core.views.dashboard_terms import (  # noqa: F401  (re-exported)
    PLAN_YEARS,
    PLATFORM_MODES,
    ActionPlan,
    Funnel,
    PlanFigure,
    plan_of,
    shown_years,
)
from ttdesk.core.views.spinoffs import first_zjtx
from ttdesk.db.models import Achievement, Company, Deal


def _per_year(rows: object) -> dict[int, int]:
    return {int(y): int(n) for y, n in rows if y is not None}  # type: ignore[attr-defined]


def contributions(ctx: AppContext,
                  years: tuple[int, ...] = PLAN_YEARS) -> dict[str, dict[int, int]]:
    """The four figures per year of `years` (years without any: 0)."""
    lo, hi = date(min(years), 1, 1), date(max(years) + 1, 1, 1)
    with ctx.read() as s:
        first = (select(Deal.counterparty_id, func.min(Deal.signing_date).label("first_on"))
                 .where(Deal.mode.in_([m.value for m in PLATFORM_MODES]),
                        Deal.counterparty_id.is_not(None), Deal.signing_date.is_not(None))
                 .group_by(Deal.counterparty_id).subquery())
        platforms = _per_year(s.execute(
            select(extract("year", first.c.first_on), func.count())
            .where(first.c.first_on >= lo, first.c.first_on < hi)
            .group_by(extract("year", first.c.first_on))))
        contracts = _per_year(s.execute(
            select(extract("year", Deal.signing_date), func.count())
            .where(Deal.mode.in_([m.value for m in COOPERATION_MODES]),
                   Deal.signing_date >= lo, Deal.signing_date < hi)
            .group_by(extract("year", Deal.signing_date))))
        zjtx = first_zjtx()
        recognised = _per_year(s.execute(
            select(extract("year", zjtx.c.first_on), func.count())
            .join(Company, Company.id == zjtx.c.company_id)
            .where(Company.is_spinoff.is_(True), zjtx.c.first_on >= lo, zjtx.c.first_on < hi)
            .group_by(extract("year", zjtx.c.first_on))))
    spun = companies_by_year(ctx, max(years) - min(years) + 1, date(max(years), 1, 1))
    found = {"platforms": platforms, "contracts": contracts, "zjtx": recognised,
             "companies": {y: spin for y, (spin, _other) in spun.items()}}
    return {k: {y: found[k].get(y, 0) for y in years} for k in policy.TARGET_KEYS}


def funnel(ctx: AppContext, year: int) -> Funnel:
    """Cases disclosed, deals signed and spin-offs registered in `year`."""
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    with ctx.read() as s:
        disclosures = s.execute(select(func.count()).select_from(Achievement).where(
            Achievement.disclosure_date >= start, Achievement.disclosure_date < end)).scalar_one()
        deals = s.execute(select(func.count()).select_from(Deal).where(
            Deal.signing_date >= start, Deal.signing_date < end)).scalar_one()
    companies = companies_by_year(ctx, 1, date(year, 1, 1))[year][0]
    return Funnel(year, int(disclosures), int(deals), companies)


def action_plan(ctx: AppContext, year: int | None = None,
                years: tuple[int, ...] = PLAN_YEARS) -> ActionPlan:
    """The dashboard's Action Plan block: each figure per year against its target."""
    year = year or ctx.today().year
    shown = shown_years(year, years)
    actual = contributions(ctx, shown)
    with ctx.read() as s:
        current = policy.current(s)
    return plan_of(year, shown, actual, current.action_plan_targets, funnel(ctx, year))
