"""The dashboard's figures as frozen dataclasses, without SQLAlchemy: the services path
(`views.dashboard`, `views.action_plan`) and the quick start-up read
(`views.light_dashboard`) return the same types, built by the same `plan_of`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ttdesk.codes import COOPERATION_MODES, DealMode, MilestoneKind
from ttdesk.core.rules.plan_targets import TARGET_KEYS

PLAN_YEARS = (2025, 2026, 2027)
#: deal modes that tie a partner to the institution (合作平台: its first such deal)
PLATFORM_MODES = frozenset({*COOPERATION_MODES, DealMode.JOINT})
#: the milestones that count as a 专精特新 recognition (little giant included)
ZJTX_KINDS = (MilestoneKind.ZJTX, MilestoneKind.LITTLE_GIANT)


@dataclass(frozen=True)
class Kpis:
    cases: int
    deals_signed_this_year: int
    income_this_year: Decimal
    companies: int
    overdue_deadlines: int
    year: int


@dataclass(frozen=True)
class PlanFigure:
    key: str          # one of policy.TARGET_KEYS
    year: int
    actual: int
    target: int


@dataclass(frozen=True)
class Funnel:
    year: int
    disclosures: int
    deals: int
    companies: int


@dataclass(frozen=True)
class ActionPlan:
    year: int                                # the year the tiles show
    figures: dict[str, dict[int, PlanFigure]]  # key -> year -> figure
    funnel: Funnel

    def tile(self, key: str) -> PlanFigure:
        return self.figures[key][self.year]


def shown_years(year: int, years: tuple[int, ...] = PLAN_YEARS) -> tuple[int, ...]:
    """The plan years and the year the tiles show (a year outside the plan is added)."""
    return tuple(sorted({*years, year}))


def plan_of(year: int, shown: tuple[int, ...], actual: dict[str, dict[int, int]],
            targets: Callable[[int], dict[str, int]], funnel: Funnel) -> ActionPlan:
    """Each figure per year against its target."""
    per_year = {y: targets(y) for y in shown}
    figures = {k: {y: PlanFigure(k, y, actual[k][y], per_year[y][k]) for y in shown}
               for k in TARGET_KEYS}
    return ActionPlan(year, figures, funnel)


@dataclass(frozen=True)
class FirstFigures:
    """What the dashboard shows first (its KPI tiles and the Action Plan block), read at
    start-up before the services are loaded."""

    kpis: Kpis
    plan: ActionPlan
