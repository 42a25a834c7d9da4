"""The case list on the 100,000-case database: a two-character Chinese search finds every
substring match (no trigram index silently missing short words), through the lazy model.

Marked `slow`: it uses /tmp/b1_100k.db when present (read-only), otherwise it builds a 100k
demo database once per session (~65 s, ~2 GB RAM) in a child process that conftest.py
starts right after collection (big_db.py), so the build runs beside the tests before these.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.big_db import BIG_BUILD, PREBUILT, Build
from ttdesk.core.base.context import AppContext
from ttdesk.db.engine import connect
from ttdesk.ui.lists.model import PAGE_SIZE, LazyListModel
from ttdesk.ui.lists.specs import CASES


@pytest.fixture(scope="session")
def big_db(request: pytest.FixtureRequest) -> Path:
    if PREBUILT.exists():
        return PREBUILT
    started = request.config.stash.get(BIG_BUILD, None)  # conftest.py started it early
    if started is None:  # asked for without being collected (getfixturevalue): build now
        started = request.config.stash[BIG_BUILD] = Build()
    return started.result()


@pytest.fixture
def big_ctx(big_db: Path) -> Iterator[AppContext]:
    db = connect(big_db)  # read-only use: no migration, no seeding
    yield AppContext(db=db)
    db.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("word", ["电池", "芯片"])
def test_two_character_search_finds_every_match_in_100k(big_ctx: AppContext, big_db: Path,
                                                        word: str) -> None:
    con = sqlite3.connect(big_db)
    try:
        total = con.execute("SELECT count(*) FROM achievement").fetchone()[0]
        expected = con.execute("SELECT count(*) FROM achievement WHERE title LIKE ?",
                               (f"%{word}%",)).fetchone()[0]
    finally:
        con.close()
    assert total >= 100_000 and expected > 0
    model = LazyListModel(big_ctx, CASES)
    model.refresh()
    assert model.rowCount() == total
    model.update_filter(search=word)
    assert model.rowCount() == expected
    title = CASES.column_index("title")
    for row in (*range(PAGE_SIZE + 5), expected - 1):
        assert word in model.index(row, title).data()
    inside = next(r for r in range(expected) if not model.index(r, title).data().startswith(word))
    assert model.index(inside, title).data().index(word) > 0  # a substring, not a prefix


@pytest.mark.slow
def test_the_100k_case_list_opens_on_its_first_page(big_ctx: AppContext, qtbot: QtBot,
                                                    tmp_path: Path) -> None:
    from ttdesk.ui.app.settings import UiSettings
    from ttdesk.ui.kit.bus import DataBus
    from ttdesk.ui.lists.page import ListPage

    page = ListPage(big_ctx, DataBus(), CASES, UiSettings(tmp_path / "s.ini"))
    qtbot.addWidget(page)
    total = page.model.rowCount()
    assert total >= 100_000 and page.model.cached_pages() == 1  # first page only, so far
    assert page.model.index(0, 0).data()
    last = page.model.index(total - 1, 0).data()  # reads the remaining ids on demand
    assert last and page.model.rowCount() == total
