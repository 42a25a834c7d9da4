"""Databases built once per session and copied per test (tests/conftest.py, tests/ui)."""

from __future__ import annotations

import shutil
from pathlib import Path


def copy_sqlite(template: Path, url: str) -> str:
    """Copy a closed SQLite file (no -wal/-shm beside it) to the file `url` names (mode
    kept: owner-only, as `connect` creates it); `url` back."""
    target = Path(url.removeprefix("sqlite:///"))
    assert not target.exists(), target
    shutil.copy(template, target)
    return url
