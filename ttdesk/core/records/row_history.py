"""`check`: every business row against its audit history.

The hash chain proves that the events were not edited; it says nothing about the business
rows themselves. A row changed with SQL behind TT Desk's back (an amount, an ID number, a
status) no longer equals the after-state of its last audit event, a row inserted that way has
no event, and a row deleted that way still has a live history. This step replays the history
of every row and compares it with what is stored.

Covered generically: every table of the metadata with a single-column primary key (a table
added later is covered without being named here). Association tables (composite keys, e.g.
`deal_achievement`) are recorded as changes of their owner and are not compared row by row.

Per table, the events (read in a few passes over the trail, `audit_store.by_entity`, each
holding a group of tables) and the rows (ordered by primary key) are merged like two sorted
files.
Both are read straight from the driver and each stored value is turned into its recorded
form by one generated function per table (B12: the ORM's result rows cost more than the
comparison itself).
"""

from __future__ import annotations

import json
import json.scanner
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Column, Enum, Table
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from ttdesk.core.base import audit_store
from ttdesk.core.base.audit import plain
from ttdesk.core.base.driver import driver_rows
from ttdesk.core.base.errors import Problem
from ttdesk.core.base.privacy import PERSONAL_COLUMNS, is_hashed, keyed_hash, personal_key
from ttdesk.core.rules.checks import P
from ttdesk.db.models import AUDIT_TABLES, Base
from ttdesk.db.types import EVENT_ZSTD, event_codec, unpack_json

RULE = "HISTORY"
# stamps, not recorded in events; search keys, derived from the recorded name and keys
NOT_COMPARED = frozenset({"created_at", "updated_at", "search_key"})
_ABSENT = object()  # a column added by a later migration: not in the older events
_REF_KEYS = ("case_no", "deal_no", "credit_code", "staff_no", "serial_no")
_FETCH = 5000
MAX_FINDINGS = 500
OLD_KEY = "\x00recorded before the re-chain"
# id of the last `rechain` marker (set per check run): columns that migrations added or filled
# before it are not in the events of rows last recorded before it, and are not compared there
_RECHAINED_AT = [0]


def _stamps(table: Table) -> set[Column[Any]]:
    """Columns not recorded in events: the time stamps and the optimistic-locking counter
    (SQLAlchemy bumps it inside the UPDATE, after the change was recorded)."""
    out = {c for c in table.columns if c.name in NOT_COMPARED}
    for mapper in Base.registry.mappers:
        if mapper.local_table is table and mapper.version_id_col is not None:
            out.add(mapper.version_id_col)
    return out


def audited_tables() -> list[Table]:
    """Every business table with a single-column primary key, in dependency order."""
    return [t for t in Base.metadata.sorted_tables
            if t.name not in AUDIT_TABLES and len(t.primary_key.columns) == 1]


def _same(recorded: Any, found: Any) -> bool:
    """Equal as recorded values: money "1942.6" == "1942.60", a datetime with or without
    its UTC offset spelled out; anything else must match exactly."""
    if recorded == found:
        return True
    if isinstance(recorded, str) and isinstance(found, str):
        try:
            return Decimal(recorded) == Decimal(found)
        except InvalidOperation:
            pass
        try:
            return _instant(recorded) == _instant(found)
        except ValueError:
            return False
    if isinstance(recorded, int | float) and isinstance(found, str | int | float) \
            and not isinstance(recorded, bool) and not isinstance(found, bool):
        try:
            return Decimal(str(recorded)) == Decimal(str(found))
        except InvalidOperation:
            return False
    return False


def _instant(text: str) -> datetime | date:
    if len(text) == 10:
        return date.fromisoformat(text)
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # stored times are UTC


_DECODER = json.JSONDecoder()
_SCAN = json.scanner.make_scanner(_DECODER)  # the C scanner, without json.loads' layers


