"""What a unit of work changed, said by the core: the change kinds the UI's bus announces.

Every flush passes `_collect` (an `after_flush` listener beside the audit one, so no service
can forget it); bulk writers that bypass the ORM call `touch`. When `AppContext.write()`
commits, the session's collected kinds become a `Changes` value: published to the thread's
`recording()` blocks and kept as `last()`. A rolled-back unit of work reports nothing.

Each kind carries the id of the one "root" record it concerns (the case for achievements,
the deal for deals and money, the company for companies) or 0 when several or an unknown
one changed, so a page showing one record can skip changes of others.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from ttdesk.codes import ChangeKind as K
from ttdesk.db.models import AuditEvent, Base, Publicity

_ACH, _DEAL, _CO = ("achievement", "deal", "company")
_SETTINGS = ("institution", "policy_version", "calendar_day", "department", "person",
             "person_interest", "app_user", "login_setting")

# table -> (kind, the table whose id names the record a page shows; None: no such record)
TABLE_KINDS: dict[str, tuple[K, str | None]] = {
    **{t: (K.ACHIEVEMENTS, _ACH) for t in (
        "achievement", "contribution", "funding_source", "ip_asset", "assessment",
        "support_received", "rights_grant")},
    "patent_review": (K.ACHIEVEMENTS, None),  # 存量专利盘活 (schema 0013)
    **{t: (K.DEALS, _DEAL) for t in ("deal", "valuation", "registration_event")},
    **{t: (K.MONEY, _DEAL) for t in (
        "payment_milestone", "royalty_report", "receipt", "cost", "distribution",
        "operating_profit")},
    "allocation": (K.MONEY, None),
    "distribution_receipt": (K.MONEY, None),
    # link rows: through the ORM both sides are reported (`_linked`); bulk rows say this
    "deal_achievement": (K.DEALS, None),
    "deal_ip_asset": (K.DEALS, None),
    **{t: (K.COMPANIES, _CO) for t in (
        "company", "company_milestone", "shareholding", "equity_event")},
    "equity_position": (K.COMPANIES, None),
    **{t: (K.MARKET, None) for t in ("demand", "match_activity", "match")},
    **{t: (K.MARKET, None) for t in (  # market (schema 0008)
        "promotion", "activity_achievement", "activity_company")},
    "deadline": (K.DEADLINES, None),
    "filing": (K.FILINGS, "filing"),
    "annual_report_submission": (K.FILINGS, None),
    **{t: (K.SETTINGS, None) for t in _SETTINGS},
}
# Tables whose kind depends on the row (see `_kinds_of`); the audit trail reports nothing.
SPECIAL = {"publicity", "objection", "attachment", "note"}
NOT_REPORTED = {"audit_event", "audit_segment", "audit_locator"}

# kind -> ids of root records (0: several; None: a row that names none, e.g. an allocation)
Touched = dict[str, set[int | None]]
_KEY = "ttdesk_changes"


@dataclass(frozen=True)
class Changes:
    """The kinds one or more committed units of work changed, each with its record id."""

    ids: Mapping[str, int] = field(default_factory=dict)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.ids)

    def record_id(self, kind: str) -> int:
        """The one record of `kind` that changed, or 0 when several (or an unknown one)."""
        return self.ids.get(kind, 0)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def __or__(self, other: Changes) -> Changes:
        merged = dict(self.ids)
        for kind, rid in other.ids.items():
            merged[kind] = rid if merged.get(kind, rid) == rid else 0
        return Changes(merged)


NONE = Changes()


def _one(ids: set[int | None]) -> int:
    """The one record named, else 0; rows naming none (an allocation saved with its
    distribution) do not blur the record the others name."""
    known = ids - {None}
    return next(iter(known)) or 0 if len(known) == 1 else 0


def _root_id(obj: Any, table: str, root: str | None) -> int | None:
    if root is None:
        return None
    value = getattr(obj, "id" if table == root else f"{root}_id", None)
    return value if isinstance(value, int) else None


def _kinds_of(session: Session, obj: Any) -> Iterator[tuple[str, int | None]]:
    """(kind, root id) pairs a changed row stands for."""
    table = obj.__tablename__
    if table in TABLE_KINDS:
        kind, root = TABLE_KINDS[table]
        yield kind, _root_id(obj, table, root)
    elif table == "publicity" or table == "objection":
        pub = obj if table == "publicity" else session.get(Publicity, obj.publicity_id)
        if pub is None or pub.deal_id is not None:
            yield K.DEALS, pub.deal_id if pub is not None else None
        if pub is None or pub.rights_grant_id is not None:
            yield K.ACHIEVEMENTS, None
        if pub is None or pub.distribution_id is not None:
            yield K.MONEY, None
    elif table in ("attachment", "note"):
        kind, root = TABLE_KINDS.get(obj.entity_type, (K.ALL, None))
        yield kind, obj.entity_id if root == obj.entity_type else None
    elif table not in NOT_REPORTED:
        yield K.ALL, None  # a table nobody mapped yet: every view reloads rather than none


def _linked(obj: Any) -> Iterator[Any]:
    """Rows added to or removed from a many-to-many link of `obj` (a deal's cases): the
    other side changed too (a case page lists its deals)."""
    state = inspect(obj)
    for rel in state.mapper.relationships:
        if rel.secondary is not None:
            hist = state.attrs[rel.key].history
            yield from hist.added
            yield from hist.deleted


def _add(touched: Touched, pairs: Iterable[tuple[str, int | None]]) -> None:
    for kind, rid in pairs:
        touched.setdefault(str(kind), set()).add(rid)


def _collect(session: Session, _flush_context: Any) -> None:
    touched: Touched = session.info.setdefault(_KEY, {})
    for group, dirty in ((session.new, False), (session.dirty, True), (session.deleted, False)):
        for obj in group:
            if not isinstance(obj, Base) or isinstance(obj, AuditEvent):
                continue
            if dirty and not session.is_modified(obj):
                continue
            _add(touched, _kinds_of(session, obj))
            for other in _linked(obj):
                if isinstance(other, Base):
                    _add(touched, _kinds_of(session, other))


def touch(session: Session, table: str, ids: Iterable[int] = ()) -> None:
    """Bulk writers (no ORM flush): rows of `table` were written in this unit of work."""
    kind, root = TABLE_KINDS.get(table, (K.ALL, None))
    if table in NOT_REPORTED:
        return
    row_ids = set(ids) if root == table else set()
    touched: Touched = session.info.setdefault(_KEY, {})
    touched.setdefault(str(kind), set()).update(row_ids if len(row_ids) == 1 else {0})


def touch_all(session: Session | None = None) -> None:
    """Everything may have changed (a restore replaced the database)."""
    if session is not None:
        session.info.setdefault(_KEY, {}).setdefault(str(K.ALL), set()).add(0)
    else:
        _publish(Changes({str(K.ALL): 0}))


def of_session(session: Session) -> Changes:
    touched: Touched = session.info.get(_KEY, {})
    return Changes({kind: _one(ids) for kind, ids in touched.items()})


# ---- per thread: the last committed unit of work, and open recordings ----------------------
class _Local(threading.local):
    def __init__(self) -> None:
        self.last: Changes = NONE
        self.recordings: list[list[Changes]] = []


_local = _Local()


def committed(session: Session) -> Changes:
    """Called by the unit of work after its commit: publish what it changed."""
    changes = of_session(session)
    session.info.pop(_KEY, None)
    _publish(changes)
    return changes


def forget(session: Session) -> None:
    """A rolled-back unit of work changed nothing."""
    session.info.pop(_KEY, None)


def _publish(changes: Changes) -> None:
    _local.last = changes
    for rec in _local.recordings:
        rec.append(changes)


def last() -> Changes:
    """What the last unit of work committed on this thread changed."""
    return _local.last


@dataclass
class Recording:
    """Filled when its `recording()` block ends: all units of work committed in it."""

    changes: Changes = NONE


@contextmanager
def recording() -> Iterator[Recording]:
    """Collect what every unit of work committed on this thread inside the block changed
    (a service may run several; nested blocks each see all of theirs)."""
    seen: list[Changes] = []
    out = Recording()
    _local.recordings.append(seen)
    try:
        yield out
    finally:
        _local.recordings = [r for r in _local.recordings if r is not seen]
        for c in seen:
            out.changes = out.changes | c


event.listen(Session, "after_flush", _collect)
