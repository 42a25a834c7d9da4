"""The dashboard's first figures (KPI tiles, the Action Plan block with its funnel) read with
plain `sqlite3` at start-up, before SQLAlchemy is imported (B2 for the 工作台 start page).

The authors of these figures stay `views.dashboard.kpis` (income via `money.income`,
overdue tasks via `views.deadlines`) and `views.action_plan.action_plan`; each query here
restates one of them for the SQLite file the app opens, and
`tests/core/views/test_light_dashboard.py` pins every figure to its author on demo data
(the year 2026, another year and an empty database). The dataclasses, the plan's year span,
its mode and milestone sets, the targets and the assembling of the plan are shared
(`dashboard_terms`, `rules.plan_targets`), not restated.

SQLite stores dates as ISO text, booleans as 0/1 and money as integer fen, so the ranges
below compare ISO strings and the sums stay exact. A unary `+` or NOT INDEXED keeps SQLite
from an index that costs more than it saves here (contracts go by the signing-date index,
not the mode one; a year of receipts is a fifth of the table and the platform modes most of
the deals, cheaper scanned than looked up).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ttdesk.codes import COOPERATION_MODES, DeadlineKind
from ttdesk.core.rules.plan_targets import DEFAULT_TARGETS, TARGET_KEYS, targets_for
from ttdesk.core.views.dashboard_terms import (
    PLAN_YEARS,
    PLATFORM_MODES,
    ZJTX_KINDS,
    ActionPlan,
    FirstFigures,
    Funnel,
    Kpis,
    plan_of,
    shown_years,
)
from ttdesk.core.views.deadline_terms import (
    DeadlineFilter,
    DeadlineRow,
    DeadlineState,
    state_on,
)
from ttdesk.core.views.light import ReadOnly, quick_file


def _in(values: object) -> str:
    """A SQL list of code values (codes are identifiers: no quoting issue)."""
    return ", ".join(f"'{v}'" for v in sorted(str(x) for x in values))  # type: ignore[attr-defined]


def _span(first: int, last: int) -> tuple[str, str]:
    """[1 Jan of `first`, 1 Jan after `last`) as ISO text."""
    return date(first, 1, 1).isoformat(), date(last + 1, 1, 1).isoformat()


_SIGNED_IN = "SELECT count(*) FROM deal WHERE signing_date >= ? AND signing_date < ?"
# money.income.received over one calendar year: receipts on a deal, a reversal negative
_RECEIVED = ("SELECT coalesce(sum(CASE WHEN reverses_id IS NULL THEN amount ELSE -amount END),"
             " 0) FROM receipt WHERE deal_id IS NOT NULL AND +received_on >= ?"
             " AND +received_on <= ?")
# deadlines.DeadlineState.OVERDUE: not done, due before today, not snoozed past today
_OVERDUE = ("SELECT count(*) FROM deadline WHERE done = 0 AND due_date < ?"
            " AND (snoozed_until IS NULL OR snoozed_until <= ?)")
_PLATFORMS = f"""
SELECT substr(first_on, 1, 4), count(*) FROM (
  SELECT counterparty_id, min(signing_date) AS first_on FROM deal NOT INDEXED
   WHERE mode IN ({_in(PLATFORM_MODES)}) AND counterparty_id IS NOT NULL
     AND signing_date IS NOT NULL
   GROUP BY counterparty_id)
 WHERE first_on >= ? AND first_on < ? GROUP BY 1"""
_CONTRACTS = f"""
SELECT substr(signing_date, 1, 4), count(*) FROM deal
 WHERE +mode IN ({_in(COOPERATION_MODES)}) AND signing_date >= ? AND signing_date < ?
 GROUP BY 1"""
_ZJTX = f"""
SELECT substr(z.first_on, 1, 4), count(*) FROM (
  SELECT company_id, min(happened_on) AS first_on FROM company_milestone
   WHERE kind IN ({_in(ZJTX_KINDS)}) GROUP BY company_id) z
  JOIN company c ON c.id = z.company_id
 WHERE c.is_spinoff = 1 AND z.first_on >= ? AND z.first_on < ? GROUP BY 1"""
# dashboard.companies_by_year's spin-off half
_SPUN = """
SELECT substr(registration_date, 1, 4), count(*) FROM company
 WHERE is_spinoff = 1 AND registration_date >= ? AND registration_date < ? GROUP BY 1"""


def _count(conn: sqlite3.Connection, sql: str, *params: object) -> int:
    return int(conn.execute(sql, params).fetchone()[0] or 0)


def _per_year(conn: sqlite3.Connection, sql: str, span: tuple[str, str]) -> dict[int, int]:
    return {int(y): int(n) for y, n in conn.execute(sql, span) if y is not None}


def kpis(conn: sqlite3.Connection, today: date) -> Kpis:
    """As `views.dashboard.kpis`."""
    year = today.year
    fen = _count(conn, _RECEIVED, date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat())
    return Kpis(_count(conn, "SELECT count(*) FROM achievement"),
                _count(conn, _SIGNED_IN, *_span(year, year)),
                (Decimal(fen) / 100).quantize(Decimal("0.01")),
                _count(conn, "SELECT count(*) FROM company"),
                _count(conn, _OVERDUE, today.isoformat(), today.isoformat()), year)


def contributions(conn: sqlite3.Connection, years: tuple[int, ...]) -> dict[str, dict[int, int]]:
    """As `views.action_plan.contributions`."""
    span = _span(min(years), max(years))
    found = {"platforms": _per_year(conn, _PLATFORMS, span),
             "contracts": _per_year(conn, _CONTRACTS, span),
             "companies": _per_year(conn, _SPUN, span),
             "zjtx": _per_year(conn, _ZJTX, span)}
    return {k: {y: found[k].get(y, 0) for y in years} for k in TARGET_KEYS}


def funnel(conn: sqlite3.Connection, year: int) -> Funnel:
    """As `views.action_plan.funnel`."""
    span = _span(year, year)
    disclosures = _count(conn, "SELECT count(*) FROM achievement"
                         " WHERE disclosure_date >= ? AND disclosure_date < ?", *span)
    return Funnel(year, disclosures, _count(conn, _SIGNED_IN, *span),
                  _per_year(conn, _SPUN, span).get(year, 0))


def policy_values(conn: sqlite3.Connection) -> dict[str, object]:
    """The newest policy version's Action Plan targets merged over the defaults (as
    `rules.policy.current`)."""
    merged: dict[str, object] = {"action_plan_targets": DEFAULT_TARGETS}
    row = conn.execute('SELECT "values" FROM policy_version ORDER BY number DESC LIMIT 1'
                       ).fetchone()
    if row is not None and row[0]:
        merged.update(json.loads(row[0]))
    return merged


def action_plan(conn: sqlite3.Connection, year: int,
                years: tuple[int, ...] = PLAN_YEARS) -> ActionPlan:
    """As `views.action_plan.action_plan`."""
    shown = shown_years(year, years)
    values = policy_values(conn)
    return plan_of(year, shown, contributions(conn, shown),
                   lambda y: targets_for(values, y), funnel(conn, year))


@dataclass(frozen=True)
class FirstDashboard:
    """Reads the dashboard's first figures from one SQLite file."""

    path: Path

    def __call__(self, today: date) -> FirstFigures:
        with ReadOnly(self.path) as conn:
            return FirstFigures(kpis(conn, today), action_plan(conn, today.year))


