"""0007 → 0008: a database of the previous schema upgrades in place; its demands, activities
and matches keep their rows, each match gets the date of its present stage, and the schema
then equals the models (nothing left for autogenerate)."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from ttdesk.db import migrate
from ttdesk.db import models as M
from ttdesk.db.engine import Database, connect

ROWS = [
    "INSERT INTO company (id, name, credit_code, region, is_spinoff, is_high_tech, is_zjtx, "
    "is_imported, version, created_at, updated_at, is_active) VALUES (1, '北京固锂科技有限公司', "
    "'91110108MA01ABCD1X', 'beijing', FALSE, FALSE, FALSE, FALSE, 1, '2025-01-01 00:00:00', "
    "'2025-01-01 00:00:00', TRUE)",
    "INSERT INTO achievement (id, case_no, title, kind, disclosure_date, research_stage, secrecy, "
    "source, status, no_funding, is_imported, version, created_at, updated_at) VALUES (1, "
    "'CG-2024-0001', '固态电解质', 'patent', '2024-01-05', 'research', 'none', "
    "'own_disclosure', 'marketing', FALSE, FALSE, 1, '2025-01-01 00:00:00', "
    "'2025-01-01 00:00:00')",
    "INSERT INTO demand (id, company_id, need, field, raised_on, source) VALUES (1, 1, "
    "'寻求固态电池技术', '新能源', '2025-02-01', 'park_list')",
    "INSERT INTO match_activity (id, kind, held_on, title, participants) VALUES (1, "
    "'roadshow', '2025-03-01', '新能源专场路演', 80)",
    "INSERT INTO match (id, demand_id, achievement_id, activity_id, company_id, outcome, "
    "updated_on) VALUES (1, 1, 1, 1, 1, 'nda', '2025-03-10')",
]


def _check_upgrade(url: str) -> None:
    db: Database = connect(url)
    try:
        with db.engine.begin() as conn:
            command.upgrade(migrate._alembic_config(conn), "0007_spinoff_managers")
            for sql in ROWS:
                conn.execute(text(sql))
        assert migrate.upgrade(db) == migrate.HEAD_REVISION
        with db.engine.connect() as conn:
            got = conn.execute(text(
                "SELECT outcome, contacted_on, nda_on, deal_on, officer_id, deal_id FROM match"
            )).one()
            assert tuple(str(v) if v is not None else None for v in got) == (
                "nda", None, "2025-03-10", None, None, None)
            assert conn.execute(text("SELECT need, park FROM demand")).one() == (
                "寻求固态电池技术", None)
            assert conn.execute(text("SELECT title, place FROM match_activity")).one() == (
                "新能源专场路演", None)
            assert conn.execute(text("SELECT count(*) FROM promotion")).scalar() == 0
            diff = compare_metadata(MigrationContext.configure(conn), M.Base.metadata)
        assert diff == [], diff
    finally:
        db.dispose()


def test_a_0007_sqlite_database_upgrades(db_url: str) -> None:
    _check_upgrade(db_url)


@pytest.mark.postgres
def test_a_0007_postgresql_database_upgrades(pg_url: str) -> None:
    _check_upgrade(pg_url)
