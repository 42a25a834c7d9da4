"""0003 → 0004: a database of the previous schema upgrades in place; its people, departments
and companies become active and searchable by pinyin initials; attachments keep their bytes."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from ttdesk.core.base.context import AppContext
from ttdesk.core.views import choices
from ttdesk.db import migrate
from ttdesk.db.engine import Database, connect

ROWS = [
    "INSERT INTO department (id, code, name) VALUES (1, 'D01', '材料科学与工程学院')",
    "INSERT INTO person (id, staff_no, name, department_id, is_unit_head, is_student, "
    "is_external, created_at, updated_at) VALUES (1, 'JH000001', '欧阳明', 1, FALSE, FALSE, "
    "FALSE, '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
    "INSERT INTO company (id, name, credit_code, region, is_spinoff, is_high_tech, is_zjtx, "
    "is_imported, version, created_at, updated_at) VALUES (1, '北京固锂科技有限公司', "
    "'91110108MA01ABCD1X', 'beijing', TRUE, FALSE, FALSE, FALSE, 1, '2025-01-01 00:00:00', "
    "'2025-01-01 00:00:00')",
    "INSERT INTO attachment (id, entity_type, entity_id, filename, sha256, content, "
    "created_at, updated_at) VALUES (1, 'company', 1, 'a.txt', 'abc', :blob, "
    "'2025-01-01 00:00:00', '2025-01-01 00:00:00')",
]


def _upgrade_from_0003(url: str) -> None:
    db: Database = connect(url)
    try:
        with db.engine.begin() as conn:
            command.upgrade(migrate._alembic_config(conn), "0003_ledger_match_index")
            for sql in ROWS:
                conn.execute(text(sql), {"blob": b"hello"} if ":blob" in sql else {})
        assert migrate.upgrade(db) == migrate.HEAD_REVISION
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT is_active, search_key, merged_into_id, "
                                     "entrepreneurship FROM person")).one() == (
                True, "欧阳明|oym|ouyangming|jh000001", None, None)
            assert conn.execute(text("SELECT kind, is_active FROM department")).one() == (
                "college", True)
            assert conn.execute(text("SELECT content, size FROM attachment")).one() == (
                b"hello", None)
        ctx = AppContext(db)
        assert [p.staff_no for p in choices.find_people(ctx, "oym")] == ["JH000001"]
        assert choices.find_companies(ctx, "bjgl") == [("91110108MA01ABCD1X",
                                                        "北京固锂科技有限公司")]
        assert choices.find_departments(ctx, "clkx") == [("D01", "材料科学与工程学院")]
    finally:
        db.dispose()


def test_a_0003_sqlite_database_upgrades(db_url: str) -> None:
    _upgrade_from_0003(db_url)


@pytest.mark.postgres
def test_a_0003_postgresql_database_upgrades(pg_url: str) -> None:
    _upgrade_from_0003(pg_url)
