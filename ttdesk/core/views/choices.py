"""Choices the case forms offer: departments, officers, people and companies.

Small reads for combo boxes and completers, so the UI never issues SQL itself. Each returns
plain (key, text) pairs; the key is what the services take (department code, username,
staff number, credit code).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from ttdesk.core.base.context import AppContext
from ttdesk.db.models import Company, Department, Person, User

Choice = tuple[str, str]


@dataclass(frozen=True)
class PersonChoice:
    staff_no: str
    name: str
    department: str | None

    def text(self) -> str:
        return f"{self.staff_no} {self.name}" + (f"（{self.department}）" if self.department
                                                  else "")


@dataclass(frozen=True)
class FormChoices:
    """What the disclosure form's lists offer, read in one go."""

    departments: list[Choice]
    officers: list[Choice]


def form_choices(ctx: AppContext) -> FormChoices:
    """Departments (code, name) and active officers (username, display name), one read."""
    with ctx.read() as s:
        depts = [(c, n) for c, n in s.execute(
            select(Department.code, Department.name).order_by(Department.code))]
        users = [(u, n or u) for u, n in s.execute(
            select(User.username, User.display_name).where(User.is_active.is_(True))
            .order_by(User.username))]
    return FormChoices(depts, users)


def departments(ctx: AppContext) -> list[Choice]:
    """(code, name) of every department, by name."""
    with ctx.read() as s:
        return [(c, n) for c, n in s.execute(
            select(Department.code, Department.name).order_by(Department.code))]


def officers(ctx: AppContext) -> list[Choice]:
    """(username, display name) of the active users."""
    with ctx.read() as s:
        return [(u, n or u) for u, n in s.execute(
            select(User.username, User.display_name).where(User.is_active.is_(True))
            .order_by(User.username))]


def find_people(ctx: AppContext, text: str, limit: int = 20) -> list[PersonChoice]:
    """People whose staff number starts with, or whose name contains, `text`."""
    text = text.strip()
    if not text:
        return []
    with ctx.read() as s:
        found = s.execute(
            select(Person.staff_no, Person.name, Department.name)
            .outerjoin(Department, Department.id == Person.department_id)
            .where(or_(Person.staff_no.like(text + "%"), Person.name.contains(text)))
            .order_by(Person.staff_no).limit(limit))
        return [PersonChoice(*row) for row in found]


def person(ctx: AppContext, staff_no: str) -> PersonChoice | None:
    """The person with exactly this staff number, or None."""
    with ctx.read() as s:
        row = s.execute(
            select(Person.staff_no, Person.name, Department.name)
            .outerjoin(Department, Department.id == Person.department_id)
            .where(Person.staff_no == staff_no.strip())).first()
        return PersonChoice(*row) if row else None


def find_companies(ctx: AppContext, text: str, limit: int = 20) -> list[Choice]:
    """(credit code, name) of companies whose name contains or code starts with `text`."""
    text = text.strip()
    with ctx.read() as s:
        stmt = select(Company.credit_code, Company.name).order_by(Company.name).limit(limit)
        if text:
            stmt = stmt.where(or_(Company.name.contains(text),
                                  Company.credit_code.like(text.upper() + "%")))
        return [(c, n) for c, n in s.execute(stmt)]
