"""`check`'s integrity step keeps `PRAGMA integrity_check` (not the 2× cheaper quick_check plus
the foreign-key check): a table row changed in its page without its index — a torn write, a
file patched outside SQLite — leaves every page well-formed, so quick_check and the
foreign-key check say ok while lookups through the index no longer find the row; only the
index cross-check of integrity_check finds it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.builders import make_achievement, make_deal, signed_in
from ttdesk.core.base.context import AppContext
from ttdesk.core.office.setup import open_context
from ttdesk.core.records import check
from ttdesk.core.rules import policy

PROBE = b"HT-PROBE-0001"


def _patch_table_page(path: Path, table: str, old: bytes, new: bytes) -> None:
    """Replace `old` by `new` (same length) in the table's root page only, not in its
    indexes: the row's record stays well-formed, its index entry keeps the old value."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND "
                            "name = ?", (table,)).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    page = bytes(data[start:start + page_size])
    assert page.count(old) == 1  # the table is one leaf page holding the row once
    at = start + page.index(old)
    data[at:at + len(old)] = new
    path.write_bytes(bytes(data))


def _pragma(path: Path, name: str) -> list[tuple]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"PRAGMA {name}").fetchall()
    finally:
        conn.close()


def test_a_row_out_of_step_with_its_index_is_found_only_by_integrity_check(
        ctx: AppContext) -> None:
    make_deal(ctx, [make_achievement(ctx)], deal_no=PROBE.decode())
    path = Path(ctx.db.engine.url.database or "")
    with ctx.read() as s:
        assert check._integrity(s) == []
    ctx.db.dispose()

    _patch_table_page(path, "deal", PROBE, b"HT-PROBE-0009")

    assert _pragma(path, "quick_check") == [("ok",)]
    assert _pragma(path, "foreign_key_check") == []
    assert _pragma(path, "integrity_check") != [("ok",)]
    reopened = signed_in(open_context(f"sqlite:///{path}", migrate_backup=False))
    try:
        with reopened.read() as s:
            found = check._integrity(s)
            # what the damage does: the deal is there, but a lookup by its number misses it
            assert s.execute(check.text("SELECT count(*) FROM deal WHERE deal_no = "
                                        "'HT-PROBE-0009'")).scalar() == 0
            assert "HT-PROBE-0009" in s.execute(check.text(
                "SELECT deal_no FROM deal NOT INDEXED")).scalars().all()
            assert check.STEPS[0][1](s, policy.current(s)) == found
    finally:
        reopened.db.dispose()
    assert [p.rule for p in found] == ["DB"]
    assert "sqlite_autoindex_deal_1" in found[0].en  # names the index that disagrees
