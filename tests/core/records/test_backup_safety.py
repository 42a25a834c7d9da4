"""Backups an office can keep, and restores that never run over someone's work (issue 15
§2 §7): compressed and verified copies, old plain copies still restore, a restore refused
while another process or window has the database open (SQLite and PostgreSQL), rotation by
count and by the folder's total size, nothing left behind when a backup fails."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from builders import make_person, make_rich_dataset
from sqlalchemy import text

from core.exchange.dbcompare import raw_rows
from tests.builders import signed_in
from ttdesk.cli.main import main
from ttdesk.core.base.context import AppContext
from ttdesk.core.office.setup import open_context
from ttdesk.core.records import backup as bk
from ttdesk.core.records.backup import DatabaseInUse, auto_backup, backup, restore, rotate
from ttdesk.db import sqlite_copy
from ttdesk.db.sqlite_copy import default_suffix, kind_of


@pytest.fixture
def filled(ctx: AppContext) -> AppContext:
    make_rich_dataset(ctx)
    return ctx


def _path(ctx: AppContext) -> Path:
    path = ctx.db.sqlite_path
    assert path is not None
    return path


def _bytes_of(db: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in db.parent.glob(db.name + "*")}


@pytest.mark.parametrize(("suffix", "kind"), [(".db.zst", "zstd"), (".db.gz", "gzip"),
                                              (".db", "sqlite")])
def test_compressed_backups_restore_to_identical_rows(filled: AppContext, db_url: str,
                                                      tmp_path: Path, suffix: str,
                                                      kind: str) -> None:
    snapshot = raw_rows(filled)
    copy = backup(filled, tmp_path / f"copy{suffix}")
    assert kind_of(copy) == kind
    if kind != "sqlite":
        assert copy.stat().st_size < _path(filled).stat().st_size / 2
    make_person(filled, name="备份之后")
    filled.db.dispose()
    result = restore(db_url, copy, aside_dir=tmp_path / "aside")
    after = open_context(db_url, migrate_backup=False)
    try:
        assert raw_rows(after) == snapshot
    finally:
        after.db.dispose()
    assert result.set_aside is not None and kind_of(result.set_aside) in ("zstd", "gzip")


def test_a_damaged_compressed_backup_is_refused(filled: AppContext, db_url: str,
                                                tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    copy = backup(filled, tmp_path / "copy.db.zst")
    filled.db.dispose()
    data = bytearray(copy.read_bytes())
    data[len(data) // 2: len(data) // 2 + 64] = b"\x00" * 64
    bad = tmp_path / "bad.db.zst"
    bad.write_bytes(bytes(data))
    short = tmp_path / "short.db.gz"
    short.write_bytes(b"\x1f\x8b" + b"\x00" * 50)
    db = _path(filled)
    before = _bytes_of(db)
    for source in (bad, short):
        assert main(["--db", db_url, "--lang", "en", "restore", str(source)]) == 2
        err = capsys.readouterr().err
        assert "damaged" in err and "Traceback" not in err
    after = _bytes_of(db)
    # the command opens the database to know who asks (restore needs an admin): SQLite may
    # leave its -shm index and an empty -wal, but not one changed page
    assert after[db.name] == before[db.name]
    assert after.get(db.name + "-wal", b"") == before.get(db.name + "-wal", b"")
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith(".")) == []


def test_a_failed_backup_leaves_nothing(filled: AppContext, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    def full(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sqlite_copy, "_compress", full)
    out = tmp_path / "out"
    assert main(["--db", str(_path(filled)), "backup", "-o", str(out / "x.db.zst")]) == 1
    assert "disk is full" in capsys.readouterr().err
    assert list(out.iterdir()) == []


HOLDER = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    if sys.argv[2] == "write":
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE person SET name = name || '!' "
                     "WHERE id = (SELECT min(id) FROM person)")
    else:
        conn.execute("SELECT count(*) FROM person").fetchone()
    print("ready", flush=True)
    sys.stdin.readline()
    if sys.argv[2] == "write":
        conn.execute("COMMIT")
    conn.close()
""")


@pytest.fixture
def holder(filled: AppContext) -> Iterator:
    procs: list[subprocess.Popen[str]] = []

    def start(mode: str) -> subprocess.Popen[str]:
        proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(_path(filled)), mode],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.communicate("\n", timeout=20)


