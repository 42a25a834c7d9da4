"""Support received (domain.md §2): concept verification, pilot test, innovation voucher
(创新券) and incubator service — provider, date, amount — recorded on the achievement it
served. A company's page shows the support received by the achievements it converts (those of
its deals), so a spin-off's follow-up sees the platform and voucher behind it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from ttdesk.codes import SupportKind
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, RuleViolation
from ttdesk.core.people import fields as check
from ttdesk.core.rules.money import parse_money
from ttdesk.db.models import Achievement, Deal, SupportReceived, deal_achievement


@dataclass
class SupportIn:
    kind: str
    provider: str
    received_on: date
    amount: Decimal | str | None = None


@dataclass(frozen=True)
class SupportRow:
    id: int
    case_no: str
    case_title: str
    kind: SupportKind
    provider: str
    received_on: date
    amount: Decimal | None


@requires(Act.CASE_WORK)
def add(ctx: AppContext, case_no: str, sup: SupportIn) -> int:
    """Record support received by achievement `case_no`; returns its id."""
    with ctx.write() as s:
        ach = lookup.achievement(s, case_no)
        kind = check.code(SupportKind, sup.kind, "support_kind")
        provider = check.required(sup.provider, "provider", 200)
        if not isinstance(sup.received_on, date):
            raise RuleViolation("INPUT", "日期不能为空", "the date is required",
                                field="received_on")
        if sup.received_on > ctx.today():
            raise RuleViolation("INPUT", "日期不能晚于今天", "the date is in the future",
                                field="received_on")
        if sup.received_on < ach.disclosure_date:
            raise RuleViolation("INPUT", "支持日期早于成果披露日期",
                                "the support predates the disclosure", field="received_on")
        amount = None if sup.amount in (None, "") else parse_money(sup.amount, field="amount")
        if amount is not None and amount <= 0:
            raise RuleViolation("INPUT", "金额须大于零", "the amount must be positive",
                                field="amount")
        row = SupportReceived(kind=kind, provider=provider, received_on=sup.received_on,
                              amount=amount)
        ach.supports.append(row)
        s.flush()
        return row.id


@requires(Act.CASE_WORK)
def remove(ctx: AppContext, support_id: int) -> None:
    with ctx.write() as s:
        row = s.get(SupportReceived, support_id)
        if row is None:
            raise NotFound("support", support_id)
        s.delete(row)


def _rows(stmt: object, s: object) -> list[SupportRow]:
    return [SupportRow(int(i), no, title, SupportKind(k), prov, on, amt)
            for i, no, title, k, prov, on, amt in s.execute(stmt)]  # type: ignore[attr-defined]


_COLUMNS = (SupportReceived.id, Achievement.case_no, Achievement.title, SupportReceived.kind,
            SupportReceived.provider, SupportReceived.received_on, SupportReceived.amount)


def of_case(ctx: AppContext, case_no: str) -> list[SupportRow]:
    with ctx.read() as s:
        ach = lookup.achievement(s, case_no)
        return _rows(select(*_COLUMNS).join(Achievement)
                     .where(SupportReceived.achievement_id == ach.id)
                     .order_by(SupportReceived.received_on, SupportReceived.id), s)


def of_company(ctx: AppContext, credit_code: str) -> list[SupportRow]:
    """Support received by the achievements of the company's deals, oldest first."""
    with ctx.read() as s:
        company = lookup.company(s, credit_code)
        cases = (select(deal_achievement.c.achievement_id).join(
            Deal, Deal.id == deal_achievement.c.deal_id)
            .where(Deal.counterparty_id == company.id))
        return _rows(select(*_COLUMNS).join(Achievement)
                     .where(SupportReceived.achievement_id.in_(cases))
                     .order_by(SupportReceived.received_on, SupportReceived.id), s)
