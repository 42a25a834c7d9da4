"""What went wrong, in one line a person can act on: the known failures of an entry point.

Both entry points (the CLI's `main`, the app's start-up and excepthook) pass any exception
they did not expect from the services through `describe`. A known failure — a damaged
database file, a full disk, no permission, a missing file or folder, a path that is a folder,
a locked database, hostile JSON (too deep, a lone surrogate), text that is not valid Unicode
— becomes a one-line bilingual message and an exit code (interfaces.md: 2 refused because
of the input, 1 any other failure). Nothing from the failing SQL statement (its parameters
may hold personal data) is ever part of the message. Anything else is `None`: the caller
logs the traceback to the log file and shows a short message naming the log.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass

from ttdesk.errors import SchemaGateError

EXIT_FAILURE, EXIT_REFUSED = 1, 2


@dataclass(frozen=True)
class Failure:
    zh: str
    en: str
    code: int = EXIT_FAILURE

    def message(self, lang: str = "zh") -> str:
        return f"{self.zh} / {self.en}" if lang == "zh" else f"{self.en} / {self.zh}"


def _db_text(exc: BaseException) -> str | None:
    """The driver's own message of a database error (never SQLAlchemy's, which quotes the
    statement and its parameters)."""
    orig = getattr(exc, "orig", None)
    if orig is not None and isinstance(orig, Exception):
        return str(orig.args[0] if orig.args else orig).lower()
    if isinstance(exc, sqlite3.Error):
        return str(exc.args[0] if exc.args else exc).lower()
    return None


def _database(text: str) -> Failure | None:
    if "database or disk is full" in text or "disk is full" in text \
            or "no space left" in text:
        return Failure("磁盘已满，未写入任何数据", "the disk is full; nothing was written")
    if "file is not a database" in text or "malformed" in text or "disk image" in text:
        return Failure("数据库文件已损坏或不是 SQLite 数据库；请从备份恢复（restore）",
                       "the database file is damaged or not a SQLite database; restore a "
                       "backup (`restore`)")
    if "database is locked" in text or "database table is locked" in text:
        return Failure("数据库正被另一个程序写入（已锁定），请稍后再试",
                       "the database is locked by another program writing to it; try again "
                       "later")
    if "unable to open database file" in text:
        return Failure("无法打开数据库文件（文件夹不存在或没有权限）",
                       "cannot open the database file (missing folder or no permission)")
    if "readonly database" in text or "read-only" in text:
        return Failure("数据库是只读的，无法写入", "the database is read-only; nothing was written")
    if "lock timeout" in text or "could not obtain lock" in text \
            or "canceling statement due to lock timeout" in text:
        return Failure("数据库被其他会话锁定，已超时", "timed out waiting for a lock held by "
                       "another session")
    if "statement timeout" in text:
        return Failure("数据库操作超时，已被服务器取消", "the database operation took too long "
                       "and the server cancelled it")
    if "connection refused" in text or "could not connect" in text \
            or "connection failed" in text:
        return Failure("无法连接数据库服务器", "cannot connect to the database server")
    return None


def _os_error(exc: OSError) -> Failure | None:
    name = exc.filename or ""
    where = f"：{name}" if name else ""
    where_en = f": {name}" if name else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return Failure("磁盘已满，未写入任何数据", "the disk is full; nothing was written")
    if isinstance(exc, IsADirectoryError):
        return Failure(f"这是一个文件夹，不是文件{where}",
                       f"this is a folder, not a file{where_en}",
                       EXIT_REFUSED)
    if isinstance(exc, NotADirectoryError):
        return Failure(f"路径中有一部分不是文件夹{where}",
                       f"part of the path is not a folder{where_en}", EXIT_REFUSED)
    if isinstance(exc, FileNotFoundError):
        return Failure(f"找不到文件或文件夹{where}", f"no such file or folder{where_en}",
                       EXIT_REFUSED)
    if isinstance(exc, PermissionError):
        return Failure(f"没有权限{where}", f"permission denied{where_en}")
    if exc.errno == errno.EROFS:
        return Failure(f"只读文件系统{where}", f"read-only file system{where_en}")
    if exc.errno == errno.ENAMETOOLONG:
        return Failure("文件名太长", "the file name is too long", EXIT_REFUSED)
    return None


def describe(exc: BaseException) -> Failure | None:
    """The known failure `exc` stands for, or None (unexpected: log the traceback)."""
    if isinstance(exc, SchemaGateError):  # a newer database, no backup before migrating
        return Failure(exc.zh, exc.en)
    text = _db_text(exc)
    if text is not None:
        return _database(text)
    if isinstance(exc, OSError):
        return _os_error(exc)
    if isinstance(exc, RecursionError):
        return Failure("文档嵌套过深，无法读取", "the document is nested too deeply to read",
                       EXIT_REFUSED)
    if isinstance(exc, UnicodeError):
        return Failure("文本不是有效的 Unicode（编码错误或孤立的代理字符）",
                       "the text is not valid Unicode (a wrong encoding or a lone surrogate)",
                       EXIT_REFUSED)
    if isinstance(exc, MemoryError):
        return Failure("内存不足，操作已取消", "out of memory; the action was cancelled")
    return None
