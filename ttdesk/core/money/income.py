"""Income received and costs: THE one signed sum of receipts and costs.

Every figure of money received or spent (the dashboard's tile and chart, the income page, a
deal's money tab, F07/F08/F09, the ledger export, the CLI) is computed here and nowhere else.

Conventions, pinned by `tests/core/money/test_one_author.py`:
- A reversing entry (`reverses_id` set) counts negative; a reversed entry and its reversal
  therefore net to zero. This holds for receipts and for costs alike.
- An entry counts in the period of its own date (`received_on`, `incurred_on`): a 2025 receipt
  reversed in 2026 adds in 2025 and subtracts in 2026.
- Costs are the costs booked on deals; a cost recorded on a case alone has no income to be
  deducted from until it is booked on a deal.
- Net income = received − deductible costs, as a signed figure (a year with costs and no
  receipts has a negative net income). A distribution caps what it deducts by its own rule.
- A deal's department is the department of its first case (lowest id), so that a deal
  covering cases of two departments still counts once.

The sums run in SQL over the stored integers (fen), so they are exact and stay quick on the
100,000-case database.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, case, extract, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from ttdesk.codes import CostCategory, DealMode
from ttdesk.core.base import lookup
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.db.models import Cost, Deal, Department, Receipt, distribution_receipt
from ttdesk.db.models.achievements import Achievement, deal_achievement

ZERO = Decimal("0.00")

#: the dimensions a sum may be broken down by
DEAL, YEAR, MODE, DEPARTMENT, REVERSAL = "deal", "year", "mode", "department", "reversal"
MILESTONE, ROYALTY_REPORT, CATEGORY, DEDUCTIBLE = (
    "milestone", "royalty_report", "category", "deductible")


@dataclass(frozen=True)
class Scope:
    """Which entries a sum covers; every field left as None means "all".

    `start` and `end` are inclusive dates; `modes` the deal modes; `department_id` the
    department of the deal (see the module's conventions).
    """

    deal_ids: Collection[int] | None = None
    start: date | None = None
    end: date | None = None
    modes: Collection[DealMode] | None = None
    department_id: int | None = None

    @classmethod
    def year(cls, year: int, **kw: Any) -> Scope:
        """The calendar year `year`."""
        return cls(start=date(year, 1, 1), end=date(year, 12, 31), **kw)

    @classmethod
    def deal(cls, deal_id: int, start: date | None = None, end: date | None = None) -> Scope:
        return cls(deal_ids=(deal_id,), start=start, end=end)

    def narrowed(self, **kw: Any) -> Scope:
        return replace(self, **kw)


EVERYTHING = Scope()  #: every entry, all time


def signed_fen(model: Any) -> Any:
    """SQL: the entry's amount in fen, negative for a reversing entry."""
    fen = type_coerce(model.amount, BigInteger)
    return case((model.reverses_id.is_(None), fen), else_=-fen)


def signed_amount(row: Any) -> Decimal:
    """The same rule for one loaded row (a receipt or cost row with `amount`, `reverses_id`)."""
    return -row.amount if row.reverses_id is not None else row.amount


def _first_case() -> Any:
    return (select(deal_achievement.c.deal_id,
                   func.min(deal_achievement.c.achievement_id).label("achievement_id"))
            .group_by(deal_achievement.c.deal_id).subquery("first_case"))


class _Sum:
    """One grouped signed sum over `model` (Receipt or Cost), built from a scope and keys."""

    def __init__(self, model: Any, on: Any, keys: tuple[str, ...], scope: Scope) -> None:
        self.model, self.on, self.keys, self.scope = model, on, keys, scope
        self.need_deal = MODE in keys or scope.modes is not None
        self.need_dept = DEPARTMENT in keys or scope.department_id is not None

    def _column(self, key: str, department: Any) -> Any:
        m = self.model
        columns = {DEAL: m.deal_id, YEAR: extract("year", self.on), MODE: Deal.mode,
                   DEPARTMENT: department, REVERSAL: m.reverses_id.is_not(None)}
        if m is Receipt:
            columns |= {MILESTONE: Receipt.milestone_id,
                        ROYALTY_REPORT: Receipt.royalty_report_id}
        else:
            columns |= {CATEGORY: Cost.category, DEDUCTIBLE: Cost.deductible}
        if key not in columns:
            raise ValueError(f"no such dimension for {m.__tablename__}: {key}")
        return columns[key]

    def statement(self, extra: Any = None) -> Any:
        m, sc = self.model, self.scope
        department = Achievement.department_id
        cols = [self._column(k, department) for k in self.keys]
        total = func.coalesce(func.sum(signed_fen(m)), 0)
        stmt = select(*cols, total).select_from(m).where(m.deal_id.is_not(None))
        if self.need_deal:
            stmt = stmt.join(Deal, Deal.id == m.deal_id)
        if self.need_dept:
            first = _first_case()
            stmt = stmt.outerjoin(first, first.c.deal_id == m.deal_id).outerjoin(
                Achievement, Achievement.id == first.c.achievement_id)
        if sc.deal_ids is not None:
            stmt = stmt.where(m.deal_id.in_(list(sc.deal_ids)))
        if sc.start is not None:
            stmt = stmt.where(self.on >= sc.start)
        if sc.end is not None:
            stmt = stmt.where(self.on <= sc.end)
        if sc.modes is not None:
            stmt = stmt.where(Deal.mode.in_(list(sc.modes)))
        if sc.department_id is not None:
            stmt = stmt.where(department == sc.department_id)
        if extra is not None:
            stmt = stmt.where(extra)
        return stmt.group_by(*cols) if cols else stmt

    def run(self, s: Session, extra: Any = None) -> dict[Any, Decimal]:
        out: dict[Any, Decimal] = {}
        for *key, fen in s.execute(self.statement(extra)).all():
            values = tuple(_plain(k, v) for k, v in zip(self.keys, key, strict=True))
            out[values[0] if len(values) == 1 else values] = _yuan(fen)
        return out


def _plain(key: str, value: Any) -> Any:
    if value is None:
        return None
    if key == YEAR:
        return int(value)
    if key == MODE:
        return DealMode(value)
    if key == CATEGORY:
        return CostCategory(value)
    if key in (REVERSAL, DEDUCTIBLE):
        return bool(value)
    return value


def _yuan(fen: Any) -> Decimal:
    return (Decimal(int(fen or 0)) / 100).quantize(Decimal("0.01"))


# ---- receipts ----------------------------------------------------------------------------

def received_by(s: Session, *keys: str, scope: Scope = EVERYTHING) -> dict[Any, Decimal]:
    """Income received (reversals subtracted) per value of `keys` (e.g. "year", "mode"); a
    single key gives plain keys, several give tuples. Groups without entries are absent."""
    return _Sum(Receipt, Receipt.received_on, keys, scope).run(s)


def received(s: Session, scope: Scope = EVERYTHING) -> Decimal:
    """Income received in `scope`, reversals subtracted."""
    return _total(received_by(s, scope=scope))


# ---- costs -------------------------------------------------------------------------------

def costs_by(s: Session, *keys: str, scope: Scope = EVERYTHING,
             deductible: bool | None = None) -> dict[Any, Decimal]:
    """Costs booked on deals (reversals subtracted) per value of `keys`; only the deductible
    (or only the other) ones when `deductible` is given."""
    extra = None if deductible is None else Cost.deductible.is_(deductible)
    return _Sum(Cost, Cost.incurred_on, keys, scope).run(s, extra)


def costs(s: Session, scope: Scope = EVERYTHING, deductible: bool | None = None) -> Decimal:
    return _total(costs_by(s, scope=scope, deductible=deductible))


def _total(found: dict[Any, Decimal]) -> Decimal:
    return sum(found.values(), ZERO)


# ---- net income --------------------------------------------------------------------------

def net_income(s: Session, scope: Scope = EVERYTHING) -> Decimal:
    """Received less deductible costs in `scope` (signed)."""
    return received(s, scope) - costs(s, scope, deductible=True)


def net_income_by(s: Session, *keys: str, scope: Scope = EVERYTHING) -> dict[Any, Decimal]:
    """Net income per value of `keys`: every key with receipts or deductible costs."""
    got = received_by(s, *keys, scope=scope)
    spent = costs_by(s, *keys, scope=scope, deductible=True)
    return {k: got.get(k, ZERO) - spent.get(k, ZERO) for k in got.keys() | spent.keys()}


@dataclass(frozen=True)
class DealIncome:
    """A deal's money over [start, end] (either open).

    `gross` = receipts that are not reversals; `reversed` = reversing receipts;
    `received` = gross − reversed; `net` = received − deductible costs.
    """

    deal_no: str
    start: date | None
    end: date | None
    gross: Decimal
    reversed: Decimal
    received: Decimal
    deductible_costs: Decimal
    other_costs: Decimal
    net: Decimal


def deal_income(s: Session, deal: Deal, start: date | None = None,
                end: date | None = None) -> DealIncome:
    """The money of one deal over [start, end] (dates inclusive)."""
    scope = Scope.deal(deal.id, start, end)
    by_kind = received_by(s, REVERSAL, scope=scope)
    gross, reversed_ = by_kind.get(False, ZERO), -by_kind.get(True, ZERO)
    spent = costs_by(s, DEDUCTIBLE, scope=scope)
    deductible, other = spent.get(True, ZERO), spent.get(False, ZERO)
    received_ = gross - reversed_
    return DealIncome(deal.deal_no, start, end, gross, reversed_, received_, deductible, other,
                      received_ - deductible)



# ---- waiting for a distribution -----------------------------------------------------------

@dataclass(frozen=True)
class DistributionState:
    """Receipts of one (year, mode) by whether a distribution has taken them yet."""

    distributed: Decimal = ZERO
    waiting: Decimal = ZERO


def distribution_state_by_year_mode(s: Session) -> dict[tuple[int, DealMode], DistributionState]:
    """Per (year, deal mode): receipts already in a distribution, and receipts still waiting.

    Unlike `received_by`, this counts what remains to be shared out, not cash movements: a
    reversed original never enters a distribution, so it stops waiting — subtracted in the
    ORIGINAL's year and mode (found from its reversing entry by primary key), not in the
    reversal's. Reversing entries themselves are never in a distribution.
    """
    year = extract("year", Receipt.received_on)
    in_dist = distribution_receipt.c.distribution_id.is_not(None)
    fen = type_coerce(Receipt.amount, BigInteger)
    found: dict[tuple[int, DealMode], list[int]] = {}
    for y, mode, distributed, total in s.execute(
            select(year, Deal.mode, in_dist, func.sum(fen))
            .join(Deal, Deal.id == Receipt.deal_id)
            .outerjoin(distribution_receipt, distribution_receipt.c.receipt_id == Receipt.id)
            .where(Receipt.reverses_id.is_(None))
            .group_by(year, Deal.mode, in_dist)).all():
        pair = found.setdefault((int(y), DealMode(mode)), [0, 0])
        pair[0 if distributed else 1] += int(total or 0)
    original = aliased(Receipt)
    oyear = extract("year", original.received_on)
    for y, mode, total in s.execute(
            select(oyear, Deal.mode, func.sum(type_coerce(original.amount, BigInteger)))
            .select_from(Receipt)
            .join(original, original.id == Receipt.reverses_id)
            .join(Deal, Deal.id == original.deal_id)
            .group_by(oyear, Deal.mode)).all():
        found.setdefault((int(y), DealMode(mode)), [0, 0])[1] -= int(total or 0)
    return {key: DistributionState(_yuan(d), _yuan(w)) for key, (d, w) in found.items()}


# ---- one call for a reader that starts from numbers and codes (the CLI) -------------------

@dataclass(frozen=True)
class IncomeLine:
    """One group of an income summary: `key` holds the values of the summary's `by`."""

    key: dict[str, Any]
    received: Decimal
    deductible_costs: Decimal
    net_income: Decimal


@dataclass(frozen=True)
class IncomeSummary:
    by: tuple[str, ...]
    received: Decimal
    deductible_costs: Decimal
    net_income: Decimal
    lines: tuple[IncomeLine, ...]


BY_CHOICES = (DEAL, YEAR, MODE, DEPARTMENT)


def summary(ctx: AppContext, *, deal_no: str | None = None, start: date | None = None,
            end: date | None = None, mode: DealMode | None = None,
            department: str | None = None, by: tuple[str, ...] = ()) -> IncomeSummary:
    """Received, deductible costs and net income in a scope given by numbers and codes
    (deal number, department code or name), with lines per `by` (deal numbers, department
    codes); unknown numbers are refused as NotFound."""
    for key in by:
        if key not in BY_CHOICES:
            raise RuleViolation("ARG", f"无法按“{key}”汇总（可选：{'、'.join(BY_CHOICES)}）",
                                f"cannot group by {key!r} (one of: {', '.join(BY_CHOICES)})",
                                field="by")
    with ctx.read() as s:
        scope = Scope(start=start, end=end, modes=None if mode is None else (mode,))
        if deal_no:
            scope = scope.narrowed(deal_ids=(lookup.deal(s, deal_no).id,))
        if department:
            scope = scope.narrowed(department_id=lookup.department(s, department).id)
        got, spent = received_by(s, *by, scope=scope), costs_by(s, *by, scope=scope,
                                                                deductible=True)
        keys = sorted(got.keys() | spent.keys(), key=_sort_key)
        names = _names(s, by, keys)
    lines = []
    for k in keys:
        values = k if len(by) > 1 else (k,) if by else ()
        r, c = got.get(k, ZERO), spent.get(k, ZERO)
        lines.append(IncomeLine({name: names.get((name, v), v)
                                 for name, v in zip(by, values, strict=True)}, r, c, r - c))
    total_r, total_c = _total(got), _total(spent)
    return IncomeSummary(by, total_r, total_c, total_r - total_c, tuple(lines) if by else ())


def _sort_key(key: Any) -> tuple[Any, ...]:
    values = key if isinstance(key, tuple) else (key,)
    return tuple((v is None, str(v)) for v in values)


def _names(s: Session, by: tuple[str, ...], keys: list[Any]) -> dict[tuple[str, Any], Any]:
    """Deal ids → deal numbers, department ids → department codes, for the summary's keys."""
    out: dict[tuple[str, Any], Any] = {}
    for i, name in enumerate(by):
        ids = {(k[i] if isinstance(k, tuple) else k) for k in keys} - {None}
        if name == DEAL and ids:
            out |= {(DEAL, i_): no for i_, no in s.execute(
                select(Deal.id, Deal.deal_no).where(Deal.id.in_(ids)))}
        elif name == DEPARTMENT and ids:
            out |= {(DEPARTMENT, i_): code for i_, code in s.execute(
                select(Department.id, Department.code).where(Department.id.in_(ids)))}
    return out