def _load(raw: Any) -> Any:
    """`unpack_json` for the hot loop: one event's packed changes."""
    if isinstance(raw, str):  # a value written before the packed form
        return json.loads(raw)
    data = raw if isinstance(raw, bytes) else bytes(raw)
    head = data[:1]
    if head == EVENT_ZSTD:
        data = event_codec()[1].decompress(data[1:])
    elif head == b"x":
        data = zlib.decompress(data)
    text = data.decode("utf-8")
    try:
        value, end = _SCAN(text, 0)
    except StopIteration:
        return unpack_json(data)  # malformed: json.loads raises its usual error
    return value if end == len(text) else unpack_json(data)


def _replay(events: list[tuple[str, Any, int]]) -> dict[str, Any] | None:
    """The after-state of the last event (None: deleted, or never recorded). The key
    OLD_KEY marks a state last recorded before the chain was re-hashed by a migration."""
    action, changes, id_ = events[0]
    if len(events) == 1 and action == "insert" and id_ >= _RECHAINED_AT[0]:
        return _load(changes).get("after") or {}  # most rows: inserted, never changed
    state: dict[str, Any] | None = None
    for action, changes, _ in events:
        if action == "delete":
            state = None
            continue
        changes = _load(changes)
        if action == "insert":
            state = dict(changes.get("after") or {})
        else:
            if state is None:
                state = {}
            for key, change in changes.items():
                if isinstance(change, dict) and "after" in change:
                    state[key] = change["after"]
    if state is not None and events[-1][2] < _RECHAINED_AT[0]:
        state[OLD_KEY] = True
    return state


def _events(recorded: list[tuple[int, str | None, str, bytes, int]], by_ref: bool
            ) -> Iterator[tuple[Any, list[Any]]]:
    """(key, [(action, changes, id), ...]) for each recorded row of a table, by key, from
    its events in sequence order (`audit_store.by_entity`)."""
    pick = 1 if by_ref else 0
    ordered = sorted(recorded, key=lambda e: (e[pick] is not None, e[pick] or 0, e[4])) \
        if by_ref else sorted(recorded, key=lambda e: e[0])  # stable: ids stay in order
    current: Any = None
    bucket: list[tuple[str, Any, int]] = []
    for e in ordered:
        key = e[pick]
        if key != current and bucket:
            yield current, bucket
            bucket = []
        current = key
        bucket.append((e[2], e[3], e[4]))
    if bucket:
        yield current, bucket


def _recorded_form(col: Column[Any], dialect: Any) -> str:
    """An expression over `v` (the driver's value, not None) giving what `audit.plain` of
    the mapped value is: text, integers and codes are the same; a date is its ISO text
    (which SQLite stores); other types go through the column type's own result processor."""
    kind = col.type
    if isinstance(kind, Enum) and not kind.native_enum:
        return "v"  # stored by its code, which `plain` records
    python = _python_type(col)
    if python in (str, int) and not isinstance(kind, TypeDecorator):
        return "v"
    if python is bool:
        return "bool(v)"
    if python is date:
        return "(v if v.__class__ is str else v.isoformat())"
    return f"plain(p{col.name}(v))" if kind.dialect_impl(dialect).result_processor(
        dialect, None) else "plain(v)"


def _plain_function(columns: list[Column[Any]], dialect: Any
                    ) -> Callable[[Any], tuple[Any, ...]]:
    """A compiled driver row -> (key, tuple of recorded forms) for `columns` (the key
    first): one generated function instead of a loop over converters per value."""
    env: dict[str, Any] = {"plain": plain}
    parts = []
    for i, col in enumerate(columns):
        form = _recorded_form(col, dialect)
        if f"p{col.name}(" in form:
            env[f"p{col.name}"] = col.type.dialect_impl(dialect).result_processor(dialect, None)
        parts.append(f"row[{i}]" if form == "v" else
                     f"(None if (v := row[{i}]) is None else {form})")
    source = (f"def f(row):\n    return ({parts[0]}, ({', '.join(parts[1:])},))\n")
    exec(source, env)  # generated from the table's own column list
    return env["f"]  # type: ignore[no-any-return]


