"""0012 → 0013: a database with a granted patent upgrades; the patent has no review yet, the
schema equals the models, and a review can be stored."""

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
            command.upgrade(migrate._alembic_config(conn), "0012_logins")
            conn.execute(text(
                "INSERT INTO achievement (id, case_no, title, kind, disclosure_date, "
                "research_stage, secrecy, source, status, no_funding, is_imported, version, "
                "public_interest, created_at, updated_at) VALUES (1, 'CG-2020-0001', '专利', "
                "'invention_patent', '2020-01-01', 'research', 'none', 'own_disclosure', "
                "'protecting', false, false, 1, false, '2020-01-01 00:00:00', "
                "'2020-01-01 00:00:00')"))
            conn.execute(text(
                "INSERT INTO ip_asset (id, achievement_id, kind, jurisdiction, application_no, "
                "filing_date, grant_date, status) VALUES (1, 1, 'invention_patent', 'CN', "
                "'ZL202010000001.1', '2020-01-15', '2023-02-01', 'granted')"))
        assert migrate.upgrade(db) == migrate.HEAD_REVISION
        with db.engine.begin() as conn:
            assert compare_metadata(MigrationContext.configure(conn), M.Base.metadata) == []
            assert conn.execute(text("SELECT count(*) FROM patent_review")).scalar() == 0
            conn.execute(text(
                "INSERT INTO patent_review (ip_asset_id, grade, decision, created_at, "
                "updated_at) VALUES (1, 'B', 'keep', '2026-12-01 00:00:00', "
                "'2026-12-01 00:00:00')"))
    finally:
        db.dispose()


def test_a_0012_database_upgrades(db_url: str) -> None:
    _carry_across(db_url)


@pytest.mark.postgres
def test_a_0012_postgresql_database_upgrades(pg_url: str) -> None:
    _carry_across(pg_url)
