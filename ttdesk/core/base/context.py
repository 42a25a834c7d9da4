"""The service context: which database, who acts, which language, what day it is.

Every use case runs in one unit of work: `with ctx.write() as s:` opens a transaction that
commits when the block ends and rolls back on any error, so a refused action writes nothing.
After the commit the unit of work says which kinds of records it changed (`last_changes`,
`recording()`; see `core.base.changes`), so no widget has to guess what to refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ttdesk.core.base import audit as _audit  # noqa: F401  (registers the audit listener)
from ttdesk.core.base import busy as _busy
from ttdesk.core.base import changes as _changes
from ttdesk.core.base import search_key as _search_key  # noqa: F401  (keeps search keys)
from ttdesk.core.base.access import CurrentUser, NotLoggedIn
from ttdesk.core.base.errors import ConflictError, RuleViolation
from ttdesk.db.engine import Database
from ttdesk.db.types import utcnow


@dataclass
class AppContext:
    """`user` is who is logged in (see `core.base.access`): the audit actor is their
    username, never an operating-system variable; None until someone logs in, and then
    nothing can be written. `now` is the clock logins and locks are measured by."""

    db: Database
    user: CurrentUser | None = None
    lang: str = "zh"
    today: Callable[[], date] = date.today
    now: Callable[[], datetime] = utcnow

    @property
    def actor(self) -> str:
        """The audit trail's actor: the logged-in user's name."""
        if self.user is None:
            raise NotLoggedIn()
        return self.user.username

    def as_user(self, user: CurrentUser | None) -> AppContext:
        """The same database and settings, acting for `user`."""
        return replace(self, user=user)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (a user action): all of it commits, or none of it."""
        if self.user is None:
            raise NotLoggedIn()
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
