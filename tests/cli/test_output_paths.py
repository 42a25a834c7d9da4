"""Files a command writes (issue 15 §1): never over the open database, its WAL/journal, a
backup or an input of the same command; an existing file only with --force; written to a
temp file and renamed, nothing left behind when the write fails; a filing's serial and
archive row only when its file was written."""

from __future__ import annotations

import errno
import gc
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.cli.conftest import db_digest
from ttdesk.cli.main import main
from ttdesk.core.office.setup import backup_dir, open_context
from ttdesk.db import models as M


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database (tests here may write to it)."""
    copy = tmp_path / "work" / "ttdesk.db"
    copy.parent.mkdir()
    shutil.copyfile(demo_db, copy)
    return copy


def _run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def _filings(db: Path) -> int:
    ctx = open_context(str(db), migrate_backup=False)
    try:
        with ctx.read() as s:
            return s.execute(select(func.count()).select_from(M.Filing)).scalar_one()
    finally:
        ctx.db.dispose()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()
                  if p.name.endswith((".tmp", ".partial", ".part")))


COMMANDS = [
    ("export-json", lambda out: ["export-json", out]),
    ("export-ledger", lambda out: ["export-ledger", out]),
    ("backup", lambda out: ["backup", "-o", out]),
    ("filing", lambda out: ["filing", "F09", "2025", "-o", out]),
    ("annual-report", lambda out: ["annual-report", "2025", "-o", out]),
]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
@pytest.mark.parametrize(("name", "argv"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_the_open_database_and_its_companions_are_refused(
        db: Path, suffix: str, name: str, argv, capsys: pytest.CaptureFixture[str]) -> None:
    before = db_digest(db)
    target = Path(f"{db}{suffix}")
    existed = target.exists()
    raw = target.read_bytes() if existed else None
    assert _run(db, *argv(str(target))) == 2, name
    err = capsys.readouterr().err
    assert "[OUTPUT]" in err and "Traceback" not in err
    assert db_digest(db) == before
    if existed:
        assert target.read_bytes() == raw
    assert _leftovers(db.parent) == []


def test_a_relative_or_dotted_path_to_the_database_is_still_the_database(
        db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(db.parent)
    before = db_digest(db)
    assert _run(db, "export-json", f"../{db.parent.name}/./{db.name}") == 2
    assert db_digest(db) == before
    os.link(db, db.parent / "hardlink.db")
    assert _run(db, "export-json", "hardlink.db", "--force") == 2
    assert db_digest(db) == before


def test_an_existing_file_needs_force(db: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mine.json"
    out.write_text("keep me")
    assert _run(db, "export-json", str(out)) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_text() == "keep me"
    assert _run(db, "export-json", str(out), "--force") == 0
    assert out.read_text().startswith("{")
    assert oct(out.stat().st_mode & 0o777) == oct(0o600)  # personal data: owner only


def test_files_of_the_backup_folder_are_never_overwritten(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / "ttdesk-auto-2026-01-01.db"
    kept.write_bytes(b"an older backup")
    for argv in (["export-json", str(kept), "--force"], ["backup", "-o", str(kept), "--force"],
                 ["export-ledger", str(folder / "new.xlsx")]):
        assert _run(db, *argv) == 2, argv
        assert "[OUTPUT]" in capsys.readouterr().err
    assert kept.read_bytes() == b"an older backup"
    assert not (folder / "new.xlsx").exists()
    fresh = folder / "made-by-hand.db"  # a new backup into the folder is fine
    assert _run(db, "backup", "-o", str(fresh)) == 0
    fresh.unlink()


def test_an_input_of_the_same_command_is_refused(db: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    ledger = tmp_path / "台账.xlsx"
    assert _run(db, "export-ledger", str(ledger)) == 0
    before = db_digest(db)
    raw = ledger.read_bytes()
    assert _run(db, "import-ledger", str(ledger), "--save-mapping", str(ledger),
                "--force") == 2
    assert "[OUTPUT]" in capsys.readouterr().err
    assert ledger.read_bytes() == raw and db_digest(db) == before
    pdf = tmp_path / "f09.pdf"
    assert _run(db, "annual-report", "2025", "-o", str(pdf), "--xlsx", str(pdf)) == 2
    assert not pdf.exists()


def test_a_folder_as_output_is_refused(db: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["export-json", str(tmp_path)], ["backup", "-o", str(tmp_path)],
                 ["filing", "F09", "2025", "-o", str(tmp_path)]):
        assert _run(db, *argv) == 2
        err = capsys.readouterr().err
        assert "folder" in err or "文件夹" in err
    assert _filings(db) == 0


def test_a_missing_output_folder_is_created(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "new" / "deeper" / "x.json"
    assert _run(db, "export-json", str(out)) == 0
    assert out.is_file()


def _disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_failed_pdf_write_uses_no_serial(db: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "f09.pdf"
    monkeypatch.setattr(Path, "write_bytes", _disk_full)
    assert _run(db, "filing", "F09", "2025", "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert "disk is full" in err and "Traceback" not in err
    monkeypatch.undo()
    assert _filings(db) == 0
    assert not out.exists() and _leftovers(tmp_path) == []
    assert _run(db, "filing", "F09", "2025", "-o", str(out), "--json") == 0
    assert '"version": 1' in capsys.readouterr().out  # the first version, serial 0001
    assert _filings(db) == 1


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_full_disk_leaves_no_partial_export(db: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl.workbook.workbook as wbmod

    from ttdesk.core.exchange import export as exmod

    out_json, out_xlsx = tmp_path / "a.json", tmp_path / "b.xlsx"
    monkeypatch.setattr(exmod._DocWriter, "close", _disk_full)
    monkeypatch.setattr(wbmod.Workbook, "save", _disk_full)
    assert _run(db, "export-json", str(out_json)) == 1
    assert _run(db, "export-ledger", str(out_xlsx)) == 1
    err = capsys.readouterr().err
    assert err.count("disk is full") == 2 and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work"]
    gc.collect()  # the write-only sheets that never closed: their warning stays in this test


def test_a_refused_ledger_import_never_says_written(db: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    ledger = tmp_path / "台账.xlsx"
    assert _run(db, "export-ledger", str(ledger)) == 0
    wb = openpyxl.load_workbook(ledger)
    ws = wb.worksheets[0]
    ws.cell(row=3, column=3).value = "not a date"  # the disclosure date of one case
    wb.save(ledger)
    capsys.readouterr()
    fresh = tmp_path / "fresh.db"
    assert main(["--db", str(fresh), "import-ledger", str(ledger)]) == 2
    out = capsys.readouterr()
    assert "written" not in out.out.replace("nothing written", "")
    assert "已写入" not in out.out
