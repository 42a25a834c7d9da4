"""Malformed interchange documents: `import-json` exits 2, names every problem with its
location and rule on stderr, and leaves the database exactly as it was."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from builders import make_rich_dataset

from core.exchange.dbcompare import row_counts
from ttdesk.cli.main import main
from ttdesk.core.base.context import AppContext
from ttdesk.core.office.setup import open_context

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def valid_doc(tmp_path_factory: pytest.TempPathFactory) -> Doc:
    """An exported rich dataset (made once for the module)."""
    from ttdesk.core.exchange import export_json

    folder = tmp_path_factory.mktemp("source")
    source = open_context(f"sqlite:///{folder / 'source.db'}", migrate_backup=False)
    try:
        make_rich_dataset(source)
        export_json(source, folder / "valid.json")
    finally:
        source.db.dispose()
    return json.loads((folder / "valid.json").read_text(encoding="utf-8"))


def _run(db_url: str, args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--db", db_url, "--lang", "en", *args])
    return code, capsys.readouterr().err


def _refused(ctx: AppContext, db_url: str, path: Path, capsys: pytest.CaptureFixture[str],
             *expected: str) -> str:
    before = row_counts(ctx)
    code, err = _run(db_url, ["import-json", str(path)], capsys)
    assert code == 2, err
    for text in expected:
        assert text in err, f"{text!r} not in:\n{err}"
    assert row_counts(ctx) == before
    return err


def _contributors(doc: Doc) -> list[Doc]:
    return doc["achievements"][0]["contributors"]


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    """Mutation setting doc[a][0][b]... from a dotted path with integer indices."""
    def mutate(doc: Doc) -> None:
        parts: list[Any] = [int(p) if p.isdigit() else p for p in path.split(".")]
        node: Any = doc
        for part in parts[:-1]:
            node = node[part]
        node[parts[-1]] = value
    return mutate


def _shares_90(doc: Doc) -> None:
    _contributors(doc)[0]["share"] = "23.3334"  # 33.3334 - 10


def _dup_case(doc: Doc) -> None:
    doc["achievements"][1]["case_no"] = doc["achievements"][0]["case_no"]


def _bad_credit(doc: Doc) -> None:
    code = doc["companies"][0]["credit_code"]
    doc["companies"][0]["credit_code"] = code[:-1] + ("1" if code[-1] != "1" else "2")


CASES: list[tuple[str, Callable[[Doc], None], tuple[str, ...]]] = [
    ("wrong format", _set("format", "excel"), ("[FORMAT] format", "not a TT Desk exchange")),
    ("wrong version", _set("version", 2), ("[FORMAT] version", "unsupported format version 2")),
    ("wrong type", _set("achievements.0.trl", "high"),
     ("achievements[0].trl", "expected an integer")),
    ("money 12.345", _set("receipts.0.amount", "12.345"),
     ("[R11] receipts[0].amount", "at most 2")),
    ("money -5", _set("costs.0.amount", "-5"), ("[R11] costs[0].amount", "must not be negative")),
    ("money as number", _set("costs.0.amount", 12.5), ("[R11] costs[0].amount", "decimal string")),
    ("shares 90", _shares_90, ("[R1] achievements[0].contributors", "add up to 90%")),
    ("share zero", _set("achievements.0.contributors.1.share", "0"),
     ("achievements[0].contributors[1].share",)),
    ("credit code", _bad_credit, ("[R8] companies[0].credit_code", "check character")),
    ("dangling staff_no", _set("achievements.0.contributors.0.staff_no", "NOBODY"),
     ("[REF] achievements[0].contributors[0].staff_no", "'NOBODY' is neither")),
    ("dangling deal", _set("receipts.0.deal_no", "HT-0000"), ("[REF] receipts[0].deal_no",)),
    ("dangling grant key", _set("deals.0.rights_grant", "G999"), ("[REF] deals[0].rights_grant",)),
    ("duplicate case_no", _dup_case, ("[DUP] achievements[1].case_no", "duplicate of")),
    ("IP dates", _set("achievements.0.ip_assets.0.grant_date", "2023-01-01"),
     ("[R12] achievements[0].ip_assets[0].grant_date", "before publication_date")),
    ("signing before approval", _set("deals.0.signing_date", "2026-03-01"),
     ("[R12] deals[0].signing_date",)),
    ("receipt before signing", _set("receipts.0.received_on", "2026-01-01"),
     ("[R12] receipts[0].received_on", "before the contract was signed")),
    ("bad date", _set("achievements.0.disclosure_date", "2026-02-30"),
     ("[FORMAT] achievements[0].disclosure_date", "not a valid date")),
    ("unknown code", _set("deals.0.mode", "sell"), ("[FORMAT] deals[0].mode", "unknown code")),
    ("unknown field", _set("achievements.0.titel", "x"),
     ("achievements[0].titel", "unknown field")),
    ("missing field", _set("achievements.0.title", None), ("achievements[0].title", "required")),
    ("list expected", _set("people", {"a": 1}), ("[FORMAT] people", "expected a JSON array")),
    ("cap table over 100", _set("shareholdings.0.percentage", "90"),
     ("[R11] shareholdings[1].percentage", "110%")),
    ("cap table after an event over 100", _set("equity_events.1.positions.0.percentage", "90"),
     ("[R11] equity_events[1].positions", "110%")),
]


@pytest.mark.parametrize(("mutate", "expected"), [(m, e) for _, m, e in CASES],
                         ids=[name for name, _, _ in CASES])
def test_refused_with_location_and_nothing_written(
        valid_doc: Doc, ctx: AppContext, db_url: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], mutate: Callable[[Doc], None],
        expected: tuple[str, ...]) -> None:
    doc = copy.deepcopy(valid_doc)
    mutate(doc)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _refused(ctx, db_url, path, capsys, *expected)


def test_not_json(ctx: AppContext, db_url: str, tmp_path: Path,
                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": "ttdesk-exchange",\n  "version": 1,,}', encoding="utf-8")
    _refused(ctx, db_url, path, capsys, "[FORMAT] line 2 column 16", "not valid JSON")


def test_not_utf8_and_not_an_object(ctx: AppContext, db_url: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes("成果".encode("gbk"))
    _refused(ctx, db_url, path, capsys, "not UTF-8")
    path.write_text("[1, 2]", encoding="utf-8")
    _refused(ctx, db_url, path, capsys, "must be a JSON object")


def test_every_problem_reported_at_once(valid_doc: Doc, ctx: AppContext, db_url: str,
                                        tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    doc = copy.deepcopy(valid_doc)
    for _, mutate, _ in CASES[2:]:
        if mutate is not _dup_case:  # a case_no twice would hide the other case's problems
            mutate(doc)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    err = _refused(ctx, db_url, path, capsys, "[R1]", "[R8]", "[R11]", "[R12]", "[REF]")
    assert len(err.strip().splitlines()) >= 15


def test_valid_document_imports_and_dry_run_does_not(
        valid_doc: Doc, ctx: AppContext, db_url: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "good.json"
    path.write_text(json.dumps(valid_doc, ensure_ascii=False), encoding="utf-8")
    before = row_counts(ctx)
    code = main(["--db", db_url, "import-json", str(path), "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0 and "dry run" in out and "achievements\t2" in out
    assert row_counts(ctx) == before
    code = main(["--db", db_url, "import-json", str(path), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 0 and summary["counts"]["achievements"] == 2
    assert row_counts(ctx)["achievement"] == 2
    # The same document again: every key is now a duplicate; still nothing written.
    _refused(ctx, db_url, path, capsys, "already exists in the database")


def test_export_json_cli(valid_doc: Doc, ctx: AppContext, db_url: str, tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.json"
    src.write_text(json.dumps(valid_doc, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", db_url, "import-json", str(src)]) == 0
    out = tmp_path / "out.json"
    assert main(["--db", db_url, "export-json", str(out), "--no-files"]) == 0
    assert "exported" in capsys.readouterr().out
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [a["case_no"] for a in doc["achievements"]] == \
        [a["case_no"] for a in valid_doc["achievements"]]
    assert "content" not in doc["filings"][0]
