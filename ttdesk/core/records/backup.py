"""Consistent backups and safe restores (SQLite file or PostgreSQL server), and the daily
automatic copy made at start-up.

SQLite: a backup is taken with the online backup API while others may be writing, so it is a
consistent snapshot; a target named `*.zst` or `*.gz` (the automatic copies) is compressed and
verified (ttdesk.db.sqlite_copy.compressed_copy), any other name is a plain SQLite file.
A restore takes the database for itself first (refused while another process or window has
it open), proves the file — compressed or an old plain copy — is a sound TT Desk database of
a known (or older) schema, copies the current database aside, then swaps the file in
atomically and migrates it to the current schema — a refused restore changes nothing.
Automatic copies rotate by count (7 daily, 4 weekly) and by the total size of the backup
folder (at most twice the database file, B11).
PostgreSQL: pg_dump's custom format and pg_restore --clean in a single transaction.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from ttdesk.core.activity import attachments
from ttdesk.core.base import changes
from ttdesk.core.base.access import PROGRAM, Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import Problem, TTDeskError, ValidationFailed
from ttdesk.core.office.output import atomic_file, check_output
from ttdesk.db import migrate
from ttdesk.db.engine import connect, normalize_url
from ttdesk.db.sqlite_copy import (
    CopyFailed,
    compressed_copy,
    decompress_to,
    default_suffix,
    integrity_ok,
    online_copy,
    open_read_only,
)
from ttdesk.filemodes import private_dir

log = logging.getLogger(__name__)

# Tables whose presence marks a TT Desk database (any released schema has them).
_MARKER_TABLES = {"alembic_version", "achievement", "deal", "person", "audit_event"}
KEEP_DAILY, KEEP_WEEKLY = 7, 4
FOLDER_BUDGET = 2.0  # the backup folder holds at most this many times the database file
COMPRESSED = {".zst": "zstd", ".gz": "gzip"}


class BackupError(TTDeskError):
    """The backup or restore could not run (tool missing, tool failed)."""


class DatabaseInUse(ValidationFailed):
    """A restore was asked while another process or window has the database open."""


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    set_aside: Path | None   # the database as it was before the restore
    from_revision: str | None
    revision: str


def _refuse(source: Path, zh: str, en: str) -> ValidationFailed:
    return ValidationFailed([Problem("BACKUP", zh, en, where=str(source))])


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


# ---- PostgreSQL tools ---------------------------------------------------------------------

def pg_tool_candidates(name: str) -> list[Path]:
    """Where a PostgreSQL client tool may live: TTDESK_PG_BIN (a folder, for an office whose
    tools are elsewhere), then the versioned install folders of Debian (/usr/lib/postgresql/N/
    bin) and of the Windows installer (Program Files/PostgreSQL/N/bin), newest first: pg_dump
    must not be older than the server."""
    exe = f"{name}.exe" if os.name == "nt" else name
    configured = os.environ.get("TTDESK_PG_BIN")
    found = [Path(configured) / exe] if configured else []
    roots = [Path("/usr/lib/postgresql")]
    for var in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        if os.environ.get(var):
            roots.append(Path(os.environ[var]) / "PostgreSQL")
    versioned = [p for root in roots if root.is_dir() for p in root.glob(f"*/bin/{exe}")]
    versioned.sort(key=lambda p: _version_key(p.parent.parent.name), reverse=True)
    return [*found, *versioned]


def _version_key(folder: str) -> tuple[int, ...]:
    return tuple(int(n) for n in folder.split(".") if n.isdigit()) or (0,)


def find_pg_tool(name: str) -> Path | None:
    """pg_dump / pg_restore: configured or versioned folders first, else the one on PATH."""
    for path in pg_tool_candidates(name):
        if path.is_file():
            return path
    found = shutil.which(name)
    return Path(found) if found else None


def _pg_run(tool: str, args: list[str], url: str) -> None:
    exe = find_pg_tool(tool)
    if exe is None:
        raise BackupError(f"{tool} 未安装（PostgreSQL 客户端工具） / {tool} not found: install "
                          "the PostgreSQL client tools (Debian: postgresql-client)")
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:  # never on the command line, where `ps` shows it
        env["PGPASSWORD"] = str(parsed.password)
    dsn = parsed.set(drivername="postgresql", password=None).render_as_string(
        hide_password=False)
    result = subprocess.run([str(exe), *args, "--dbname", dsn], env=env,
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{tool} failed ({result.returncode}): {result.stderr.strip()}")


# ---- backup ------------------------------------------------------------------------------

@requires(Act.BACKUP)
def backup(ctx: AppContext, target: str | Path, *, force: bool = False) -> Path:
    """Write a consistent copy of the open database to `target` and return its path.
    The target passes `check_output` (never the database itself, never over a backup)."""
    db = ctx.db
    target = check_output(target, db=db, force=force, backup=True)
    if db.is_sqlite:
        path = db.sqlite_path
        if path is None:
            raise BackupError("内存数据库无法备份 / an in-memory database cannot be backed up")
        kind = COMPRESSED.get(target.suffix.lower())
        try:
            if kind:
                compressed_copy(path, target, kind)
            else:
                with atomic_file(target) as partial:
                    online_copy(path, partial)
                    if not integrity_ok(partial, quick=True):
                        raise CopyFailed(f"the copy of {path} failed its integrity check")
        except CopyFailed as exc:
            raise BackupError(f"备份校验失败 / the backup copy failed its check: {exc}") from None
        attachments.copy_store(path, target)  # the attachment files travel with the backup
        return target
    with atomic_file(target) as partial:
        _pg_run("pg_dump", ["--format=custom", "--file", str(partial)], db.url)
    return target


# ---- restore -----------------------------------------------------------------------------

def check_sqlite_backup(source: Path, shown: Path | None = None) -> str:
    """The schema revision of a sound TT Desk backup this version can open; else refuse.
    `shown` is the name used in messages (when `source` is a temporary copy)."""
    shown = shown or source
    if not source.is_file():
        raise _refuse(shown, "备份文件不存在", "the backup file does not exist")
    if not integrity_ok(source):
        raise _refuse(shown, "备份文件已损坏或不是 SQLite 数据库",
                      "the backup file is damaged or not a SQLite database")
    conn = open_read_only(source)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables >= _MARKER_TABLES:
            raise _refuse(shown, "这不是 TT Desk 数据库", "this is not a TT Desk database")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    revision = row[0] if row else None
    if revision not in migrate.known_revisions():
        raise _refuse(shown, f"备份来自更新版本的 TT Desk（结构版本 {revision}），请先升级本程序",
                      f"the backup was made by a newer TT Desk (schema {revision}); "
                      "upgrade this application first")
    return str(revision)


def _set_aside(current: Path, aside_dir: Path, conn: sqlite3.Connection | None) -> Path:
    """The current database, kept (compressed) in `aside_dir` before it is replaced."""
    aside = aside_dir / f"{current.stem}.before-restore-{_stamp()}{default_suffix()}"
    try:
        compressed_copy(current, aside, conn=conn)
    except (sqlite3.DatabaseError, CopyFailed):  # a damaged database is kept byte for byte
        aside = aside_dir / f"{current.stem}.before-restore-{_stamp()}{current.suffix or '.db'}"
        private_dir(aside_dir)
        for suffix in ("", "-wal"):
            src = Path(f"{current}{suffix}")
            if src.exists():
                shutil.copy2(src, f"{aside}{suffix}")
    return aside


def _in_use(current: Path) -> DatabaseInUse:
    return DatabaseInUse([Problem(
        "RESTORE", "数据库正被另一个程序或窗口使用（可能正在写入），恢复已取消，未做任何更改；"
        "请先关闭其他 TT Desk 窗口和命令，再恢复",
        "the database is in use by another program or window (it may be writing); the "
        "restore was not started and nothing changed: close the other TT Desk windows and "
        "commands, then restore", where=str(current))])


@contextmanager
def _sole_owner(current: Path) -> Iterator[sqlite3.Connection | None]:
    """Hold the SQLite file exclusively for the restore, or refuse.

    Leaving WAL mode (journal_mode=DELETE) succeeds only when no other connection has the
    file open — the check of other processes and windows — and folds the WAL into the file;
    then a lock held in exclusive locking mode keeps every writer out until the new file is
    in place. A damaged file cannot be locked: yields None."""
    if not current.exists():
        yield None
        return
    conn = sqlite3.connect(current, timeout=1.0, isolation_level=None)
    try:
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()
            if mode is None or str(mode[0]).lower() != "delete":
                raise _in_use(current)
            # In exclusive locking mode a lock once taken is never released: this read
            # takes the SHARED lock and keeps it, so nobody can commit a write to the old
            # file until it is replaced (the set-aside copy reads through this connection;
            # a write transaction here would make SQLite's backup of it impossible).
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise _in_use(current) from None
            raise
        except sqlite3.DatabaseError:  # damaged: nobody can be using it usefully
            conn.close()
            conn = None
        yield conn
    finally:
        if conn is not None:
            conn.close()


def _retire_wal(current: Path) -> None:
    """Fold and remove the current WAL: a stale -wal next to the new file would be replayed
    into it and corrupt it."""
    try:
        conn = sqlite3.connect(current)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass  # damaged: its WAL goes too, the set-aside copy keeps it
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{current}{suffix}").unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _restore_sqlite(current: Path, source: Path, aside_dir: Path) -> tuple[Path | None, str]:
    if not source.is_file():
        raise _refuse(source, "备份文件不存在", "the backup file does not exist")
    incoming = current.with_name(f".{current.name}.restore-tmp")
    try:
        try:
            decompress_to(source, incoming)  # a compressed backup or an old plain copy
        except (OSError, EOFError, ValueError) as exc:
            if isinstance(exc, OSError) and exc.errno is not None:
                raise  # a full disk or no permission: the top-level handler says so
            raise _refuse(source, "备份文件已损坏（无法解压）",
                          "the backup file is damaged (cannot be decompressed)") from None
        except Exception as exc:  # zstandard.ZstdError
            raise _refuse(source, f"备份文件已损坏（无法解压）：{exc}",
                          f"the backup file is damaged (cannot be decompressed): {exc}"
                          ) from None
        revision = check_sqlite_backup(incoming, source)  # the very bytes that will be used
        with _sole_owner(current) as conn:
            aside = _set_aside(current, aside_dir, conn) if current.exists() else None
            if conn is None:
                _retire_wal(current)
            os.replace(incoming, current)
            _fsync_dir(current.parent)
        for suffix in ("-wal", "-shm", "-journal"):  # none may outlive the old file
            Path(f"{current}{suffix}").unlink(missing_ok=True)
        attachments.copy_store(source, current)  # files are content-addressed: only add
    finally:
        incoming.unlink(missing_ok=True)
    return aside, revision


def _pg_other_sessions(url: str) -> int:
    """Sessions of other clients on the same database (the app, another command)."""
    from sqlalchemy import text

    db = connect(url)
    try:
        with db.engine.connect() as conn:
            return int(conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend'")).scalar_one())
    finally:
        db.dispose()


def _restore_postgres(url: str, source: Path, aside_dir: Path) -> Path | None:
    if not source.is_file():
        raise _refuse(source, "备份文件不存在", "the backup file does not exist")
    with source.open("rb") as fh:
        if fh.read(5) != b"PGDMP":
            raise _refuse(source, "不是 pg_dump 自定义格式的备份",
                          "not a pg_dump custom-format backup")
    if _pg_other_sessions(url):
        raise _in_use(Path(make_url(url).database or "postgres"))
    aside = aside_dir / f"postgres.before-restore-{_stamp()}.dump"
    private_dir(aside_dir)
    _pg_run("pg_dump", ["--format=custom", "--file", str(aside)], url)
    _pg_run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction",
                           str(source)], url)
    return aside


def restore(url: str, source: str | Path, *, aside_dir: Path | None = None) -> RestoreResult:
    """Replace the database at `url` by the backup `source`, then migrate it to head.

    Close every other connection (the app) first. The current database is kept in
    `aside_dir` (default: the data folder's backups). A damaged file, a file that is not a
    TT Desk database, or one from a newer TT Desk is refused and nothing changes.
    """
    from ttdesk.core.office.setup import backup_dir

    url, source = normalize_url(url), Path(source)
    aside_dir = aside_dir or backup_dir()
    db = connect(url)
    path, is_sqlite = db.sqlite_path, db.is_sqlite
    db.dispose()
    if is_sqlite:
        if path is None:
            raise BackupError("内存数据库无法恢复 / cannot restore into an in-memory database")
        aside, from_revision = _restore_sqlite(path, source, aside_dir)
    else:
        aside, from_revision = _restore_postgres(url, source, aside_dir), None
    db = connect(url)
    try:
        revision = migrate.upgrade(db, None)
    finally:
        db.dispose()
    log.info("restored %s from %s (current database kept as %s)", url, source, aside)
    changes.touch_all()  # another database: every view reloads
    return RestoreResult(source, aside, from_revision, revision)


# ---- automatic daily copies -------------------------------------------------------------

def _auto_name(ctx: AppContext) -> tuple[str, str] | None:
    db = ctx.db
    if db.is_sqlite:
        path = db.sqlite_path
        return None if path is None else (path.stem, default_suffix())
    return f"postgres-{make_url(db.url).database}", ".dump"


AUTO_EXTS = (".db.zst", ".db.gz", ".db", ".dump")  # compressed, and plain copies of old


def _auto_copies(backup_dir: Path, stem: str) -> dict[date, list[Path]]:
    exts = "|".join(re.escape(e) for e in AUTO_EXTS)
    pattern = re.compile(rf"{re.escape(stem)}-auto-(\d{{4}}-\d{{2}}-\d{{2}})(?:{exts})")
    copies: dict[date, list[Path]] = {}
    for p in backup_dir.glob(f"{stem}-auto-*"):
        m = pattern.fullmatch(p.name)
        if m and p.is_file():
            copies.setdefault(date.fromisoformat(m.group(1)), []).append(p)
    return copies


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def rotate(backup_dir: Path, stem: str, ext: str | None = None, *,
           limit_bytes: int | None = None) -> list[Path]:
    """Keep the newest KEEP_DAILY copies, and before them the newest copy of each of the
    KEEP_WEEKLY most recent calendar weeks; then, while the whole folder is larger than
    `limit_bytes`, delete the oldest remaining automatic copy (never the newest). Copies of
    either form (compressed, or the plain files of older versions) count; `ext` is accepted
    for old callers and ignored. Other files (copies made before a migration or a restore)
    are never deleted, but their size counts. Returns what was deleted."""
    copies = _auto_copies(backup_dir, stem)
    days = sorted(copies, reverse=True)
    keep = set(days[:KEEP_DAILY])
    weeks: set[tuple[int, int]] = set()
    for d in days[KEEP_DAILY:]:
        week = d.isocalendar()[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.add(d)
    removed = [p for d in days if d not in keep for p in copies[d]]
    for p in removed:
        p.unlink(missing_ok=True)
    if limit_bytes is not None and backup_dir.exists():
        kept = sorted(keep)  # oldest first
        total = _folder_bytes(backup_dir)
        while total > limit_bytes and len(kept) > 1:
            for p in copies[kept.pop(0)]:
                total -= p.stat().st_size
                p.unlink(missing_ok=True)
                removed.append(p)
    return removed


def folder_limit(ctx: AppContext) -> int | None:
    """FOLDER_BUDGET × the database file (SQLite); None for a server database."""
    path = ctx.db.sqlite_path
    if path is None or not path.exists():
        return None
    size = path.stat().st_size + sum(
        Path(f"{path}{s}").stat().st_size for s in ("-wal",) if Path(f"{path}{s}").exists())
    return int(FOLDER_BUDGET * size)


def auto_backup(ctx: AppContext, backup_dir: Path, now: datetime | None = None) -> Path | None:
    """Today's automatic copy (made at start-up, compressed) and rotation; None if today's
    exists (in any form)."""
    named = _auto_name(ctx)
    if named is None:
        return None
    stem, ext = named
    today = (now or datetime.now()).date()
    if today in _auto_copies(backup_dir, stem) if backup_dir.exists() else False:
        return None
    target = backup_dir / f"{stem}-auto-{today.isoformat()}{ext}"
    backup(ctx.as_user(PROGRAM), target)  # the program's own daily copy, for any user
    rotate(backup_dir, stem, limit_bytes=folder_limit(ctx))
    return target
