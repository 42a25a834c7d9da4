"""A demo database shared by a test module (demo generation is the slow part), plus PDFs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ttdesk.core import demo
from ttdesk.core.base.context import AppContext
from ttdesk.core.office.setup import open_context


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    """80 demo cases (seed 1) in a SQLite file (enough for every grant status, so F02 has a
    subject); the filing archive grows as tests generate."""
    path = tmp_path_factory.mktemp("filings") / "demo.db"
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    demo.generate(ctx, cases=80, seed=1)
    yield ctx
    ctx.db.dispose()
