"""0011 → 0012: a database of the previous schema upgrades in place; its users keep their
rows (no failures, no lock, no person, no API key) and a local file gets its single user."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from ttdesk.core.base.context import AppContext
from ttdesk.core.office import logins
from ttdesk.db import migrate
from ttdesk.db.engine import Database, connect

USER = ("INSERT INTO app_user (id, username, display_name, role, is_active, created_at, "
        "updated_at) VALUES (7, 'zhang', '张经办', 'officer', TRUE, '2025-01-01 00:00:00', "
        "'2025-01-01 00:00:00')")


def _upgrade_from_0011(url: str) -> None:
    db: Database = connect(url)
    try:
        with db.engine.begin() as conn:
            command.upgrade(migrate._alembic_config(conn), "0011_audit_zstd")
            conn.execute(text(USER))
        assert migrate.upgrade(db) == migrate.HEAD_REVISION
        with db.engine.connect() as conn:
            assert conn.execute(text(
                "SELECT username, failed_logins, locked_until, person_id, api_key_hash "
                "FROM app_user")).one() == ("zhang", 0, None, None, None)
            assert conn.execute(text("SELECT count(*) FROM login_setting")).scalar() == 0
        ctx = AppContext(db)
        single = logins.single_user(ctx)
        if db.is_sqlite:
            assert single is not None and single.username == logins.SINGLE_USER
        else:
            assert single is None and logins.state(ctx).required
    finally:
        db.dispose()


def test_a_0011_sqlite_database_upgrades(db_url: str) -> None:
    _upgrade_from_0011(db_url)


@pytest.mark.postgres
def test_a_0011_postgresql_database_upgrades(pg_url: str) -> None:
    _upgrade_from_0011(pg_url)
