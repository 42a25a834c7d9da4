"""0004 → 0005: a database with an old-format audit trail (hex hashes, stored prev_hash, JSON
snapshots) is re-chained into the compact format with a `rechain` marker recording the old
head; a chain already broken before the migration shows in the marker and in `check`."""

from __future__ import annotations

import importlib
import json
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from ttdesk.core.base import chain_check
from ttdesk.db import migrate
from ttdesk.db import models as M
from ttdesk.db.engine import Database, connect
from ttdesk.db.types import unpack_json

OLD = importlib.import_module("ttdesk.db.migrations.versions.0005_audit_compact")


def _old_trail(db: Database, n: int) -> list[str]:
    """`n` departments and their insert events in the 0004 format; returns the hashes."""
    hashes, prev = [], "0" * 64
    with db.engine.begin() as conn:
        for i in range(1, n + 1):
            conn.execute(text("INSERT INTO department (id, code, name) VALUES (:i, :c, :n)"),
                         {"i": i, "c": f"D{i}", "n": f"学院{i}"})
            at = datetime(2026, 1, 1, 9, i, tzinfo=UTC)
            changes = {"after": {"id": i, "code": f"D{i}", "name": f"学院{i}", "parent_id": None}}
            digest = OLD._old_hash(prev, at, "tester", "insert", "department", i, changes)
            conn.execute(text(
                "INSERT INTO audit_event (id, at, actor, action, entity, entity_id, entity_ref, "
                "changes, prev_hash, hash) VALUES (:id, :at, 'tester', 'insert', 'department', "
                ":id, NULL, :ch, :prev, :h)"),
                {"id": i, "at": at.replace(tzinfo=None), "ch": json.dumps(changes),
                 "prev": prev, "h": digest})
            hashes.append(digest)
            prev = digest
        if conn.dialect.name == "postgresql":  # explicit ids: move the sequences past them
            for table in ("department", "audit_event"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"{n})"))
    return hashes


def _at_0004(url: str) -> Database:
    db = connect(url)
    with db.engine.begin() as conn:
        command.upgrade(migrate._alembic_config(conn), "0004_master_data")
    return db


def _walk(db: Database) -> chain_check.Walk:
    with db.write_session() as s:
        return chain_check.walk(s)


def _upgrade_whole_chain(url: str) -> None:
    db = _at_0004(url)
    try:
        hashes = _old_trail(db, 5)
        assert migrate.upgrade(db) == migrate.HEAD_REVISION
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, action, changes FROM audit_event "
                                     "ORDER BY id")).all()
            assert compare_metadata(MigrationContext.configure(conn), M.Base.metadata) == []
        # 0005 re-hashed the chain and so did 0014 (hashes over canonical change bytes)
        assert [r[1] for r in rows] == ["insert"] * 5 + ["rechain", "rechain"]
        assert unpack_json(rows[0][2]) == {"after": {"id": 1, "code": "D1", "name": "学院1"}}
        marker = unpack_json(rows[5][2])
        assert marker["old_head"] == {"id": 5, "hash": hashes[-1]}
        assert marker["old_chain_whole"] is True
        second = unpack_json(rows[6][2])
        assert second["old_chain_whole"] is True and second["old_head"]["id"] == 6
        walked = _walk(db)
        assert walked.findings == [] and walked.head_id == 7 and len(walked.head_hash) == 32
        with db.write_session() as s, s.begin():  # the chain goes on after the marker
            s.add(M.Department(code="NEW", name="新学院"))
        assert _walk(db).findings == [] and _walk(db).head_id == 8
    finally:
        db.dispose()


def test_a_0004_trail_is_rechained_with_a_marker(db_url: str) -> None:
    _upgrade_whole_chain(db_url)


@pytest.mark.postgres
def test_a_0004_postgresql_trail_is_rechained_with_a_marker(pg_url: str) -> None:
    _upgrade_whole_chain(pg_url)


def test_a_chain_cut_before_the_migration_is_recorded(db_url: str) -> None:
    db = _at_0004(db_url)
    try:
        _old_trail(db, 6)
        with db.engine.begin() as conn:  # events 2 and 3 removed behind the app's back
            conn.execute(text("DELETE FROM audit_event WHERE id IN (2, 3)"))
        migrate.upgrade(db)
        with db.engine.connect() as conn:
            marker = unpack_json(conn.execute(text(
                "SELECT changes FROM audit_event WHERE action = 'rechain' ORDER BY id "
                "LIMIT 1")).scalar_one())
        assert (marker["old_chain_whole"], marker["breaks"], marker["whole_since"]) == (
            False, [4], 4)
        walked = _walk(db)
        assert walked.whole_since == 4
        assert len(walked.findings) == 1 and "whole since event 4" in walked.findings[0]
    finally:
        db.dispose()
