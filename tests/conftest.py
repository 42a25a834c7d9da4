"""Fixtures shared by every test: a fresh database per test, on SQLite or PostgreSQL.

- `db_url`   a fresh SQLite file URL in `tmp_path` (`sqlite:////abs/path/test.db`).
- `ctx`      an `AppContext` on `db_url`, migrated and seeded (engine disposed afterwards):
  `open_context` on a copy of `sqlite_template`.
- `sqlite_template` (session) a SQLite file migrated and seeded once by `open_context`.
- `pg_server` (session) a throwaway PostgreSQL cluster on 127.0.0.1 with a free port.
- `pg_url`   a fresh, empty PostgreSQL database on that server, dropped afterwards.
- `pg_template` (session) name of a database migrated and seeded once; `any_ctx` copies it.
- `any_ctx`  parametrized: the same test runs on SQLite and on PostgreSQL (marker `postgres`).
  Core suites use it so that they also run against the office server's database.

Without PostgreSQL binaries the postgres cases are skipped — except under CI=true, where they
fail: CI must prove server mode. Qt runs offscreen (set once, here, before anything imports
Qt), and TTDESK_HOME points to a per-session temp folder so no test touches real user data.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from glob import glob
from pathlib import Path
from typing import NoReturn

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TTDESK_HOME"] = tempfile.mkdtemp(prefix="ttdesk-test-home-")
os.environ.pop("TTDESK_DB", None)  # a developer's own database must never leak into a test

from tests.builders import signed_in
from tests.templates import copy_sqlite
from ttdesk.core.base.context import AppContext
from ttdesk.core.office.setup import open_context


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ["TTDESK_HOME"], ignore_errors=True)


@pytest.fixture(autouse=True)
def _page_reads_end() -> Iterator[None]:
    """A page read a widget started on a worker thread ends within its test (a QThread must
    not be destroyed while it runs)."""
    yield
    ops = sys.modules.get("ttdesk.ui.kit.ops")
    if ops is not None:
        ops.wait_for_reads()


# ---- SQLite ---------------------------------------------------------------------------------

@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """URL of a SQLite file that does not exist yet (created on first connect)."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated and seeded once by `open_context` (about 0.3 s, 20 ms to copy).
    `ctx` and `any_ctx` copy it and open the copy with `open_context`, which finds it at head
    and seeded (the app's second start), so each test still goes through the real opening."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    open_context(f"sqlite:///{path}", migrate_backup=False).db.dispose()
    leftovers = sorted(p.name for p in path.parent.iterdir() if p != path)
    assert not leftovers, f"the template's engine left files beside it: {leftovers}"
    return path


@pytest.fixture
def ctx_template(sqlite_template: Path) -> Path:
    """The file `ctx` starts from; a folder's conftest may offer a filled one (tests/ui)."""
    return sqlite_template


@pytest.fixture
def ctx(db_url: str, ctx_template: Path) -> Iterator[AppContext]:
    """A migrated, seeded SQLite database as the services see it."""
    context = open_context(copy_sqlite(ctx_template, db_url), migrate_backup=False)
    yield context
    context.db.dispose()


# ---- PostgreSQL -----------------------------------------------------------------------------

@dataclass(frozen=True)
class PgServer:
    host: str
    port: int

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@{self.host}:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement on the maintenance database (outside a transaction)."""
        import psycopg

        with psycopg.connect(host=self.host, port=self.port, user="postgres",
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(sql)


def _pg_bindir() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin that has initdb and pg_ctl."""
    found = [Path(p).parent for p in glob("/usr/lib/postgresql/*/bin/initdb")]
    found = [d for d in found if (d / "pg_ctl").exists()]
    return max(found, key=lambda d: int(d.parent.name), default=None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    # initdb refuses to run as root; as root we switch to the postgres account.
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests must run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def _run(cmd: list[str], cwd: Path) -> None:
    # cwd: the postgres account may not be allowed into the checkout (e.g. under /root).
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")


def _make_cluster_dir() -> Path:
    """A postgres-owned folder under /tmp (data directory and unix socket)."""
    root = Path(tempfile.mkdtemp(prefix="ttdesk-pg-", dir="/tmp"))
    if os.geteuid() == 0:
        try:
            shutil.chown(root, user="postgres", group="postgres")
        except LookupError:
            root.rmdir()
            raise
    return root


def _start_cluster(bindir: Path, root: Path, attempts: int = 3) -> int:
    """pg_ctl start on a free port (another one if something took it meanwhile); the port."""
    for attempt in range(1, attempts + 1):
        port = _free_port()
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={root} "
                   "-c fsync=off -c full_page_writes=off -c synchronous_commit=off")
        try:
            _run(_as_postgres([str(bindir / "pg_ctl"), "start", "-w", "-D", str(root / "data"),
                               "-l", str(root / "server.log"), "-o", options]), root)
            return port
        except RuntimeError:
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A throwaway PostgreSQL cluster (trust auth, fsync off) for the whole session."""
    bindir = _pg_bindir()
    if bindir is None:
        _unavailable("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin "
                     "(Debian package postgresql; scripts/bootstrap.sh installs it)")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        _unavailable("running as root without runuser to switch to the postgres account")
    try:
        root = _make_cluster_dir()
    except LookupError:
        _unavailable("running as root but there is no postgres account to run initdb")
    data = root / "data"
    try:
        _run(_as_postgres([str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                           "-A", "trust", "-E", "UTF8", "--no-locale"]), root)
        port = _start_cluster(bindir, root)
    except RuntimeError as exc:
        shutil.rmtree(root, ignore_errors=True)
        _unavailable(f"could not start PostgreSQL: {exc}")
    try:
        yield PgServer("127.0.0.1", port)
    finally:
        subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "stop", "-D", str(data),
                                     "-m", "immediate"]),
                       cwd=root, capture_output=True, check=False)
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def _pg_database(server: PgServer, template: str | None = None) -> Iterator[str]:
    """A new database (empty, or a copy of `template`), dropped on exit."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    server.admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    try:
        yield server.url(name)
    finally:
        server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty database per test; dropped (connections forced out) afterwards."""
    with _pg_database(pg_server) as url:
        yield url


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> str:
    """A database migrated and seeded once by `open_context`; `any_ctx` copies it per test
    (CREATE DATABASE ... TEMPLATE), which is several times faster than migrating each time."""
    name = "ttdesk_template"
    pg_server.admin(f'CREATE DATABASE "{name}"')
    open_context(pg_server.url(name), migrate_backup=False).db.dispose()
    return name


# ---- either back end ------------------------------------------------------------------------

@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_ctx(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[AppContext]:
    """A migrated, seeded AppContext on SQLite, then on PostgreSQL (same test, two runs)."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = copy_sqlite(request.getfixturevalue("sqlite_template"),
                              f"sqlite:///{tmp_path / 'test.db'}")
        else:
            server = request.getfixturevalue("pg_server")
            url = stack.enter_context(_pg_database(server, request.getfixturevalue("pg_template")))
        context = signed_in(open_context(url, migrate_backup=False))
        yield context
        context.db.dispose()
