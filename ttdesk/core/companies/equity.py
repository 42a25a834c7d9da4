"""Equity of spin-offs (作价投资 → 转化创办企业): cap tables, equity events, ownership over time
and the state-owned equity ledger (国有股权, kept under separate management).

The read side (cap table as of a date, series, events, state-owned ledger) lives in
`equity_views`, the DTOs in `equity_types`; both are re-exported here, so callers use
`ttdesk.core.companies.equity` alone.

Every event (formation, capital increase, transfer, exit, impairment, dividend) is one unit of
work that writes an `EquityEvent`; those that change ownership also record the whole cap table
right after them (`positions`) and bring the current cap table (`Shareholding`) and the
company's registered capital in line.
Registered capital is the sum of the holders' subscribed capital, and each percentage is the
holder's subscribed capital over it, split in ten-thousandths of a percent by largest
remainder: the percentages of a company add up to exactly 100 (R11), and a capital increase
leaves the capital — hence the relative holdings — of everyone not investing untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.codes import DealMode, EmploymentStatus, EquityEventKind, HolderType
from ttdesk.core.base import lookup
from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, RuleViolation
from ttdesk.core.cases.achievements import enum_value
from ttdesk.core.companies.equity_types import (
    WHOLE_UNITS,
    CapTable,
    EquityEventRow,
    ExitResult,
    HolderIn,
    Holding,
    StateEquityRow,
    pct_sum,
    percentages,
)
from ttdesk.core.companies.equity_views import (
    cap_table,
    cap_table_in_session,
    equity_events,
    ledger_data,
    ledger_row,
    ownership_series,
    state_equity_ledger,
)
from ttdesk.core.money.receipts import ZERO, ReceiptIn, book_receipt, positive_money
from ttdesk.core.people import leaders
from ttdesk.core.rules.money import parse_money
from ttdesk.core.rules.statemachine import DEAL_SIGNED_OR_LATER
from ttdesk.db.models import Company, Deal, EquityEvent, EquityPosition, Person, Shareholding

__all__ = [
    "WHOLE_UNITS", "CapTable", "EquityEventRow", "ExitResult", "HolderIn", "Holding",
    "StateEquityRow", "cap_table", "cap_table_in_session", "capital_increase", "dividend",
    "equity_events", "exit_holding", "form_company", "impairment", "ownership_series",
    "pct_sum", "percentages", "state_equity_ledger", "transfer",
]

# events that leave the cap table as it is (no positions recorded; may be entered late)
_NO_CHANGE = frozenset({EquityEventKind.IMPAIRMENT, EquityEventKind.DIVIDEND})


# ---- positions arithmetic --------------------------------------------------------------------

@dataclass(frozen=True)
class _Pos:
    holder_type: HolderType
    holder_name: str
    person_id: int | None
    employment_status: EmploymentStatus | None
    subscribed: Decimal
    paid: Decimal
    state: bool
    shareholding_id: int | None = None
    approval: leaders.LeaderApproval | None = None

    @property
    def key(self) -> tuple[str, str, int | None]:
        return (self.holder_type.value, self.holder_name, self.person_id)


def _holdings(positions: list[_Pos], staff: dict[int, str]) -> list[Holding]:
    live = [p for p in positions if p.subscribed > 0]
    pcts = percentages([p.subscribed for p in live])
    return [Holding(p.holder_type, p.holder_name, staff.get(p.person_id or 0),
                    p.employment_status, p.subscribed, p.paid, pct, p.state, p.shareholding_id,
                    p.person_id) for p, pct in zip(live, pcts, strict=True)]


def _current(s: Session, company: Company) -> list[_Pos]:
    rows = s.execute(select(Shareholding).where(Shareholding.company_id == company.id)
                     .order_by(Shareholding.id)).scalars()
    return [_Pos(r.holder_type, r.holder_name, r.person_id, r.employment_status,
                 r.subscribed_capital, r.paid_in_capital, r.is_state_owned, r.id,
                 _stored_approval(r)) for r in rows]


def _stored_approval(r: Shareholding) -> leaders.LeaderApproval | None:
    if r.leader_approval_date is None:
        return None
    return leaders.LeaderApproval(r.leader_approval_date, r.leader_approval_body or "",
                                  r.leader_approval_doc or "")


def _new_position(s: Session, h: HolderIn, where: str, today: date | None = None
                  ) -> tuple[_Pos, Person | None]:
    kind = enum_value(HolderType, h.holder_type, "holder_type")
    if not (h.holder_name or "").strip():
        raise RuleViolation("INPUT", "须填写股东名称", "the holder's name is required",
                            "holder_name", where)
    sub = positive_money(h.subscribed_capital, "subscribed_capital")
    paid = sub if h.paid_in_capital in (None, "") else parse_money(h.paid_in_capital,
                                                                   "paid_in_capital")
    if paid > sub:
        raise RuleViolation("R11", "实缴出资不能超过认缴出资", "paid-in capital cannot exceed "
                            "the subscribed capital", "paid_in_capital", where)
    person = lookup.person(s, h.staff_no) if h.staff_no else None
    status = enum_value(EmploymentStatus, h.employment_status, "employment_status") \
        if h.employment_status else None
    state = h.is_state_owned or kind == HolderType.INSTITUTION_AMC
    approval = leaders.checked(h.leader_approval, today or date.max, where)
    return _Pos(kind, h.holder_name.strip(), person.id if person else None, status, sub, paid,
                state, approval=approval), person


def _merge(positions: list[_Pos], new: _Pos) -> list[_Pos]:
    for i, p in enumerate(positions):
        if p.key == new.key:
            positions[i] = replace(p, subscribed=p.subscribed + new.subscribed,
                                   paid=p.paid + new.paid,
                                   employment_status=new.employment_status
                                   or p.employment_status,
                                   approval=new.approval or p.approval)
            return positions
    return [*positions, new]


def _no_equity_for_leaders(people: list[tuple[Person | None, _Pos]], where: str) -> None:
    """R10: no equity to a principal leader; another leader's needs its approval record
    (given with this holder or already on the holding)."""
    leaders.refuse_equity([(p, pos.approval is not None) for p, pos in people
                           if p is not None], where)


# ---- writing events --------------------------------------------------------------------------

def _company(s: Session, credit_code: str) -> Company:
    return lookup.company(s, credit_code)


def _record(s: Session, company: Company, positions: list[_Pos], kind: EquityEventKind,
            on: date, today: date, **event: Any) -> EquityEvent:
    """Write the event with its cap table, and make it the current cap table."""
    if on > today:
        raise RuleViolation("R12", "事件日期不能晚于今天", "the event date cannot be in the future",
                            "happened_on", company.credit_code)
    if company.registration_date is not None and on < company.registration_date:
        raise RuleViolation("R12", "事件日期早于企业成立日期", "the event predates the company's "
                            "registration", "happened_on", company.credit_code)
    later = s.execute(select(EquityEvent.happened_on).where(
        EquityEvent.company_id == company.id, EquityEvent.happened_on > on).limit(1)).first()
    if later is not None and kind not in _NO_CHANGE:
        raise RuleViolation("R12", f"已有 {later[0]} 的股权事件，不能补记更早的变动",
                            f"an equity event of {later[0]} exists: an earlier change cannot be "
                            "added after it", "happened_on", company.credit_code)
    if kind in _NO_CHANGE:  # the cap table stays as it is: nothing to record or sync
        ev = EquityEvent(company_id=company.id, kind=kind, happened_on=on, **event)
        s.add(ev)
        s.flush()
        return ev
    holdings = _holdings(positions, {})
    capital = sum((h.subscribed_capital for h in holdings), ZERO)
    ev = EquityEvent(company_id=company.id, kind=kind, happened_on=on, capital_after=capital,
                     **event)
    ev.positions = [EquityPosition(
        holder_type=h.holder_type, holder_name=h.holder_name, person_id=h.person_id,
        subscribed_capital=h.subscribed_capital, paid_in_capital=h.paid_in_capital,
        percentage=h.percentage, is_state_owned=h.is_state_owned) for h in holdings]
    s.add(ev)
    _sync(s, company, positions, holdings)
    company.registered_capital = capital
    s.flush()
    return ev


def _sync(s: Session, company: Company, positions: list[_Pos], holdings: list[Holding]) -> None:
    rows = {r.id: r for r in s.execute(select(Shareholding).where(
        Shareholding.company_id == company.id)).scalars()}
    by_key = {(h.holder_type.value, h.holder_name, h.person_id): h for h in holdings}
    kept = set()
    for p in positions:
        h = by_key.get(p.key)
        row = rows.get(p.shareholding_id) if p.shareholding_id else None
        if h is None:
            continue
        if row is None:
            row = Shareholding(company_id=company.id)
            s.add(row)
        else:
            kept.add(row.id)
        row.holder_type, row.holder_name, row.person_id = h.holder_type, h.holder_name, h.person_id
        row.employment_status, row.is_state_owned = h.employment_status, h.is_state_owned
        row.subscribed_capital, row.paid_in_capital = h.subscribed_capital, h.paid_in_capital
        row.percentage = h.percentage
        if p.approval is not None:
            row.leader_approval_date = p.approval.approved_on
            row.leader_approval_body = p.approval.body
            row.leader_approval_doc = p.approval.document_no
    for rid, row in rows.items():
        if rid not in kept:
            s.delete(row)


def _equity_deal(s: Session, deal_no: str) -> Deal:
    deal = lookup.deal(s, deal_no)
    if deal.mode != DealMode.EQUITY:
        raise RuleViolation("R8", "只有作价投资项目可以形成股权", "only an equity deal forms "
                            "equity", "deal_no", deal_no)
    if deal.status not in DEAL_SIGNED_OR_LATER:
        raise RuleViolation("R8", "作价投资合同签订后方可登记股权", "the equity is registered "
                            "once the equity deal is signed", "status", deal_no)
    return deal


def _add_holders(s: Session, positions: list[_Pos], holders: list[HolderIn],
                 where: str, today: date) -> tuple[list[_Pos], Decimal, list[_Pos]]:
    if not holders:
        raise RuleViolation("INPUT", "至少需要一名出资人", "at least one holder is required",
                            "holders", where)
    added = ZERO
    people: list[tuple[Person | None, _Pos]] = []
    new: list[_Pos] = []
    for h in holders:
        pos, person = _new_position(s, h, where, today)
        positions = _merge(positions, pos)
        if pos.holder_type == HolderType.TEAM_MEMBER:
            people.append((person, next(p for p in positions if p.key == pos.key)))
        added += pos.subscribed
        new.append(pos)
    _no_equity_for_leaders(people, where)
    return positions, added, new


@requires(Act.CASE_WORK)
def form_company(ctx: AppContext, deal_no: str, credit_code: str, on: date,
                 holders: list[HolderIn], note: str | None = None) -> int:
    """作价投资入股: the equity deal's achievements become capital of the company (the
    university's asset-management company holds it as state-owned equity), next to the team's
    reward shares and investors. Holders already on the cap table keep their capital.
    Returns the event id."""
    with ctx.write() as s:
        deal = _equity_deal(s, deal_no)
        company = _company(s, credit_code)
        if s.execute(select(EquityEvent.id).where(
                EquityEvent.deal_id == deal.id,
                EquityEvent.kind == EquityEventKind.FORMATION)).first():
            raise RuleViolation("R8", "该作价投资已登记入股", "this equity deal is already "
                                "registered", "deal_no", deal_no)
        if on < (deal.signing_date or on):
            raise RuleViolation("R12", "入股日期不得早于签约", "the formation cannot precede the "
                                "signing", "happened_on", deal_no)
        positions, _, new = _add_holders(s, _current(s, company), holders, credit_code,
                                            ctx.today())
        # the stake the achievements formed: the state-owned share and the team's reward shares
        formed = {p.key for p in new if p.state or p.holder_type == HolderType.TEAM_MEMBER}
        ev = _record(s, company, positions, EquityEventKind.FORMATION, on, ctx.today(),
                     deal_id=deal.id, amount=deal.price, note=note or "以科技成果作价入股")
        ev.percentage = pct_sum(x.percentage for x in ev.positions
                                 if (x.holder_type.value, x.holder_name, x.person_id) in formed)
        return ev.id


@requires(Act.CASE_WORK)
def capital_increase(ctx: AppContext, credit_code: str, on: date, investors: list[HolderIn],
                     amount: Decimal | str | None = None, note: str | None = None) -> int:
    """增资 (a financing round): new capital from `investors`; everyone else is diluted, their
    capital and so their relative holdings unchanged. `amount` is the money invested (it may
    exceed the capital subscribed: a premium); by default the capital. Returns the event id."""
    with ctx.write() as s:
        company = _company(s, credit_code)
        positions, added, new = _add_holders(s, _current(s, company), investors,
                                                credit_code, ctx.today())
        invested = added if amount in (None, "") else positive_money(amount, "amount")
        names = "、".join(h.holder_name for h in investors)
        ev = _record(s, company, positions, EquityEventKind.CAPITAL_INCREASE, on, ctx.today(),
                     amount=invested, holder_name=names[:200], note=note or "增资扩股")
        keys = {p.key for p in new}
        ev.percentage = pct_sum(x.percentage for x in ev.positions
                                 if (x.holder_type.value, x.holder_name, x.person_id) in keys)
        return ev.id


def _take(s: Session, company: Company, shareholding_id: int, capital: Decimal | str,
          where: str) -> tuple[list[_Pos], _Pos, Decimal]:
    positions = _current(s, company)
    seller = next((p for p in positions if p.shareholding_id == shareholding_id), None)
    if seller is None:
        raise NotFound("股东 / shareholding", shareholding_id)
    out = positive_money(capital, "capital")
    if out > seller.subscribed:
        raise RuleViolation("R11", f"转出出资 ¥{out:,} 超过持有的 ¥{seller.subscribed:,}",
                            f"the capital disposed of (¥{out:,}) exceeds the holding "
                            f"(¥{seller.subscribed:,})", "capital", where)
    paid_out = min(seller.paid, out)
    left = replace(seller, subscribed=seller.subscribed - out, paid=seller.paid - paid_out)
    positions = [left if p.shareholding_id == shareholding_id else p for p in positions]
    return positions, seller, paid_out


@requires(Act.CASE_WORK)
def transfer(ctx: AppContext, credit_code: str, on: date, shareholding_id: int,
             capital: Decimal | str, buyer: HolderIn, price: Decimal | str | None = None,
             note: str | None = None) -> int:
    """股权转让: part or all of one holding passes to a buyer (new or existing holder)."""
    with ctx.write() as s:
        company = _company(s, credit_code)
        positions, seller, paid_out = _take(s, company, shareholding_id, capital, credit_code)
        out = positive_money(capital, "capital")
        pos, person = _new_position(s, replace(buyer, subscribed_capital=out,
                                               paid_in_capital=paid_out), credit_code,
                                    ctx.today())
        positions = _merge(positions, pos)
        if pos.holder_type == HolderType.TEAM_MEMBER:
            _no_equity_for_leaders(
                [(person, next(p for p in positions if p.key == pos.key))], credit_code)
        ev = _record(s, company, positions, EquityEventKind.TRANSFER, on, ctx.today(),
                     amount=None if price in (None, "") else parse_money(price, "price"),
                     holder_name=seller.holder_name, counterparty_name=pos.holder_name,
                     note=note or "股权转让")
        ev.percentage = _share_of(out, sum((p.subscribed for p in positions), ZERO))
        return ev.id


def _share_of(part: Decimal, whole: Decimal) -> Decimal:
    """`part` of `whole` capital as a percentage (four places, as the cap table rounds)."""
    if whole <= 0:
        return Decimal(0)
    return percentages([part, whole - part])[0] if part < whole else Decimal(100)


@requires(Act.CASE_WORK)
def exit_holding(ctx: AppContext, credit_code: str, on: date, shareholding_id: int,
                 capital: Decimal | str, proceeds: Decimal | str,
                 buyer_name: str | None = None, deal_no: str | None = None,
                 note: str | None = None) -> ExitResult:
    """退出: a holder disposes of capital — sold to `buyer_name`, or bought back by the
    company (capital reduction) when no buyer is named. Proceeds of the state-owned share
    become a receipt (equity_proceeds) of the equity deal."""
    with ctx.write() as s:
        company = _company(s, credit_code)
        before = sum((p.subscribed for p in _current(s, company)), ZERO)
        positions, seller, paid_out = _take(s, company, shareholding_id, capital, credit_code)
        out = positive_money(capital, "capital")
        money = parse_money(proceeds, "proceeds")
        if buyer_name and buyer_name.strip():
            positions = _merge(positions, _Pos(HolderType.INVESTOR, buyer_name.strip(), None,
                                               None, out, paid_out, False))
        receipt_id = None
        deal = _state_deal(s, company, deal_no) if seller.state else None
        if deal is not None and money > 0:
            receipt_id = book_receipt(s, deal, ReceiptIn(
                deal.deal_no, on, money, "equity_proceeds",
                note=f"股权退出收益：{company.name}"), ctx.today()).id
        ev = _record(s, company, positions, EquityEventKind.EXIT, on, ctx.today(),
                     deal_id=deal.id if deal else None, amount=money,
                     holder_name=seller.holder_name,
                     counterparty_name=(buyer_name or "").strip() or None,
                     receipt_id=receipt_id, note=note or "股权退出")
        ev.percentage = _share_of(out, before)
        return ExitResult(ev.id, receipt_id)


def _state_deal(s: Session, company: Company, deal_no: str | None) -> Deal | None:
    if deal_no:
        return lookup.deal(s, deal_no)
    deal_id = s.execute(select(EquityEvent.deal_id).where(
        EquityEvent.company_id == company.id, EquityEvent.kind == EquityEventKind.FORMATION,
        EquityEvent.deal_id.is_not(None)).order_by(EquityEvent.happened_on).limit(1)).scalar()
    return s.get(Deal, deal_id) if deal_id else None


@requires(Act.CASE_WORK)
def impairment(ctx: AppContext, credit_code: str, on: date, amount: Decimal | str,
               note: str | None = None) -> int:
    """计提减值 of the state-owned stake (kept out of the ordinary asset assessment)."""
    with ctx.write() as s:
        company = _company(s, credit_code)
        value = positive_money(amount, "amount")
        data = ledger_data(s, company.id)
        row = ledger_row(company, data[0].get(company.id, []), data[1].get(company.id, []),
                          data[2])
        if row is None or value > row.book_value:
            book = row.book_value if row else ZERO
            raise RuleViolation("R11", f"减值 ¥{value:,} 超过账面价值 ¥{book:,}",
                                f"the impairment (¥{value:,}) exceeds the book value "
                                f"(¥{book:,})", "amount", credit_code)
        ev = _record(s, company, _current(s, company), EquityEventKind.IMPAIRMENT, on,
                     ctx.today(), amount=value, note=note or "计提减值")
        return ev.id


@requires(Act.CASE_WORK)
def dividend(ctx: AppContext, credit_code: str, on: date, amount: Decimal | str,
             deal_no: str | None = None, note: str | None = None) -> ExitResult:
    """分红 to the state-owned share: recorded as an event and as a receipt (dividend)."""
    with ctx.write() as s:
        company = _company(s, credit_code)
        money = positive_money(amount, "amount")
        deal = _state_deal(s, company, deal_no)
        if deal is None:
            raise RuleViolation("INPUT", "找不到对应的作价投资项目", "no equity deal to book the "
                                "dividend on", "deal_no", credit_code)
        rid = book_receipt(s, deal, ReceiptIn(deal.deal_no, on, money, "dividend",
                                              note=f"分红：{company.name}"), ctx.today()).id
        ev = _record(s, company, _current(s, company), EquityEventKind.DIVIDEND, on, ctx.today(),
                     deal_id=deal.id, amount=money, receipt_id=rid, note=note or "年度分红")
        return ExitResult(ev.id, rid)
