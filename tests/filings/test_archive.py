"""The filing archive: versions and superseded ones, verify (a changed byte fails), refusals
that list every missing item and write nothing, characters the font cannot draw."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.builders import make_achievement, make_deal, make_rich_dataset
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.records import filing_archive
from ttdesk.db import models as M
from ttdesk.filings.fonts import GlyphsMissing
from ttdesk.filings.service import generate, verify


def _counts(ctx: AppContext) -> tuple[int, int]:
    with ctx.read() as s:
        return (s.execute(select(func.count()).select_from(M.Filing)).scalar_one(),
                s.execute(select(func.count()).select_from(M.AuditEvent)).scalar_one())


def test_regenerating_after_a_change_makes_a_new_version(ctx: AppContext) -> None:
    data = make_rich_dataset(ctx)
    case_no = data["case"].case_no
    v1 = generate(ctx, "F01", case_no)
    assert (v1.record.version, v1.record.superseded) == (1, False)
    with ctx.write() as s:
        s.execute(select(M.Achievement).where(M.Achievement.case_no == case_no)).scalar_one()\
            .title = "全固态锂电池硫化物电解质及其制备方法"
    v2 = generate(ctx, "F01", case_no)
    assert v2.record.version == 2 and not v2.reused
    assert v2.record.serial_no != v1.record.serial_no
    assert v2.record.snapshot_sha256 != v1.record.snapshot_sha256
    old = verify(ctx, v1.content)
    assert old.ok and old.record is not None
    assert old.record.superseded and old.record.version == 1 and old.latest_version == 2
    new = verify(ctx, v2.content)
    assert new.ok and new.record is not None and not new.record.superseded
    listed = filing_archive.list_filings(ctx, kind="F01", subject=case_no)
    assert [(r.version, r.superseded) for r in listed] == [(2, False), (1, True)]
    assert filing_archive.content(ctx, v1.record.id) == v1.content  # old version kept as is
    assert filing_archive.snapshot(ctx, v1.record.id)["case"]["title"] != \
        filing_archive.snapshot(ctx, v2.record.id)["case"]["title"]


def test_a_changed_byte_fails_verification(ctx: AppContext) -> None:
    data = make_rich_dataset(ctx)
    with ctx.write() as s:
        s.get(M.Deal, data["deal"].id).approval_body = "技术转移中心"
    gen = generate(ctx, "F04", data["deal"].deal_no)
    assert verify(ctx, gen.content).ok
    tampered = bytearray(gen.content)
    at = tampered.find(b"/Author")
    tampered[at + 10] ^= 0x01
    result = verify(ctx, bytes(tampered))
    assert not result.ok and result.record is None
    assert result.claimed_serial == gen.record.serial_no
    error = filing_archive.refuse_unverified(result)
    assert gen.record.serial_no in error.messages("zh")[0]
    assert not verify(ctx, gen.content + b"\n").ok


def test_missing_data_is_refused_with_every_item_and_nothing_written(ctx: AppContext) -> None:
    make_rich_dataset(ctx)
    case = make_achievement(ctx)
    deal = make_deal(ctx, [case])  # no counterparty, no approval, no due diligence
    before = _counts(ctx)
    with pytest.raises(ValidationFailed) as caught:
        generate(ctx, "F04", deal.deal_no)
    fields = {p.field for p in caught.value.problems}
    assert {"counterparty", "approval", "due_diligence"} <= fields
    assert all(p.where == deal.deal_no for p in caught.value.problems)
    assert _counts(ctx) == before


def test_a_filing_needs_the_institution_profile(ctx: AppContext) -> None:
    case = make_achievement(ctx, department_id=None)
    with pytest.raises(ValidationFailed) as caught:
        generate(ctx, "F01", case.case_no)
    fields = {p.field for p in caught.value.problems}
    assert {"institution", "department", "funding"} <= fields


def test_characters_outside_the_font_are_listed_not_dropped(ctx: AppContext) -> None:
    data = make_rich_dataset(ctx)
    case_no = data["case"].case_no
    with ctx.write() as s:
        s.execute(select(M.Achievement).where(M.Achievement.case_no == case_no)).scalar_one()\
            .title = "含生僻字\U00020000的成果\U0001F600"
    before = _counts(ctx)
    with pytest.raises(GlyphsMissing) as caught:
        generate(ctx, "F01", case_no)
    assert caught.value.chars == ["\U00020000", "\U0001F600"]
    assert "U+20000" in caught.value.messages("en")[0]
    assert _counts(ctx) == before


def test_unknown_subject_and_kind(ctx: AppContext, tmp_path: Path) -> None:
    from ttdesk.core.base.errors import NotFound

    with pytest.raises(NotFound):
        generate(ctx, "F01", "CG-1999-9999")
    with pytest.raises(ValidationFailed):
        generate(ctx, "F11", "CG-1999-9999")  # no such form (F10 is the open licence)
    with pytest.raises(ValidationFailed):
        generate(ctx, "F08", "2026-13-01..2026-12-31")


def test_archive_on_every_backend(any_ctx: AppContext) -> None:
    """Generate, regenerate after a change, verify: the same on SQLite and PostgreSQL."""
    data = make_rich_dataset(any_ctx)
    case_no = data["case"].case_no
    v1 = generate(any_ctx, "F05", case_no)
    with any_ctx.write() as s:
        s.execute(select(M.Achievement).where(M.Achievement.case_no == case_no)).scalar_one()\
            .abstract = "新的摘要"
    v2 = generate(any_ctx, "F05", case_no)
    assert (v1.record.version, v2.record.version) == (1, 2)
    old = verify(any_ctx, v1.content)
    assert old.ok and old.record is not None and old.record.superseded
    assert old.record.size == len(v1.content)
    assert not verify(any_ctx, v1.content[:-1]).ok


def test_ledger_columns_come_from_the_policy(ctx: AppContext) -> None:
    from ttdesk.core.rules import policy
    from ttdesk.filings import forms

    make_rich_dataset(ctx)
    with ctx.write() as s:
        policy.update(s, ctx.actor, {"ledger_columns": ["case_no", "title", "field", "trl",
                                                        "income"]})
    gen = generate(ctx, "F08", "2026")
    snap = filing_archive.snapshot(ctx, gen.record.id)
    doc = forms.document(snap, "zh")
    grid = next(blk for blk in doc.blocks if hasattr(blk, "headers"))
    assert grid.headers == ["成果编号", "名称", "技术领域", "成熟度", "累计收入（元）"]
    assert any(row[2] == "新能源" for row in grid.rows)
