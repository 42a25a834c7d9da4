"""Snapshots of the period filings: F08 separate-management ledger, F09 annual report.

Figures come from grouped SQL over the whole database (100,000 cases), never from loading
records one by one. Conventions (also printed on the filings):
- a conversion or cooperation contract counts in the year it was signed (F09: also when
  terminated later, its status shown; F08 leaves terminated ones out);
- F09 leaves secret records out of its counts and lists and counts them apart;
- income is receipts received in the period, reversing receipts subtracted;
- a deal covering several cases is listed under each case in the ledger, but its amounts
  count once in the totals.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ttdesk.codes import COOPERATION_MODES, DealMode, DealStatus, Secrecy
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.filing_data import annual_blocks as blocks
from ttdesk.core.filing_data.common import Missing, header, js
from ttdesk.core.money import income
from ttdesk.core.rules.statemachine import DISTRIBUTION_DECIDED
from ttdesk.db.models import (
    Achievement,
    Allocation,
    Company,
    Deal,
    Department,
    Distribution,
    deal_achievement,
)

ZERO = Decimal(0)
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")
COOPERATION = sorted(m.value for m in COOPERATION_MODES)
CONVERSION = [m.value for m in DealMode if m not in COOPERATION_MODES]
DECIDED = sorted(s.value for s in DISTRIBUTION_DECIDED)


def parse_period(text: str) -> tuple[date, date]:
    """"2026" -> the calendar year; "2026-01-01..2026-06-30" -> that range (inclusive)."""
    raw = text.strip()
    try:
        if re.fullmatch(r"\d{4}", raw):
            year = int(raw)
            return date(year, 1, 1), date(year, 12, 31)
        m = _RANGE.match(raw)
        if m:
            start, end = date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2))
            if start <= end:
                return start, end
    except ValueError:
        pass
    raise RuleViolation("ARG", f"无效的期间“{text}”：应为 YYYY 或 YYYY-MM-DD..YYYY-MM-DD",
                        f"invalid period {text!r}: use YYYY or YYYY-MM-DD..YYYY-MM-DD",
                        field="period")


def period_key(start: date, end: date) -> str:
    if start.month == 1 and start.day == 1 and end == date(start.year, 12, 31):
        return str(start.year)
    return f"{start.isoformat()}..{end.isoformat()}"


def _sum(values: Any) -> Decimal:
    return sum(values, ZERO)


# ---- F08 ----------------------------------------------------------------------------------

def f08(session: Session, period: str) -> dict[str, Any]:
    start, end = parse_period(period)
    key = period_key(start, end)
    missing = Missing("F08", key)
    snap = header(session, "F08", key, missing)
    cases = session.execute(
        select(Achievement.id, Achievement.case_no, Achievement.title, Achievement.kind,
               Department.name, Achievement.disclosure_date, Achievement.research_stage,
               Achievement.status, Achievement.field, Achievement.secrecy,
               Achievement.source, Achievement.trl)
        .outerjoin(Department, Department.id == Achievement.department_id)
        .where(Achievement.disclosure_date >= start, Achievement.disclosure_date <= end)
        .order_by(Achievement.disclosure_date, Achievement.case_no)
    ).all()
    ids = [c[0] for c in cases]
    links: dict[int, list[int]] = defaultdict(list)
    deals: dict[int, tuple[str, Decimal | None, str]] = {}
    if ids:
        found = session.execute(
            select(deal_achievement.c.achievement_id, Deal.id, Deal.mode, Deal.price,
                   Deal.status)
            .join(Deal, Deal.id == deal_achievement.c.deal_id)
            .join(Achievement, Achievement.id == deal_achievement.c.achievement_id)
            .where(Achievement.disclosure_date >= start, Achievement.disclosure_date <= end,
                   Deal.status != DealStatus.TERMINATED,
                   (Deal.signing_date.is_(None)) | (Deal.signing_date <= end))
            .order_by(Deal.id)
        ).all()
        for ach_id, deal_id, mode, price, status in found:
            links[ach_id].append(deal_id)
            deals[deal_id] = (mode.value, price, status.value)
    income_all = income.received_by(session, income.DEAL, scope=income.Scope(end=end))
    rows = []
    for (cid, case_no, title, kind, dept, disclosed, stage, status, field, secrecy, source,
         trl) in cases:
        own = links.get(cid, [])
        modes = sorted({deals[d][0] for d in own})
        price = _sum(deals[d][1] or ZERO for d in own)
        got = _sum(income_all.get(d, ZERO) for d in own)
        equity = _sum(deals[d][1] or ZERO for d in own if deals[d][0] == DealMode.EQUITY)
        rows.append({
            "case_no": case_no, "title": title, "kind": kind.value, "department": dept,
            "disclosure_date": disclosed.isoformat(), "research_stage": stage.value,
            "status": status.value, "field": field, "secrecy": secrecy.value,
            "source": source.value, "trl": trl, "mode": modes,
            "price": js(price) if own else None, "income": js(got) if own else None,
            "equity": js(equity) if own and equity else None,
        })
    snap.update(
        period={"start": start.isoformat(), "end": end.isoformat()},
        columns=snap["policy"]["ledger_columns"],
        rows=rows,
        totals={
            "cases": len(rows),
            "deals": len(deals),
            "price": js(_sum(p or ZERO for _, p, _s in deals.values())),
            "income": js(_sum(income_all.get(d, ZERO) for d in deals)),
            "equity": js(_sum(p or ZERO for m, p, _s in deals.values()
                              if m == DealMode.EQUITY)),
        },
    )
    missing.check()
    return snap


# ---- F09 ----------------------------------------------------------------------------------

def _count_by(session: Session, column: Any, year_start: date, year_end: date) -> dict[str, int]:
    """Achievements disclosed in the year by `column`; secret ones are counted apart."""
    rows = session.execute(
        select(column, func.count()).where(Achievement.disclosure_date >= year_start,
                                           Achievement.disclosure_date <= year_end,
                                           Achievement.secrecy != Secrecy.SECRET_OR_SECURITY)
        .group_by(column)
    ).all()
    return {k.value: int(n) for k, n in rows}


def _deals_signed(session: Session, start: date, end: date, secret: set[int]) -> list[Any]:
    """Contracts counted by their signing year (domain.md §6): one terminated later stays
    counted, with its status shown; secret ones are left out (counted apart)."""
    rows = session.execute(
        select(Deal.id, Deal.deal_no, Deal.title, Deal.mode, Company.name, Deal.price,
               Deal.signing_date, Deal.registration_no, Deal.status,
               Deal.registration_contract_amount, Deal.registration_tech_amount)
        .outerjoin(Company, Company.id == Deal.counterparty_id)
        .where(Deal.signing_date >= start, Deal.signing_date <= end)
        .order_by(Deal.signing_date, Deal.deal_no)
    ).all()
    return [r for r in rows if r.id not in secret]


def _by_mode(deals: list[Any], modes: list[str],
             mode_income: dict[str, Decimal]) -> list[dict[str, Any]]:
    out = []
    for mode in modes:
        mine = [d for d in deals if d.mode.value == mode]
        out.append({"mode": mode, "count": len(mine),
                    "amount": js(_sum(d.price or ZERO for d in mine)),
                    "income": js(mode_income.get(mode, ZERO))})
    return out


def _rewards(session: Session, start: date, end: date) -> dict[str, Any]:
    decided = (Distribution.approval_date >= start) & (Distribution.approval_date <= end) & \
        Distribution.status.in_(DECIDED)
    row = session.execute(
        select(func.count(), func.sum(case((Distribution.is_equity.is_(False),
                                            Distribution.team_amount), else_=0)),
               func.sum(case((Distribution.is_equity.is_(True), 1), else_=0)),
               func.sum(Distribution.net_income), func.sum(Distribution.department_amount),
               func.sum(Distribution.tto_amount), func.sum(Distribution.university_amount))
        .where(decided)
    ).one()
    persons = session.execute(
        select(func.count(func.distinct(Allocation.person_id)))
        .join(Distribution, Distribution.id == Allocation.distribution_id).where(decided)
    ).scalar()
    alloc = session.execute(
        select(func.sum(case((Distribution.is_equity.is_(False), Allocation.taxable_amount),
                             else_=0)),
               func.sum(case((Distribution.is_equity.is_(True), Allocation.equity_pct),
                             else_=None)))
        .join(Distribution, Distribution.id == Allocation.distribution_id).where(decided)
    ).one()
    money = [Decimal(v or 0) for v in (row[1], row[3], row[4], row[5], row[6])]
    return {"distributions": int(row[0]), "cash_rewards": js(money[0]),
            "equity_distributions": int(row[2] or 0), "net_income": js(money[1]),
            "department": js(money[2]), "tto": js(money[3]), "university": js(money[4]),
            "persons": int(persons or 0), "taxable_cash": js(Decimal(alloc[0] or 0)),
            "equity_pct_awarded": js(Decimal(alloc[1] or 0))}


def f09(session: Session, year_text: str) -> dict[str, Any]:
    if not re.fullmatch(r"\d{4}", year_text.strip()):
        raise RuleViolation("ARG", f"无效的年份“{year_text}”", f"invalid year {year_text!r}",
                            field="year")
    year = int(year_text)
    start, end = date(year, 1, 1), date(year, 12, 31)
    missing = Missing("F09", str(year))
    snap = header(session, "F09", str(year), missing)
    by_kind = _count_by(session, Achievement.kind, start, end)
    by_source = _count_by(session, Achievement.source, start, end)
    secret = blocks.secret_deal_ids(session)
    deals = _deals_signed(session, start, end, secret)
    mode_income = {mode.value: total for mode, total in income.received_by(
        session, income.MODE, scope=income.Scope(start=start, end=end)).items()}
    conversions = [d for d in deals if d.mode.value in CONVERSION]
    cooperation = [d for d in deals if d.mode.value in COOPERATION]
    snap.update(
        year=year,
        achievements={"total": sum(by_kind.values()), "by_kind": by_kind,
                      "by_source": by_source},
        conversions={"count": len(conversions),
                     "amount": js(_sum(d.price or ZERO for d in conversions)),
                     "by_mode": _by_mode(conversions, CONVERSION, mode_income)},
        cooperation={"count": len(cooperation),
                     "amount": js(_sum(d.price or ZERO for d in cooperation)),
                     "by_mode": _by_mode(cooperation, COOPERATION, mode_income)},
        income={"total": js(income.received(session, income.Scope(start=start, end=end)))},
        rewards={**_rewards(session, start, end),
                 **blocks.reward_persons(session, start, end)},
        projects=[{"deal_no": d.deal_no, "title": d.title, "mode": d.mode.value,
                   "counterparty": d[4],
                   "price": js(d.price), "signing_date": js(d.signing_date),
                   "registration_no": d.registration_no, "status": d.status.value,
                   "contract_amount": js(d.registration_contract_amount),
                   "tech_amount": js(d.registration_tech_amount)}
                  for d in deals],
        terminated=sum(1 for d in deals if d.status == DealStatus.TERMINATED),
        secret=blocks.secret_block(session, start, end, secret),
        staff=blocks.staff_block(session),
        companies=blocks.companies_block(session, start, end),
        tto=blocks.tto_block(session),
    )
    missing.check()
    return snap
