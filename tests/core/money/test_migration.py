"""0001 → 0002: a database written by the previous release, with money data in it, upgrades
in place with every row intact; the migrated schema equals the models' (no drift)."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from ttdesk.db import migrate
from ttdesk.db import models as M
from ttdesk.db.engine import Database, connect

ROWS = [
    "INSERT INTO deal (id, deal_no, title, mode, deferred_payment, related_party_declared, "
    "status, is_imported, version, royalty_rate, created_at, updated_at) VALUES (1, "
    "'HT-2025-0001', '固态电池专利许可', 'license_exclusive', 0, 0, 'performing', 0, 3, 35000, "
    "'2025-01-01 00:00:00', '2025-01-01 00:00:00')",
    "INSERT INTO receipt (id, deal_id, received_on, amount, kind, sales_base, created_at, "
    "updated_at) VALUES (1, 1, '2025-03-01', 100000000, 'royalty', 2857142857, "
    "'2025-03-01 00:00:00', '2025-03-01 00:00:00')",
    "INSERT INTO cost (id, deal_id, incurred_on, amount, category, deductible, created_at, "
    "updated_at) VALUES (1, 1, '2025-01-02', 5000000, 'legal', 1, '2025-01-02 00:00:00', "
    "'2025-01-02 00:00:00')",
    "INSERT INTO company (id, name, credit_code, region, is_spinoff, is_high_tech, is_zjtx, "
    "is_imported, version, created_at, updated_at) VALUES (1, '北京固锂科技有限公司', "
    "'91110108MA01ABCD1X', 'beijing', 1, 0, 0, 0, 1, '2025-01-01 00:00:00', "
    "'2025-01-01 00:00:00')",
    "INSERT INTO equity_event (id, company_id, deal_id, kind, happened_on, amount, percentage) "
    "VALUES (1, 1, 1, 'formation', '2025-02-01', 900000000, 400000)",
]


def _bool_fix(sql: str, dialect: str) -> str:
    """PostgreSQL booleans are not integers."""
    if dialect != "postgresql":
        return sql
    return sql.replace(", 0, 0, 'performing', 0,", ", false, false, 'performing', false,") \
        .replace("'legal', 1,", "'legal', true,") \
        .replace("'beijing', 1, 0, 0, 0,", "'beijing', true, false, false, false,")


def _migrate_to(db: Database, revision: str) -> None:
    with db.engine.begin() as conn:
        command.upgrade(migrate._alembic_config(conn), revision)


def _check_upgrade(url: str) -> None:
    db = connect(url)
    try:
        _migrate_to(db, "0001_baseline")
        with db.engine.begin() as conn:
            for sql in ROWS:
                conn.execute(text(_bool_fix(sql, conn.dialect.name)))
        assert migrate.upgrade(db) == migrate.HEAD_REVISION
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
            assert conn.execute(text("SELECT amount, sales_base, milestone_id, "
                                     "royalty_report_id FROM receipt")).one() == (
                100000000, 2857142857, None, None)
            assert conn.execute(text("SELECT amount, reverses_id FROM cost")).one() == (
                5000000, None)
            assert conn.execute(text("SELECT deal_no, royalty_rate, royalty_period_months, "
                                     "version FROM deal")).one() == ("HT-2025-0001", 35000,
                                                                     None, 3)
            assert conn.execute(text("SELECT amount, percentage, capital_after, receipt_id "
                                     "FROM equity_event")).one() == (900000000, 400000, None,
                                                                     None)
            diff = compare_metadata(MigrationContext.configure(conn), M.Base.metadata)
        assert diff == [], diff
        with db.write_session() as s, s.begin():
            s.add(M.RoyaltyReport(deal_id=1, period_start=date(2025, 1, 1),
                                  period_end=date(2025, 3, 31), sales_base=1))
    finally:
        db.dispose()


def test_a_0001_database_with_money_upgrades_intact(db_url: str) -> None:
    _check_upgrade(db_url)


@pytest.mark.postgres
def test_a_0001_postgresql_database_upgrades_intact(pg_url: str) -> None:
    _check_upgrade(pg_url)