@pytest.mark.parametrize("mode", ["write", "read"])
def test_restore_is_refused_while_another_process_has_the_database(
        filled: AppContext, db_url: str, tmp_path: Path, holder, mode: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    copy = backup(filled, tmp_path / "copy.db.zst")
    filled.db.dispose()
    db = _path(filled)
    other = holder(mode)
    with pytest.raises(DatabaseInUse):
        restore(db_url, copy, aside_dir=tmp_path / "aside")
    assert main(["--db", db_url, "restore", str(copy)]) == 2
    assert "恢复已取消" in capsys.readouterr().err
    assert not (tmp_path / "aside").exists()
    other.communicate("\n", timeout=20)  # the other process finishes its work...
    assert other.returncode == 0
    if mode == "write":  # ...and it is kept: nobody replaced the file under it
        conn = sqlite3.connect(db)
        assert conn.execute("SELECT count(*) FROM person WHERE name LIKE '%!'").fetchone()[0] == 1
        conn.close()
    result = restore(db_url, copy, aside_dir=tmp_path / "aside")  # now it may run
    assert result.set_aside is not None
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0


def test_restore_refused_while_this_process_keeps_a_connection(
        filled: AppContext, db_url: str, tmp_path: Path) -> None:
    copy = backup(filled, tmp_path / "copy.db.zst")
    with filled.read() as s:  # another window of the same app, in the middle of a read
        s.execute(text("SELECT count(*) FROM person")).scalar_one()
        with pytest.raises(DatabaseInUse):
            restore(db_url, copy, aside_dir=tmp_path / "aside")


def test_rotation_by_count_and_total_size(tmp_path: Path) -> None:
    start = datetime(2026, 3, 1)
    for day in range(30):
        name = f"x-auto-{(start + timedelta(days=day)).date().isoformat()}.db.zst"
        (tmp_path / name).write_bytes(b"z" * 100)
    (tmp_path / "x-auto-2026-02-01.db").write_bytes(b"p" * 100)  # plain copy of an old version
    (tmp_path / "x.before-0003-20260101T000000Z.db.zst").write_bytes(b"m" * 150)
    removed = rotate(tmp_path, "x")
    assert len([p for p in tmp_path.iterdir() if "-auto-" in p.name]) == 7 + 4
    assert tmp_path / "x-auto-2026-02-01.db" in removed
    removed = rotate(tmp_path, "x", limit_bytes=650)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert sum((tmp_path / n).stat().st_size for n in left) <= 650
    assert "x-auto-2026-03-30.db.zst" in left  # the newest copy always stays
    assert "x.before-0003-20260101T000000Z.db.zst" in left  # never deleted by rotation
    assert len(left) == 1 + 5 and removed
    # a folder that cannot fit even the newest copy keeps it all the same
    rotate(tmp_path, "x", limit_bytes=1)
    assert "x-auto-2026-03-30.db.zst" in [p.name for p in tmp_path.iterdir()]


def test_fourteen_days_of_automatic_copies_fit_twice_the_database(filled: AppContext,
                                                                   tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    db = _path(filled)
    start = datetime(2026, 5, 1, 9)
    for day in range(14):
        make_person(filled, name=f"第{day}天")
        assert auto_backup(filled, folder, now=start + timedelta(days=day)) is not None
        total = sum(p.stat().st_size for p in folder.iterdir())
        assert total <= 2 * db.stat().st_size
    assert all(p.name.endswith(default_suffix()) for p in folder.iterdir())


@pytest.mark.postgres
def test_postgres_restore_refused_while_another_session_is_open(
        pg_url: str, tmp_path: Path) -> None:
    from sqlalchemy import text

    if bk.find_pg_tool("pg_dump") is None:
        pytest.skip("pg_dump not installed")
    ctx = signed_in(open_context(pg_url, migrate_backup=False))
    try:
        copy = backup(ctx, tmp_path / "pg.dump")
        with ctx.db.engine.connect() as other:  # another window or process, connected
            other.execute(text("SELECT 1"))
            with pytest.raises(DatabaseInUse):
                restore(pg_url, copy, aside_dir=tmp_path / "aside")
        assert not (tmp_path / "aside").exists()
    finally:
        ctx.db.dispose()
    restore(pg_url, copy, aside_dir=tmp_path / "aside")


def test_backup_path_is_never_the_database(filled: AppContext) -> None:
    before = os.stat(_path(filled)).st_size
    with pytest.raises(Exception, match="open database"):
        backup(filled, _path(filled), force=True)
    assert os.stat(_path(filled)).st_size == before


def _damage_pages(path: Path) -> None:
    """Zero the middle of every page after the first few: b-tree pages no longer parse."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(3 * page, len(data), page):
        data[start + 8: start + 200] = bytes(192)
    path.write_bytes(bytes(data))


def test_a_backup_of_a_damaged_snapshot_is_refused_and_leaves_nothing(
        filled: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The backup's own check (quick_check, B11 speed) still refuses a damaged copy."""
    real_copy = sqlite_copy.online_copy

    def damaged(source: Path, target: Path, conn: object = None, **_: object) -> Path:
        real_copy(source, target)
        _damage_pages(target)
        return target

    monkeypatch.setattr(sqlite_copy, "online_copy", damaged)
    assert not sqlite_copy.integrity_ok(damaged(_path(filled), tmp_path / "probe.db"),
                                        quick=True)
    out = tmp_path / "out"
    with pytest.raises(bk.BackupError, match="check"):
        backup(filled, out / "x.db.zst")
    assert not out.exists() or list(out.iterdir()) == []
