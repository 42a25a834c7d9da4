"""Attachments stored by SHA-256: beside a SQLite file (kept once however often attached,
carried by backup and restore, re-hashed by check) or in the row in server mode; notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders import make_achievement
from ttdesk.core.activity import attachments, notes
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, RuleViolation
from ttdesk.core.records import backup
from ttdesk.core.records.check import run_check
from ttdesk.core.views.timeline import notes_of


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_attach_list_check_in_both_storage_modes(any_ctx: AppContext, tmp_path: Path) -> None:
    case = make_achievement(any_ctx)
    pdf = _file(tmp_path, "交底书.pdf", b"%PDF-1.4 one")
    first = attachments.attach(any_ctx, case.case_no, pdf, note="签字版")
    again = attachments.attach(any_ctx, f"case:{case.case_no}", pdf)
    assert first.sha256 == again.sha256 and first.size == len(b"%PDF-1.4 one")
    rows = attachments.listing(any_ctx, case.case_no)
    assert [(r.filename, r.note) for r in rows] == [("交底书.pdf", None), ("交底书.pdf", "签字版")]
    store = attachments.store_dir(any_ctx.db)
    if store is not None:  # SQLite: one file for both rows, no bytes in the database
        assert [p.name for p in store.rglob("*") if p.is_file()] == [first.sha256]
    assert attachments.local_copy(any_ctx, first.id).read_bytes() == b"%PDF-1.4 one"
    assert not [p for p in run_check(any_ctx).findings if p.rule == "FILE"]
    with pytest.raises(RuleViolation) as err:
        attachments.attach(any_ctx, case.case_no, tmp_path / "nope.pdf")
    assert err.value.rule == "FILE"
    with pytest.raises(NotFound):
        attachments.attach(any_ctx, "HT-1999-0001", pdf)
    assert len(attachments.listing(any_ctx, case.case_no)) == 2


def test_backup_and_restore_carry_the_files_and_check_sees_a_change(
        ctx: AppContext, tmp_path: Path) -> None:
    case = make_achievement(ctx)
    row = attachments.attach(ctx, case.case_no, _file(tmp_path, "a.pdf", b"%PDF-1.4 a"))
    notes.add(ctx, case.case_no, "已联系企业")
    target = backup.backup(ctx, tmp_path / "copy.db")
    blob = attachments.blob_path(target.with_name(target.name + ".files"), row.sha256)
    assert blob.read_bytes() == b"%PDF-1.4 a"
    store = attachments.store_dir(ctx.db)
    assert store is not None
    original = attachments.blob_path(store, row.sha256)
    original.write_bytes(b"%PDF-1.4 changed")
    found = [p for p in run_check(ctx).findings if p.rule == "FILE"]
    assert len(found) == 1 and "已被改动" in found[0].zh
    original.unlink()
    ctx.db.dispose()
    backup.restore(ctx.db.url, target, aside_dir=tmp_path / "aside")
    assert original.read_bytes() == b"%PDF-1.4 a"
    assert [n.body for n in notes_of(ctx, case.case_no)] == ["已联系企业"]
    assert not [p for p in run_check(ctx).findings if p.rule == "FILE"]
