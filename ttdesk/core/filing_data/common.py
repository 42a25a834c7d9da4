"""Shared pieces of the filing snapshots: JSON-safe values, the institution, missing items.

A snapshot is a plain JSON-able dict (codes, ISO dates, decimal strings): the PDF is drawn
from it alone, and it is archived with the PDF, so the data behind a filing can be shown
years later even if the records have changed since.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.core.base.errors import Problem, ValidationFailed
from ttdesk.core.rules import policy
from ttdesk.db.models import Institution


def js(value: Any) -> Any:
    """JSON-safe form: Decimal -> "1234.50", date -> ISO, enum -> code; None stays None."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def pick(obj: Any, *names: str) -> dict[str, Any]:
    """{name: js(obj.name)} for the given attribute names."""
    return {n: js(getattr(obj, n)) for n in names}


class Missing:
    """Collects what a filing needs but the records lack; `check()` refuses with the list."""

    def __init__(self, kind: str, subject: str) -> None:
        self.kind, self.subject = kind, subject
        self.problems: list[Problem] = []

    def add(self, field: str, zh: str, en: str, rule: str = "FILING") -> None:
        self.problems.append(Problem(
            rule, f"{self.kind} 缺少：{zh}", f"{self.kind} is missing: {en}",
            field=field, where=self.subject))

    def need(self, value: Any, field: str, zh: str, en: str) -> None:
        if value is None or value == "" or value == [] or value == () or value is False:
            self.add(field, zh, en)

    def check(self) -> None:
        if self.problems:
            raise ValidationFailed(list(self.problems))


def institution(session: Session, missing: Missing) -> dict[str, Any]:
    found = session.execute(select(Institution).order_by(Institution.id).limit(1)).scalar()
    if found is None or not found.name:
        missing.add("institution", "单位信息（名称）未填写", "institution profile (name)")
        return {"name": "", "name_en": None, "tto_name": None, "address": None,
                "asset_company": None}
    return pick(found, "name", "name_en", "tto_name", "address", "asset_company")


def policy_info(session: Session) -> dict[str, Any]:
    pol = policy.current(session)
    return {"number": pol.number, "signature_roles": list(pol["signature_roles"]),
            "ledger_columns": list(pol["ledger_columns"]),
            "team_share_min_income": str(pol.team_share_min_income),
            "team_share_min_equity": str(pol.team_share_min_equity)}


def header(session: Session, kind: str, subject: str, missing: Missing) -> dict[str, Any]:
    """The part every snapshot starts with."""
    return {"form": kind, "subject": subject, "institution": institution(session, missing),
            "policy": policy_info(session)}
