"""A small demo database shared by a CLI test module, and helpers to prove a database
unchanged."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from ttdesk.core import demo
from ttdesk.core.office.setup import open_context


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A SQLite file with 40 demo cases (seed 1), no engine left open."""
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    demo.generate(ctx, cases=40, seed=1)
    ctx.db.dispose()
    yield path


def db_digest(path: Path) -> str:
    """A digest of the database's logical content (every table's rows, in order): equal
    before and after means nothing was written."""
    import sqlite3

    from ttdesk.db.sqlite_copy import open_read_only

    conn = open_read_only(path)
    try:
        h = hashlib.sha256()
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for t in tables:
            h.update(t.encode())
            for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid'):
                h.update(repr(row).encode())
    except sqlite3.DatabaseError:
        return "unreadable:" + hashlib.sha256(path.read_bytes()).hexdigest()
    finally:
        conn.close()
    return h.hexdigest()
