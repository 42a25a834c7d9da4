"""Departments (院系/单位): create, edit, deactivate, merge, delete when unreferenced."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ttdesk.codes import DepartmentKind
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.base.search_key import search_key
from ttdesk.core.people import fields, lifecycle
from ttdesk.db.models import Department

EDITABLE = ("code", "name", "name_en", "kind")


@dataclass
class DepartmentIn:
    code: str
    name: str
    kind: str = DepartmentKind.COLLEGE.value
    name_en: str | None = None


def _unique(s: Session, code: str, name: str, own_id: int | None) -> None:
    for existing in s.execute(select(Department).where(
            or_(Department.code == code, Department.name == name))).scalars():
        if existing.id == own_id:
            continue
        field = "code" if existing.code == code else "name"
        raise RuleViolation(
            "DUP", f"{'单位代码' if field == 'code' else '单位名称'}已被 "
                   f"{lifecycle.display(existing)} 使用",
            f"the department {field} is already used by {lifecycle.display(existing)}",
            field=field)


def _apply(s: Session, d: Department, values: dict[str, Any]) -> None:
    d.code = fields.required(values.get("code", d.code), "code", 20)
    d.name = fields.required(values.get("name", d.name), "name", 100)
    d.name_en = fields.text(values.get("name_en", d.name_en), "name_en", 200)
    d.kind = fields.code(DepartmentKind, values.get("kind", d.kind or "college"), "kind")
    _unique(s, d.code, d.name, d.id)
    d.search_key = search_key(d.name, d.code, d.name_en)


@requires(Act.MASTER_DATA)
def create(ctx: AppContext, d: DepartmentIn) -> str:
    """Add a department; returns its code. Code and name must be new."""
    with ctx.write() as s:
        dept = Department()
        _apply(s, dept, {"code": d.code, "name": d.name, "name_en": d.name_en, "kind": d.kind})
        s.add(dept)
        return dept.code


_KEEPER = lifecycle.Keeper(lookup.department, _apply, EDITABLE, "code")


@requires(Act.MASTER_DATA)
def edit(ctx: AppContext, key: str, changes: dict[str, Any]) -> str:
    """Change any of EDITABLE; `key` is the code or the name. Returns the (new) code."""
    return _KEEPER.edit(ctx, key, changes)


@requires(Act.MASTER_DATA)
def set_active(ctx: AppContext, key: str, active: bool) -> None:
    _KEEPER.set_active(ctx, key, active)


@requires(Act.MASTER_DATA)
def merge(ctx: AppContext, duplicate: str, kept: str) -> int:
    """Move everything of department `duplicate` to `kept` (codes or names)."""
    return _KEEPER.merge(ctx, duplicate, kept)


@requires(Act.MASTER_DATA)
def delete(ctx: AppContext, key: str) -> None:
    _KEEPER.delete(ctx, key)
