"""export-json → import-json into an empty database gives back the same data, table by table,
on SQLite and PostgreSQL; the document matches its JSON Schema; the format covers every
column of every business table."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import make_achievement, make_person, make_rich_dataset
from sqlalchemy import func, select

from core.exchange.dbcompare import business_tables, differences, signatures
from ttdesk.core.base.audit import verify_chain
from ttdesk.core.base.context import AppContext
from ttdesk.core.exchange import Selection, export_json, import_json
from ttdesk.core.exchange.schema import build_schema, schema_text
from ttdesk.core.exchange.sections import CALENDAR, INSTITUTION, POLICY_VERSIONS, Kind, walk
from ttdesk.core.office.setup import open_context
from ttdesk.db import models as M

DOCS = Path(__file__).resolve().parents[3] / "docs" / "exchange.schema.json"


@pytest.fixture
def empty_ctx(tmp_path: Path) -> Iterator[AppContext]:
    """A second, empty SQLite database to import into."""
    context = open_context(f"sqlite:///{tmp_path / 'target.db'}", migrate_backup=False)
    yield context
    context.db.dispose()


@pytest.fixture
def source_ctx(tmp_path: Path) -> Iterator[AppContext]:
    """A SQLite source database in its own file (any_ctx's SQLite case uses test.db)."""
    context = open_context(f"sqlite:///{tmp_path / 'source.db'}", migrate_backup=False)
    yield context
    context.db.dispose()


def _round_trip(source: AppContext, target: AppContext, tmp_path: Path) -> None:
    doc = tmp_path / "export.json"
    export_json(source, doc, include_personal=True)
    import_json(target, doc)
    assert differences(signatures(source), signatures(target)) == []


def test_dataset_fills_every_business_table(ctx: AppContext) -> None:
    make_rich_dataset(ctx)
    with ctx.read() as s:
        empty = [t.name for t in business_tables()
                 if not s.execute(select(func.count()).select_from(t)).scalar()]
    assert empty == []


def test_round_trip_from_either_backend(any_ctx: AppContext, empty_ctx: AppContext,
                                        tmp_path: Path) -> None:
    make_rich_dataset(any_ctx)
    _round_trip(any_ctx, empty_ctx, tmp_path)


def test_round_trip_into_either_backend(source_ctx: AppContext, any_ctx: AppContext,
                                        tmp_path: Path) -> None:
    make_rich_dataset(source_ctx)
    _round_trip(source_ctx, any_ctx, tmp_path)


def test_import_is_audited_and_chain_stays_intact(ctx: AppContext, empty_ctx: AppContext,
                                                  tmp_path: Path) -> None:
    make_rich_dataset(ctx)
    export_json(ctx, tmp_path / "x.json", include_personal=True)
    summary = import_json(empty_ctx, tmp_path / "x.json")
    with empty_ctx.read() as s:
        assert verify_chain(s) == []
        audited = s.execute(select(func.count()).select_from(M.AuditEvent)
                            .where(M.AuditEvent.entity == "achievement")).scalar()
    assert audited == summary.counts["achievements"] == 2


def test_export_matches_json_schema(ctx: AppContext, tmp_path: Path) -> None:
    make_rich_dataset(ctx)
    export_json(ctx, tmp_path / "x.json", include_personal=True)
    doc = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(
        build_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    jsonschema.Draft202012Validator.check_schema(build_schema())
    assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(doc)] == []


def test_schema_in_docs_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == schema_text(), \
        "regenerate: python -m ttdesk.core.exchange.schema > docs/exchange.schema.json"


def test_format_covers_every_column() -> None:
    """A column added to a business table must be added to the format (or excluded here)."""
    excluded = {"id", "created_at", "updated_at", "search_key"}  # search keys are derived
    versions = {mp.local_table.name: mp.version_id_col.name
                for mp in M.Base.registry.mappers if mp.version_id_col is not None}
    covered: dict[str, set[str]] = {}
    sections = [sec for _, sec in walk()] + [INSTITUTION, POLICY_VERSIONS, CALENDAR]
    for sec in sections:
        cols = covered.setdefault(sec.table.name, set())
        cols |= {f.col for f in sec.fields if f.kind is not Kind.KEY} | set(sec.fixed)
        cols |= {sec.parent_col} if sec.parent_col else set()
        for link in sec.links:
            covered.setdefault(link.table.name, set()).update({link.owner_col, link.target_col})
    for table in business_tables():
        missing = {c.name for c in table.c} - excluded - {versions.get(table.name)} \
            - covered.get(table.name, set())
        assert not missing, f"{table.name}: {sorted(missing)} not in the interchange format"


def test_not_null_columns_have_required_or_default_fields() -> None:
    for _, sec in walk():
        for f in sec.fields:
            if f.kind in (Kind.KEY, Kind.ENTITY):
                continue
            col = sec.table.c[f.col]
            if not col.nullable and not col.primary_key:
                assert f.required or f.default is not None, f"{sec.name}.{f.name}"


def test_dry_run_writes_nothing(ctx: AppContext, empty_ctx: AppContext, tmp_path: Path) -> None:
    make_rich_dataset(ctx)
    export_json(ctx, tmp_path / "x.json", include_personal=True)
    before = signatures(empty_ctx)
    summary = import_json(empty_ctx, tmp_path / "x.json", dry_run=True)
    assert summary.dry_run and summary.counts["achievements"] == 2
    assert differences(before, signatures(empty_ctx)) == []


def test_selection_imports_next_to_shared_people(ctx: AppContext, empty_ctx: AppContext,
                                                 tmp_path: Path) -> None:
    """A selection carries the people it needs; identical ones already there are reused."""
    data = make_rich_dataset(ctx)
    export_json(ctx, tmp_path / "all.json", include_personal=True)
    other = make_achievement(ctx, contributors=[(make_person(ctx), "100")])
    export_json(ctx, tmp_path / "one.json", selection=Selection(case_nos=frozenset(
        {other.case_no})), include_personal=True)
    import_json(empty_ctx, tmp_path / "all.json")
    summary = import_json(empty_ctx, tmp_path / "one.json")
    assert summary.counts["achievements"] == 1
    assert summary.reused["people"] == len(data["people"]) + 1  # and the merged duplicate
    assert differences(signatures(ctx), signatures(empty_ctx)) == []


def test_selection_brings_linked_deals_and_money(ctx: AppContext, tmp_path: Path) -> None:
    data = make_rich_dataset(ctx)
    summary = export_json(ctx, tmp_path / "sel.json",
                          selection=Selection(deal_nos=frozenset({data["deal"].deal_no})))
    # The deal with its cases (one level: the other deal of a case is not pulled in).
    assert summary.counts["deals"] == 1 and summary.counts["achievements"] == 2
    assert summary.counts["receipts"] == 5 and summary.counts["distributions"] == 1
    assert summary.counts["achievements.rights_grants"] == 1
    assert summary.counts.get("milestones", 0) == summary.counts.get("equity_events", 0) == 0


def test_export_masks_personal_data_by_default(ctx: AppContext, tmp_path: Path) -> None:
    make_rich_dataset(ctx)
    export_json(ctx, tmp_path / "m.json")
    text = (tmp_path / "m.json").read_text(encoding="utf-8")
    assert "110101199001011234" not in text and "argon2" not in text
    assert "110***********1234" in text and '"personal":"masked"' in text


def test_second_import_refused_as_duplicates(ctx: AppContext, empty_ctx: AppContext,
                                             tmp_path: Path) -> None:
    from ttdesk.core.base.errors import ValidationFailed

    data = make_rich_dataset(ctx)
    export_json(ctx, tmp_path / "x.json", include_personal=True)
    import_json(empty_ctx, tmp_path / "x.json")
    before = signatures(empty_ctx)
    with pytest.raises(ValidationFailed) as err:
        import_json(empty_ctx, tmp_path / "x.json")
    text = "\n".join(err.value.messages("en"))
    assert f"'{data['case'].case_no}' already exists in the database" in text
    assert "achievements[0].case_no" in text
    assert differences(before, signatures(empty_ctx)) == []


def test_import_next_to_existing_records_renumbers_rule_keys(
        source_ctx: AppContext, empty_ctx: AppContext, tmp_path: Path) -> None:
    """Into a database already in use: new ids, and generated rule keys follow them."""
    from builders import make_deal

    existing = [make_deal(empty_ctx) for _ in range(3)]
    data = make_rich_dataset(source_ctx)
    export_json(source_ctx, tmp_path / "x.json", include_personal=True)
    summary = import_json(empty_ctx, tmp_path / "x.json")
    # the annual report both databases generated, and the single user both files made
    assert summary.reused == {"deadlines": 1, "users": 1}
    with empty_ctx.read() as s:
        deal = s.execute(select(M.Deal).where(M.Deal.deal_no == data["deal"].deal_no)).scalar_one()
        keys = set(s.execute(select(M.Deadline.rule_key)).scalars())
    assert deal.id != data["deal"].id and deal.id > max(d.id for d in existing)
    assert f"deal:{deal.id}:registration" in keys
    assert f"deal:{data['deal'].id}:registration" not in keys
