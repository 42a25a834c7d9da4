"""Which database this installation opens: its local file or the office server.

Kept per user in `connection.json` in the data folder (beside the local database), read by
the app and the CLI alike, so both open the same database: `--db` beats TTDESK_DB beats
this file beats the local file. The server's password is stored in this file too, and the
file is created readable by its owner only (0600 on POSIX; on Windows the data folder under
the user's profile is the user's own). An OS keyring was considered and left out: it is not
available on every office PC offline (no Secret Service on a bare Linux desktop, none in a
service account), and a settings page that works on one PC only is worse than a file only
its owner can read. Who may read the database is the server's business: give each
installation the app role (see `core/office/server.py`), never the owner role.

The module imports nothing heavy at the top: the app's quick start asks `server_chosen()`
before SQLAlchemy is loaded.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ttdesk.filemodes import private_dir
from ttdesk.paths import data_dir

if TYPE_CHECKING:
    from ttdesk.db.engine import Timeouts

log = logging.getLogger(__name__)

FILE_NAME = "connection.json"
LOCAL, SERVER = "local", "server"
DRIVER = "postgresql+psycopg"


@dataclass(frozen=True)
class Connection:
    """The installation's choice and the server's address (the password included)."""

    mode: str = LOCAL
    host: str = ""
    port: int = 5432
    database: str = "ttdesk"
    user: str = ""  # the app role `server init` made (<prefix>_app)
    password: str = ""
    lock_timeout: float | None = None  # None: the engine's default (db/engine.py)
    statement_timeout: float | None = None
    pg_dump: str = ""  # empty: pg_dump on PATH or in the usual install folder

    @property
    def uses_server(self) -> bool:
        return self.mode == SERVER

    def _url(self, hide_password: bool) -> str:
        from sqlalchemy.engine import URL

        return URL.create(DRIVER, username=self.user or None, password=self.password or None,
                          host=self.host or None, port=int(self.port) or None,
                          database=self.database or None).render_as_string(
                              hide_password=hide_password)

    def url(self) -> str:
        """The server's SQLAlchemy URL (with the password: never show or log it)."""
        return self._url(hide_password=False)

    def shown_url(self) -> str:
        """The URL to show a person: the password replaced by ***."""
        return self._url(hide_password=True)

    def timeouts(self) -> Timeouts:
        """The engine's timeouts: TTDESK_* variables beat this file beats the defaults."""
        from ttdesk.db.engine import Timeouts

        found = Timeouts.from_env()
        if self.lock_timeout is not None and "TTDESK_LOCK_TIMEOUT" not in os.environ:
            found = replace(found, lock=float(self.lock_timeout))
        if self.statement_timeout is not None and "TTDESK_STATEMENT_TIMEOUT" not in os.environ:
            found = replace(found, statement=float(self.statement_timeout))
        return found

    def checked(self) -> Connection:
        """This choice, or a refusal naming the field when the server's address is
        incomplete."""
        from ttdesk.core.base.errors import RuleViolation

        if not self.uses_server:
            return self
        for name in ("host", "database", "user"):
            if not str(getattr(self, name)).strip():
                raise RuleViolation("SERVER", "连接服务器需要填写此项",
                                    "connecting to the server needs this", field=name)
        if not 0 < int(self.port) < 65536:
            raise RuleViolation("SERVER", "端口应在 1 到 65535 之间",
                                "the port must be between 1 and 65535", field="port")
        if min(self.lock_timeout or 0, self.statement_timeout or 0) < 0:
            raise RuleViolation("SERVER", "超时不能为负数", "a timeout cannot be negative",
                                field="lock_timeout")
        return self


def path() -> Path:
    return data_dir() / FILE_NAME


