"""The schema-version gate, with two versions of the app: a newer app copies the database
(SQLite file; PostgreSQL through pg_dump) and migrates it; an older app — its HEAD_REVISION
behind the database's — is refused with a message naming both versions, nothing changed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from ttdesk.cli.main import main
from ttdesk.core.base.context import AppContext
from ttdesk.core.office.setup import open_context
from ttdesk.db import migrate
from ttdesk.db.engine import connect
from ttdesk.db.pg_dump import find_pg_dump
from ttdesk.errors import BackupBeforeMigrationFailed, SchemaTooNew

FUTURE = "0099_from_a_newer_ttdesk"
# the revision before today's head: what the previous release left (and knew)
PREVIOUS = str(migrate._scripts().get_revision(migrate.HEAD_REVISION).down_revision)


def _revision(url: str) -> str | None:
    db = connect(url)
    try:
        with db.engine.connect() as conn:
            return migrate.current_revision(conn)
    finally:
        db.dispose()


def _stamp(ctx: AppContext, revision: str) -> None:
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


def test_a_database_of_a_newer_app_is_refused_naming_both_versions(any_ctx: AppContext) -> None:
    _stamp(any_ctx, FUTURE)
    url = any_ctx.db.engine.url.render_as_string(hide_password=False)
    with pytest.raises(SchemaTooNew) as refused:
        open_context(url, migrate_backup=False)
    for lang in ("zh", "en"):
        assert FUTURE in refused.value.message(lang)
        assert migrate.HEAD_REVISION in refused.value.message(lang)
    assert _revision(url) == FUTURE


def test_the_command_line_refuses_a_newer_database_in_one_line(ctx: AppContext, capsys) -> None:
    _stamp(ctx, FUTURE)
    assert main(["--db", ctx.db.url, "list", "cases"]) == 1
    err = capsys.readouterr().err
    assert FUTURE in err and migrate.HEAD_REVISION in err and "Traceback" not in err


def test_an_older_app_is_refused_by_a_migrated_database(any_ctx: AppContext,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The older app: its revision set ends at PREVIOUS; the database is at today's head."""
    head = migrate.HEAD_REVISION
    assert PREVIOUS in migrate.known_revisions() and head != PREVIOUS
    older = {r for r in migrate.known_revisions() if r != head}  # the older app's set
    monkeypatch.setattr(migrate, "HEAD_REVISION", PREVIOUS)
    monkeypatch.setattr(migrate, "known_revisions", lambda: older)
    with pytest.raises(SchemaTooNew) as refused:
        migrate.upgrade(any_ctx.db)
    text_zh = refused.value.message("zh")
    assert f"数据库结构版本 {head}" in text_zh and f"本程序为 {PREVIOUS}" in text_zh


def _at_previous(url: str) -> None:
    """A database as the previous release left it, with one department in it."""
    db = connect(url)
    try:
        with db.engine.begin() as conn:
            command.upgrade(migrate._alembic_config(conn), PREVIOUS)
            conn.execute(text("INSERT INTO department (id, code, name) "
                              "VALUES (1, 'D01', '材料科学与工程学院')"))
    finally:
        db.dispose()


@pytest.mark.postgres
def test_a_newer_app_dumps_the_server_database_then_migrates(pg_url: str,
                                                            tmp_path: Path) -> None:
    program = find_pg_dump()
    if program is None:
        pytest.skip("no pg_dump")
    _at_previous(pg_url)
    db = connect(pg_url)
    try:
        assert migrate.upgrade(db, tmp_path / "backups") == migrate.HEAD_REVISION
    finally:
        db.dispose()
    [copy] = (tmp_path / "backups").iterdir()
    assert copy.name.endswith(".pgdump") and f"before-{PREVIOUS}" in copy.name
    assert copy.stat().st_mode & 0o077 == 0
    listing = subprocess.run([str(program.with_name("pg_restore")), "--list", str(copy)],
                             capture_output=True, text=True, check=True).stdout
    assert "TABLE DATA public department" in listing
    assert _revision(pg_url) == migrate.HEAD_REVISION


@pytest.mark.postgres
def test_no_migration_without_the_copy(pg_url: str, tmp_path: Path) -> None:
    _at_previous(pg_url)
    db = connect(pg_url)
    try:
        with pytest.raises(BackupBeforeMigrationFailed, match="pg_dump"):
            migrate.upgrade(db, tmp_path / "backups", pg_dump=str(tmp_path / "no-pg_dump"))
    finally:
        db.dispose()
    assert _revision(pg_url) == PREVIOUS
    assert not any((tmp_path / "backups").glob("*"))
