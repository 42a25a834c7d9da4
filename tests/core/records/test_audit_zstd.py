"""Audit events packed with zstd and a trained dictionary (B1): smaller than zlib-packed
JSON, read back identically, hashed over the stored bytes (tampering still breaks the
chain), and a database whose events were written before (schema 0010, plain and zlib JSON)
upgrades with its history readable and its chain whole."""

from __future__ import annotations

import json
import zlib
from datetime import datetime

import pytest
from alembic import command
from builders import signed_in
from sqlalchemy import text

from ttdesk.core.base import audit, chain_check
from ttdesk.core.base.context import AppContext
from ttdesk.core.office.setup import open_context
from ttdesk.core.records.row_history import row_history_findings
from ttdesk.db import migrate
from ttdesk.db.engine import Database, connect
from ttdesk.db.models import Department, Person
from ttdesk.db.types import EVENT_ZSTD, pack_event, pack_json, unpack_json

SNAPSHOT = {"after": {"case_no": "CG-2026-0042", "title": "一种固态锂电池电解质及其制备方法",
                      "kind": "patent", "status": "disclosed", "department_id": 7,
                      "disclosure_date": "2026-03-02", "research_stage": "prototype",
                      "secrecy": "none", "source": "own_disclosure", "no_funding": False,
                      "is_imported": False, "version": 1}}


def test_a_snapshot_is_packed_smaller_than_zlib_and_reads_back() -> None:
    packed = pack_event(SNAPSHOT)
    assert packed[:1] == EVENT_ZSTD
    raw = json.dumps(SNAPSHOT, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    assert len(packed) * 2 < min(len(raw.encode()), len(zlib.compress(raw.encode(), 9)))
    assert unpack_json(packed) == SNAPSHOT
    assert pack_event({}) == b"{}"  # nothing to gain: stored as plain JSON
    assert unpack_json(pack_event({})) == {}


def _events(ctx: AppContext) -> list[tuple[int, bytes]]:
    with ctx.read() as s:
        return [(i, bytes(c)) for i, c in s.execute(
            text("SELECT id, changes FROM audit_event ORDER BY id"))]


def test_events_written_through_the_orm_are_zstd_and_the_chain_holds(any_ctx) -> None:
    with any_ctx.write() as s:
        dept = Department(code="MSE", name="材料科学与工程学院")
        s.add(Person(staff_no="T001", name="王海燕", department=dept, id_number="110101"))
    events = _events(any_ctx)
    assert events and all(c[:1] in (EVENT_ZSTD, b"{") for _, c in events)
    assert any(c[:1] == EVENT_ZSTD for _, c in events)
    with any_ctx.read() as s:
        assert chain_check.walk(s).findings == []
        assert row_history_findings(s) == []
        names = [unpack_json(c).get("after", {}).get("name") for _, c in events]
    assert "王海燕" in names
    # one byte of a packed event changed in SQL: the chain shows it
    target, packed = next((i, c) for i, c in events if c[:1] == EVENT_ZSTD)
    with any_ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET changes = :c WHERE id = :i"),
                     {"c": packed[:-1] + bytes([packed[-1] ^ 1]), "i": target})
    with any_ctx.read() as s:
        assert chain_check.walk(s).findings == [f"audit event {target}: hash chain broken"]


def _old_events(db: Database) -> None:
    """Two departments with their insert events as schema 0010 wrote them: a small one as
    plain JSON, a large one zlib-packed (`pack_json`)."""
    prev = audit.GENESIS
    with db.engine.begin() as conn:
        for i, name in ((1, "学院"), (2, "材料科学与工程学院" * 8)):
            conn.execute(text("INSERT INTO department (id, code, name, kind, is_active) "
                              "VALUES (:i, :c, :n, 'college', TRUE)"),
                         {"i": i, "c": f"D{i}", "n": name})
            changes = pack_json({"after": {"code": f"D{i}", "name": name, "kind": "college",
                                           "is_active": True}})
            assert changes[:1] == (b"{" if i == 1 else b"x")
            at = datetime(2026, 1, 1, 9, i)
            prev = audit.link(prev, audit.at_text(at), "tester", "insert", "department", i,
                              None, changes)
            conn.execute(text(
                "INSERT INTO audit_event (id, at, actor, action, entity, entity_id, entity_ref, "
                "changes, hash) VALUES (:i, :at, 'tester', 'insert', 'department', :i, NULL, "
                ":ch, :h)"), {"i": i, "at": at, "ch": changes, "h": prev})
        if conn.dialect.name == "postgresql":
            for table in ("department", "audit_event"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 2)"))


def _check_upgrade(url: str) -> None:
    db = connect(url)
    try:
        with db.engine.begin() as conn:
            command.upgrade(migrate._alembic_config(conn), "0010_leaders_profit")
        _old_events(db)
        assert migrate.upgrade(db) == migrate.HEAD_REVISION
    finally:
        db.dispose()
    ctx = signed_in(open_context(url, migrate_backup=False))
    try:
        with ctx.write() as s:
            s.add(Department(code="NEW", name="新学院：" + "智能制造与机器人" * 4))
        events = _events(ctx)
        assert [c[:1] for _, c in events][:2] == [b"{", b"x"]  # kept as they were
        assert events[-1][1][:1] == EVENT_ZSTD  # written after the upgrade
        with ctx.read() as s:
            assert chain_check.walk(s).findings == []
            assert row_history_findings(s) == []
        assert unpack_json(events[1][1])["after"]["name"].startswith("材料科学")
    finally:
        ctx.db.dispose()


def test_a_0010_sqlite_database_upgrades(db_url: str) -> None:
    _check_upgrade(db_url)


@pytest.mark.postgres
def test_a_0010_postgresql_database_upgrades(pg_url: str) -> None:
    _check_upgrade(pg_url)

