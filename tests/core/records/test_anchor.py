"""Anchors outside the database: `audit-anchor`, `check --anchor`, the head printed on every
filing and `verify FILING.pdf`. A chain cut at its end or rebuilt after the anchor shows; an
anchor of another database or a malformed one is refused with the reason."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.builders import make_rich_dataset
from ttdesk.cli.main import EXIT_FAILURE, EXIT_OK, EXIT_REFUSED, main
from ttdesk.core.base import audit
from ttdesk.core.base.context import AppContext
from ttdesk.core.records import anchor, filing_archive
from ttdesk.db.types import unpack_raw
from ttdesk.filings.service import generate


def cli(ctx: AppContext, *args: str) -> int:
    return main(["--db", ctx.db.url, "--lang", "en", *args])


def trail_ok(ctx: AppContext, path: Path, capsys: pytest.CaptureFixture[str]) -> bool:
    """`check --anchor` finds nothing about the trail (the rich data set has rule findings
    of its own, on purpose)."""
    cli(ctx, "check", "--anchor", str(path))
    out = capsys.readouterr()
    return not any(tag in out.out + out.err for tag in ("[ANCHOR]", "[AUDIT]", "[HISTORY]"))


def sql(ctx: AppContext, statement: str, **params: object) -> None:
    with ctx.db.engine.begin() as conn:
        conn.execute(text(statement), params)


def rebuild_chain(ctx: AppContext, from_id: int) -> None:
    """What someone with the database and this code can do: re-hash every event from
    `from_id` on so that the chain verifies again."""
    with ctx.db.engine.begin() as conn:
        prev = bytes(conn.execute(text("SELECT hash FROM audit_event WHERE id < :i ORDER BY id "
                                       "DESC LIMIT 1"), {"i": from_id}).scalar() or audit.GENESIS)
        rows = conn.execute(text("SELECT id, at, actor, action, entity, entity_id, entity_ref, "
                                 "changes FROM audit_event WHERE id >= :i ORDER BY id"),
                            {"i": from_id}).all()
        for id_, at, actor, action, entity, entity_id, ref, changes in rows:
            prev = audit.link(prev, audit.at_text(at), actor, action, entity, entity_id, ref,
                              unpack_raw(changes))
            conn.execute(text("UPDATE audit_event SET hash = :h WHERE id = :i"),
                         {"h": prev, "i": id_})


@pytest.fixture
def data(ctx: AppContext) -> dict:
    return make_rich_dataset(ctx)


def write_anchor(ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "anchor.txt"
    assert cli(ctx, "audit-anchor", "-o", str(path)) == EXIT_OK
    capsys.readouterr()
    return path


def test_an_anchor_is_a_small_text_that_check_proves(ctx, data, tmp_path, capsys):
    path = write_anchor(ctx, tmp_path, capsys)
    written = path.read_text(encoding="utf-8")
    assert written.startswith(anchor.HEADER) and len(written) < 300
    parsed = anchor.parse(written)
    assert parsed.sequence == anchor.current(ctx).sequence
    assert trail_ok(ctx, path, capsys)
    # later work goes on; the older anchor is still contained in the longer chain
    with ctx.write() as s:
        from ttdesk.db.models import Department
        s.add(Department(code="NEW", name="新学院"))
    assert trail_ok(ctx, path, capsys)


def test_a_chain_cut_at_its_end_shows_against_the_anchor(ctx, data, tmp_path, capsys):
    path = write_anchor(ctx, tmp_path, capsys)
    head = anchor.parse(path.read_text()).sequence
    sql(ctx, "DELETE FROM audit_event WHERE id > :n", n=head - 3)
    assert cli(ctx, "check", "--anchor", str(path)) == EXIT_FAILURE
    out = capsys.readouterr().out
    assert f"the chain ends at event {head - 3} but the anchor names event {head}" in out
    assert anchor.prove(ctx, anchor.parse(path.read_text()))  # the API says so too


def test_a_chain_rebuilt_after_an_edit_shows_against_the_anchor(ctx, data, tmp_path, capsys):
    path = write_anchor(ctx, tmp_path, capsys)
    first_receipt = 0
    with ctx.read() as s:
        first_receipt = s.execute(text("SELECT MIN(id) FROM audit_event WHERE entity = "
                                       "'receipt'")).scalar()
    # the receipt's recorded amount is raised in its event and the chain re-hashed
    from ttdesk.db.types import pack_json, unpack_json
    with ctx.db.engine.begin() as conn:
        changes = unpack_json(conn.execute(text("SELECT changes FROM audit_event WHERE id = :i"),
                                           {"i": first_receipt}).scalar())
        changes["after"]["amount"] = "19426000.00"
        conn.execute(text("UPDATE audit_event SET changes = :c WHERE id = :i"),
                     {"c": pack_json(changes), "i": first_receipt})
    rebuild_chain(ctx, first_receipt)
    with ctx.read() as s:
        assert audit.verify_chain(s) == []  # the chain alone cannot tell
    assert cli(ctx, "check", "--anchor", str(path)) == EXIT_FAILURE
    assert "no longer has the anchored hash" in capsys.readouterr().out


def test_another_databases_anchor_and_malformed_ones_are_refused(ctx, data, tmp_path, capsys):
    path = write_anchor(ctx, tmp_path, capsys)
    other = path.read_text().replace("database: ", "database: f", 1)
    other = other.replace(other.split("database: ")[1][:17], other.split("database: ")[1][:16])
    (tmp_path / "other.txt").write_text(other)
    assert cli(ctx, "check", "--anchor", str(tmp_path / "other.txt")) == EXIT_REFUSED
    assert "belongs to another database" in capsys.readouterr().err
    for name, body in (("empty.txt", ""), ("junk.txt", "hello\n"),
                       ("short.txt", path.read_text().replace("hash: ", "hash: 12\n#"))):
        (tmp_path / name).write_text(body)
        assert cli(ctx, "check", "--anchor", str(tmp_path / name)) == EXIT_REFUSED
        err = capsys.readouterr().err
        assert "[ANCHOR]" in err and "Traceback" not in err
    assert cli(ctx, "check", "--anchor", str(tmp_path / "missing.txt")) == EXIT_REFUSED
    assert "cannot read the anchor file" in capsys.readouterr().err


def test_every_filing_carries_the_head_and_verify_proves_it(ctx, data, tmp_path, capsys):
    head = anchor.current(ctx)
    gen = generate(ctx, "F01", data["case"].case_no)
    printed = filing_archive.printed_anchor(gen.content)
    assert printed is not None and (printed.origin, printed.sequence, printed.hash) == (
        head.origin, head.sequence, head.hash)
    pdf = tmp_path / "f01.pdf"
    pdf.write_bytes(gen.content)
    words = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert f"审计链：#{head.sequence} {head.hash[:12]}" in words  # short, in the footer
    assert cli(ctx, "verify", str(pdf)) == EXIT_OK
    capsys.readouterr()
    sql(ctx, "DELETE FROM audit_event WHERE id > :n", n=head.sequence - 2)
    assert cli(ctx, "verify", str(pdf)) == EXIT_REFUSED
    assert f"anchor names event {head.sequence}" in capsys.readouterr().err


def test_a_filing_from_another_database_is_refused(ctx, data, tmp_path, capsys, db_url):
    gen = generate(ctx, "F01", data["case"].case_no)
    pdf = tmp_path / "f01.pdf"
    pdf.write_bytes(gen.content)
    from ttdesk.core.office.setup import open_context
    other = open_context(f"sqlite:///{tmp_path / 'other.db'}", migrate_backup=False)
    try:
        make_rich_dataset(other)
        assert main(["--db", other.db.url, "--lang", "en", "verify", str(pdf)]) == EXIT_REFUSED
        assert "belongs to another database" in capsys.readouterr().err
    finally:
        other.db.dispose()
