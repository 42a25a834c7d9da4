"""The case list's first page read with plain sqlite3 at start-up (`views.light`) is the
author's page (`views.cases`): same rows, same order, same count, for every sort."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ttdesk.core.base.context import AppContext
from ttdesk.core.demo import generate
from ttdesk.core.views import CaseFilter, CaseSort, count_cases, list_cases
from ttdesk.core.views.light import FirstCases, first_cases_reader, sqlite_file
from ttdesk.db import migrate


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[AppContext, Path]:
    from ttdesk.core.office.setup import open_context

    path = tmp_path_factory.mktemp("light") / "demo.db"
    ctx = open_context(str(path), migrate_backup=False)
    generate(ctx, cases=120, seed=5)
    yield ctx, path
    ctx.db.dispose()


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("sort", list(CaseSort))
def test_first_page_is_the_authors_page(demo: tuple[AppContext, Path], sort: CaseSort,
                                        descending: bool) -> None:
    ctx, path = demo
    reader = first_cases_reader(str(path))
    assert isinstance(reader, FirstCases)
    f = CaseFilter(sort=sort, descending=descending)
    total, rows = reader(f, 40)
    assert total == count_cases(ctx, f) == 120
    assert rows == list_cases(ctx, f, limit=40)


def test_rows_carry_what_the_list_shows(demo: tuple[AppContext, Path]) -> None:
    _ctx, path = demo
    _total, rows = FirstCases(path)(CaseFilter(), 120)
    assert any(r.lead_inventor for r in rows) and any(r.deal_count > 0 for r in rows)
    assert any(r.department for r in rows) and any(r.officer for r in rows)


def test_only_the_unfiltered_list_is_read(demo: tuple[AppContext, Path]) -> None:
    _ctx, path = demo
    with pytest.raises(ValueError):
        FirstCases(path)(CaseFilter(search="电池"), 10)


def test_no_reader_unless_a_sqlite_file_at_the_current_schema(
        demo: tuple[AppContext, Path], tmp_path: Path) -> None:
    _ctx, path = demo
    assert first_cases_reader(f"sqlite:///{path}") is not None
    assert first_cases_reader("postgresql+psycopg://u@localhost/ttdesk") is None
    assert first_cases_reader("sqlite:///:memory:") is None
    assert first_cases_reader(str(tmp_path / "missing.db")) is None
    (tmp_path / "empty.db").write_bytes(b"")
    assert first_cases_reader(str(tmp_path / "empty.db")) is None  # no alembic_version
    older = tmp_path / "older.db"
    older.write_bytes(path.read_bytes())
    with sqlite3.connect(older) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0002_money'")
    assert first_cases_reader(str(older)) is None  # to be migrated: the services go first
    assert migrate.HEAD_REVISION != "0002_money"


def test_sqlite_file_of_urls_and_paths() -> None:
    assert sqlite_file("sqlite:////data/t.db") == Path("/data/t.db")
    assert sqlite_file("/data/t.db") == Path("/data/t.db")
    assert sqlite_file("postgresql://x/y") is None


def test_reading_the_first_page_imports_no_sqlalchemy(demo: tuple[AppContext, Path]) -> None:
    _ctx, path = demo
    code = ("import sys; from ttdesk.core.views.light import first_cases_reader, CaseFilter;"
            "total, rows = first_cases_reader(sys.argv[1])(CaseFilter(), 5);"
            "print(total, len(rows), 'sqlalchemy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, env=dict(os.environ), timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["120", "5", "False"]