# The dashboard's two deadline tables, as `deadlines._conditions` + `_ids_statement` +
# `rows_in_session` have them for a state filter sorted by due date (ascending, then id).
_DEADLINE_STATES = {
    DeadlineState.OVERDUE: "done = 0 AND due_date < :today",
    DeadlineState.UPCOMING: "done = 0 AND due_date >= :today AND due_date <= :until",
}
_AWAKE = "(snoozed_until IS NULL OR snoozed_until <= :today)"
_DEADLINE_COLUMNS = ("id, due_date, kind, title, subject_type, subject_id, subject_ref, done,"
                     " done_on, snoozed_until")


def _day(text: Any) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _deadline_row(r: Any, today: date, days: int) -> DeadlineRow:
    due, snoozed, done = date.fromisoformat(r[1]), _day(r[9]), bool(r[7])
    return DeadlineRow(r[0], due, DeadlineKind(r[2]), r[3], r[4], r[5], r[6], done, _day(r[8]),
                       snoozed, state_on(done, due, snoozed, today, days), (due - today).days)


@dataclass(frozen=True)
class FirstDeadlines:
    """The first page of a dashboard deadline table (overdue or upcoming, by due date) on
    `today`; the start-up reader of the `deadlines` list spec."""

    path: Path
    today: date

    def __call__(self, f: DeadlineFilter, limit: int,
                 total: int | None = None) -> tuple[int, list[DeadlineRow]]:
        """The count (`total` when already known) and the first `limit` rows."""
        state = f.state
        plain = DeadlineFilter(state=state, today=f.today, upcoming_days=f.upcoming_days)
        if f != plain or state not in _DEADLINE_STATES:  # plain: by due date, ascending
            raise ValueError("only the dashboard's deadline tables are read at start-up")
        today = f.today or self.today
        where = f"{_DEADLINE_STATES[state]} AND {_AWAKE}"
        params = {"today": today.isoformat(),
                  "until": date.fromordinal(today.toordinal() + f.upcoming_days).isoformat()}
        with ReadOnly(self.path) as conn:
            if total is None:
                total = int(conn.execute(f"SELECT count(*) FROM deadline WHERE {where}",
                                         params).fetchone()[0])
            rows = conn.execute(f"SELECT {_DEADLINE_COLUMNS} FROM deadline WHERE {where}"
                                " ORDER BY due_date, id LIMIT :limit", params | {"limit": limit})
            return total, [_deadline_row(r, today, f.upcoming_days) for r in rows]


