"""The revitalisation workbench's read side (存量专利盘活, issue 19 §7): every valid Chinese
patent whose case has no signed deal, with its review and its coming annuity; and the cost of
keeping them per college over the next years (the fee table after reduction)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import exists, select

from ttdesk.codes import IPKind, IPStatus, PatentDecision, PatentGrade
from ttdesk.core.base.context import AppContext
from ttdesk.core.rules import annuity, policy
from ttdesk.core.rules.statemachine import DEAL_SIGNED_OR_LATER
from ttdesk.db.models import Achievement, Deal, Department, IPAsset, PatentReview
from ttdesk.db.models.achievements import deal_achievement

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class InventoryRow:
    application_no: str
    kind: IPKind
    case_no: str
    title: str
    department: str
    filing_date: date | None
    grant_date: date | None
    grade: PatentGrade | None
    decision: PatentDecision | None
    reviewer: str | None
    reviewed_on: date | None
    next_due: date | None
    next_payable: Decimal | None
    lapse_date: date | None
    coming: tuple[annuity.AnnuityDue, ...]


def _unconverted() -> object:
    """SQL: the case has no deal signed or later."""
    return ~exists().where(deal_achievement.c.achievement_id == Achievement.id,
                           deal_achievement.c.deal_id == Deal.id,
                           Deal.status.in_(list(DEAL_SIGNED_OR_LATER)))


def inventory(ctx: AppContext, years: int = 3, decision: PatentDecision | None = None,
              department: str | None = None) -> list[InventoryRow]:
    """The patents of the campaign, by department then application number."""
    today = ctx.today()
    with ctx.read() as s:
        table = annuity.table_of(policy.current(s).values)
        stmt = (select(IPAsset, Achievement.case_no, Achievement.title, Department.name,
                       PatentReview)
                .join(Achievement, Achievement.id == IPAsset.achievement_id)
                .outerjoin(Department, Department.id == Achievement.department_id)
                .outerjoin(PatentReview, PatentReview.ip_asset_id == IPAsset.id)
                .where(IPAsset.status == IPStatus.GRANTED, IPAsset.jurisdiction == "CN",
                       IPAsset.kind.in_([IPKind(k) for k in annuity.KINDS]), _unconverted())
                .order_by(Department.name, IPAsset.application_no))
        if decision is not None:
            stmt = stmt.where(PatentReview.decision == decision)
        if department:
            stmt = stmt.where((Department.name == department) | (Department.code == department))
        out = []
        for ip, case_no, title, dept, r in s.execute(stmt).all():
            coming = tuple(annuity.forecast(table, ip.kind.value, ip.filing_date, ip.grant_date,
                                            today, years)) if ip.filing_date else ()
            first = coming[0] if coming else None
            out.append(InventoryRow(
                ip.application_no, ip.kind, case_no, title, dept or "", ip.filing_date,
                ip.grant_date, r.grade if r else None, r.decision if r else None,
                r.reviewer if r else None, r.reviewed_on if r else None,
                first.due_date if first else None, first.payable if first else None,
                first.lapse_date if first else None, coming))
        return out


@dataclass(frozen=True)
class CollegeCost:
    department: str
    patents: int
    by_year: dict[int, Decimal]

    @property
    def total(self) -> Decimal:
        return sum(self.by_year.values(), ZERO)


def first_forecast_year(today: date) -> int:
    """The cost forecast covers the calendar years after the current one (the current
    year's budget is spent)."""
    return today.year + 1


def cost_by_college(rows: list[InventoryRow], first_year: int, years: int = 3
                    ) -> list[CollegeCost]:
    """What keeping the patents costs each college in each of `years` calendar years from
    `first_year` (annuities after reduction, paid on time); patents decided `drop` left out."""
    span = range(first_year, first_year + years)
    cost: dict[str, dict[int, Decimal]] = defaultdict(lambda: {y: ZERO for y in span})
    count: dict[str, int] = defaultdict(int)
    for row in rows:
        if row.decision == PatentDecision.DROP:
            continue
        count[row.department] += 1
        for due in row.coming:
            if due.due_date.year in span:
                cost[row.department][due.due_date.year] += due.payable
    return [CollegeCost(d, count[d], dict(cost[d])) for d in sorted(count)]
