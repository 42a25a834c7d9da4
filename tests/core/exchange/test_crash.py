"""Crash safety (quality.md, Reliability): a process killed with SIGKILL in the middle of a
large import or a save leaves a database that opens, passes `PRAGMA integrity_check`, and
holds either all or none of that import or save."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.exchange.bigdoc import write_big_document
from core.exchange.dbcompare import row_counts
from ttdesk.core.base.audit import verify_chain
from ttdesk.core.office.setup import open_context
from ttdesk.db import models as M

pytestmark = pytest.mark.slow
WORKER = Path(__file__).with_name("crash_worker.py")

# Popen.kill() is SIGKILL on POSIX and TerminateProcess (exit code 1) on Windows: a hard kill
# that gives the process no chance to clean up, on every system.
KILLED = 1 if sys.platform == "win32" else -signal.SIGKILL

WAL_STARTED = 8 * 1024 * 1024  # the write has spilled this much into the WAL: mid-way


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, TTDESK_HOME=str(tmp_path / "home"), PYTHONUNBUFFERED="1")


def _spawn(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, *args], env=_env(tmp_path), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _kill_when(proc: subprocess.Popen[str], ready: Callable[[], bool],
               timeout: float = 300) -> None:
    """SIGKILL `proc` as soon as `ready()`; fail if it ended on its own first."""
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if ready():
            proc.kill()
            break
        time.sleep(0.01)
    proc.wait(timeout=60)
    out = proc.stdout.read() if proc.stdout else ""
    assert proc.returncode == KILLED, \
        f"the process was not killed mid-way (exit {proc.returncode}): {out[-500:]}"


def _wal_over(db: Path, size: int) -> Callable[[], bool]:
    wal = Path(f"{db}-wal")
    return lambda: wal.exists() and wal.stat().st_size > size


def _integrity(db: Path) -> list[tuple[str]]:
    conn = sqlite3.connect(db)  # read-write: recovers the WAL the killed process left
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def test_sigkill_during_large_import_leaves_none_of_it(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    url = f"sqlite:///{db}"
    ctx = open_context(url, migrate_backup=False)
    before = row_counts(ctx)
    ctx.db.dispose()
    doc = write_big_document(tmp_path / "big.json", 20_000)
    with _spawn(tmp_path, "-m", "ttdesk.cli", "--db", url, "import-json", str(doc)) as proc:
        _kill_when(proc, _wal_over(db, WAL_STARTED))
    assert _integrity(db) == [("ok",)]
    ctx = open_context(url, migrate_backup=False)
    try:
        assert row_counts(ctx) == before
        with ctx.read() as s:
            assert verify_chain(s) == []
    finally:
        ctx.db.dispose()


def test_sigkill_during_a_large_save_leaves_none_of_it(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    url = f"sqlite:///{db}"
    with _spawn(tmp_path, str(WORKER), url, "big") as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        _kill_when(proc, _wal_over(db, WAL_STARTED // 2))
    assert _integrity(db) == [("ok",)]
    ctx = open_context(url, migrate_backup=False)
    try:
        with ctx.read() as s:
            assert s.execute(select(func.count(M.Achievement.id))).scalar() == 0
            assert s.execute(select(func.count(M.Person.id))).scalar() == 2
            assert verify_chain(s) == []
    finally:
        ctx.db.dispose()


def test_sigkill_between_and_during_small_saves(tmp_path: Path) -> None:
    """Every committed save survives whole; the one cut off leaves nothing."""
    db = tmp_path / "crash.db"
    url = f"sqlite:///{db}"
    with _spawn(tmp_path, str(WORKER), url, "small") as proc:
        assert proc.stdout is not None
        saved = 0
        while saved < 40:
            line = proc.stdout.readline()
            assert line, "worker stopped"
            if line.startswith("saved"):
                saved = int(line.split()[1])
        proc.kill()
        proc.wait(timeout=60)
        assert proc.returncode == KILLED
    assert _integrity(db) == [("ok",)]
    ctx = open_context(url, migrate_backup=False)
    try:
        with ctx.read() as s:
            cases = s.execute(select(func.count(M.Achievement.id))).scalar()
            links = s.execute(select(M.Contribution.achievement_id, func.sum(M.Contribution.share))
                              .group_by(M.Contribution.achievement_id)).all()
            assert verify_chain(s) == []
        assert cases >= saved
        assert len(links) == cases and all(total == 100 * 10000 or total == 100
                                           for _, total in links)
    finally:
        ctx.db.dispose()
