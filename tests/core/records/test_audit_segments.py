"""Sealed audit segments (schema 0014, B1): runs of events stored as one compressed row with
one hash. Sealing keeps the chain, the history and the row check whole; any change to a
segment made outside TT Desk shows, in the chain or against an anchor."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from tests.builders import signed_in
from ttdesk.core.base import audit, audit_store, chain_check, chain_key
from ttdesk.core.base.context import AppContext
from ttdesk.core.office.setup import open_context
from ttdesk.core.records import anchor
from ttdesk.core.records.check import run_check
from ttdesk.core.records.row_history import row_history_findings
from ttdesk.core.views.parts import history
from ttdesk.db import migrate
from ttdesk.db import models as M
from ttdesk.db.engine import Database, connect
from ttdesk.db.models import Department
from ttdesk.db.types import EVENT_ZSTD, event_json, pack_raw

SMALL = 8  # events per segment in these tests (4096 in use)


@pytest.fixture(autouse=True)
def _small_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit_store, "SEAL_AT", SMALL)


def _departments(ctx: AppContext, n: int, start: int = 0) -> list[int]:
    ids = []
    for i in range(start, start + n):  # one unit of work each: one event each
        with ctx.write() as s:
            d = Department(code=f"D{i:03d}", name=f"学院{i}")
            s.add(d)
            s.flush()
            ids.append(d.id)
    return ids


def _segments(ctx: AppContext) -> list[tuple[int, int]]:
    with ctx.read() as s:
        return [tuple(r) for r in s.execute(text(
            "SELECT first_id, last_id FROM audit_segment ORDER BY first_id"))]


def _loose(ctx: AppContext) -> int:
    with ctx.read() as s:
        return s.execute(text("SELECT COUNT(*) FROM audit_event")).scalar_one()


def _findings(ctx: AppContext) -> list[str]:
    with ctx.read() as s:
        return audit.verify_chain(s)


def _rewrite_segment(ctx: AppContext, first: int, edit) -> None:
    """What someone with the file and this code can do: decode a segment, change an event,
    encode it again (keeping the stored head)."""
    with ctx.db.engine.begin() as conn:
        body = conn.execute(text("SELECT body FROM audit_segment WHERE first_id = :f"),
                            {"f": first}).scalar_one()
        events = [list(e) for e in audit_store.decode(body)]
        edit(events)
        conn.execute(text("UPDATE audit_segment SET body = :b WHERE first_id = :f"),
                     {"b": audit_store.encode([tuple(e) for e in events]), "f": first})


def _renamed(events: list[list]) -> None:
    changes = json.loads(events[1][7])
    changes["after"]["name"] = "影子学院"
    events[1][7] = json.dumps(changes, ensure_ascii=False, separators=(",", ":"),
                              sort_keys=True).encode()


def test_loose_events_are_sealed_and_everything_still_reads(ctx: AppContext) -> None:
    with ctx.read() as s:
        before = audit_store.count(s)  # the settings a new database starts with
    ids = _departments(ctx, 3 * SMALL)
    segments = _segments(ctx)
    assert segments and all(last - first + 1 <= SMALL for first, last in segments)
    assert _loose(ctx) < 2 * SMALL  # the oldest run went into a segment once 2 × SMALL were loose
    with ctx.read() as s:
        assert audit_store.count(s) == before + 3 * SMALL
        assert audit.verify_chain(s) == []
        sealed = history(s, {"department": [ids[0]]})  # its event is in the first segment
        loose = history(s, {"department": [ids[-1]]})
        assert row_history_findings(s) == []
    assert any(first <= sealed[0].id <= last for first, last in segments)
    assert not any(first <= loose[0].id <= last for first, last in segments)
    assert [e.changes["after"]["name"] for e in sealed] == ["学院0"]
    assert [e.changes["after"]["name"] for e in loose] == [f"学院{3 * SMALL - 1}"]
    assert run_check(ctx).findings == []


def test_an_event_changed_inside_a_segment_breaks_the_chain_at_its_end(ctx: AppContext) -> None:
    _departments(ctx, 3 * SMALL)
    first, last = _segments(ctx)[0]
    _rewrite_segment(ctx, first, _renamed)
    assert f"audit event {last}: hash chain broken" in _findings(ctx)
    assert any(p.rule == "AUDIT" for p in run_check(ctx).findings)


def test_a_damaged_or_deleted_segment_shows(ctx: AppContext) -> None:
    _departments(ctx, 4 * SMALL)
    (first, last), (second, _) = _segments(ctx)[:2]
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_segment SET body = :b WHERE first_id = :f"),
                     {"b": b"\x28\xb5\x2f\xfd garbage", "f": first})
    found = _findings(ctx)
    assert f"audit events {first}–{last}: sealed segment unreadable (changed outside " \
           "TT Desk)" in found
    assert any("hash chain broken" in f for f in found)  # the next one no longer chains on
    with ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_segment WHERE first_id = :f"), {"f": second})
    assert any("hash chain broken" in f for f in _findings(ctx))


def test_a_row_changed_behind_the_app_is_found_from_its_sealed_history(ctx: AppContext
                                                                       ) -> None:
    ids = _departments(ctx, 3 * SMALL)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE department SET name = '外部修改' WHERE id = :i"), {"i": ids[0]})
        conn.execute(text("DELETE FROM department WHERE id = :i"), {"i": ids[1]})
    with ctx.read() as s:
        found = [(p.field, p.en) for p in row_history_findings(s)]
    assert ("name", 'differs from its audit history: recorded "学院0", found "外部修改"') in found
    assert (None, "row deleted without an audit event") in found


def test_an_anchor_inside_a_segment_is_proven_and_a_rebuilt_segment_is_not(
        ctx: AppContext) -> None:
    _departments(ctx, 2)
    mark = anchor.current(ctx)
    _departments(ctx, 3 * SMALL, start=2)
    assert any(f <= mark.sequence <= la for f, la in _segments(ctx))  # now sealed
    assert anchor.prove(ctx, mark) == []
    # the first segment rewritten and the whole chain after it re-hashed: it verifies again
    first, _ = _segments(ctx)[0]
    _rewrite_segment(ctx, first, _renamed)
    _rehash_everything(ctx)
    assert _findings(ctx) == []
    problems = anchor.prove(ctx, mark)
    assert [p.en for p in problems] == [
        f"event {mark.sequence} no longer has the anchored hash: the chain was rewritten at "
        "or before it"]


def _rehash_everything(ctx: AppContext) -> None:
    with ctx.db.engine.begin() as conn, ctx.read() as s:
        prev = audit.GENESIS
        for e in list(audit_store.events(s)):
            prev = audit.link(prev, *e[1:8])
            if e[8] is None:
                continue
            if conn.execute(text("UPDATE audit_segment SET head = :h WHERE last_id = :i"),
                            {"h": prev, "i": e[0]}).rowcount == 0:
                conn.execute(text("UPDATE audit_event SET hash = :h WHERE id = :i"),
                             {"h": prev, "i": e[0]})


@pytest.mark.postgres
def test_bulk_writes_on_the_server_seal_a_keyed_chain(pg_url: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from ttdesk.core.demo.generate import generate

    key = tmp_path / "chain.key"
    key.write_bytes(bytes(range(7, 55)))
    monkeypatch.setenv(chain_key.ENV, str(key))
    ctx = signed_in(open_context(pg_url, migrate_backup=False))
    try:
        generate(ctx, cases=6, seed=3)
        segments = _segments(ctx)
        assert segments
        assert _findings(ctx) == []
        monkeypatch.delenv(chain_key.ENV)  # without the key the same chain does not verify
        assert any("hash chain broken" in f for f in _findings(ctx))
    finally:
        ctx.db.dispose()


def _trail_at_0013(url: str, n: int) -> tuple[Database, list[bytes]]:
    """A database of schema 0013 with `n` departments and their events, packed and hashed as
    that schema did (the hash over the stored, zstd-packed bytes)."""
    db = connect(url)
    with db.engine.begin() as conn:
        command.upgrade(migrate._alembic_config(conn), "0013_patent_review")
        prev, hashes = audit.GENESIS, []
        deps, events = [], []
        for i in range(1, n + 1):
            deps.append({"i": i, "c": f"D{i:05d}", "n": f"学院{i}"})
            raw = pack_raw(event_json({"after": {"code": f"D{i:05d}", "is_active": True,
                                                 "kind": "college", "name": f"学院{i}"}}))
            assert raw[:1] == EVENT_ZSTD
            at = datetime(2026, 1, 1, 9, 0, tzinfo=UTC) + timedelta(seconds=i)
            prev = audit.link(prev, audit.at_text(at), "tester", "insert", "department", i,
                              None, raw)
            hashes.append(prev)
            events.append({"i": i, "at": at.replace(tzinfo=None), "ch": raw, "h": prev})
        conn.execute(text("INSERT INTO department (id, code, name, kind, is_active) "
                          "VALUES (:i, :c, :n, 'college', TRUE)"), deps)
        conn.execute(text(
            "INSERT INTO audit_event (id, at, actor, action, entity, entity_id, entity_ref, "
            "changes, hash) VALUES (:i, :at, 'tester', 'insert', 'department', :i, NULL, :ch, "
            ":h)"), events)
    return db, hashes


def _upgrade_seals(url: str) -> None:
    n = 4096 + 100
    db, hashes = _trail_at_0013(url, n)
    try:
        old_origin = hashes[0].hex()[:16]
        assert migrate.upgrade(db) == migrate.HEAD_REVISION
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), M.Base.metadata) == []
            assert conn.execute(text("SELECT first_id, last_id FROM audit_segment")).all() == [
                (1, 4096)]
            assert conn.execute(text("SELECT COUNT(*) FROM audit_event")).scalar_one() == 101
        ctx = signed_in(AppContext(db=db))
        with ctx.read() as s:
            walked = chain_check.walk(s)
            assert walked.findings == [] and walked.head_id == n + 1
            assert row_history_findings(s) == []
            sealed = history(s, {"department": [7]})
        assert [e.changes["after"]["name"] for e in sealed] == ["学院7"]
        marker = walked.rechains[n + 1]
        assert (marker["old_origin"], marker["old_head"]) == (
            old_origin, {"id": n, "hash": hashes[-1].hex()})
        # anchors printed before: the old head is proven, an older event cannot be any more
        assert anchor.prove(ctx, anchor.Anchor(old_origin, n, hashes[-1].hex())) == []
        said = anchor.prove(ctx, anchor.Anchor(old_origin, 10, hashes[9].hex()))
        assert len(said) == 1 and "predates the re-hash of the chain" in said[0].en
        cut = anchor.prove(ctx, anchor.Anchor(old_origin, n + 5, hashes[9].hex()))
        assert len(cut) == 1 and "its end was cut" in cut[0].en
    finally:
        db.dispose()


def test_schema_0013_is_rehashed_and_sealed(db_url: str) -> None:
    _upgrade_seals(db_url)


@pytest.mark.postgres
def test_schema_0013_is_rehashed_and_sealed_on_postgresql(pg_url: str) -> None:
    _upgrade_seals(pg_url)