def load() -> Connection:
    """The saved choice; the local file when nothing (or nothing readable) is saved."""
    try:
        raw: Any = json.loads(path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Connection()
    except (OSError, ValueError):
        log.warning("the connection settings file is unreadable; using the local database")
        return Connection()
    if not isinstance(raw, dict):
        return Connection()
    known = {f.name for f in fields(Connection)}
    values = {k: v for k, v in raw.items() if k in known}
    try:
        return Connection(**values)
    except TypeError:
        return Connection()


def save(choice: Connection) -> Path:
    """Write the choice (owner-only file, replaced whole) and return its path."""
    choice.checked()
    target = path()
    private_dir(target.parent)
    partial = target.with_name(target.name + ".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        json.dump(asdict(choice), out, ensure_ascii=False, indent=2)
    os.chmod(partial, 0o600)
    os.replace(partial, target)
    return target


def configured_url() -> str | None:
    """The office server's URL when this installation is switched to it, else None."""
    choice = load()
    return choice.url() if choice.uses_server else None


def server_chosen() -> bool:
    """Whether this installation is switched to the office server (cheap: no SQLAlchemy)."""
    return load().uses_server


@dataclass(frozen=True)
class Probe:
    """What a connection test found, in words: reached or not, and what that means."""

    ok: bool
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


def _unreachable(choice: Connection, reason: str) -> Probe:
    where = f"{choice.host}:{choice.port}"
    if "password authentication failed" in reason or "no password supplied" in reason:
        return Probe(False, f"连接失败：服务器 {where} 拒绝了用户名或密码",
                     f"not connected: the server at {where} refused the user name or password")
    if "does not exist" in reason and "database" in reason:
        return Probe(False, f"连接失败：服务器 {where} 上没有数据库“{choice.database}”",
                     f"not connected: there is no database {choice.database!r} on {where}")
    if "role" in reason and "does not exist" in reason:
        return Probe(False, f"连接失败：服务器 {where} 上没有用户“{choice.user}”",
                     f"not connected: there is no user {choice.user!r} on {where}")
    if "permission denied" in reason:
        return Probe(False, f"连接失败：用户“{choice.user}”无权连接此数据库",
                     f"not connected: user {choice.user!r} may not connect to this database")
    return Probe(False, f"连接失败：无法连接到 {where}（服务器未运行、地址错误或被防火墙阻挡）",
                 f"not connected: cannot reach {where} (server not running, a wrong address "
                 "or a firewall)")


def _schema_words(revision: str | None) -> tuple[str, str]:
    from ttdesk.db import migrate

    head = migrate.HEAD_REVISION
    if revision is None:
        return ("数据库还是空的：请管理员先运行“ttdesk-cli server init”",
                "the database is empty: an administrator runs `ttdesk-cli server init` first")
    if revision == head:
        return "数据库结构与本程序一致", "the database schema matches this application"
    if revision not in migrate.known_revisions():
        return (f"数据库由更新版本的 TT Desk 创建（{revision}，本程序 {head}），请先升级本程序",
                f"the database was written by a newer TT Desk ({revision}; this application "
                f"has {head}): upgrade this application first")
    return (f"数据库结构较旧（{revision}），打开时将先备份再升级到 {head}",
            f"the database schema is older ({revision}); opening it backs it up and "
            f"upgrades it to {head}")


def probe(choice: Connection, connect_timeout: int = 5) -> Probe:
    """Connect to the server `choice` names (within `connect_timeout` seconds), and say
    whether it answered, which PostgreSQL it is and whether its schema fits this app."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.pool import NullPool

    from ttdesk.core.base.errors import TTDeskError
    from ttdesk.db import migrate

    try:
        choice = replace(choice, mode=SERVER).checked()
    except TTDeskError as exc:
        return Probe(False, exc.messages("zh")[0], exc.messages("en")[0])
    engine = create_engine(choice.url(), poolclass=NullPool,
                           connect_args={"connect_timeout": connect_timeout})
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar()
            revision = migrate.current_revision(conn)
    except DBAPIError as exc:
        return _unreachable(choice, str(exc.orig).lower())
    finally:
        engine.dispose()
    zh, en = _schema_words(revision)
    usable = revision is not None and revision in migrate.known_revisions()
    return Probe(usable, f"已连接 PostgreSQL {version}（用户 {choice.user}）；{zh}",
                 f"connected to PostgreSQL {version} (user {choice.user}); {en}")