def _hashing(table: Table, columns: list[Column[Any]], convert: Callable[[Any], Any]
             ) -> Callable[[Any], Any]:
    """`convert` (row -> (key, values)) followed by the keyed hash of the personal columns
    (events record those as `privacy.keyed_hash`, so a stored value is compared by its
    hash)."""
    personal = PERSONAL_COLUMNS.get(table.name)
    places = [i for i, c in enumerate(columns) if personal and c.name in personal]
    if not places:
        return convert
    key = personal_key()

    def hashed(row: Any) -> Any:
        pk, values = convert(row)
        values = list(values)
        for i in places:
            values[i] = keyed_hash(values[i], key)
        return pk, tuple(values)
    return hashed


def _recorded(table: Table, recorded: dict[str, Any] | None) -> dict[str, Any] | None:
    """A replayed state with personal values as keyed hashes (events written before the
    hashing, or by an older version, hold them in clear)."""
    personal = PERSONAL_COLUMNS.get(table.name)
    if not personal or recorded is None:
        return recorded
    return {k: (keyed_hash(v) if k in personal else v) for k, v in recorded.items()}


def _rows(s: Session, table: Table, pk: Column[Any], columns: list[Column[Any]], by_ref: bool
          ) -> Iterator[tuple[Any, tuple[Any, ...]]]:
    dialect = s.get_bind().dialect
    convert = _hashing(table, columns, _plain_function([pk, *columns], dialect))
    q = dialect.identifier_preparer.quote
    sql = (f"SELECT {', '.join(q(c.name) for c in (pk, *columns))} FROM {q(table.name)} "
           f"ORDER BY {q(pk.name)}")
    if by_ref:
        for row in driver_rows(s, sql, _FETCH):
            key, values = convert(row)
            yield str(key), values
    else:
        yield from map(convert, driver_rows(s, sql, _FETCH))


def _python_type(col: Column[Any]) -> type | None:
    try:
        return col.type.python_type
    except NotImplementedError:
        return None


def _ref(values: dict[str, Any] | None, key: Any) -> str:
    for name in _REF_KEYS:
        if values and values.get(name):
            return str(values[name])
    return f"#{key}"


def _text(value: Any) -> str:
    return "∅" if value is None else json.dumps(value, ensure_ascii=False)


def _merge(events: Iterator[tuple[Any, list[Any]]], rows: Iterator[tuple[Any, tuple[Any, ...]]]
           ) -> Iterator[tuple[Any, dict[str, Any] | None, tuple[Any, ...] | None, bool]]:
    """(key, recorded state, stored row, has events) for every key of either side."""
    ev = next(events, None)
    row = next(rows, None)
    while ev is not None or row is not None:
        if row is None or (ev is not None and ev[0] < row[0]):
            assert ev is not None
            yield ev[0], _replay(ev[1]), None, True
            ev = next(events, None)
        elif ev is None or row[0] < ev[0]:
            yield row[0], None, row[1], False
            row = next(rows, None)
        else:
            yield row[0], _replay(ev[1]), row[1], True
            ev, row = next(events, None), next(rows, None)


