"""Technology managers (技术经理人): a person — staff or external — with a certificate level
(初级 / 中级 / 高级) and number. Each case, deal and match names the manager carrying it
(`manager_id` → person); only a person who is an active manager can be named."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import TechManagerLevel
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, RuleViolation
from ttdesk.db.models import Match, Person

SUBJECTS = ("case", "deal", "match")


@dataclass(frozen=True)
class ManagerChoice:
    staff_no: str
    name: str
    level: TechManagerLevel
    cert_no: str | None


def _manager(s: Session, staff_no: str) -> Person:
    p = lookup.person(s, staff_no)
    if p.tech_manager_level is None:
        raise RuleViolation("INPUT", f"{p.name}（{p.staff_no}）不是技术经理人",
                            f"{p.name} ({p.staff_no}) is not a technology manager",
                            field="manager_id")
    if not p.is_active:
        raise RuleViolation("INPUT", f"{p.name}（{p.staff_no}）已停用",
                            f"{p.name} ({p.staff_no}) is inactive", field="manager_id")
    return p


def _subject(s: Session, subject: str, key: str) -> object:
    if subject == "case":
        return lookup.achievement(s, key)
    if subject == "deal":
        return lookup.deal(s, key)
    if subject == "match":
        row = s.get(Match, int(key)) if str(key).isdigit() else None
        if row is None:
            raise NotFound("match", key)
        return row
    raise RuleViolation("INPUT", f"未知的对象类型“{subject}”（可选：case, deal, match）",
                        f"unknown subject {subject!r} (one of: case, deal, match)",
                        field="subject")


@requires(Act.ASSIGN)
def assign(ctx: AppContext, subject: str, key: str, staff_no: str | None) -> None:
    """Name the manager of a case (case no.), deal (deal no.) or match (id); None clears."""
    with ctx.write() as s:
        record = _subject(s, subject, key)
        record.manager_id = None if not staff_no else _manager(s, staff_no).id  # type: ignore[attr-defined]


def choices(ctx: AppContext, text: str = "") -> list[ManagerChoice]:
    """Active technology managers for a picker, by name; `text` narrows by search key."""
    with ctx.read() as s:
        stmt = select(Person.staff_no, Person.name, Person.tech_manager_level,
                      Person.tech_manager_cert_no).where(
            Person.tech_manager_level.is_not(None), Person.is_active.is_(True))
        for word in text.lower().split():
            stmt = stmt.where(Person.search_key.contains(word, autoescape=True))
        rows = s.execute(stmt.order_by(Person.name, Person.staff_no).limit(200)).all()
    return [ManagerChoice(no, name, TechManagerLevel(level), cert)
            for no, name, level, cert in rows]
