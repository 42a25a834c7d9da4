"""The one place that creates engines and sessions, for SQLite files and PostgreSQL alike."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from ttdesk.db import writer_mark
from ttdesk.filemodes import narrow_own_file

# Execution options asking for a write or a read transaction (see the begin listeners).
WRITE = {"ttdesk_write": True}
READ = {"ttdesk_read": True}

# How long a PostgreSQL statement waits for a lock held by another session, and how long any
# one statement may run, before the server cancels it (seconds). Without them a write behind
# a session that holds the audit lock waits forever. TTDESK_LOCK_TIMEOUT /
# TTDESK_STATEMENT_TIMEOUT (or the server settings) change them.
LOCK_TIMEOUT_S = 5.0
STATEMENT_TIMEOUT_S = 60.0
# How long a SQLite write waits for another program's write lock before giving up.
SQLITE_BUSY_TIMEOUT_S = 10.0


def _sqlite_on_connect(busy_timeout: float, dbapi_connection: Any, _record: Any) -> None:
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
    cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
    # A changed or deleted value (an ID number) is overwritten in its page, not left behind
    # in free space where a copy of the file would still show it (FAST: no extra I/O).
    cursor.execute("PRAGMA secure_delete=FAST")
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
        database = _file_of(conn)
        if database is not None:  # say who writes, for a writer that has to wait
            writer_mark.claim(database)
            conn.info["ttdesk_marked"] = database
    else:
        conn.exec_driver_sql("BEGIN")


def _sqlite_end(conn: Any) -> None:
    database = conn.info.pop("ttdesk_marked", None)
    if database is not None:
        writer_mark.release(database)


def _file_of(conn: Any) -> Path | None:
    database = conn.engine.url.database
    return Path(database) if database and database != ":memory:" else None


def _pg_begin(conn: Any) -> None:
    # A read unit of work is a READ ONLY transaction: it takes no row locks, and a read path
    # that tried to write would be refused by the server instead of writing.
    if conn.get_execution_options().get("ttdesk_read"):
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")


@dataclass(frozen=True)
class Timeouts:
    """PostgreSQL lock_timeout and statement_timeout, SQLite's busy timeout, in seconds
    (0 on PostgreSQL: wait forever)."""

    lock: float = LOCK_TIMEOUT_S
    statement: float = STATEMENT_TIMEOUT_S
    sqlite_busy: float = SQLITE_BUSY_TIMEOUT_S

    @classmethod
    def from_env(cls) -> Timeouts:
        def seconds(name: str, default: float) -> float:
            try:
                return max(0.0, float(os.environ.get(name, default)))
            except ValueError:
                return default

        return cls(seconds("TTDESK_LOCK_TIMEOUT", LOCK_TIMEOUT_S),
                   seconds("TTDESK_STATEMENT_TIMEOUT", STATEMENT_TIMEOUT_S),
                   seconds("TTDESK_BUSY_TIMEOUT", SQLITE_BUSY_TIMEOUT_S))

    def options(self) -> str:
        """The libpq `options` setting both for every connection of the pool."""
        return (f"-c lock_timeout={int(self.lock * 1000)} "
                f"-c statement_timeout={int(self.statement * 1000)}")


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


def create_app_engine(url: str, timeouts: Timeouts | None = None, **kwargs: Any) -> Engine:
    """hide_parameters: the values of a failed statement (an ID number) never reach an
    error message, and so never a log file."""
    kwargs.setdefault("hide_parameters", True)
    url = normalize_url(url)
    parsed = make_url(url)
    timeouts = timeouts or Timeouts.from_env()
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        engine = create_engine(url, poolclass=NullPool, **kwargs)
        event.listen(engine, "connect", partial(_sqlite_on_connect, timeouts.sqlite_busy))
        if database and database != ":memory:":  # a database of this user: owner-only
            event.listen(engine, "connect", lambda *_: narrow_own_file(database))
        event.listen(engine, "begin", _sqlite_begin)
        event.listen(engine, "commit", _sqlite_end)
        event.listen(engine, "rollback", _sqlite_end)
        return engine
    if parsed.get_backend_name() == "postgresql":
        options = timeouts.options()
        given = parsed.query.get("options")
        if isinstance(given, str) and given:  # the URL's own options come last and win
            options = f"{options} {given}"
        connect_args = dict(kwargs.pop("connect_args", {}), options=options)
        engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args, **kwargs)
        event.listen(engine, "begin", _pg_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


@dataclass
class Database:
    """An open database: its URL, engine and session factories (read and write)."""

    url: str
    engine: Engine
    timeouts: Timeouts = Timeouts()

    def __post_init__(self) -> None:
        self._read = sessionmaker(
            self.engine.execution_options(**READ), expire_on_commit=False
        )
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


def connect(url: str | Path, timeouts: Timeouts | None = None) -> Database:
    url = normalize_url(url)
    timeouts = timeouts or Timeouts.from_env()
    return Database(url=url, engine=create_app_engine(url, timeouts), timeouts=timeouts)
