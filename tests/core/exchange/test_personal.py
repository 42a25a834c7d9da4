"""export-json masks personal data unless an admin asks (and that is audited); a masked
document imported back never stores a mask (issue 13 §3)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import make_achievement, make_person, make_rich_dataset
from roles import as_role
from sqlalchemy import select

from ttdesk.core.base.audit import verify_chain
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.exchange import Selection, export_json, import_json
from ttdesk.core.office.setup import open_context
from ttdesk.db import models as M

NUMBER = "110101199001011234"  # make_rich_dataset's first person


@pytest.fixture
def empty_ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = open_context(f"sqlite:///{tmp_path / 'target.db'}", migrate_backup=False)
    yield context
    context.db.dispose()


def _people(doc: Path) -> list[dict[str, object]]:
    return json.loads(doc.read_text(encoding="utf-8"))["people"]


def _exports(ctx: AppContext) -> list[M.AuditEvent]:
    with ctx.read() as s:
        return list(s.scalars(select(M.AuditEvent).where(
            M.AuditEvent.action == "export_personal")))


def test_masked_by_default_on_either_backend(any_ctx: AppContext, tmp_path: Path) -> None:
    make_rich_dataset(any_ctx)
    make_person(any_ctx, phone="13812345678", email="zhang@pku.edu.cn")
    doc = tmp_path / "x.json"
    export_json(any_ctx, doc)
    text = doc.read_text(encoding="utf-8")
    for secret in (NUMBER, "13812345678", "zhang@pku.edu.cn", "a@example.edu.cn", "argon2"):
        assert secret not in text
    assert json.loads(text)["personal"] == "masked"
    shown = {p.get("id_number") for p in _people(doc)} | {p.get("phone") for p in _people(doc)}
    assert {"110***********1234", "138****5678"} <= shown
    assert _exports(any_ctx) == []  # a masked export is not an event


@pytest.mark.parametrize("role", ["viewer", "officer", "director"])
def test_clear_export_refused_but_for_admins(ctx: AppContext, tmp_path: Path,
                                             role: str) -> None:
    make_rich_dataset(ctx)
    doc = tmp_path / "x.json"
    with pytest.raises(RuleViolation) as err:
        export_json(as_role(ctx, role), doc, include_personal=True)
    assert "管理员" in err.value.messages("zh")[0]
    assert "Administrator" in err.value.messages("en")[0] and err.value.rule == "ROLE"
    assert not doc.exists() and _exports(ctx) == []


def test_admin_export_is_clear_and_audited(ctx: AppContext, tmp_path: Path) -> None:
    make_rich_dataset(ctx)
    admin = as_role(ctx, "admin")
    doc = tmp_path / "clear.json"
    export_json(admin, doc, include_personal=True)
    assert NUMBER in doc.read_text(encoding="utf-8")
    assert json.loads(doc.read_text(encoding="utf-8"))["personal"] == "included"
    [event] = _exports(ctx)
    assert event.actor == admin.actor and event.entity_ref == "clear.json"
    assert event.changes["file"] == str(doc.resolve())
    with ctx.read() as s:
        assert verify_chain(s) == []


def test_masked_document_never_overwrites_real_values(ctx: AppContext, empty_ctx: AppContext,
                                                      tmp_path: Path) -> None:
    """Round trip: the people exist in the target; a masked selection imports next to them,
    the people are reused and keep their real ID numbers."""
    data = make_rich_dataset(ctx)
    export_json(ctx, tmp_path / "all.json", include_personal=True)
    import_json(empty_ctx, tmp_path / "all.json")
    other = make_achievement(ctx, contributors=[(data["people"][0], "100")])
    export_json(ctx, tmp_path / "one.json", selection=Selection(case_nos=frozenset(
        {other.case_no})))
    assert NUMBER not in (tmp_path / "one.json").read_text(encoding="utf-8")
    summary = import_json(empty_ctx, tmp_path / "one.json")
    assert summary.counts["achievements"] == 1 and summary.reused["people"] >= 1
    assert any("masked personal values were not imported" in n for n in summary.notes)
    with empty_ctx.read() as s:
        stored = s.scalar(select(M.Person.id_number).where(
            M.Person.staff_no == data["people"][0].staff_no))
        masks = s.scalar(select(M.Person.id).where(M.Person.id_number.like("%**%")))
    assert stored == NUMBER and masks is None


def test_masked_document_into_a_new_database_leaves_the_fields_empty(
        ctx: AppContext, empty_ctx: AppContext, tmp_path: Path) -> None:
    make_rich_dataset(ctx)
    export_json(ctx, tmp_path / "m.json")
    summary = import_json(empty_ctx, tmp_path / "m.json")
    assert summary.counts["people"] >= 3
    with empty_ctx.read() as s:
        values = [v for row in s.execute(select(M.Person.id_number, M.Person.phone,
                                                M.Person.email)) for v in row]
    assert not any(values), values  # never a mask stored as data
