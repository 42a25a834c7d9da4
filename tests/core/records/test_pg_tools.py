"""Finding pg_dump / pg_restore on an office PC: configured folder, newest versioned install
(Debian's /usr/lib/postgresql/N/bin or Windows' Program Files/PostgreSQL/N/bin), then PATH."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ttdesk.core.records import backup


def _tool(folder: Path, name: str = "pg_dump") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    exe = folder / (f"{name}.exe" if os.name == "nt" else name)
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    return exe


def test_newest_program_files_version_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program_files = tmp_path / "Program Files"
    for version in ("9.6", "15", "16.1", "12"):
        _tool(program_files / "PostgreSQL" / version / "bin")
    monkeypatch.setenv("ProgramFiles", str(program_files))
    monkeypatch.delenv("TTDESK_PG_BIN", raising=False)
    monkeypatch.delenv("ProgramW6432", raising=False)
    monkeypatch.delenv("ProgramFiles(x86)", raising=False)
    found = [p for p in backup.pg_tool_candidates("pg_dump") if str(program_files) in str(p)]
    assert [p.parent.parent.name for p in found] == ["16.1", "15", "12", "9.6"]


def test_configured_folder_comes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = _tool(tmp_path / "tools")
    monkeypatch.setenv("TTDESK_PG_BIN", str(tmp_path / "tools"))
    assert backup.find_pg_tool("pg_dump") == mine


def test_path_is_the_last_resort(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on_path = _tool(tmp_path / "bin", "pg_fake_tool")
    monkeypatch.delenv("TTDESK_PG_BIN", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert backup.find_pg_tool("pg_fake_tool") == on_path
    assert backup.find_pg_tool("pg_missing_tool") is None
