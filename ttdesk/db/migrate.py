"""Schema upgrades with Alembic, run from code at start (no ini file).

Start-up stays lean: when the database already is at `HEAD_REVISION` (the common case)
Alembic is not imported at all. A database written by a newer TT Desk is refused; a SQLite
file is copied aside before any migration touches it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, inspect, text

from ttdesk.db.engine import Database
from ttdesk.db.revision import HEAD_REVISION
from ttdesk.db.sqlite_copy import compressed_copy, default_suffix
from ttdesk.errors import SchemaGateError, SchemaTooNew

__all__ = ["HEAD_REVISION", "upgrade"]

log = logging.getLogger(__name__)

# HEAD_REVISION (the newest revision in migrations/versions) lives in db/revision.py.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _alembic_config(conn: Connection | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    return cfg


def _scripts():  # type: ignore[no-untyped-def]
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config())


def known_revisions() -> set[str]:
    return {rev.revision for rev in _scripts().walk_revisions()}


def script_head() -> str | None:
    return _scripts().get_current_head()


def backup_before_migration(
    db: Database, from_revision: str | None, backup_dir: Path, pg_dump: str | None = None
) -> Path | None:
    """A copy of the database as it is, before `from_revision` is migrated: the SQLite file
    compressed, a PostgreSQL database through `pg_dump` (see db/pg_dump.py)."""
    if from_revision is None:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    if db.engine.dialect.name == "postgresql":
        from ttdesk.db.pg_dump import dump

        url = db.engine.url
        target = backup_dir / f"{url.database}.before-{from_revision}-{stamp}.pgdump"
        dump(url, target, pg_dump)
        log.info("pg_dump copy of the server database before migrating: %s", target.name)
        return target
    path = db.sqlite_path
    if path is None or not path.exists():
        return None
    # compressed and verified, like the automatic copies (restore reads both forms)
    target = backup_dir / f"{path.stem}.before-{from_revision}-{stamp}{default_suffix()}"
    compressed_copy(path, target)
    log.info("backed up %s to %s before migrating", path, target)
    return target


def run_migrations(conn: Connection) -> None:
    """Alembic's upgrade to head on `conn` (inside its transaction)."""
    from alembic import command

    command.upgrade(_alembic_config(conn), "head")


def _may_migrate(db: Database, revision: str) -> None:
    """On the office server the app's own login cannot change the schema (it has no DDL
    rights, see core/office/server.py): say who can, rather than fail half-way."""
    if db.engine.dialect.name != "postgresql":
        return
    with db.engine.connect() as conn:
        allowed = conn.execute(text("SELECT has_schema_privilege('public', 'CREATE')")).scalar()
    if not allowed:
        raise SchemaGateError(
            f"服务器数据库的结构需要从 {revision} 升级到 {HEAD_REVISION}，本账号无权修改结构；"
            "请管理员运行 `ttdesk-cli server init`（以数据库所有者身份）后再打开",
            f"the server database's schema needs upgrading from {revision} to "
            f"{HEAD_REVISION} and this login may not change the schema; an administrator "
            "runs `ttdesk-cli server init` (as the database owner), then open it again")


def upgrade(db: Database, backup_dir: Path | None = None, pg_dump: str | None = None) -> str:
    """Bring the schema to the head revision; return the revision it is at now.

    The gate: a database at a revision this build does not know was written by a newer
    TT Desk and is refused, naming both schema versions, untouched; an older one is copied
    (`backup_dir`) and migrated."""
    with db.engine.connect() as conn:
        revision = current_revision(conn)
    if revision == HEAD_REVISION:
        return revision
    if revision is not None and revision not in known_revisions():
        raise SchemaTooNew(
            f"数据库由更新版本的 TT Desk 创建（数据库结构版本 {revision}，本程序为 "
            f"{HEAD_REVISION}），请升级本程序；数据库未修改",
            f"the database was written by a newer TT Desk (schema {revision}; this "
            f"application has {HEAD_REVISION}); please upgrade this application. The "
            "database was not changed")
    if revision is not None:
        _may_migrate(db, revision)
    if backup_dir is not None:
        backup_before_migration(db, revision, backup_dir, pg_dump)
    with db.engine.begin() as conn:
        run_migrations(conn)
    log.info("database migrated from %s to %s", revision, HEAD_REVISION)
    return HEAD_REVISION
