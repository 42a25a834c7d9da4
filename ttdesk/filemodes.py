"""Files and folders readable by their owner only (interfaces.md "Files a command writes").

The database, its backups, the logs, exports, the attachments store and key files hold
personal data. On POSIX every one of them is created 0600 and every folder TT Desk makes
0700, whatever the umask: the entry points narrow the umask to 077 (`restrict_umask`, which
also covers the files SQLite makes beside the database), and the places that create such a
file or folder set the mode explicitly (`private_file`, `private_dir`), so library callers
and tests get the same modes.

On Windows these are no-ops: a per-user profile folder (where the data folder lives) is
private by default; a shared server folder needs its ACLs set by the administrator (README).
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
POSIX = os.name == "posix"


def restrict_umask() -> None:
    """New files 0600 and folders 0700 for the rest of this process (POSIX)."""
    if POSIX:
        os.umask(0o077)


def private_file(path: str | Path) -> Path:
    """Make an existing file readable and writable by its owner only."""
    path = Path(path)
    if POSIX and path.exists():
        os.chmod(path, FILE_MODE)
    return path


def narrow_own_file(path: str | Path) -> None:
    """An existing file of this user that others may read is made owner-only (a database
    created by an older version); someone else's file is never touched."""
    if not POSIX:
        return
    try:
        info = os.stat(path)
        if info.st_uid == os.getuid() and info.st_mode & 0o077:
            os.chmod(path, FILE_MODE)
    except OSError:
        pass


def private_dir(path: str | Path) -> Path:
    """Create `path` (and missing parents) if needed; the folders created here, and `path`
    itself, are made owner-only. Existing parents are left as they are."""
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    path.mkdir(parents=True, exist_ok=True)
    if POSIX:
        for folder in missing:
            os.chmod(folder, DIR_MODE)
        if not missing:
            _narrow_own_dir(path)
    return path


def _narrow_own_dir(path: Path) -> None:
    """An existing folder that this user owns is narrowed too (the data folder made by an
    older version); someone else's folder is never touched."""
    try:
        if path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o077:
            os.chmod(path, DIR_MODE)
    except OSError:
        pass


def ensure_parent(path: str | Path) -> Path:
    """`private_dir` for the folder a file is about to be written into: a folder TT Desk
    creates is private; an existing folder the user chose is left as it is."""
    parent = Path(path).parent
    if not parent.exists():
        private_dir(parent)
    return parent