def first_dashboard_reader(url_or_path: str) -> FirstDashboard | None:
    """A reader of the dashboard's first figures on a `light.quick_file`; else None."""
    path = quick_file(url_or_path)
    return None if path is None else FirstDashboard(path)


class ReadAhead:
    """The dashboard's first figures and the first `rows` of both deadline tables for
    `today`, read at once on two threads: sqlite3 releases the GIL while a query runs, so
    the reads overlap building the window and each other. `figures` and `deadlines` wait
    for their read (anything else is read anew); an error of a read is raised to the
    caller. A table shows a screenful before the services are loaded, its other rows come
    with them; the overdue table's count is the overdue tile's (both `count_deadlines`)."""

    def __init__(self, path: Path, today: date, rows: int = 30) -> None:
        self.today, self.rows = today, rows
        self.first_figures, self.first_deadlines = FirstDashboard(path), FirstDeadlines(path, today)
        self._found: dict[str, Any] = {}
        self._failed: dict[str, BaseException] = {}
        self._threads = {key: threading.Thread(target=self._read, args=(key, job), daemon=True,
                                               name=f"first-{key}")
                         for key, job in (("figures", self._figures),
                                          ("deadlines", self._deadlines))}
        for thread in self._threads.values():
            thread.start()

    def _figures(self) -> FirstFigures:
        return self.first_figures(self.today)

    def _deadlines(self) -> dict[DeadlineState, Any]:
        found = {}
        for state in _DEADLINE_STATES:  # the overdue count comes with the figures
            total = 0 if state is DeadlineState.OVERDUE else None
            found[state] = self.first_deadlines(DeadlineFilter(state=state), self.rows, total)
        return found

    def _read(self, key: str, job: Callable[[], Any]) -> None:
        try:
            self._found[key] = job()
        except BaseException as exc:  # handed to the caller on the GUI thread
            self._failed[key] = exc

    def _wait(self, key: str) -> Any:
        self._threads[key].join()
        if key in self._failed:
            raise self._failed[key]
        return self._found[key]

    def figures(self, today: date) -> FirstFigures:
        return self._wait("figures") if today == self.today else self.first_figures(today)

    def deadlines(self, f: DeadlineFilter, limit: int) -> tuple[int, list[DeadlineRow]]:
        """The count and at most `limit` first rows (the early read's `rows` of them)."""
        if f != DeadlineFilter(state=f.state) or f.state not in _DEADLINE_STATES:
            return self.first_deadlines(f, limit)
        total, found = self._wait("deadlines")[f.state]
        if f.state is DeadlineState.OVERDUE:
            total = self._wait("figures").kpis.overdue_deadlines
        return total, found[:limit]
