"""The CLI: import-ledger / export-ledger exit codes, located problems on stderr, --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.ledger.conftest import counts
from core.ledger.fixtures import bad_code, clean_ledger, clean_rows, write_book
from ttdesk.cli.main import main
from ttdesk.core.office.setup import open_context


def test_import_dry_run_then_import_then_reimport(db_url: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = clean_ledger(tmp_path / "台账2024.xlsx")
    mapping = tmp_path / "映射.json"
    assert main(["--db", db_url, "import-ledger", str(path), "--dry-run",
                 "--save-mapping", str(mapping)]) == 0
    out = capsys.readouterr().out
    assert "将写入 / to write" in out and "person\t张伟" in out
    assert json.loads(mapping.read_text(encoding="utf-8"))["sheets"]["achievements"][
        "columns"]["C"] == "title"
    ctx = open_context(db_url, migrate_backup=False)
    try:
        assert counts(ctx)["achievement"] == 0
    finally:
        ctx.db.dispose()
    assert main(["--db", db_url, "import-ledger", str(path), "--mapping", str(mapping),
                 "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] and doc["counts"]["achievements"] == 5 and not doc["dry_run"]
    assert main(["--db", db_url, "import-ledger", str(path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["counts"] == {} and doc["reused"]["achievements"] == 5


def test_refused_import_exits_2_with_each_located_problem(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = clean_rows()
    rows[1][7] = "面议"
    rows[3][10] = bad_code()
    path = write_book(tmp_path / "台账2024.xlsx", {"成果台账": rows})
    assert main(["--db", db_url, "--lang", "en", "import-ledger", str(path)]) == 2
    err = capsys.readouterr().err
    assert "[R11] 成果台账!H2 price:" in err
    assert "[R8] 成果台账!K4 credit_code:" in err and "check character" in err
    assert "2 problems, nothing written" in err
    ctx = open_context(db_url, migrate_backup=False)
    try:
        assert counts(ctx)["achievement"] == 0
    finally:
        ctx.db.dispose()


def test_not_excel_and_bad_mapping_exit_2(db_url: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "台账.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    assert main(["--db", db_url, "import-ledger", str(text)]) == 2
    assert "台账.xlsx" in capsys.readouterr().err
    bad = tmp_path / "m.json"
    bad.write_text("[]", encoding="utf-8")
    assert main(["--db", db_url, "import-ledger", str(text), "--mapping", str(bad)]) == 2
    assert "[MAPPING] m.json" in capsys.readouterr().err


def test_export_ledger(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--db", db_url, "import-ledger", str(clean_ledger(tmp_path / "a.xlsx"))])
    capsys.readouterr()
    out = tmp_path / "导出.xlsx"
    assert main(["--db", db_url, "export-ledger", str(out), "--year", "2024", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["achievements"] == 5
    assert main(["--db", db_url, "export-ledger", str(out), "--status", "converted",
                 "--force"]) == 0
    assert "achievements\t2" in capsys.readouterr().out
    assert main(["--db", db_url, "export-ledger", str(out), "--status", "已转化",
                 "--force"]) == 0
    assert "achievements\t2" in capsys.readouterr().out
    assert main(["--db", db_url, "export-ledger", str(out), "--status", "sold"]) == 2
    assert "[INPUT] 状态:" in capsys.readouterr().err
