"""A PostgreSQL database copied with `pg_dump` before a migration touches it.

Which `pg_dump`: the path configured in the server settings (or TTDESK_PG_DUMP), else the
one on PATH (`pg_dump.exe` on Windows, found through PATHEXT), else the newest one in the
usual install folders (`C:\\Program Files\\PostgreSQL\\<version>\\bin` on Windows,
`/usr/lib/postgresql/<version>/bin` on Debian). Its major version must not be older than the
server's (pg_dump refuses otherwise, and the refusal is shown). The copy is pg_dump's custom
format (compressed; `pg_restore` reads it), written beside its final name and renamed when
complete, readable by its owner only. The password travels in PGPASSWORD, never on the
command line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from glob import glob
from pathlib import Path

from sqlalchemy.engine import URL

from ttdesk.errors import BackupBeforeMigrationFailed
from ttdesk.filemodes import ensure_parent


def _version_key(path: str) -> int:
    found = re.search(r"(\d+)[\\/]bin", path)
    return int(found.group(1)) if found else 0


def find_pg_dump(configured: str | None = None) -> Path | None:
    """The pg_dump to use, or None when there is none."""
    chosen = configured or os.environ.get("TTDESK_PG_DUMP")
    if chosen:
        return Path(chosen) if Path(chosen).is_file() else None
    on_path = shutil.which("pg_dump")
    if on_path:
        return Path(on_path)
    if sys.platform == "win32":
        roots = [os.environ.get("PROGRAMFILES", r"C:\Program Files"),
                 os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")]
        found = [p for r in roots for p in glob(os.path.join(r, "PostgreSQL", "*", "bin",
                                                             "pg_dump.exe"))]
    else:
        found = glob("/usr/lib/postgresql/*/bin/pg_dump")
    return Path(max(found, key=_version_key)) if found else None


def dump(url: URL, target: Path, pg_dump: str | None = None) -> Path:
    """pg_dump the database at `url` into `target` (custom format); the path written."""
    program = find_pg_dump(pg_dump)
    if program is None:
        where = pg_dump or os.environ.get("TTDESK_PG_DUMP") or "PATH"
        raise BackupBeforeMigrationFailed(
            f"迁移前必须备份服务器数据库，但找不到 pg_dump（{where}）；请安装 PostgreSQL "
            "客户端工具或在设置中填写 pg_dump 的路径。数据库未修改",
            f"the server database must be backed up before migrating, but pg_dump was not "
            f"found ({where}); install the PostgreSQL client tools or set pg_dump's path in "
            "the settings. The database was not changed")
    ensure_parent(target)  # a backup folder made here is the owner's only
    partial = target.with_name(target.name + ".partial")
    env = dict(os.environ, PGPASSWORD=url.password or "", PGCONNECT_TIMEOUT="10")
    cmd = [str(program), "--format=custom", "--no-password", "--file", str(partial),
           "--host", url.host or "127.0.0.1", "--port", str(url.port or 5432),
           "--username", url.username or "postgres", url.database or "postgres"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        reason = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise BackupBeforeMigrationFailed(
            f"迁移前备份服务器数据库失败（pg_dump：{reason}）；数据库未修改",
            f"backing up the server database before migrating failed (pg_dump: {reason}); "
            "the database was not changed")
    os.chmod(partial, 0o600)
    os.replace(partial, target)
    return target
