"""People (staff, students, external co-inventors): create, edit, deactivate, merge, delete.

`staff_no` is the interchange key. An external co-inventor without one gets a generated
`EXT-nnnnn`, so that every person can still be named on the CLI and in an import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ttdesk.codes import EmploymentStatus, LeaderLevel, TechManagerLevel
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.base.labels import field_label
from ttdesk.core.base.privacy import looks_masked
from ttdesk.core.base.search_key import search_key
from ttdesk.core.people import fields, lifecycle
from ttdesk.db.models import Person

EDITABLE = ("staff_no", "name", "department", "title", "phone", "email", "id_number",
            "is_student", "is_external", "leader_level", "entrepreneurship")
# technology manager (技术经理人): a person, staff or external, with a level and certificate
MANAGER_FIELDS = ("tech_manager_level", "tech_manager_cert_no")
EDITABLE += MANAGER_FIELDS


@dataclass
class PersonIn:
    name: str
    staff_no: str | None = None
    department: str | None = None  # code or name
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    id_number: str | None = None
    is_student: bool = False
    is_external: bool = False
    leader_level: str = "none"  # none / principal / other (R10, domain.md §6)
    entrepreneurship: str | None = None  # on_post / off_post
    tech_manager_level: str | None = None  # junior / intermediate / senior; None: not one
    tech_manager_cert_no: str | None = None

    def values(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in EDITABLE}


def _generated_staff_no(s: Session) -> str:
    n = s.execute(select(func.count()).select_from(Person)
                  .where(Person.staff_no.like("EXT-%"))).scalar() or 0
    while True:
        n += 1
        candidate = f"EXT-{n:05d}"
        if not s.execute(select(Person.id).where(Person.staff_no == candidate)).first():
            return candidate


def _check_staff_no(s: Session, staff_no: str, own_id: int | None) -> None:
    existing = s.execute(select(Person).where(Person.staff_no == staff_no)).scalar_one_or_none()
    if existing is not None and existing.id != own_id:
        dept = f"，{existing.department.name}" if existing.department else ""
        raise RuleViolation(
            "DUP", f"工号 {staff_no} 已属于 {existing.name}{dept}"
                   f"{'' if existing.is_active else '（已停用）'}",
            f"staff no. {staff_no} already belongs to {existing.name}", field="staff_no")


def _department_id(s: Session, key: Any) -> int | None:
    if key is None or not str(key).strip():
        return None
    dept = lookup.department(s, str(key).strip())
    if not dept.is_active:
        raise RuleViolation("INPUT", f"单位 {dept.name} 已停用", f"{dept.name} is inactive",
                            field="department")
    return dept.id


def _apply(s: Session, p: Person, values: dict[str, Any]) -> None:
    staff_no = fields.text(values.get("staff_no", p.staff_no), "staff_no", 40)
    p.staff_no = staff_no or p.staff_no or _generated_staff_no(s)
    _check_staff_no(s, p.staff_no, p.id)
    p.name = fields.required(values.get("name", p.name), "name", 100)
    if "department" in values:
        p.department_id = _department_id(s, values["department"])
    for name in ("phone", "email", "id_number"):
        if looks_masked(values.get(name)):  # a masked value shown to a viewer is not data
            raise RuleViolation("PRIVACY", f"{field_label(name)}是遮盖显示的值，不能保存",
                                f"{field_label(name, 'en')} is a masked value and cannot be "
                                "saved", field=name)
    for name, size in (("title", 60), ("phone", 40), ("id_number", 40)):
        if name in values:
            setattr(p, name, fields.text(values[name], name, size))
    if "email" in values:
        p.email = fields.email(values["email"])
    for name in ("is_student", "is_external"):
        if name in values:
            setattr(p, name, fields.flag(values[name]))
    if "leader_level" in values:
        raw = values["leader_level"]
        p.leader_level = (fields.code(LeaderLevel, raw, "leader_level")
                          if raw not in (None, "") else LeaderLevel.NONE)
    if "entrepreneurship" in values:
        raw = values["entrepreneurship"]
        p.entrepreneurship = (fields.code(EmploymentStatus, raw, "entrepreneurship")
                              if raw not in (None, "", "none") else None)
    _apply_manager(p, values)
    p.search_key = search_key(p.name, p.staff_no)


def _apply_manager(p: Person, values: dict[str, Any]) -> None:
    """Level and certificate of a technology manager; a certificate needs a level."""
    if "tech_manager_level" in values:
        raw = values["tech_manager_level"]
        p.tech_manager_level = (fields.code(TechManagerLevel, raw, "tech_manager_level")
                                if raw not in (None, "", "none") else None)
    if "tech_manager_cert_no" in values:
        p.tech_manager_cert_no = fields.text(values["tech_manager_cert_no"],
                                             "tech_manager_cert_no", 60)
    if p.tech_manager_cert_no and p.tech_manager_level is None:
        raise RuleViolation("INPUT", "有技术经理人证书编号时须选择等级",
                            "a technology manager's certificate needs a level",
                            field="tech_manager_level")


@requires(Act.MASTER_DATA)
def create(ctx: AppContext, person: PersonIn) -> str:
    """Add a person; returns the staff no. (generated for one given without)."""
    with ctx.write() as s:
        p = Person(is_student=False, is_external=False, leader_level=LeaderLevel.NONE)
        _apply(s, p, person.values())
        s.add(p)
        return p.staff_no


_KEEPER = lifecycle.Keeper(lookup.person, _apply, EDITABLE, "staff_no")


@requires(Act.MASTER_DATA)
def edit(ctx: AppContext, staff_no: str, changes: dict[str, Any]) -> str:
    """Change any of EDITABLE (by field name); returns the (possibly new) staff no."""
    return _KEEPER.edit(ctx, staff_no, changes)


@requires(Act.MASTER_DATA)
def set_active(ctx: AppContext, staff_no: str, active: bool) -> None:
    _KEEPER.set_active(ctx, staff_no, active)


@requires(Act.MASTER_DATA)
def merge(ctx: AppContext, duplicate: str, kept: str) -> int:
    """Move the contributions, grants, allocations and holdings of `duplicate` to `kept`."""
    return _KEEPER.merge(ctx, duplicate, kept)


@requires(Act.MASTER_DATA)
def delete(ctx: AppContext, staff_no: str) -> None:
    _KEEPER.delete(ctx, staff_no)
