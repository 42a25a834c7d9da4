"""The institution profile, the policy in force and the holiday calendar, as the first-start
dialog and the settings page read and change them (each change one unit of work).

The database holds one institution row; an empty table means the first start has not been
completed yet. Qt-free, so the CLI can offer the same.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation, ValidationFailed
from ttdesk.core.office import holiday_calendar as calendar_store
from ttdesk.core.rules import policy
from ttdesk.db.models import CalendarDay, Institution

_LIMITS = {"name": 200, "name_en": 200, "tto_name": 200, "address": 300, "asset_company": 200}


@dataclass(frozen=True)
class InstitutionProfile:
    """What filings print in their header: the university, its TTO and its asset company."""

    name: str
    name_en: str | None = None
    tto_name: str | None = None
    address: str | None = None
    asset_company: str | None = None


@dataclass(frozen=True)
class CalendarEntry:
    day: date
    is_workday: bool
    note: str | None


def get_profile(ctx: AppContext) -> InstitutionProfile | None:
    """The stored profile, or None before the first start was completed."""
    with ctx.read() as session:
        row = session.scalars(select(Institution).order_by(Institution.id).limit(1)).first()
        if row is None:
            return None
        return InstitutionProfile(row.name, row.name_en, row.tto_name, row.address,
                                  row.asset_company)


def _check(profile: InstitutionProfile) -> dict[str, Any]:
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in asdict(profile).items()}
    problems = []
    if not values["name"]:
        problems.append(RuleViolation("INST", "请填写单位名称", "Enter the institution's name",
                                      field="name").problems[0])
    for key, limit in _LIMITS.items():
        if values[key] and len(values[key]) > limit:
            problems.append(RuleViolation(
                "INST", f"{key} 不得超过 {limit} 个字符", f"{key} must be at most {limit} "
                "characters", field=key).problems[0])
    if problems:
        raise ValidationFailed(problems)
    return {k: (v or None) for k, v in values.items()}


def _store_profile(session: Session, values: dict[str, Any]) -> None:
    row = session.scalars(select(Institution).order_by(Institution.id).limit(1)).first()
    if row is None:
        session.add(Institution(**values))
    else:
        for key, value in values.items():
            setattr(row, key, value)


@requires(Act.INSTITUTION)
def save_profile(ctx: AppContext, profile: InstitutionProfile) -> InstitutionProfile:
    """Create or update the one institution row (validated first; a refusal writes nothing)."""
    values = _check(profile)
    with ctx.write() as session:
        _store_profile(session, values)
    return InstitutionProfile(**values)


@requires(Act.INSTITUTION)
def complete_first_start(ctx: AppContext, profile: InstitutionProfile,
                         policy_changes: dict[str, Any]) -> InstitutionProfile:
    """The first-start dialog's one action: the profile and the policy values it confirmed,
    both or neither (a policy value out of range leaves no profile behind)."""
    values = _check(profile)
    with ctx.write() as session:
        _store_profile(session, values)
        now = policy.current(session)
        changed = {k: v for k, v in policy_changes.items() if now.values.get(k) != v}
        if changed:
            policy.update(session, ctx.actor, changed, "首次启动 / first start")
    return InstitutionProfile(**values)


def current_policy(ctx: AppContext) -> policy.Policy:
    with ctx.read() as session:
        return policy.current(session)


@requires(Act.POLICY)
def update_policy(ctx: AppContext, changes: dict[str, Any], note: str = "") -> policy.Policy:
    """A new policy version with `changes` (only the keys that differ from the current one)."""
    with ctx.write() as session:
        now = policy.current(session)
        changed = {k: v for k, v in changes.items() if now.values.get(k) != v}
        if not changed:
            return now
        return policy.update(session, ctx.actor, changed, note)


def calendar_year(ctx: AppContext, year: int) -> list[CalendarEntry]:
    """Official days off and make-up workdays of one year, by day."""
    with ctx.read() as session:
        rows = session.execute(
            select(CalendarDay.day, CalendarDay.is_workday, CalendarDay.note)
            .where(extract("year", CalendarDay.day) == year).order_by(CalendarDay.day)
        ).all()
    return [CalendarEntry(d, bool(w), n) for d, w, n in rows]


def calendar_years(ctx: AppContext) -> list[int]:
    with ctx.read() as session:
        days = session.execute(select(CalendarDay.day)).scalars().all()
    return sorted({d.year for d in days})


@requires(Act.MASTER_DATA)
def set_calendar_year(ctx: AppContext, year: int, off: list[date], workdays: list[date]) -> None:
    """Replace one year's arrangement (checked as a whole by the calendar store)."""
    with ctx.write() as session:
        calendar_store.set_year(session, year, off, workdays)
