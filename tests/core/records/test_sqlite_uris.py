"""SQLite paths with `#`, `?`, `%`, spaces and Chinese (issue 15 §3): the engine, the
backup, the check of a backup, the restore, the copy before a migration and the CLI all
open the very file named — a backup of a `#` path used to be an empty database, exit 0."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from builders import make_person

from ttdesk.cli.main import main
from ttdesk.core.office.setup import open_context
from ttdesk.core.records.backup import backup, check_sqlite_backup, restore
from ttdesk.db import migrate
from ttdesk.db.engine import connect, normalize_url
from ttdesk.db.sqlite_copy import decompress_to, integrity_ok, online_copy

NAMES = ["a#b", "a?b", "100%", "a%20b", "with space", "成果 转化#1?x=y%", "?mode=rw"]


def _people(path: Path) -> int:
    conn = sqlite3.connect(path)  # the plain path: no URI parsing at all
    try:
        return conn.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("name", NAMES)
def test_every_path_opens_the_file_it_names(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    db = folder / f"{name}.db"
    ctx = open_context(str(db), migrate_backup=False)
    try:
        make_person(ctx, name="张三")
        assert ctx.db.sqlite_path == db.resolve()
        copy = backup(ctx, tmp_path / "out" / f"{name}.copy.db")
    finally:
        ctx.db.dispose()
    assert db.exists() and _people(db) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "out"])
    assert integrity_ok(copy) and _people(copy) == 1
    check_sqlite_backup(copy)
    # the copy made before a migration, and a restore onto the odd path
    aside = online_copy(db, folder / "before.db")
    assert _people(aside) == 1
    make_person_ctx = open_context(str(db), migrate_backup=False)
    make_person(make_person_ctx, name="李四")
    make_person_ctx.db.dispose()
    result = restore(str(db), copy, aside_dir=folder / "aside")
    assert _people(db) == 1 and result.set_aside is not None
    assert _people(decompress_to(result.set_aside, tmp_path / "aside.db")) == 2


@pytest.mark.parametrize("name", ["a#b", "a?b", "成果 转化%"])
def test_backup_before_a_migration_holds_the_tables(tmp_path: Path, name: str) -> None:
    db = tmp_path / name / "x.db"
    db.parent.mkdir()
    ctx = open_context(str(db), migrate_backup=False)
    make_person(ctx)
    ctx.db.dispose()
    database = connect(str(db))
    try:
        migrate.backup_before_migration(database, "0001", tmp_path / "bk")
    finally:
        database.dispose()
    (packed,) = list((tmp_path / "bk").iterdir())
    assert _people(decompress_to(packed, tmp_path / "plain.db")) == 1


def test_the_url_round_trips(tmp_path: Path) -> None:
    from sqlalchemy.engine import make_url

    from ttdesk.core.views.light import sqlite_file

    for name in NAMES:
        path = (tmp_path / name / "x.db").resolve()
        assert make_url(normalize_url(str(path))).database == str(path)
        assert make_url(normalize_url(path)).query == {}
        assert sqlite_file(normalize_url(path)) == path  # the fast first page reads it too


def test_cli_with_odd_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "科技#成果?%20 x" / "台账.db"
    assert main(["--db", str(db), "init"]) == 0
    out = tmp_path / "备份 #1?.db"
    assert main(["--db", str(db), "backup", "-o", str(out)]) == 0
    assert integrity_ok(out)
    check_sqlite_backup(out)
    assert main(["--db", str(db), "list", "cases"]) == 0
    assert main(["--db", str(db), "restore", str(out)]) == 0
    assert "Traceback" not in capsys.readouterr().err
