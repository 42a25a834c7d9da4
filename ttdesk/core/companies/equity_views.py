"""Reading equity: the cap table today or as of a date, its series over time (for a chart),
a company's events, and the state-owned equity ledger (国有股权台账) with original and book
value — each as plain dataclasses, in a few set-based queries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ttdesk.codes import EquityEventKind
from ttdesk.core.base import lookup
from ttdesk.core.base.context import AppContext
from ttdesk.core.companies.equity_types import (
    CapTable,
    EquityEventRow,
    Holding,
    StateEquityRow,
    pct_sum,
)
from ttdesk.db.models import Company, Deal, EquityEvent, EquityPosition, Person, Shareholding

ZERO = Decimal("0.00")


def _staff(s: Session, ids: set[int]) -> dict[int, str]:
    ids.discard(0)
    if not ids:
        return {}
    return dict(s.execute(select(Person.id, Person.staff_no).where(Person.id.in_(ids))).all())


def _from_positions(s: Session, company: Company, ev: EquityEvent, as_of: date | None
                    ) -> CapTable:
    staff = _staff(s, {p.person_id or 0 for p in ev.positions})
    holdings = [Holding(p.holder_type, p.holder_name, staff.get(p.person_id or 0), None,
                        p.subscribed_capital, p.paid_in_capital, p.percentage, p.is_state_owned,
                        None, p.person_id) for p in ev.positions]
    return CapTable(company.credit_code, company.name, as_of or ev.happened_on,
                    ev.capital_after, holdings, ev.id)


def _approval_text(r: Shareholding) -> str | None:
    if r.leader_approval_date is None:
        return None
    return f"{r.leader_approval_date} {r.leader_approval_body or ''} {r.leader_approval_doc or ''}"


def cap_table_in_session(s: Session, company: Company, as_of: date | None = None) -> CapTable:
    if as_of is None:
        rows = list(s.execute(select(Shareholding).where(Shareholding.company_id == company.id)
                              .order_by(Shareholding.id)).scalars())
        staff = _staff(s, {r.person_id or 0 for r in rows})
        return CapTable(company.credit_code, company.name, None, company.registered_capital,
                        [Holding(r.holder_type, r.holder_name, staff.get(r.person_id or 0),
                                 r.employment_status, r.subscribed_capital, r.paid_in_capital,
                                 r.percentage, r.is_state_owned, r.id, r.person_id,
                                 _approval_text(r))
                         for r in rows])
    ev = s.execute(select(EquityEvent).where(
        EquityEvent.company_id == company.id, EquityEvent.happened_on <= as_of,
        EquityEvent.positions.any()).order_by(EquityEvent.happened_on.desc(),
                                              EquityEvent.id.desc()).limit(1)
        .options(selectinload(EquityEvent.positions))).scalar()
    if ev is not None:
        return _from_positions(s, company, ev, as_of)
    recorded = s.execute(select(EquityEvent.id).where(EquityEvent.company_id == company.id,
                                                      EquityEvent.positions.any())).first()
    if recorded is None and (company.registration_date or as_of) <= as_of:
        return replace(cap_table_in_session(s, company), as_of=as_of)  # history not recorded
    return CapTable(company.credit_code, company.name, as_of, None, [])


def cap_table(ctx: AppContext, credit_code: str, as_of: date | None = None) -> CapTable:
    """The cap table today, or as it stood at the end of `as_of`."""
    with ctx.read() as s:
        return cap_table_in_session(s, lookup.company(s, credit_code), as_of)


def ownership_series(ctx: AppContext, credit_code: str) -> list[CapTable]:
    """The cap table after each recorded change, oldest first (for an ownership chart)."""
    with ctx.read() as s:
        company = lookup.company(s, credit_code)
        events = s.execute(select(EquityEvent).where(
            EquityEvent.company_id == company.id, EquityEvent.positions.any())
            .order_by(EquityEvent.happened_on, EquityEvent.id)
            .options(selectinload(EquityEvent.positions))).scalars()
        series = [_from_positions(s, company, ev, ev.happened_on) for ev in events]
        return series or [cap_table_in_session(s, company)]


def event_row(e: EquityEvent, deal_no: str | None, credit_code: str,
              company_name: str) -> EquityEventRow:
    return EquityEventRow(e.id, credit_code, deal_no, e.kind, e.happened_on, e.amount,
                          e.percentage, e.holder_name, e.counterparty_name, e.capital_after,
                          e.receipt_id, e.note, company_name)


def event_rows_where(s: Session, where: Any) -> list[EquityEventRow]:
    """Equity events matching `where` (e.g. a company's, a deal's), oldest first."""
    rows = s.execute(select(EquityEvent, Deal.deal_no, Company.credit_code, Company.name)
                     .join(Company, Company.id == EquityEvent.company_id)
                     .outerjoin(Deal, Deal.id == EquityEvent.deal_id).where(where)
                     .order_by(EquityEvent.happened_on, EquityEvent.id)).all()
    return [event_row(*r) for r in rows]


def _event_rows(s: Session, company: Company) -> list[EquityEventRow]:
    return event_rows_where(s, EquityEvent.company_id == company.id)


def equity_events(ctx: AppContext, credit_code: str) -> list[EquityEventRow]:
    with ctx.read() as s:
        return _event_rows(s, lookup.company(s, credit_code))


def ledger_row(company: Company, events: list[EquityEventRow], state: list[Shareholding],
                snapshots: dict[int, Decimal]) -> StateEquityRow | None:
    """One company's line of the ledger. `snapshots`: state-owned capital after each event
    whose cap table was recorded; an exit disposes of the book value pro rata."""
    if not state and not any(e.kind == EquityEventKind.FORMATION for e in events):
        return None
    original = impaired = disposed = proceeds = dividends = ZERO
    held = ZERO
    for e in events:
        amount = e.amount or ZERO
        after = snapshots.get(e.id)
        if e.kind == EquityEventKind.FORMATION:
            original += amount
        elif e.kind == EquityEventKind.IMPAIRMENT:
            impaired += amount
        elif e.kind == EquityEventKind.DIVIDEND:
            dividends += amount
        elif e.kind == EquityEventKind.EXIT and e.receipt_id is not None:
            proceeds += amount
            if after is not None and held > 0:
                book = original - impaired - disposed
                disposed += (book * (held - after) / held).quantize(Decimal("0.01"))
        if after is not None:
            held = after
    names = sorted({h.holder_name for h in state}) or ["—"]
    deal_nos = sorted({e.deal_no for e in events if e.deal_no and
                       e.kind == EquityEventKind.FORMATION})
    formed = min((e.happened_on for e in events if e.kind == EquityEventKind.FORMATION),
                 default=None)
    return StateEquityRow(company.credit_code, company.name, "、".join(names), deal_nos, formed,
                          original, impaired, disposed, original - impaired - disposed,
                          sum((h.subscribed_capital for h in state), ZERO),
                          pct_sum(h.percentage for h in state), proceeds, dividends,
                          events)


def ledger_data(s: Session, company_id: int | None
                 ) -> tuple[dict[int, list[EquityEventRow]], dict[int, list[Shareholding]],
                            dict[int, Decimal]]:
    """Events, state-owned holdings and state capital after each event, by company, in
    three queries (all companies, or one)."""
    ev_stmt = select(EquityEvent, Deal.deal_no, Company.credit_code, Company.name).join(
        Company, Company.id == EquityEvent.company_id).outerjoin(
        Deal, Deal.id == EquityEvent.deal_id).order_by(EquityEvent.happened_on, EquityEvent.id)
    sh_stmt = select(Shareholding).where(Shareholding.is_state_owned.is_(True)).order_by(
        Shareholding.id)
    pos_stmt = select(EquityPosition.event_id, EquityPosition.subscribed_capital,
                      EquityPosition.is_state_owned).join(
        EquityEvent, EquityEvent.id == EquityPosition.event_id)
    if company_id is not None:
        ev_stmt = ev_stmt.where(EquityEvent.company_id == company_id)
        sh_stmt = sh_stmt.where(Shareholding.company_id == company_id)
        pos_stmt = pos_stmt.where(EquityEvent.company_id == company_id)
    events: dict[int, list[EquityEventRow]] = {}
    for e, deal_no, code, name in s.execute(ev_stmt).all():
        events.setdefault(e.company_id, []).append(event_row(e, deal_no, code, name))
    state: dict[int, list[Shareholding]] = {}
    for h in s.execute(sh_stmt).scalars():
        state.setdefault(h.company_id, []).append(h)
    snapshots: dict[int, Decimal] = {}
    for event_id, capital, is_state in s.execute(pos_stmt).all():
        snapshots[event_id] = snapshots.get(event_id, ZERO) + (capital if is_state else ZERO)
    return events, state, snapshots


def state_equity_ledger(ctx: AppContext, credit_code: str | None = None
                        ) -> list[StateEquityRow]:
    """国有股权台账: every company (or one) in which the university holds state-owned equity
    formed from its achievements, with original value, book value and events."""
    with ctx.read() as s:
        one = lookup.company(s, credit_code) if credit_code is not None else None
        events, state, snapshots = ledger_data(s, one.id if one else None)
        ids = set(events) | set(state)
        companies = [one] if one is not None else list(s.execute(
            select(Company).where(Company.id.in_(ids)).order_by(Company.name)).scalars()) \
            if ids else []
        out = []
        for company in companies:
            row = ledger_row(company, events.get(company.id, []), state.get(company.id, []),
                              snapshots)
            if row is not None:
                out.append(row)
        return out
