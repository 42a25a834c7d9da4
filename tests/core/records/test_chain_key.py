"""Server mode: the audit chain is HMAC-keyed with a key kept outside the database, so a
database login alone cannot rewrite history and re-hash the chain."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.builders import signed_in
from ttdesk.core.base import audit, chain_key
from ttdesk.core.base.context import AppContext
from ttdesk.core.office.setup import open_context
from ttdesk.core.records.check import run_check
from ttdesk.db.models import Department
from ttdesk.db.types import unpack_raw

pytestmark = pytest.mark.postgres


@pytest.fixture
def keyed(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
          ) -> Iterator[AppContext]:
    key = tmp_path / "chain.key"
    key.write_bytes(bytes(range(48)))
    monkeypatch.setenv(chain_key.ENV, str(key))
    ctx = signed_in(open_context(pg_url, migrate_backup=False))
    yield ctx
    ctx.db.dispose()


def _events(ctx: AppContext) -> list[tuple]:
    with ctx.read() as s:
        return [tuple(r) for r in s.execute(text(
            "SELECT id, at, actor, action, entity, entity_id, entity_ref, changes, hash "
            "FROM audit_event ORDER BY id"))]


def _rehash_without_key(ctx: AppContext) -> None:
    """What a database login can do: edit an event and re-hash the chain (no key)."""
    prev = audit.GENESIS
    with ctx.db.engine.begin() as conn:
        for id_, at, actor, action, entity, entity_id, ref, changes, _ in _events(ctx):
            if entity == "department" and action == "insert":
                changes = bytes(changes).replace("材料".encode(), "影子".encode())
                conn.execute(text("UPDATE audit_event SET changes = :c WHERE id = :i"),
                             {"c": changes, "i": id_})
            prev = audit.link(prev, audit.at_text(at), actor, action, entity, entity_id, ref,
                              unpack_raw(changes))
            conn.execute(text("UPDATE audit_event SET hash = :h WHERE id = :i"),
                         {"h": prev, "i": id_})


def test_the_chain_is_keyed_and_a_rehash_without_the_key_shows(keyed):
    with keyed.write() as s:
        s.add(Department(code="MSE", name="材料学院"))
        s.add(Department(code="CS", name="计算机学院"))
    with keyed.read() as s:
        assert audit.verify_chain(s) == []
    first = _events(keyed)[0]
    plain = audit.link(audit.GENESIS, audit.at_text(first[1]), *first[2:7], unpack_raw(first[7]))
    assert bytes(first[8]) != plain  # not a plain SHA-256 chain
    _rehash_without_key(keyed)
    findings = [p for p in run_check(keyed).findings if p.rule == "AUDIT"]
    assert findings and "hash chain broken" in findings[0].en


def test_a_wrong_key_does_not_verify(keyed, tmp_path, monkeypatch):
    with keyed.write() as s:
        s.add(Department(code="MSE", name="材料学院"))
    other = tmp_path / "other.key"
    other.write_bytes(b"x" * 40)
    monkeypatch.setenv(chain_key.ENV, str(other))
    with keyed.read() as s:
        assert audit.verify_chain(s)


def test_a_short_or_missing_key_is_refused_with_the_reason(keyed, tmp_path, monkeypatch):
    short = tmp_path / "short.key"
    short.write_bytes(b"123")
    for path, reason in ((short, "at least 32 bytes"), (tmp_path / "none.key", "cannot be read")):
        monkeypatch.setenv(chain_key.ENV, str(path))
        with pytest.raises(chain_key.ChainKeyUnusable) as err, keyed.write() as s:
            s.add(Department(code="X", name="某学院"))
        assert reason in err.value.messages("en")[0]
        assert "审计链密钥文件" in err.value.messages("zh")[0]


def test_server_mode_without_a_key_is_noted(pg_url, monkeypatch):
    monkeypatch.delenv(chain_key.ENV, raising=False)
    ctx = signed_in(open_context(pg_url, migrate_backup=False))
    try:
        assert any(chain_key.ENV in p.en for p in run_check(ctx).notes)
    finally:
        ctx.db.dispose()
