"""The companies a case met through its deals (counterparties and spin-offs), for the case
page's 企业 tab: one query instead of one full deal read per deal."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ttdesk.codes import DealMode
from ttdesk.core.base.context import AppContext
from ttdesk.core.views.deal_detail import CompanyRef
from ttdesk.core.views.parts import dto
from ttdesk.db.models import Achievement, Company, Deal, deal_achievement


@dataclass(frozen=True)
class CaseCompany:
    company: CompanyRef
    deals: tuple[tuple[str, DealMode], ...]  # (deal no, mode) of the case's deals with it


def case_companies(ctx: AppContext, case_no: str) -> tuple[CaseCompany, ...]:
    """Each company once, in the order of the case's deals (by deal id)."""
    stmt = (select(Deal.deal_no, Deal.mode, Company)
            .join(deal_achievement, deal_achievement.c.deal_id == Deal.id)
            .join(Achievement, Achievement.id == deal_achievement.c.achievement_id)
            .join(Company, Company.id == Deal.counterparty_id)
            .where(Achievement.case_no == case_no)
            .order_by(Deal.id))
    found: dict[int, tuple[CompanyRef, list[tuple[str, DealMode]]]] = {}
    with ctx.read() as s:
        for deal_no, mode, company in s.execute(stmt).all():
            ref = found.setdefault(company.id, (dto(CompanyRef, company), []))
            ref[1].append((deal_no, mode))
    return tuple(CaseCompany(ref, tuple(deals)) for ref, deals in found.values())
