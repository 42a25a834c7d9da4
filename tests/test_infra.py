"""The test infrastructure and the database plumbing under it: fixtures on both back ends,
migrations (head, too-new refusal, backup before migrating), SQLite pragmas, the self-test."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from ttdesk.core.base.context import AppContext
from ttdesk.core.office.setup import data_dir, open_context
from ttdesk.core.views.stats import count_achievements
from ttdesk.db import migrate
from ttdesk.db.engine import connect
from ttdesk.db.sqlite_copy import decompress_to
from ttdesk.errors import SchemaTooNew
from ttdesk.fonts import DEBIAN_PACKAGE, FontNotFound, find_cjk_font

FUTURE_REVISION = "9999_from_a_newer_ttdesk"


def revision_of(ctx: AppContext) -> str | None:
    with ctx.db.engine.connect() as conn:
        return migrate.current_revision(conn)


def stamp(ctx: AppContext, revision: str) -> None:
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


# ---- fixtures and isolation -------------------------------------------------------------------

def test_tests_never_touch_the_real_data_folder() -> None:
    home = Path(os.environ["TTDESK_HOME"])
    assert data_dir() == home
    assert home.is_relative_to(tempfile.gettempdir())
    assert "TTDESK_DB" not in os.environ
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"


def test_any_ctx_is_migrated_and_seeded(any_ctx: AppContext) -> None:
    assert revision_of(any_ctx) == migrate.HEAD_REVISION
    tables = set(inspect(any_ctx.db.engine).get_table_names())
    assert {"achievement", "deal", "company", "audit_event", "alembic_version"} <= tables
    assert count_achievements(any_ctx) == 0


@pytest.mark.postgres
def test_pg_url_is_a_fresh_postgresql_15_database(pg_url: str) -> None:
    db = connect(pg_url)
    try:
        with db.engine.connect() as conn:
            version = int(conn.execute(text("SHOW server_version_num")).scalar_one())
            tables = inspect(conn).get_table_names()
    finally:
        db.dispose()
    assert version >= 150000
    assert tables == []


@pytest.mark.postgres
def test_open_context_migrates_an_empty_postgresql_database(pg_url: str) -> None:
    ctx = open_context(pg_url, migrate_backup=False)
    try:
        assert revision_of(ctx) == migrate.HEAD_REVISION
        assert count_achievements(ctx) == 0
    finally:
        ctx.db.dispose()


# ---- migrations -------------------------------------------------------------------------------

def test_head_revision_matches_the_migration_scripts() -> None:
    assert migrate.script_head() == migrate.HEAD_REVISION
    assert migrate.HEAD_REVISION in migrate.known_revisions()


def test_a_database_from_a_newer_app_is_refused(any_ctx: AppContext) -> None:
    stamp(any_ctx, FUTURE_REVISION)
    with pytest.raises(SchemaTooNew, match=FUTURE_REVISION):
        migrate.upgrade(any_ctx.db)
    assert revision_of(any_ctx) == FUTURE_REVISION  # left untouched


def test_opening_a_newer_sqlite_file_is_refused(ctx: AppContext, db_url: str) -> None:
    stamp(ctx, FUTURE_REVISION)
    with pytest.raises(SchemaTooNew, match="newer TT Desk"):
        open_context(db_url, migrate_backup=False)


def test_upgrading_an_older_sqlite_file_backs_it_up_first(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One revision exists so far; pretend this app is one release ahead of the file.
    older = migrate.HEAD_REVISION
    monkeypatch.setattr(migrate, "HEAD_REVISION", "0002_next_release")
    backups = tmp_path / "backups"
    migrate.upgrade(ctx.db, backups)
    [packed] = backups.glob("*.db.*")
    assert f"before-{older}" in packed.name
    backup = decompress_to(packed, tmp_path / "plain.db")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(older,)]
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


def test_backup_before_migration_copies_the_file(ctx: AppContext, tmp_path: Path) -> None:
    target = migrate.backup_before_migration(ctx.db, "0000_old", tmp_path / "b")
    assert target is not None and target.exists() and target.parent == tmp_path / "b"
    assert "before-0000_old" in target.name
    assert migrate.backup_before_migration(ctx.db, None, tmp_path / "b") is None


def test_no_backup_when_already_at_head_or_brand_new(db_url: str, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    db = connect(db_url)
    try:
        assert migrate.upgrade(db, backups) == migrate.HEAD_REVISION  # new file: nothing to keep
        assert migrate.upgrade(db, backups) == migrate.HEAD_REVISION  # at head: no migration
    finally:
        db.dispose()
    assert not backups.exists() or not any(backups.iterdir())


@pytest.mark.postgres
def test_postgres_is_backed_up_with_pg_dump(pg_url: str, tmp_path: Path) -> None:
    db = connect(pg_url)
    try:
        target = migrate.backup_before_migration(db, "0000_old", tmp_path)
    finally:
        db.dispose()
    assert target is not None and target.suffix == ".pgdump" and target.stat().st_size > 0


def test_sqlite_connections_have_the_safety_pragmas(ctx: AppContext) -> None:
    with ctx.db.engine.connect() as conn:
        def pragma(name: str) -> object:
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("foreign_keys") == 1
        assert str(pragma("journal_mode")).lower() == "wal"
        assert int(pragma("busy_timeout")) >= 1000  # type: ignore[call-overload]


# ---- self-test and font -----------------------------------------------------------------------

def test_font_lookup_names_the_package_when_nothing_is_found(tmp_path: Path) -> None:
    with pytest.raises(FontNotFound, match=DEBIAN_PACKAGE):
        find_cjk_font([tmp_path / "missing.ttc"])
    assert find_cjk_font().is_file()


def test_self_test_passes_offscreen() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "ttdesk", "--self-test"], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("self-test ok")
