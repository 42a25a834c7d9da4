"""Consistent copies of a live SQLite file through SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def online_copy(source: Path, target: Path) -> Path:
    """Copy `source` to `target` page by page while other connections may be writing;
    the copy is a consistent snapshot. The target is written to a temp name first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
    return target


def integrity_ok(path: Path) -> bool:
    """True when the file is a SQLite database that passes `PRAGMA integrity_check`."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]
