"""Who holds a SQLite file's write lock: a small mark beside the database.

SQLite cannot say which process holds its write lock. TT Desk's write transactions leave a
mark, `<database>.writer` (process id, program, account, since when), while they hold it, and
remove it when they end, so a write that gives up waiting can say who is writing ("ttdesk-cli,
process 4711, account wang, since 10:02:03") instead of just "locked". A mark left by a
process that no longer runs, or none at all (another program, e.g. the sqlite3 shell, holds
the lock), is not shown. The mark holds no business data and is readable by its owner only.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

SUFFIX = ".writer"


@dataclass(frozen=True)
class Writer:
    pid: int
    program: str
    account: str
    since: str  # HH:MM:SS, local time


def mark_path(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX)


def _program() -> str:
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python"
    return {"__main__.py": "ttdesk", "-c": "python"}.get(name, name)


def _account() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service environments
        return "?"


def claim(database: Path) -> None:
    """Leave the mark (called right after BEGIN IMMEDIATE succeeded)."""
    mark = mark_path(database)
    partial = mark.with_name(f"{mark.name}.{os.getpid()}")
    body = json.dumps({"pid": os.getpid(), "program": _program(), "account": _account(),
                       "since": datetime.now().strftime("%H:%M:%S")})
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(body)
        os.replace(partial, mark)
    except OSError:  # a read-only folder: the message just names no one
        with contextlib.suppress(OSError):
            partial.unlink()


def release(database: Path) -> None:
    """Remove this process's mark (the write transaction ended)."""
    found = holder(database, alive_only=False)
    if found is not None and found.pid == os.getpid():
        with contextlib.suppress(OSError):
            mark_path(database).unlink()


def _alive(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # no cheap check; the mark is removed when the transaction ends
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def holder(database: Path, *, alive_only: bool = True) -> Writer | None:
    """The TT Desk process whose write transaction holds `database`, if its mark says so."""
    try:
        raw = json.loads(mark_path(database).read_text(encoding="utf-8"))
        found = Writer(int(raw["pid"]), str(raw["program"]), str(raw["account"]),
                       str(raw["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if alive_only and (found.pid == os.getpid() or not _alive(found.pid)):
        return None
    return found
