"""Fixtures of the desk UI tests: a small demo database, settings in a temp INI file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.templates import copy_sqlite
from tests.ui import big_db
from ttdesk.core.base.context import AppContext
from ttdesk.core.demo import generate
from ttdesk.core.office.setup import open_context
from ttdesk.db.models import Achievement
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.kit.bus import DataBus

DEMO_CASES = 150


def pytest_collection_finish(session: pytest.Session) -> None:
    big_db.start_early(session)  # the 100k database of test_lists_100k, beside the others


def pytest_unconfigure(config: pytest.Config) -> None:
    big_db.stop_early(config)


def _fill(ctx: AppContext) -> AppContext:
    generate(ctx, cases=DEMO_CASES, seed=3)
    return ctx


@pytest.fixture(scope="session")
def demo_template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded template filled with 150 demo cases (seed 3) once per session; a test that
    asks for `demo_ctx` gets its `ctx` copied from it instead of generating again."""
    path = tmp_path_factory.mktemp("ui-demo") / "demo.db"
    _fill(open_context(copy_sqlite(sqlite_template, f"sqlite:///{path}"),
                       migrate_backup=False)).db.dispose()
    return path


@pytest.fixture
def ctx_template(ctx_template: Path, request: pytest.FixtureRequest) -> Path:
    # Nothing uses `ctx` between its opening and `demo_ctx` (no fixture of this folder is
    # built on `ctx` before it), so the copy is what generating into `ctx` would give.
    if "demo_ctx" in request.fixturenames:
        return request.getfixturevalue("demo_template")
    return ctx_template


@pytest.fixture
def demo_ctx(ctx: AppContext) -> AppContext:
    """The `ctx` database filled with 150 demo cases (deals, companies, deadlines...)."""
    with ctx.read() as s:
        filled = s.execute(select(func.count()).select_from(Achievement)).scalar_one()
    return ctx if filled == DEMO_CASES else _fill(ctx)


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    return UiSettings(tmp_path / "settings.ini")


@pytest.fixture
def data_bus() -> DataBus:
    return DataBus()
