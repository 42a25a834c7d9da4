"""The master-data lists (基础数据): departments, people and companies, searched by name,
pinyin initials or key, active ones first; read by the CLI and the master-data screens."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ttdesk.codes import DepartmentKind, EmploymentStatus, LeaderLevel, Region
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.privacy import mask, sees_personal, shown
from ttdesk.core.base.search_key import matches
from ttdesk.db.models import Company, Department, Person


@dataclass(frozen=True)
class DepartmentRow:
    code: str
    name: str
    kind: DepartmentKind
    people: int
    is_active: bool
    name_en: str | None = None


@dataclass(frozen=True)
class PersonRow:
    staff_no: str
    name: str
    department: str | None
    title: str | None
    phone: str | None
    email: str | None
    id_number_masked: str | None
    is_student: bool
    is_external: bool
    leader_level: LeaderLevel
    entrepreneurship: EmploymentStatus | None
    is_active: bool


@dataclass(frozen=True)
class CompanyRow:
    credit_code: str
    name: str
    region: Region
    province_code: str | None
    legal_representative: str | None
    is_spinoff: bool
    is_high_tech: bool
    is_zjtx: bool
    is_active: bool


def mask_id(number: str | None) -> str | None:
    """An ID number shows its first 3 and last 4 characters only (110***********1234)."""
    return mask("id_number", number)


def departments(ctx: AppContext, search: str = "", *, include_inactive: bool = False,
                limit: int = 500) -> list[DepartmentRow]:
    people = (select(Person.department_id, func.count().label("n"))
              .where(Person.is_active.is_(True)).group_by(Person.department_id).subquery())
    stmt = (select(Department, func.coalesce(people.c.n, 0))
            .outerjoin(people, people.c.department_id == Department.id)
            .where(matches(Department.search_key, search))
            .order_by(Department.is_active.desc(), Department.code).limit(limit))
    if not include_inactive:
        stmt = stmt.where(Department.is_active.is_(True))
    with ctx.read() as s:
        return [DepartmentRow(d.code, d.name, d.kind, int(n), d.is_active, d.name_en)
                for d, n in s.execute(stmt)]


def people(ctx: AppContext, search: str = "", *, department: str | None = None,
           include_inactive: bool = False, limit: int = 500) -> list[PersonRow]:
    stmt = (select(Person, Department.name)
            .outerjoin(Department, Department.id == Person.department_id)
            .where(matches(Person.search_key, search))
            .order_by(Person.is_active.desc(), Person.staff_no).limit(limit))
    if department:
        stmt = stmt.where((Department.code == department) | (Department.name == department))
    if not include_inactive:
        stmt = stmt.where(Person.is_active.is_(True))
    clear = sees_personal(ctx)  # a viewer sees phone and e-mail masked too
    with ctx.read() as s:
        return [PersonRow(p.staff_no, p.name, dept, p.title,
                          p.phone if clear else mask("phone", p.phone),
                          p.email if clear else mask("email", p.email),
                          mask_id(p.id_number), p.is_student, p.is_external, p.leader_level,
                          p.entrepreneurship, p.is_active) for p, dept in s.execute(stmt)]


def companies(ctx: AppContext, search: str = "", *, include_inactive: bool = False,
              limit: int = 500) -> list[CompanyRow]:
    stmt = (select(Company)
            .where(matches(Company.search_key, search))
            .order_by(Company.is_active.desc(), Company.name).limit(limit))
    if not include_inactive:
        stmt = stmt.where(Company.is_active.is_(True))
    with ctx.read() as s:
        return [CompanyRow(c.credit_code, c.name, c.region, c.province_code,
                           c.legal_representative, c.is_spinoff, c.is_high_tech, c.is_zjtx,
                           c.is_active) for c in s.execute(stmt).scalars()]


def person_values(ctx: AppContext, staff_no: str) -> dict[str, object]:
    """The editable fields of one person as stored (the edit form's starting values); a
    viewer gets the personal fields masked."""
    with ctx.read() as s:
        row = s.execute(select(Person, Department.code)
                        .outerjoin(Department, Department.id == Person.department_id)
                        .where(Person.staff_no == staff_no)).first()
        if row is None:
            return {}
        p, dept = row
        return {"staff_no": p.staff_no, "name": p.name, "department": dept, "title": p.title,
                "phone": shown(ctx, "phone", p.phone), "email": shown(ctx, "email", p.email),
                "id_number": shown(ctx, "id_number", p.id_number),
                "is_student": p.is_student, "is_external": p.is_external,
                "leader_level": p.leader_level.value,
                "entrepreneurship": p.entrepreneurship.value if p.entrepreneurship else None,
                # technology manager (技术经理人)
                "tech_manager_level": (p.tech_manager_level.value if p.tech_manager_level
                                       else None),
                "tech_manager_cert_no": p.tech_manager_cert_no}


def company_values(ctx: AppContext, credit_code: str) -> dict[str, object]:
    """The editable fields of one company as stored."""
    with ctx.read() as s:
        c = s.execute(select(Company).where(Company.credit_code == credit_code)).scalar()
        if c is None:
            return {}
        return {"name": c.name, "credit_code": c.credit_code,
                "registration_date": c.registration_date,
                "registered_capital": c.registered_capital,
                "legal_representative": c.legal_representative, "address": c.address,
                "region": c.region.value, "is_spinoff": c.is_spinoff, "park": c.park,
                "is_high_tech": c.is_high_tech, "is_zjtx": c.is_zjtx}
