"""The service context: which database, who acts, which language, what day it is.

Every use case runs in one unit of work: `with ctx.write() as s:` opens a transaction that
commits when the block ends and rolls back on any error, so a refused action writes nothing.
After the commit the unit of work says which kinds of records it changed (`last_changes`,
`recording()`; see `core.base.changes`), so no widget has to guess what to refresh.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ttdesk.core.base import audit as _audit  # noqa: F401  (registers the audit listener)
from ttdesk.core.base import busy as _busy
from ttdesk.core.base import changes as _changes
from ttdesk.core.base import search_key as _search_key  # noqa: F401  (keeps search keys)
from ttdesk.core.base.errors import ConflictError, RuleViolation
from ttdesk.db.engine import Database


def os_account() -> str:
    """The acting user until logins exist: the operating-system account."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service environments
        return "unknown"


@dataclass
class AppContext:
    db: Database
    actor: str = field(default_factory=os_account)
    lang: str = "zh"
    today: Callable[[], date] = date.today

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (a user action): all of it commits, or none of it."""
        session = self.db.write_session()
        session.info["actor"] = self.actor
        try:
            with session.begin():
                yield session
            _changes.committed(session)
        except StaleDataError as exc:
            raise ConflictError("记录 / record", "", str(exc)) from exc
        except IntegrityError as exc:
            raise RuleViolation(
                "DB",
                f"数据库约束不允许此修改：{exc.orig}",
                f"The database refused the change: {exc.orig}",
            ) from exc
        except DBAPIError as exc:  # gave up waiting for another writer: say for what
            busy = _busy.waiting_for(exc, self.db)
            if busy is None:
                raise
            raise busy from exc
        finally:
            _changes.forget(session)
            session.close()

    @property
    def last_changes(self) -> _changes.Changes:
        """The change kinds of the last unit of work this thread committed."""
        return _changes.last()

    def recording(self) -> AbstractContextManager[_changes.Recording]:
        """`with ctx.recording() as rec:` - afterwards `rec.changes` holds the kinds every
        unit of work committed on this thread inside the block changed."""
        return _changes.recording()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self.db.read_session()
        try:
            with session.begin():
                yield session
        finally:
            session.close()
