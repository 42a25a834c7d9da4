"""Shared state of one demo build: the random source, the fixed clock, rows by table, and the
small helpers every part of the generator uses (dates, money, coverage of every code)."""

from __future__ import annotations

import bisect
import itertools
import math
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from ttdesk.core.rules.policy import Policy

# The demo's "today": fixed so that the same seed gives the same database on any day.
REF_DATE = date(2026, 11, 20)
OFFICE_START_UTC = 1  # 09:00 in Beijing

T = TypeVar("T")


def days(n: int) -> timedelta:
    return timedelta(days=n)


_MINUTES = [timedelta(hours=OFFICE_START_UTC, minutes=m) for m in range(540)]
_MIDNIGHTS: dict[date, datetime] = {}


def stamp(d: date, salt: int = 0) -> datetime:
    """A deterministic office-hours timestamp (UTC) on day `d`: 09:00-18:00 Beijing time."""
    midnight = _MIDNIGHTS.get(d)
    if midnight is None:
        midnight = _MIDNIGHTS[d] = datetime(d.year, d.month, d.day, tzinfo=UTC)
    return midnight + _MINUTES[(salt * 7919) % 540]


def yuan(fen: int) -> Decimal:
    """Exact money with two places from an integer number of fen."""
    return Decimal(fen).scaleb(-2)


def pct(ten_thousandths: int) -> Decimal:
    """Exact percentage from integer ten-thousandths of a percent (700000 -> 70)."""
    value = Decimal(ten_thousandths).scaleb(-4)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def split_int(total: int, weights: Sequence[int]) -> list[int]:
    """Largest-remainder split of an integer total by integer weights (ties to lower index)."""
    weight_sum = sum(weights)
    parts = [total * w // weight_sum for w in weights]
    remainders = [total * w % weight_sum for w in weights]
    for i in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:total - sum(parts)]:
        parts[i] += 1
    return parts


class Store:
    """Rows by table, with integer ids handed out from each table's current maximum."""

    def __init__(self, offsets: dict[str, int]) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._next = dict(offsets)

    def new_id(self, table: str) -> int:
        self._next[table] = self._next.get(table, 0) + 1
        return self._next[table]

    def add(self, table: str, row: dict[str, Any]) -> int:
        if "id" not in row:
            row["id"] = self.new_id(table)
        self.rows[table].append(row)
        return int(row["id"])

    def link(self, table: str, row: dict[str, Any]) -> None:
        self.rows[table].append(row)


class Cover:
    """Weighted choices that first hand out every option once (in a seeded order), so that
    even a small demo shows every status, mode and kind."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._pending: dict[str, list[Any]] = {}
        self._seen: set[str] = set()
        self._cum: dict[str, list[float]] = {}

    def pick(self, key: str, options: Sequence[T], weights: Sequence[float]) -> T:
        if key not in self._pending:
            first = list(options)
            self.rng.shuffle(first)
            self._pending[key] = first
        pending = self._pending[key]
        if pending:
            return pending.pop()
        cum = self._cum.get(key)
        if cum is None:
            cum = self._cum[key] = list(itertools.accumulate(weights))
        return options[bisect.bisect(cum, self.rng.random() * cum[-1])]

    def remaining(self, key: str) -> bool:
        """Whether `key` still has options that were never handed out."""
        return key not in self._pending or bool(self._pending[key])

    def put_back(self, key: str, option: Any) -> None:
        """Hand `option` out again next time (it did not fit where it was drawn)."""
        self._pending.setdefault(key, []).append(option)

    def needs(self, key: str) -> bool:
        """True until `mark(key)`: something that must appear at least once."""
        return key not in self._seen

    def mark(self, key: str) -> None:
        self._seen.add(key)


@dataclass
class Gen:
    """Everything the parts of the generator share."""

    rng: random.Random
    cases: int
    policy: Policy
    store: Store
    today: date = REF_DATE
    cover: Cover = field(init=False)
    institution: dict[str, Any] = field(default_factory=dict)
    # lookups filled by the org step
    departments: list[dict[str, Any]] = field(default_factory=list)
    officers: list[int] = field(default_factory=list)
    managers: list[int] = field(default_factory=list)  # technology managers (技术经理人)
    staff_by_dept: dict[int, list[int]] = field(default_factory=dict)
    students_by_dept: dict[int, list[int]] = field(default_factory=dict)
    externals: list[int] = field(default_factory=list)
    unit_heads: set[int] = field(default_factory=set)
    person_names: dict[int, str] = field(default_factory=dict)
    person_staff_no: dict[int, str] = field(default_factory=dict)
    companies: list[dict[str, Any]] = field(default_factory=list)
    company_weights: list[float] = field(default_factory=list)  # cumulative
    # partners by field code: (companies, cumulative weights)
    partners_by_field: dict[str, tuple[list[dict[str, Any]], list[float]]] = field(
        default_factory=dict)
    used_credit_codes: set[str] = field(default_factory=set)
    used_company_names: set[str] = field(default_factory=set)
    # IP asset id -> modes of the licences signed on it (R13: no conflicting licences)
    licensed_ip: dict[int, list[str]] = field(default_factory=dict)
    interests: set[tuple[int, int]] = field(default_factory=set)
    rule_keys: set[str] = field(default_factory=set)  # deadlines already raised
    calendar: Any = None

    def __post_init__(self) -> None:
        self.cover = Cover(self.rng)

    def scaled(self, per_case: float, minimum: int = 1) -> int:
        return max(minimum, round(self.cases * per_case))

    def between(self, lo: date, hi: date) -> date:
        if hi <= lo:
            return lo
        return lo + days(self.ri(0, (hi - lo).days))

    def one(self, seq: Sequence[T]) -> T:
        """Uniform choice (random.choice is several times slower)."""
        return seq[int(self.rng.random() * len(seq))]

    def weighted(self, seq: Sequence[T], cum_weights: Sequence[float]) -> T:
        return seq[bisect.bisect(cum_weights, self.rng.random() * cum_weights[-1])]

    def ri(self, lo: int, hi: int) -> int:
        """Uniform integer in [lo, hi] (random.randint is several times slower)."""
        return lo + int(self.rng.random() * (hi - lo + 1))

    def lognormal_fen(self, mean_yuan: float, sigma: float, floor: int, cap: float) -> int:
        """Heavy-tailed contract amount (lognormal with the given mean), rounded like a real
        contract: to the hundred yuan below 100,000 and to the thousand above."""
        mu = math.log(mean_yuan) - sigma * sigma / 2
        value = min(max(self.rng.lognormvariate(mu, sigma), floor), cap)
        step = 100 if value < 100_000 else 1000
        return int(round(value / step) * step) * 100
