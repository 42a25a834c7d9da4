"""Opening a database for the app or the CLI: resolve the URL, migrate, seed defaults."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import func, select

from ttdesk.core.base.access import PROGRAM
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.rules import policy
from ttdesk.db import migrate
from ttdesk.db.engine import connect, normalize_url
from ttdesk.db.models import CalendarDay
from ttdesk.paths import APP_NAME, data_dir

__all__ = ["APP_NAME", "backup_dir", "data_dir", "default_db_url", "open_context",
           "resolve_url", "seed_defaults"]


def backup_dir() -> Path:
    return data_dir() / "backups"


def default_db_url() -> str:
    return normalize_url(data_dir() / "ttdesk.db")


def resolve_url(url: str | None) -> str:
    """--db beats TTDESK_DB beats the office server chosen in the settings (connection.json)
    beats the default SQLite file in the data folder."""
    from ttdesk.core.office import connection

    return normalize_url(url or os.environ.get("TTDESK_DB") or connection.configured_url()
                         or default_db_url())


def require_existing(url: str | None) -> None:
    """Refuse a SQLite file that does not exist (a mistyped --db must not create an empty
    database that a read command then answers from); a server URL is left to connect."""
    from sqlalchemy.engine import make_url

    parsed = make_url(resolve_url(url))
    if parsed.get_backend_name() != "sqlite":
        return
    database = parsed.database or ""
    if not database or database == ":memory:":
        return
    path = Path(database)
    if path.is_dir():
        raise RuleViolation("DB", f"数据库路径是一个文件夹：{path}",
                            f"the database path is a folder: {path}", field="db")
    if not path.exists():
        raise RuleViolation("DB", f"没有数据库：{path}；用 `init` 创建",
                            f"no database at {path}; `init` creates one", field="db")


def make_room(url: str | None) -> None:
    """Before a command that may create a SQLite file (`init`, `demo`, imports): its folder,
    made owner-only when created here. A server URL needs nothing."""
    from sqlalchemy.engine import make_url

    from ttdesk.filemodes import private_dir

    parsed = make_url(resolve_url(url))
    database = parsed.database or ""
    if parsed.get_backend_name() == "sqlite" and database and database != ":memory:":
        folder = Path(database).parent
        if not folder.exists():
            private_dir(folder)


def _seeded(ctx: AppContext) -> bool:
    """Whether the defaults are all there already, read in a read transaction.

    Every command and every start opens the database through here: asking for the write
    lock only when something is missing keeps `list`, `show` and the screens from queueing
    behind a writer (a read never waits for the write lock)."""
    from ttdesk.core.office import deadlines
    from ttdesk.db.models import Deadline

    with ctx.read() as session:
        pol = policy.current(session)
        if pol.number == 0:
            return False
        year = ctx.today().year - 1
        due = session.execute(select(Deadline.due_date).where(
            Deadline.rule_key == deadlines.annual_report_key(year))).scalar()
        if due != deadlines.annual_report_due(pol, year):
            return False
        return bool(session.execute(select(func.count()).select_from(CalendarDay)).scalar())


def seed_defaults(ctx: AppContext) -> None:
    """Policy version 1 (Beijing defaults) and the shipped holiday calendar, once."""
    from ttdesk.core.office import deadlines
    from ttdesk.core.rules.workdays import shipped_holiday_calendar

    if _seeded(ctx):
        return
    ctx = ctx.as_user(PROGRAM)  # the program's own defaults, before anyone logs in
    with ctx.write() as session:
        pol = policy.ensure_default(session, ctx.actor)
        # The annual report for last year is due this year (policy: month-day).
        deadlines.for_annual_report(session, pol, ctx.today().year - 1)
        if session.execute(select(func.count()).select_from(CalendarDay)).scalar():
            return
        cal = shipped_holiday_calendar()
        session.add_all(CalendarDay(day=d, is_workday=False) for d in sorted(cal.off))
        session.add_all(CalendarDay(day=d, is_workday=True) for d in sorted(cal.workdays))


def open_context(url: str | None = None, *, lang: str = "zh",
                 migrate_backup: bool = True) -> AppContext:
    """Connect, bring the schema to head (backing up first: the SQLite file copied, a server
    database through pg_dump) and seed defaults.

    On a local file with logins off the context acts for its single user (created at the
    first start); otherwise nobody is logged in yet (`ctx.user` is None) and the caller logs
    someone in (`office.logins.login`) before anything can be written."""
    from ttdesk.core.office import connection
    from ttdesk.core.office.logins import single_user

    chosen = connection.load()
    db = connect(resolve_url(url), chosen.timeouts())
    try:
        migrate.upgrade(db, backup_dir() if migrate_backup else None, chosen.pg_dump or None)
        ctx = AppContext(db=db, lang=lang)
        seed_defaults(ctx)
        ctx = ctx.as_user(single_user(ctx))
    except BaseException:
        db.dispose()  # no pooled connection left behind (PostgreSQL)
        raise
    return ctx
