"""0008 → 0009: a database with a signed, registered deal keeps it; the new registration,
licence-term and annual-report columns arrive empty and the schema equals the models."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from ttdesk.db import migrate
from ttdesk.db import models as M
from ttdesk.db.engine import connect


def _carry_across(url: str) -> None:
    db = connect(url)
    try:
        with db.engine.begin() as conn:
            command.upgrade(migrate._alembic_config(conn), "0008_market")
            conn.execute(text(
                "INSERT INTO deal (id, deal_no, title, mode, status, price, signing_date, "
                "registration_no, registration_date, deferred_payment, related_party_declared, "
                "is_imported, version, created_at, updated_at) VALUES (1, 'HT-2026-0001', "
                "'许可', 'license_exclusive', 'registered', 100000000, '2026-03-01', "
                "'2026110000123', '2026-03-20', false, false, false, 1, "
                "'2026-03-01 00:00:00', '2026-03-01 00:00:00')"))
        assert migrate.upgrade(db) == migrate.HEAD_REVISION
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), M.Base.metadata) == []
            row = conn.execute(text(
                "SELECT registration_no, registration_disputed, registration_contract_amount, "
                "term_end FROM deal")).one()
            assert tuple(row) == ("2026110000123", False, None, None)
            assert conn.execute(text("SELECT count(*) FROM registration_event")).scalar() == 0
    finally:
        db.dispose()


def test_a_0008_database_upgrades(db_url: str) -> None:
    _carry_across(db_url)


@pytest.mark.postgres
def test_a_0008_postgresql_database_upgrades(pg_url: str) -> None:
    _carry_across(pg_url)