def _compare(table: Table, names: list[str], key: Any, recorded: dict[str, Any] | None,
             found: tuple[Any, ...] | None, has_events: bool) -> list[Problem]:
    name = table.name
    if found is None:
        if recorded is None:
            return []  # deleted, and recorded as deleted
        where = f"{name} {_ref(recorded, key)} (id {key})"
        return [P(RULE, "记录已被删除，但审计记录中没有删除事件",
                  "row deleted without an audit event", None, where)]
    if recorded is not None:
        # An absent key is an empty value (events leave empty values out), except in a state
        # recorded before the last re-chain: columns that migrations added since are absent
        # there and cannot be compared.
        absent = _ABSENT if OLD_KEY in recorded else None
        was = tuple([recorded.get(n, absent) for n in names])
        if was == found or all(old is _ABSENT or old == now
                               for old, now in zip(was, found, strict=True)):
            return []
    where = f"{name} {_ref(dict(zip(names, found, strict=True)), key)} (id {key})"
    if recorded is None:
        if has_events:
            return [P(RULE, "审计记录显示此记录已删除，但它仍在数据库中",
                      "row exists but its audit history says it was deleted", None, where)]
        return [P(RULE, "记录没有任何审计事件（在 TT Desk 之外插入）",
                  "row has no audit event (inserted outside TT Desk)", None, where)]
    out = []
    for col, old, now in zip(names, was, found, strict=True):
        if old is not _ABSENT and not _same(old, now) and is_hashed(now):
            out.append(P(RULE, "与审计记录不符（个人信息：比较的是密钥哈希，值不显示；若每个人员"
                               "都不符，请确认使用了同一个个人信息密钥文件）",
                         "differs from its audit history (personal data: compared by keyed "
                         "hash, values not shown; if every person differs, check that the "
                         "same personal-data key file is used)", col, where))
        elif old is not _ABSENT and not _same(old, now):
            out.append(P(RULE, f"与审计记录不符：记录值 {_text(old)}，实际值 {_text(now)}",
                         f"differs from its audit history: recorded {_text(old)}, "
                         f"found {_text(now)}", col, where))
    return out


def table_findings(s: Session, table: Table, limit: int = MAX_FINDINGS,
                   trail: list[tuple[int, str | None, str, bytes, int]] | None = None
                   ) -> list[Problem]:
    if trail is None:
        trail = audit_store.by_entity(s, [table.name])[table.name]
    pk = next(iter(table.primary_key.columns))
    by_ref = _python_type(pk) is not int  # e.g. a calendar day: its event names it by ref
    skip = _stamps(table)
    columns = [c for c in table.columns if c not in skip and c is not pk]
    names = [c.name for c in columns]
    out: list[Problem] = []
    for key, recorded, found, has_events in _merge(_events(trail, by_ref),
                                                   _rows(s, table, pk, columns, by_ref)):
        if found is None:
            if recorded is None:
                continue
        elif recorded is not None and tuple(map(recorded.get, names)) == found:
            continue  # the usual case, at C speed; any difference is judged by _compare
        out += _compare(table, names, key, _recorded(table, recorded), found, has_events)
        if len(out) >= limit:
            break
    return out


PASS_EVENTS = 400_000  # events held in memory at once: tables are compared in groups


def row_history_findings(s: Session) -> list[Problem]:
    """Findings for every audited table (at most MAX_FINDINGS in all). The trail is read in
    a few passes, each holding the events of a group of tables."""
    out: list[Problem] = []
    tables = audited_tables()
    counts = audit_store.entity_counts(s)
    groups: list[list[Table]] = [[]]
    held = 0
    for table in tables:
        n = counts.get(table.name, 0)
        if groups[-1] and held + n > PASS_EVENTS:
            groups.append([])
            held = 0
        groups[-1].append(table)
        held += n
    _RECHAINED_AT[0] = 0
    for i, group in enumerate(groups):
        names = [t.name for t in group] + (["audit_event"] if i == 0 else [])
        events = audit_store.by_entity(s, names)
        if i == 0:  # the markers of a re-hash are recorded under the trail's own name
            _RECHAINED_AT[0] = max((e[4] for e in events["audit_event"] if e[2] == "rechain"),
                                   default=0)
        for table in group:
            out += table_findings(s, table, MAX_FINDINGS - len(out), events.pop(table.name))
            if len(out) >= MAX_FINDINGS:
                out.append(P(RULE, f"仅列出前 {MAX_FINDINGS} 项",
                             f"only the first {MAX_FINDINGS} are listed"))
                return out
    return out
