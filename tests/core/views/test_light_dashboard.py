"""The dashboard's first figures read with plain sqlite3 at start-up (`views.light_dashboard`)
are the authors' figures (`views.dashboard.kpis`, `views.action_plan.action_plan`): every
KPI, every Action Plan figure per year with its target, and the funnel, on demo data in 2026,
in other years, with targets edited in settings, and on an empty database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from ttdesk.core.base.context import AppContext
from ttdesk.core.demo import generate
from ttdesk.core.rules import policy
from ttdesk.core.views import (
    DeadlineFilter,
    DeadlineState,
    count_deadlines,
    dashboard,
    list_deadlines,
)
from ttdesk.core.views import action_plan as plan
from ttdesk.core.views.dashboard_terms import FirstFigures
from ttdesk.core.views.light_dashboard import (
    FirstDashboard,
    FirstDeadlines,
    ReadAhead,
    first_dashboard_reader,
)

DAYS = (date(2026, 12, 3), date(2026, 1, 1), date(2025, 7, 15), date(2024, 3, 1),
        date(2027, 12, 31), date(2030, 6, 1))


def _authors(ctx: AppContext, today: date) -> FirstFigures:
    return FirstFigures(dashboard.kpis(ctx, today), plan.action_plan(ctx, today.year))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, Path]]:
    from ttdesk.core.office.setup import open_context

    path = tmp_path_factory.mktemp("light_dash") / "demo.db"
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    generate(ctx, cases=300, seed=5)
    yield ctx, path
    ctx.db.dispose()


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_every_first_figure_is_the_authors(demo: tuple[AppContext, Path], today: date) -> None:
    ctx, path = demo
    reader = first_dashboard_reader(str(path))
    assert isinstance(reader, FirstDashboard)
    assert reader(today) == _authors(ctx, today)


@pytest.mark.parametrize("state", [DeadlineState.OVERDUE, DeadlineState.UPCOMING])
@pytest.mark.parametrize("today", DAYS, ids=str)
def test_the_deadline_tables_first_page_is_the_authors(
        demo: tuple[AppContext, Path], today: date, state: DeadlineState) -> None:
    ctx, path = demo
    total, rows = FirstDeadlines(path, today)(DeadlineFilter(state=state), 100)
    f = DeadlineFilter(state=state, today=today)
    assert total == count_deadlines(ctx, f)
    assert rows == list_deadlines(ctx, f, limit=100)
    if today == DAYS[0]:
        assert len(rows) == min(total, 100) > 0


def test_deadlines_snoozed_or_done_are_left_out_as_the_author_has_it(
        demo: tuple[AppContext, Path]) -> None:
    ctx, path = demo
    today = date(2026, 12, 3)
    with ctx.db.engine.begin() as c:  # snooze some overdue ones past today, others up to it
        c.execute(text("UPDATE deadline SET snoozed_until = '2026-12-20' "
                       "WHERE done = 0 AND due_date < '2026-12-03' AND id % 3 = 0"))
        c.execute(text("UPDATE deadline SET snoozed_until = '2026-12-03' "
                       "WHERE done = 0 AND due_date < '2026-12-03' AND id % 3 = 1"))
    try:
        for state in (DeadlineState.OVERDUE, DeadlineState.UPCOMING):
            f = DeadlineFilter(state=state, today=today)
            assert FirstDeadlines(path, today)(DeadlineFilter(state=state), 500) == (
                count_deadlines(ctx, f), list_deadlines(ctx, f, limit=500))
    finally:
        with ctx.db.engine.begin() as c:
            c.execute(text("UPDATE deadline SET snoozed_until = NULL "
                           "WHERE snoozed_until IN ('2026-12-20', '2026-12-03')"))


def test_only_the_dashboards_deadline_tables_are_read(demo: tuple[AppContext, Path]) -> None:
    _ctx, path = demo
    reader = FirstDeadlines(path, date(2026, 12, 3))
    for f in (DeadlineFilter(), DeadlineFilter(state=DeadlineState.OPEN),
              DeadlineFilter(state=DeadlineState.OVERDUE, search="公示"),
              DeadlineFilter(state=DeadlineState.OVERDUE, descending=True)):
        with pytest.raises(ValueError):
            reader(f, 10)


def test_the_demo_has_something_to_compare(demo: tuple[AppContext, Path]) -> None:
    """Pinning zeros to zeros would prove nothing: 2026 has figures in every tile."""
    _ctx, path = demo
    first = FirstDashboard(path)(date(2026, 12, 3))
    k = first.kpis
    assert min(k.cases, k.deals_signed_this_year, k.companies, k.overdue_deadlines) > 0
    assert k.income_this_year > 0
    assert sum(f.actual for by_year in first.plan.figures.values()
               for f in by_year.values()) > 0
    assert first.plan.funnel.disclosures > 0 and first.plan.funnel.deals > 0


def test_edited_targets_are_read_as_the_policy_has_them(tmp_path: Path) -> None:
    from ttdesk.core.office.setup import open_context

    path = tmp_path / "t.db"
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    try:
        generate(ctx, cases=40, seed=2)
        targets = {"2026": {"platforms": 9, "contracts": 77}, "2031": {"zjtx": 4}}
        with ctx.write() as s:
            policy.update(s, "test", {"action_plan_targets": targets})
        for today in (date(2026, 5, 1), date(2031, 2, 2), date(2025, 1, 1)):
            assert FirstDashboard(path)(today) == _authors(ctx, today)
        tile = FirstDashboard(path)(date(2026, 5, 1)).plan.tile("contracts")
        assert tile.target == 77
    finally:
        ctx.db.dispose()


def test_an_empty_database(ctx: AppContext, tmp_path: Path) -> None:
    from ttdesk.core.views.light import sqlite_file

    path = sqlite_file(ctx.db.url)
    assert path is not None
    for today in (date(2026, 12, 3), date(2031, 1, 1)):
        first = FirstDashboard(path)(today)
        assert first == _authors(ctx, today)
        assert first.kpis.cases == 0 and first.plan.funnel.deals == 0


def test_no_reader_for_another_database_or_an_old_schema(tmp_path: Path) -> None:
    assert first_dashboard_reader("postgresql+psycopg://u@localhost/ttdesk") is None
    assert first_dashboard_reader(str(tmp_path / "missing.db")) is None


def test_reading_the_first_figures_imports_no_sqlalchemy(demo: tuple[AppContext, Path]) -> None:
    _ctx, path = demo
    code = ("import sys, datetime; from ttdesk.core.views.light_dashboard import "
            "first_dashboard_reader; r = first_dashboard_reader(sys.argv[1]); "
            "f = r(datetime.date(2026, 12, 3)); "
            "print(f.kpis.cases, 'sqlalchemy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, check=False, env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["300", "False"]


def test_the_read_ahead_hands_over_what_the_readers_read(
        demo: tuple[AppContext, Path]) -> None:
    _ctx, path = demo
    today = date(2026, 12, 3)
    ahead = ReadAhead(path, today, rows=30)
    assert ahead.figures(today) == FirstDashboard(path)(today)
    for state in (DeadlineState.OVERDUE, DeadlineState.UPCOMING):
        f = DeadlineFilter(state=state)
        total, rows = FirstDeadlines(path, today)(f, 100)
        assert ahead.deadlines(f, 100) == (total, rows[:30])  # a screenful, the count of all
        assert ahead.deadlines(f, 10) == (total, rows[:10])
    other = date(2025, 7, 15)  # another day or filter: read anew, not the early read
    assert ahead.figures(other) == FirstDashboard(path)(other)
    with pytest.raises(ValueError):
        ahead.deadlines(DeadlineFilter(state=DeadlineState.DONE), 100)


def test_a_failed_read_ahead_is_raised_to_the_caller(tmp_path: Path) -> None:
    ahead = ReadAhead(tmp_path / "gone.db", date(2026, 12, 3))
    with pytest.raises(sqlite3.Error):
        ahead.figures(date(2026, 12, 3))
    with pytest.raises(sqlite3.Error):
        ahead.deadlines(DeadlineFilter(state=DeadlineState.OVERDUE), 100)
