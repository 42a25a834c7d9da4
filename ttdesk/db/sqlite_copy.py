"""Consistent copies of a live SQLite file through SQLite's online backup API, and the one
way TT Desk opens a SQLite file outside SQLAlchemy (read-only, by a URI that survives any
character in the path)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def file_uri(path: Path, mode: str = "ro") -> str:
    """A `file:` URI for sqlite3 (uri=True). `Path.as_uri` percent-encodes `#`, `?`, `%`,
    spaces and non-ASCII; an f-string `file:{path}` would cut the path at `#` or `?`."""
    return f"{Path(path).resolve().as_uri()}?mode={mode}"


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection; never creates the file."""
    return sqlite3.connect(file_uri(path, "ro"), uri=True)


def online_copy(source: Path, target: Path) -> Path:
    """Copy `source` to `target` page by page while other connections may be writing;
    the copy is a consistent snapshot. The target is written to a temp name first and
    nothing is left behind when the copy fails (a full disk included)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        src = open_read_only(source)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)
    return target


def integrity_ok(path: Path) -> bool:
    """True when the file is a SQLite database that passes `PRAGMA integrity_check`."""
    try:
        conn = open_read_only(path)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]
