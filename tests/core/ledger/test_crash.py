"""Crash safety of import-ledger (quality.md, Reliability): SIGKILL in the middle of a large
import leaves a database that opens, passes `PRAGMA integrity_check` and holds none of it;
an import that finished holds all of it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from core.ledger.conftest import counts
from core.ledger.fixtures import big_ledger
from ttdesk.core.base.audit import verify_chain
from ttdesk.core.office.setup import open_context

pytestmark = pytest.mark.slow
WORKER = Path(__file__).with_name("crash_worker.py")

# Popen.kill() is SIGKILL on POSIX and TerminateProcess (exit code 1) on Windows: a hard kill
# that gives the process no chance to clean up, on every system.
KILLED = 1 if sys.platform == "win32" else -signal.SIGKILL

ROWS = 12_000


def _run_until(tmp_path: Path, url: str, ledger: Path, kill_at: float | None) -> int:
    env = dict(os.environ, TTDESK_HOME=str(tmp_path / "home"), PYTHONUNBUFFERED="1")
    with subprocess.Popen([sys.executable, str(WORKER), url, str(ledger)], env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if kill_at is not None and line.startswith("progress"):
                fraction = float(line.split()[1])
                if fraction >= kill_at and "writing" in line:
                    proc.kill()
                    break
        proc.wait(timeout=120)
        return proc.returncode


def _integrity(db: Path) -> list[tuple[str]]:
    conn = sqlite3.connect(db)  # read-write: recovers the WAL the killed process left
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def test_sigkill_during_a_large_ledger_import_leaves_none_of_it(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    url = f"sqlite:///{db}"
    ledger = big_ledger(tmp_path / "台账-大.xlsx", ROWS)
    ctx = open_context(url, migrate_backup=False)
    before = counts(ctx)
    ctx.db.dispose()
    assert _run_until(tmp_path, url, ledger, kill_at=0.8) == KILLED
    assert Path(f"{db}-wal").exists()  # the write had reached the database file's log
    assert _integrity(db) == [("ok",)]
    ctx = open_context(url, migrate_backup=False)
    try:
        assert counts(ctx) == before
        with ctx.read() as s:
            assert verify_chain(s) == []
    finally:
        ctx.db.dispose()
    # the same import, left to finish, holds all of it
    assert _run_until(tmp_path, url, ledger, kill_at=None) == 0
    ctx = open_context(url, migrate_backup=False)
    try:
        after = counts(ctx)
        assert after["achievement"] == ROWS and after["contribution"] == 2 * ROWS
        assert after["deal"] == ROWS // 10
        with ctx.read() as s:
            assert verify_chain(s) == []
    finally:
        ctx.db.dispose()
