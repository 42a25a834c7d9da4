"""Patent annuities (年费) by the CNIPA fee table: the fee of each year of protection, the
reduction (费用减缴) for the years after grant, the surcharge (滞纳金) by month late, and the
date a patent lapses when the fee stays unpaid.

The table is data shipped with the app (`resources/annuity-fees-cn.json`) and editable per
database as the policy value `annuity_fees`, like the holiday calendar: numbers change by
notice, the rules here do not. Money is Decimal, rounded to the fen half up.

Conventions: the annuity for protection year n (counted from the filing date) is due on the
(n-1)th anniversary of filing; a year whose due date falls within `reduction_years_from_grant`
calendar years of the grant year (the grant year included) is reduced by `reduction_pct`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.rules.workdays import add_months
from ttdesk.paths import resource_path

FEN = Decimal("0.01")
KINDS = ("invention_patent", "utility_model", "design")


@dataclass(frozen=True)
class FeeTable:
    """Yearly fees by patent kind as (first year, last year, yuan) bands."""

    bands: dict[str, tuple[tuple[int, int, Decimal], ...]]
    reduction_pct: Decimal
    reduction_years: int
    surcharge_pct: tuple[Decimal, ...]  # index = whole months late (0 = within the first)
    grace_months: int

    def fee(self, kind: str, year_no: int) -> Decimal | None:
        """The full annuity of protection year `year_no`; None past the last year (the
        patent's term is over) or for a kind without annuities."""
        for first, last, yuan in self.bands.get(kind, ()):
            if first <= year_no <= last:
                return yuan
        return None

    def last_year(self, kind: str) -> int:
        return max((last for _f, last, _y in self.bands.get(kind, ())), default=0)


def _refuse(zh: str, en: str) -> RuleViolation:
    return RuleViolation("POLICY", f"年费表：{zh}", f"annuity fee table: {en}",
                         field="annuity_fees")


def _money(value: Any, what: str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise _refuse(f"{what} 不是金额：{value!r}",
                      f"{what} is not an amount: {value!r}") from None
    if not amount.is_finite() or amount < 0 or isinstance(value, bool):
        raise _refuse(f"{what} 须为非负金额", f"{what} must be a non-negative amount")
    return amount


def parse_table(raw: dict[str, Any]) -> FeeTable:
    """A fee table from its JSON form, or a POLICY refusal naming what is wrong (bands that
    overlap or leave a gap, a negative fee, a reduction outside 0–100)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("annuity"), dict):
        raise _refuse("缺少 annuity 部分", "the 'annuity' part is missing")
    bands: dict[str, tuple[tuple[int, int, Decimal], ...]] = {}
    for kind, rows in raw["annuity"].items():
        parsed, expect = [], 1
        for row in rows:
            if (not isinstance(row, list) or len(row) != 3
                    or not all(isinstance(v, int) for v in row[:2])):
                raise _refuse(f"{kind} 的年度段应为 [起始年, 结束年, 金额]",
                              f"{kind}: a band is [first year, last year, yuan]")
            first, last = row[0], row[1]
            if first != expect or last < first:
                raise _refuse(f"{kind} 的年度段须从第 1 年起连续、不重叠",
                              f"{kind}: bands must run from year 1 without gaps or overlaps")
            parsed.append((first, last, _money(row[2], f"{kind} 第 {first} 年")))
            expect = last + 1
        bands[kind] = tuple(parsed)
    pct = _money(raw.get("reduction_pct", "0"), "reduction_pct")
    if pct > 100:
        raise _refuse("减缴比例须在 0–100 之间", "the reduction must be 0-100%")
    surcharges = tuple(_money(v, "surcharge") for v in raw.get("surcharge_pct_by_month_late",
                                                               ["0"]))
    grace = raw.get("grace_months", 6)
    years = raw.get("reduction_years_from_grant", 10)
    if not (isinstance(grace, int) and 0 <= grace <= 12 and isinstance(years, int)
            and 0 <= years <= 20):
        raise _refuse("宽限期须为 0–12 个月，减缴年限须为 0–20 年",
                      "the grace period must be 0-12 months, the reduction years 0-20")
    return FeeTable(bands, pct, years, surcharges, grace)


def shipped_table_raw() -> dict[str, Any]:
    """The table as shipped (CNIPA schedule), in its JSON form."""
    raw: dict[str, Any] = json.loads(resource_path("annuity-fees-cn.json").read_text("utf-8"))
    return raw


def shipped_table() -> FeeTable:
    return parse_table(shipped_table_raw())


@dataclass(frozen=True)
class AnnuityDue:
    """One coming annuity: what is due when, what is paid after the reduction, what a late
    payment costs in its last month of grace, and when the patent lapses unpaid."""

    year_no: int
    due_date: date
    fee: Decimal
    reduced: bool
    payable: Decimal
    late_payable_max: Decimal
    lapse_date: date


def _round(amount: Decimal) -> Decimal:
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def payable(table: FeeTable, fee: Decimal, due: date, grant_date: date | None) -> tuple[
        bool, Decimal]:
    """(reduced?, amount to pay on time) for a fee due on `due`."""
    reduced = (grant_date is not None and table.reduction_pct > 0
               and due.year < grant_date.year + table.reduction_years)
    amount = fee * (100 - table.reduction_pct) / 100 if reduced else fee
    return reduced, _round(amount)


def surcharge(table: FeeTable, fee: Decimal, months_late: int) -> Decimal:
    """The late fee (滞纳金) `months_late` whole months after the due date (0 = within the
    first month), on the full annuity; beyond the grace period the patent has lapsed."""
    if months_late < 0:
        return Decimal("0.00")
    pct = table.surcharge_pct[min(months_late, len(table.surcharge_pct) - 1)]
    return _round(fee * pct / 100)


def forecast(table: FeeTable, kind: str, filing_date: date, grant_date: date | None,
             after: date, years: int = 3) -> list[AnnuityDue]:
    """The annuities falling due after `after` (exclusive), for `years` coming years; fewer
    when the term ends."""
    out: list[AnnuityDue] = []
    n = 1
    while len(out) < years:
        due = add_months(filing_date, 12 * (n - 1))
        fee = table.fee(kind, n)
        if fee is None:
            if n > table.last_year(kind):
                break
        elif due > after:
            reduced, on_time = payable(table, fee, due, grant_date)
            late = on_time + surcharge(table, fee, len(table.surcharge_pct) - 1)
            out.append(AnnuityDue(n, due, fee, reduced, on_time, late,
                                  add_months(due, table.grace_months)))
        n += 1
    return out


def table_of(policy_values: dict[str, Any]) -> FeeTable:
    """The fee table a database uses: its policy's `annuity_fees`, else the shipped one."""
    raw = policy_values.get("annuity_fees")
    return shipped_table() if raw is None else parse_table(raw)
