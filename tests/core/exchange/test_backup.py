"""Backup → restore gives back identical data (row by row, ids and audit trail included);
a damaged file, a file that is not a TT Desk database, or one from a newer TT Desk is
refused and changes nothing; the daily automatic copies rotate."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from builders import make_person, make_rich_dataset

from core.exchange.dbcompare import raw_rows
from tests.builders import signed_in
from ttdesk.cli.main import main
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.office.setup import open_context
from ttdesk.core.records.backup import auto_backup, backup, find_pg_tool, restore, rotate
from ttdesk.db.sqlite_copy import decompress_to, default_suffix


def _reopen(url: str) -> AppContext:
    return open_context(url, migrate_backup=False)


@pytest.fixture
def filled(ctx: AppContext) -> AppContext:
    make_rich_dataset(ctx)
    return ctx


def test_backup_then_restore_gives_identical_rows(filled: AppContext, db_url: str,
                                                  tmp_path: Path) -> None:
    snapshot = raw_rows(filled)
    copy = backup(filled, tmp_path / "b" / "copy.db")
    make_person(filled, name="备份之后新增")
    filled.db.dispose()
    result = restore(db_url, copy, aside_dir=tmp_path / "aside")
    after = _reopen(db_url)
    try:
        assert raw_rows(after) == snapshot
    finally:
        after.db.dispose()
    # The database as it was just before the restore was kept, with the later person.
    assert result.set_aside is not None and result.set_aside.exists()
    plain = decompress_to(result.set_aside, tmp_path / "aside.db")  # kept compressed
    aside = _reopen(f"sqlite:///{plain}")
    try:
        assert len(raw_rows(aside)["person"]) == len(snapshot["person"]) + 1
    finally:
        aside.db.dispose()


def _bytes_of(db: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in db.parent.glob(db.name + "*")}


def _refused(db_url: str, source: Path, tmp_path: Path, expected: str) -> None:
    db = Path(db_url.removeprefix("sqlite:///"))
    before = _bytes_of(db)
    with pytest.raises(ValidationFailed) as err:
        restore(db_url, source, aside_dir=tmp_path / "aside")
    assert expected in "\n".join(err.value.messages("en"))
    assert _bytes_of(db) == before
    assert not (tmp_path / "aside").exists()


def test_restore_refuses_a_damaged_backup(filled: AppContext, db_url: str,
                                          tmp_path: Path) -> None:
    copy = backup(filled, tmp_path / "copy.db")
    filled.db.dispose()
    data = bytearray(copy.read_bytes())
    data[len(data) // 2: len(data) // 2 + 4096] = b"\xff" * 4096
    copy.write_bytes(bytes(data))
    _refused(db_url, copy, tmp_path, "damaged")
    truncated = tmp_path / "short.db"
    truncated.write_bytes(bytes(data[: len(data) // 3]))
    _refused(db_url, truncated, tmp_path, "damaged")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    _refused(db_url, junk, tmp_path, "damaged")


def test_restore_refuses_other_databases_and_newer_schemas(filled: AppContext, db_url: str,
                                                           tmp_path: Path) -> None:
    filled.db.dispose()
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    _refused(db_url, other, tmp_path, "not a TT Desk database")
    newer = backup(_reopen(db_url), tmp_path / "newer.db")
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    _refused(db_url, newer, tmp_path, "newer TT Desk")
    _refused(db_url, tmp_path / "missing.db", tmp_path, "does not exist")


def test_cli_backup_and_restore(filled: AppContext, db_url: str, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    snapshot = raw_rows(filled)
    target = tmp_path / "cli.db"
    assert main(["--db", db_url, "backup", "-o", str(target)]) == 0
    make_person(filled)
    filled.db.dispose()
    assert main(["--db", db_url, "restore", str(target)]) == 0
    assert "restored" in capsys.readouterr().out
    after = _reopen(db_url)
    try:
        assert raw_rows(after) == snapshot
    finally:
        after.db.dispose()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00" * 8192)
    assert main(["--db", db_url, "--lang", "en", "restore", str(junk)]) == 2
    assert "[BACKUP]" in capsys.readouterr().err


def test_auto_backup_daily_with_rotation(ctx: AppContext, tmp_path: Path) -> None:
    folder = tmp_path / "auto"
    start = datetime(2026, 1, 1, 9, 0)
    for day in range(60):
        now = start + timedelta(days=day)
        assert auto_backup(ctx, folder, now=now) is not None
        assert auto_backup(ctx, folder, now=now + timedelta(hours=3)) is None  # once a day
    kept = sorted(p.name for p in folder.iterdir())
    last = start + timedelta(days=59)
    ext = default_suffix()  # compressed copies
    daily = [f"test-auto-{(last - timedelta(days=i)).date().isoformat()}{ext}"
             for i in range(7)]
    assert set(daily) <= set(kept)
    assert len(kept) == 7 + 4
    older = sorted(set(kept) - set(daily))
    weeks = {datetime.fromisoformat(n[10:20]).isocalendar()[:2] for n in older}
    assert len(weeks) == 4  # one copy per week for the four weeks before the dailies


def test_rotation_ignores_other_files(tmp_path: Path) -> None:
    (tmp_path / "test.before-0001-20260101T000000Z.db").write_bytes(b"x")
    (tmp_path / "test-auto-2026-01-01.db").write_bytes(b"x")
    assert rotate(tmp_path, "test", ".db") == []
    assert len(list(tmp_path.iterdir())) == 2


@pytest.fixture
def pg_ctx(pg_url: str) -> Iterator[AppContext]:
    if find_pg_tool("pg_dump") is None or find_pg_tool("pg_restore") is None:
        pytest.skip("pg_dump / pg_restore not installed")
    context = signed_in(open_context(pg_url, migrate_backup=False))
    yield context
    context.db.dispose()


@pytest.mark.postgres
def test_postgres_backup_then_restore(pg_ctx: AppContext, pg_url: str,
                                      tmp_path: Path) -> None:
    make_rich_dataset(pg_ctx)
    snapshot = raw_rows(pg_ctx)
    copy = backup(pg_ctx, tmp_path / "pg.dump")
    make_person(pg_ctx)
    pg_ctx.db.dispose()
    result = restore(pg_url, copy, aside_dir=tmp_path / "aside")
    assert result.set_aside is not None and result.set_aside.exists()
    after = _reopen(pg_url)
    try:
        assert raw_rows(after) == snapshot
    finally:
        after.db.dispose()
    junk = tmp_path / "junk.dump"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(ValidationFailed, match="not a pg_dump"):
        restore(pg_url, junk, aside_dir=tmp_path / "aside2")
    assert not (tmp_path / "aside2").exists()
