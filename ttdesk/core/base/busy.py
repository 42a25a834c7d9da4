"""What a write waited for when the database made it give up, in words.

PostgreSQL cancels a statement after `lock_timeout` (a lock held by another session, e.g.
the audit trail's advisory lock every write takes) or `statement_timeout`; SQLite gives up
after its busy timeout when another program holds the write lock. `waiting_for` turns the
driver's error into a `DatabaseBusy` naming the thing waited for: the statement tells which
(the advisory lock is the audit trail; otherwise the table written), never its parameters.
"""

from __future__ import annotations

import re

from sqlalchemy.exc import DBAPIError

from ttdesk.core.base.errors import DatabaseBusy
from ttdesk.core.base.labels import entity_label
from ttdesk.db import writer_mark
from ttdesk.db.engine import Database

_TABLE = re.compile(r"^\s*(?:update|insert\s+into|delete\s+from)\s+\"?(\w+)\"?", re.I)
_LOCKED_SELECT = re.compile(r"\bfrom\s+\"?(\w+)\"?.*\bfor\s+(?:no\s+key\s+)?update\b",
                            re.I | re.S)


def _what(statement: str) -> tuple[str, str]:
    """(zh, en) of what the statement waited for."""
    if "pg_advisory_xact_lock" in statement:
        return "审计记录", "the audit trail"
    found = _TABLE.match(statement) or _LOCKED_SELECT.search(statement)
    if found:
        table = found.group(1)
        return f"“{entity_label(table, 'zh')}”记录", f"a {entity_label(table, 'en')} record"
    return "数据库", "the database"


def _seconds(value: float) -> str:
    return f"{value:g}"


def waiting_for(exc: BaseException, db: Database) -> DatabaseBusy | None:
    """The `DatabaseBusy` that `exc` stands for, or None when it is another failure."""
    if not isinstance(exc, DBAPIError) or exc.orig is None:
        return None
    text = str(exc.orig).lower()
    statement = exc.statement or ""
    if "lock timeout" in text:
        zh, en = _what(statement)
        wait = _seconds(db.timeouts.lock)
        return DatabaseBusy(
            f"另一个会话正在写入{zh}，等待 {wait} 秒后放弃；未写入任何数据，请稍后再试",
            f"another session is writing {en}; gave up after waiting {wait} s; nothing was "
            "written, try again")
    if "statement timeout" in text:
        wait = _seconds(db.timeouts.statement)
        return DatabaseBusy(
            f"数据库操作超过 {wait} 秒，已被服务器取消；未写入任何数据",
            f"the database operation took longer than {wait} s and the server cancelled it; "
            "nothing was written")
    if "database is locked" in text:
        return _sqlite_busy(db)
    return None


def _sqlite_busy(db: Database) -> DatabaseBusy:
    """SQLite's busy timeout ran out: who holds the file, when it was TT Desk."""
    path = db.sqlite_path
    name = path.name if path else ""
    wait = _seconds(db.timeouts.sqlite_busy)
    found = writer_mark.holder(path) if path else None
    if found is None:
        who_zh, who_en = "另一个程序", "another program"
    else:
        who_zh = (f"{found.program}（进程 {found.pid}，账户 {found.account}，"
                  f"自 {found.since} 起）")
        who_en = (f"{found.program} (process {found.pid}, account {found.account}, since "
                  f"{found.since})")
    return DatabaseBusy(
        f"{who_zh}正在写入数据库文件 {name}，等待 {wait} 秒后仍未结束；未写入任何数据，"
        "请稍后再试",
        f"{who_en} is writing the database file {name} and still was after {wait} s; "
        "nothing was written, try again")
