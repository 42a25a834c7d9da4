"""Workload and results per technology manager (技术经理人), for the director (issue 17 §4,
issue 13's "workload per officer"): open cases, deals signed in the year and their value,
income received in the year, overdue tasks.

Each figure comes from its one author: open cases by `CASE_OPEN`, income by
`money.income.received_by` (per deal, then added up by the deal's manager), overdue tasks by
the deadline list's own filter (`DeadlineFilter(state=OVERDUE, manager_id=…)`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select

from ttdesk.codes import TechManagerLevel
from ttdesk.core.base.context import AppContext
from ttdesk.core.money import income
from ttdesk.core.rules.statemachine import CASE_OPEN
from ttdesk.core.views.deadlines import DeadlineFilter, DeadlineState, count_deadlines
from ttdesk.db.models import Achievement, Deal, Person

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ManagerWorkload:
    person_id: int
    staff_no: str
    name: str
    level: TechManagerLevel | None
    cert_no: str | None
    open_cases: int
    deals_signed: int
    deals_value: Decimal
    income_received: Decimal
    overdue_tasks: int


def _grouped(s: object, stmt: object) -> dict[int, tuple[int, Decimal]]:
    return {int(pid): (int(n), Decimal(v or 0)) for pid, n, v in s.execute(stmt)}  # type: ignore[attr-defined]


def manager_workload(ctx: AppContext, year: int | None = None,
                     today: date | None = None) -> list[ManagerWorkload]:
    """One row per technology manager (and per person named manager of anything), by name."""
    day = today or ctx.today()
    year = year or day.year
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    with ctx.read() as s:
        named = select(Achievement.manager_id).where(Achievement.manager_id.is_not(None)).union(
            select(Deal.manager_id).where(Deal.manager_id.is_not(None)))
        people = s.execute(select(Person.id, Person.staff_no, Person.name,
                                  Person.tech_manager_level, Person.tech_manager_cert_no)
                           .where(or_(Person.tech_manager_level.is_not(None),
                                      Person.id.in_(named)))
                           .order_by(Person.name, Person.staff_no)).all()
        cases = dict(s.execute(select(Achievement.manager_id, func.count())
                               .where(Achievement.manager_id.is_not(None),
                                      Achievement.status.in_(list(CASE_OPEN)))
                               .group_by(Achievement.manager_id)).all())
        signed = _grouped(s, select(Deal.manager_id, func.count(), func.sum(Deal.price))
                          .where(Deal.manager_id.is_not(None), Deal.signing_date >= start,
                                 Deal.signing_date < end).group_by(Deal.manager_id))
        by_deal = income.received_by(s, income.DEAL, scope=income.Scope.year(year))
        managed = dict(s.execute(select(Deal.id, Deal.manager_id)
                                 .where(Deal.manager_id.is_not(None))).all())
    received: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for deal_id, amount in by_deal.items():
        manager = managed.get(deal_id)
        if manager is not None:
            received[manager] += amount
    out = []
    for pid, staff_no, name, level, cert in people:
        n_signed, value = signed.get(pid, (0, ZERO))
        overdue = count_deadlines(ctx, DeadlineFilter(state=DeadlineState.OVERDUE,
                                                      manager_id=pid, today=day))
        out.append(ManagerWorkload(int(pid), staff_no, name,
                                   TechManagerLevel(level) if level else None, cert,
                                   int(cases.get(pid, 0)), n_signed, value.quantize(ZERO),
                                   received[pid], overdue))
    return out
