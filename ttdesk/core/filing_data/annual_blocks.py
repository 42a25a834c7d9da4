"""The F09 blocks the national annual-report system asks for (domain.md §6) beyond the
figures of `reports.f09`: secret records counted apart, entrepreneur staff, companies founded
or held, the TTO's staffing, rewards in cash and equity with tax.

Each block is one grouped query; `reports.f09` adds them to the snapshot.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from ttdesk.codes import EmploymentStatus, HolderType, Secrecy, TechManagerLevel, UserRole
from ttdesk.core.filing_data.common import js
from ttdesk.core.rules.statemachine import DISTRIBUTION_DECIDED
from ttdesk.db.models import (
    Achievement,
    Allocation,
    Company,
    Deal,
    Distribution,
    Person,
    Shareholding,
    User,
    deal_achievement,
)

SECRET = Secrecy.SECRET_OR_SECURITY


def secret_deal_ids(session: Session) -> set[int]:
    """Deals covering a secret / security achievement: left out of the report's lists."""
    return set(session.execute(
        select(deal_achievement.c.deal_id).join(
            Achievement, Achievement.id == deal_achievement.c.achievement_id)
        .where(Achievement.secrecy == SECRET)).scalars())


def secret_block(session: Session, start: date, end: date, secret_deals: set[int]) -> dict:
    """How many secret records the report leaves out (counted apart, never listed)."""
    achievements = session.execute(
        select(func.count()).where(Achievement.disclosure_date >= start,
                                   Achievement.disclosure_date <= end,
                                   Achievement.secrecy == SECRET)).scalar_one()
    contracts = session.execute(
        select(func.count()).where(Deal.signing_date >= start, Deal.signing_date <= end,
                                   Deal.id.in_(sorted(secret_deals) or [-1]))).scalar_one()
    return {"achievements": int(achievements), "contracts": int(contracts)}


def staff_block(session: Session) -> dict[str, Any]:
    """Staff in entrepreneurship (在岗创业 / 离岗创业): a person's own record, else their
    status as a team shareholder of a company; each person counted once."""
    status: dict[Any, EmploymentStatus] = {}
    for pid, name, st in session.execute(
            select(Shareholding.person_id, Shareholding.holder_name,
                   Shareholding.employment_status)
            .where(Shareholding.holder_type == HolderType.TEAM_MEMBER,
                   Shareholding.employment_status.is_not(None))
            .order_by(Shareholding.id)):
        status[pid if pid is not None else name] = st
    for pid, st in session.execute(
            select(Person.id, Person.entrepreneurship)
            .where(Person.is_active.is_(True), Person.entrepreneurship.is_not(None))):
        status[pid] = st
    return {s.value: sum(1 for v in status.values() if v == s) for s in EmploymentStatus}


def companies_block(session: Session, start: date, end: date) -> dict[str, Any]:
    """Spin-offs founded in the year; companies the institution holds shares in now."""
    founded = session.execute(
        select(Company.name, Company.credit_code, Company.registration_date)
        .where(Company.is_spinoff.is_(True), Company.registration_date >= start,
               Company.registration_date <= end)
        .order_by(Company.registration_date, Company.name)).all()
    held = session.execute(
        select(func.count(distinct(Shareholding.company_id)),
               func.sum(Shareholding.subscribed_capital))
        .where(Shareholding.holder_type == HolderType.INSTITUTION_AMC)).one()
    spinoffs = session.execute(
        select(func.count()).where(Company.is_spinoff.is_(True))).scalar_one()
    return {"founded": [{"name": n, "credit_code": c, "registration_date": js(d)}
                        for n, c, d in founded],
            "spinoffs_total": int(spinoffs), "held": int(held[0] or 0),
            "held_capital": js(_yuan(held[1]))}


def _yuan(fen: Any) -> Any:
    from decimal import Decimal

    return (Decimal(int(fen or 0)) / 100).quantize(Decimal("0.01"))


def tto_block(session: Session) -> dict[str, Any]:
    """The TTO's staffing: active users by role, technology managers by certificate level."""
    users = dict(session.execute(
        select(User.role, func.count()).where(User.is_active.is_(True))
        .group_by(User.role)).all())
    managers = dict(session.execute(
        select(Person.tech_manager_level, func.count())
        .where(Person.is_active.is_(True), Person.tech_manager_level.is_not(None))
        .group_by(Person.tech_manager_level)).all())
    return {"users": {r.value: int(users.get(r, 0)) for r in UserRole},
            "users_total": int(sum(users.values())),
            "tech_managers": {lv.value: int(managers.get(lv, 0)) for lv in TechManagerLevel},
            "tech_managers_total": int(sum(managers.values()))}


def reward_persons(session: Session, start: date, end: date) -> dict[str, int]:
    """Persons rewarded in cash and in equity by the distributions decided in the year."""
    decided = (Distribution.approval_date >= start) & (Distribution.approval_date <= end) & \
        Distribution.status.in_(sorted(DISTRIBUTION_DECIDED))
    out = {}
    for key, equity in (("cash_persons", False), ("equity_persons", True)):
        out[key] = int(session.execute(
            select(func.count(distinct(Allocation.person_id)))
            .join(Distribution, Distribution.id == Allocation.distribution_id)
            .where(decided, Distribution.is_equity.is_(equity))).scalar() or 0)
    return out
