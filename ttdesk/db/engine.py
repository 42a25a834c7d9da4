"""The one place that creates engines and sessions, for SQLite files and PostgreSQL alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

# Execution option asking for a write transaction (see _begin below).
WRITE = {"ttdesk_write": True}


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control away from the sqlite3 module so that BEGIN is ours (below)
    # and SAVEPOINTs work.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # SQLite ignores foreign keys unless asked, per connection: without this, deletes leave
    # orphans and ON DELETE CASCADE does nothing.
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL: readers (the UI) never block the writer (an import) and vice versa, and a killed
    # process leaves the last committed state intact.
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed action survives a power cut too; commits are per user action, rare.
    cursor.execute("PRAGMA synchronous=FULL")
    # A second process writing at the same moment waits up to 10 s instead of failing.
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
    # Chinese text columns sort in pinyin order (ORDER BY pinyin_key(title)).
    from ttdesk.db.collation import register

    register(dbapi_connection)


def _sqlite_begin(conn: Any) -> None:
    # A write unit of work takes the write lock up front (BEGIN IMMEDIATE): two writers then
    # queue on busy_timeout instead of one failing mid-way after reading stale data (the audit
    # hash chain reads the last event and must not fork).
    if conn.get_execution_options().get("ttdesk_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def normalize_url(url_or_path: str | Path) -> str:
    """Accept a SQLAlchemy URL or a plain file path (taken as a SQLite file).

    A path becomes a URL through `URL.create`, which escapes `?`, `#` and `%`: pasted into a
    URL string raw, `a?b/x.db` would open the database `a` with a query string."""
    text = str(url_or_path)
    if "://" in text:
        return text
    return sqlite_url(Path(text))


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file, whatever characters its path holds."""
    database = str(Path(path).expanduser().resolve())
    return URL.create("sqlite", database=database).render_as_string(hide_password=False)


def create_app_engine(url: str, **kwargs: Any) -> Engine:
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, poolclass=NullPool, **kwargs)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


@dataclass
class Database:
    """An open database: its URL, engine and session factories (read and write)."""

    url: str
    engine: Engine

    def __post_init__(self) -> None:
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(**WRITE), expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        database = self.engine.url.database
        if not database or database == ":memory:":
            return None
        return Path(database)

    def read_session(self) -> Session:
        return self._read()

    def write_session(self) -> Session:
        return self._write()

    def dispose(self) -> None:
        self.engine.dispose()


def connect(url: str | Path) -> Database:
    url = normalize_url(url)
    return Database(url=url, engine=create_app_engine(url))
