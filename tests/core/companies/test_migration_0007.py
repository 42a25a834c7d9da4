"""0006 → 0007: a database of the previous schema upgrades in place; its milestones, people,
cases, deals and matches gain the follow-up and manager columns, empty."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from ttdesk.core.base.context import AppContext
from ttdesk.core.companies import milestones
from ttdesk.db import migrate
from ttdesk.db.engine import Database, connect

ROWS = [
    "INSERT INTO person (id, staff_no, name, is_unit_head, is_student, is_external, is_active,"
    " created_at, updated_at) VALUES (1, 'JH000001', '欧阳明', FALSE, FALSE, FALSE, TRUE,"
    " '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
    "INSERT INTO company (id, name, credit_code, region, is_spinoff, is_high_tech, is_zjtx, "
    "is_imported, is_active, version, created_at, updated_at) VALUES (1, '北京固锂科技有限公司',"
    " '91110108MA01ABCD1X', 'beijing', TRUE, FALSE, TRUE, FALSE, TRUE, 1,"
    " '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
    "INSERT INTO company_milestone (id, company_id, kind, happened_on, amount, note) VALUES "
    "(1, 1, 'zjtx', '2025-06-01', NULL, NULL)",
]


def _upgrade_from_0006(url: str) -> None:
    db: Database = connect(url)
    try:
        with db.engine.begin() as conn:
            command.upgrade(migrate._alembic_config(conn), "0006_pinyin_collation")
            for sql in ROWS:
                conn.execute(text(sql))
        assert migrate.upgrade(db) == migrate.HEAD_REVISION
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT investors, government_fund FROM "
                                     "company_milestone")).one() == (None, False)
            assert conn.execute(text("SELECT tech_manager_level, tech_manager_cert_no "
                                     "FROM person")).one() == (None, None)
            for table in ("achievement", "deal", "match"):
                assert conn.execute(text(f'SELECT count(manager_id) FROM "{table}"')
                                    ).scalar_one() == 0
        rows = milestones.of_company(AppContext(db), "91110108MA01ABCD1X")
        assert [(r.kind.value, r.government_fund) for r in rows] == [("zjtx", False)]
    finally:
        db.dispose()


def test_a_0006_sqlite_database_upgrades(db_url: str) -> None:
    _upgrade_from_0006(db_url)


@pytest.mark.postgres
def test_a_0006_postgresql_database_upgrades(pg_url: str) -> None:
    _upgrade_from_0006(pg_url)
