"""0003 → head: a database of schema 0003 with unit heads and a self-implementation deal
upgrades in place; every unit head becomes a principal leader (the only kind the old rule
meant), everyone else has no leading post; the self deal and its achievement carry across
with no production start, no profit entries and no public-interest flag."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from ttdesk.core.base.context import AppContext
from ttdesk.core.views import master_data
from ttdesk.db import migrate
from ttdesk.db.engine import Database, connect

_AT = "'2025-01-01 00:00:00', '2025-01-01 00:00:00'"
ROWS = [
    "INSERT INTO department (id, code, name) VALUES (1, 'D01', '材料科学与工程学院')",
    *(f"INSERT INTO person (id, staff_no, name, department_id, is_unit_head, is_student, "
      f"is_external, created_at, updated_at) VALUES ({i}, 'JH00000{i}', '{name}', 1, {head}, "
      f"FALSE, FALSE, {_AT})"
      for i, name, head in ((1, "欧阳明", "TRUE"), (2, "李华", "FALSE"), (3, "王校长", "TRUE"))),
    "INSERT INTO achievement (id, case_no, title, kind, department_id, disclosure_date, "
    "research_stage, secrecy, source, status, no_funding, is_imported, version, created_at, "
    f"updated_at) VALUES (1, 'CG-2025-0001', '固态电解质', 'invention_patent', 1, '2025-01-02', "
    f"'research', 'none', 'own_disclosure', 'converting', TRUE, FALSE, 1, {_AT})",
    "INSERT INTO deal (id, deal_no, title, mode, deferred_payment, related_party_declared, "
    "status, is_imported, version, created_at, updated_at) VALUES (1, 'HT-2025-0001', "
    f"'自行实施固态电解质', 'self', FALSE, FALSE, 'performing', FALSE, 1, {_AT})",
    "INSERT INTO deal_achievement (deal_id, achievement_id) VALUES (1, 1)",
]


def _upgrade_from_0003(url: str) -> None:
    db: Database = connect(url)
    try:
        with db.engine.begin() as conn:
            command.upgrade(migrate._alembic_config(conn), "0003_ledger_match_index")
            for sql in ROWS:
                conn.execute(text(sql))
        assert migrate.upgrade(db) == migrate.HEAD_REVISION
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT staff_no, leader_level FROM person ORDER BY id")
                                ).all() == [("JH000001", "principal"), ("JH000002", "none"),
                                            ("JH000003", "principal")]
            cols = {r[0] for r in conn.execute(text(
                "SELECT * FROM person LIMIT 0")).cursor.description}
            assert "is_unit_head" not in cols
            assert conn.execute(text("SELECT public_interest FROM achievement")).one() == (
                False,)
            assert conn.execute(text("SELECT mode, production_start_date, status FROM deal")
                                ).one() == ("self", None, "performing")
            assert conn.execute(text("SELECT COUNT(*) FROM operating_profit")).scalar() == 0
        ctx = AppContext(db)
        levels = {p.staff_no: p.leader_level.value for p in master_data.people(ctx)}
        assert levels == {"JH000001": "principal", "JH000002": "none", "JH000003": "principal"}
    finally:
        db.dispose()


def test_a_0003_sqlite_database_with_unit_heads_upgrades(db_url: str) -> None:
    _upgrade_from_0003(db_url)


@pytest.mark.postgres
def test_a_0003_postgresql_database_with_unit_heads_upgrades(pg_url: str) -> None:
    _upgrade_from_0003(pg_url)
