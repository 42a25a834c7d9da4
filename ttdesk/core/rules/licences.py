"""Licence conflicts on one IP asset and the open-licence terms (domain.md §6), as pure checks
shared by the services (refused when entered) and `check` (found in stored data).

A licence runs from its signing (for an open licence: the day the offer takes effect) to its
term end, or to its termination when that comes first; without a term end it runs on.
On one asset, for overlapping periods: an exclusive licence excludes every other licence; a
sole licence excludes other licensees (the university keeps its own use, which is no
licence); an open licence cannot run beside an exclusive or sole one, in either order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ttdesk.codes import LICENSE_MODES, DealMode
from ttdesk.core.base.errors import Problem
from ttdesk.core.rules.policy import Policy
from ttdesk.core.rules.workdays import add_months

# modes that exclude other licensees for their period
EXCLUDING = frozenset({DealMode.LICENSE_EXCLUSIVE, DealMode.LICENSE_SOLE})


@dataclass(frozen=True)
class LicenceSpan:
    """One licence on one asset: which deal, which mode, from when to when (inclusive)."""

    deal_no: str
    mode: DealMode
    start: date
    end: date | None  # None: no end recorded, it runs on


def span(deal_no: str, mode: DealMode, signing: date | None, term_end: date | None,
         terminated_on: date | None) -> LicenceSpan | None:
    """The licence's period, or None when it is not a licence or never started."""
    if mode not in LICENSE_MODES or signing is None:
        return None
    ends = [d for d in (term_end, terminated_on) if d is not None]
    return LicenceSpan(deal_no, mode, signing, min(ends) if ends else None)


def overlap(a: LicenceSpan, b: LicenceSpan) -> bool:
    a_end, b_end = a.end or date.max, b.end or date.max
    return a.start <= b_end and b.start <= a_end


def conflicts(a: DealMode, b: DealMode) -> bool:
    """Can licences of these two modes not run together on one asset?"""
    return a in EXCLUDING or b in EXCLUDING


def _mode_zh(mode: DealMode) -> str:
    from ttdesk.core.base.labels import label

    return label(mode, "zh")


def conflict_problems(new: LicenceSpan, others: Iterable[LicenceSpan], asset: str
                      ) -> list[Problem]:
    """Each licence of `others` on `asset` that cannot run beside `new`, named."""
    out = []
    for o in others:
        if o.deal_no == new.deal_no or not conflicts(new.mode, o.mode) or not overlap(new, o):
            continue
        until_zh = f"至 {o.end}" if o.end else "未约定期限"
        until_en = f"to {o.end}" if o.end else "with no end"
        out.append(Problem(
            "R13",
            f"知识产权 {asset} 已有{_mode_zh(o.mode)}（{o.deal_no}，{o.start} 起{until_zh}），"
            f"与本项目的{_mode_zh(new.mode)}期间重叠：独占许可排除其他一切许可，排他许可排除其他"
            "被许可人，开放许可不能与独占或排他许可并存",
            f"IP {asset} is already under a {o.mode.value} ({o.deal_no}, from {o.start} "
            f"{until_en}) overlapping this {new.mode.value}: an exclusive licence excludes "
            "every other licence, a sole licence other licensees, and an open licence cannot "
            "run beside an exclusive or sole one",
            "ip_assets", new.deal_no))
    return out


def open_licence_problems(deal_no: str, start: date | None, term_end: date | None,
                          fee_terms: str | None, price: object, policy: Policy
                          ) -> list[Problem]:
    """An open licence is a published offer with fee terms and a term of at least the
    policy's months (12 by default)."""
    months = int(policy.values.get("open_license_min_months", 12))
    out = []
    if not (fee_terms or "").strip() and price is None:
        out.append(Problem("R13", "开放许可须写明许可使用费标准（费用或支付方式）",
                           "an open licence needs its fee terms (fee or payment terms)",
                           "payment_terms", deal_no))
    if term_end is None:
        out.append(Problem("R13", "开放许可须约定许可期限届满日",
                           "an open licence needs the end of its term", "term_end", deal_no))
    elif start is not None and term_end < add_months(start, months):
        out.append(Problem("R13", f"开放许可期限不得少于 {months} 个月（{start} 起至少到 "
                           f"{add_months(start, months)}）",
                           f"an open licence runs at least {months} months (from {start} to "
                           f"{add_months(start, months)} or later)", "term_end", deal_no))
    return out
