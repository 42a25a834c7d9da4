"""Choices the case forms offer: departments, officers, people and companies.

Small reads for combo boxes and completers, so the UI never issues SQL itself. Each returns
plain (key, text) pairs; the key is what the services take (department code, username,
staff number, credit code).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, select

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.search_key import matches, normalize_query
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
            select(Department.code, Department.name).where(Department.is_active.is_(True))
            .order_by(Department.code))]
        users = [(u, n or u) for u, n in s.execute(
            select(User.username, User.display_name).where(User.is_active.is_(True))
            .order_by(User.username))]
    return FormChoices(depts, users)


def departments(ctx: AppContext) -> list[Choice]:
    """(code, name) of every active department, by code."""
    with ctx.read() as s:
        return [(c, n) for c, n in s.execute(
            select(Department.code, Department.name).where(Department.is_active.is_(True))
            .order_by(Department.code))]


def find_departments(ctx: AppContext, text: str, limit: int = 20) -> list[Choice]:
    """(code, name) of active departments matching `text` (name, pinyin initials, code)."""
    with ctx.read() as s:
        stmt = (select(Department.code, Department.name)
                .where(Department.is_active.is_(True),
                       matches(Department.search_key, text))
                .order_by(Department.code).limit(limit))
        return [(c, n) for c, n in s.execute(stmt)]


def officers(ctx: AppContext) -> list[Choice]:
    """(username, display name) of the active users."""
    with ctx.read() as s:
        return [(u, n or u) for u, n in s.execute(
            select(User.username, User.display_name).where(User.is_active.is_(True))
            .order_by(User.username))]


def find_people(ctx: AppContext, text: str, limit: int = 20) -> list[PersonChoice]:
    """Active people matching every typed word in name, pinyin initials, full pinyin or
    staff number ("zw", "张伟", "S0001"); an exact staff number or name comes first."""
    words = normalize_query(text)
    if not words:
        return []
    exact = case((Person.staff_no == text.strip(), 0), (Person.name == text.strip(), 1),
                 else_=2)
    with ctx.read() as s:
        found = s.execute(
            select(Person.staff_no, Person.name, Department.name)
            .outerjoin(Department, Department.id == Person.department_id)
            .where(Person.is_active.is_(True),
                   matches(Person.search_key, text))
            .order_by(exact, Person.staff_no).limit(limit))
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
    """(credit code, name) of active companies matching every typed word in name, pinyin
    initials, full pinyin, credit code or legal representative."""
    with ctx.read() as s:
        stmt = (select(Company.credit_code, Company.name)
                .where(Company.is_active.is_(True),
                       matches(Company.search_key, text))
                .order_by(Company.name).limit(limit))
        return [(c, n) for c, n in s.execute(stmt)]
