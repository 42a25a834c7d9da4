"""Where audit events are kept: loose rows and sealed segments (B1, schema 0014).

A new event is a row of `audit_event`, its changes packed (`pack_raw`). A run of consecutive
events is later sealed into one row of `audit_segment`: the events' fields and the canonical
bytes of their changes compressed together with zstd, several times smaller than one row
per event (the same field names and codes repeat from event to event), with one stored hash,
that of the run's last event. `audit_locator` says which segments hold events of which rows
(per entity, block of BUCKET ids and segment, the ids with events there), so one record's
history opens exactly the segments that hold its events and decodes only those events.

The chain is the same over both forms: each event's hash covers the previous hash, its head
fields and its canonical change bytes (`ttdesk.core.base.audit.link`), so a walk recomputes
every event's hash whether loose or sealed, and compares it where a hash is stored (every
loose event, the last event of a segment).

Everything that reads the trail reads it through here: `events` (all, in sequence order: the
chain walk, the row-history check), `history` (the events of some rows), `end` (the last
sequence number and hash), `count`.

When events are sealed: a bulk write (demo data, imports) seals as it writes; on SQLite a unit
of work that leaves at least 2 × SEAL_AT loose events seals the oldest SEAL_AT. On the office
server (PostgreSQL) the application's role may not delete audit rows (`office.server`), so
new events stay loose there.
"""

from __future__ import annotations

import array
import bisect
import functools
import itertools
import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.orm import Session

from ttdesk.core.base.driver import driver_rows
from ttdesk.db.models import AUDIT_LOCATOR, AUDIT_SEGMENT
from ttdesk.db.types import unpack_raw

SEAL_AT = 4096  # events per sealed segment
BUCKET = 1024   # ids per locator block
LEVEL = 9       # zstd level of a segment: level 19 saves another 15 % at 10× the time
FORMAT = 1

# (id, at, actor, action, entity, entity_id, entity_ref, canonical change bytes)
Sealed = tuple[int, str, str, str, str, int, str | None, bytes]
# the same and the stored hash (None inside a segment: only its last event has one)
Event = tuple[int, str, str, str, str, int, str | None, bytes, bytes | None]


class SegmentUnreadable(ValueError):
    """A segment whose body does not decode (edited or damaged outside TT Desk)."""


def at_text(at: datetime | str) -> str:
    """The hashed form of an event time: naive UTC with microseconds, as SQLite stores it."""
    if isinstance(at, str):
        return at if len(at) == 26 else datetime.fromisoformat(at).strftime(
            "%Y-%m-%d %H:%M:%S.%f")
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


# -- the segment format ------------------------------------------------------------------

def encode(events: Sequence[Sealed]) -> bytes:
    """One segment body: a JSON head (format, first id, one list per field, the byte length
    of each event's changes), a newline, the change bytes one after another; zstd over it."""
    import zstandard

    first = events[0][0]
    if any(e[0] != first + i for i, e in enumerate(events)):
        raise ValueError("a segment holds consecutive events")
    head = {"v": FORMAT, "first": first, "at": [e[1] for e in events],
            "actor": [e[2] for e in events], "action": [e[3] for e in events],
            "entity": [e[4] for e in events], "id": [e[5] for e in events],
            "ref": [e[6] for e in events], "len": [len(e[7]) for e in events]}
    data = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return zstandard.ZstdCompressor(level=LEVEL).compress(
        data + b"\n" + b"".join(e[7] for e in events))


_FIELDS = ("at", "actor", "action", "entity", "id", "ref", "len")


def _open(body: bytes) -> tuple[dict[str, Any], bytes, list[int]]:
    """A segment body decompressed: its head, its bytes and where each event's change bytes
    end; SegmentUnreadable when it does not decode as format FORMAT."""
    import zstandard

    try:
        data = zstandard.ZstdDecompressor().decompress(body)
        cut = data.index(b"\n")
        head = json.loads(data[:cut])
        int(head["first"])
        sizes = {len(head[k]) for k in _FIELDS}
        ends = list(itertools.accumulate(head["len"], initial=cut + 1))
    except (zstandard.ZstdError, ValueError, KeyError, TypeError) as exc:
        raise SegmentUnreadable(str(exc)) from None
    if head.get("v") != FORMAT or len(sizes) != 1 or not head["id"] or ends[-1] != len(data):
        raise SegmentUnreadable("unknown format or lengths")
    return head, data, ends


# a case page asks for the segments of the case and then of its deals: the last few bodies
# stay opened, keyed by their bytes (a changed body is read anew); read only
_opened = functools.lru_cache(maxsize=8)(_open)


def _same_ids(head: dict[str, Any], first_id: int | None, last_id: int | None) -> bool:
    first = int(head["first"])
    return (first_id is None or first == first_id) and (
        last_id is None or first + len(head["id"]) - 1 == last_id)


def decode(body: bytes, first_id: int | None = None, last_id: int | None = None
           ) -> list[Sealed]:
    """The events of a segment body; SegmentUnreadable when it does not decode or does not
    hold the ids its row says."""
    head, data, ends = _open(bytes(body))
    if not _same_ids(head, first_id, last_id):
        raise SegmentUnreadable("ids differ from the segment row")
    first = int(head["first"])
    return [(first + i, at, actor, action, entity, eid, ref, data[ends[i]:ends[i + 1]])
            for i, (at, actor, action, entity, eid, ref) in enumerate(zip(
                *(head[k] for k in _FIELDS[:-1]), strict=True))]


def locator_rows(events: Iterable[Sealed], segment: int) -> list[dict[str, Any]]:
    """Per (entity, block of BUCKET ids) of the segment, the ids it holds events of."""
    held: dict[tuple[str, int], set[int]] = {}
    for e in events:
        held.setdefault((e[4], e[5] // BUCKET), set()).add(e[5] % BUCKET)
    return [{"entity": entity, "bucket": bucket, "segment": segment,
             "ids": array.array("H", sorted(found)).tobytes()}
            for (entity, bucket), found in sorted(held.items())]


def _holds(ids: bytes, wanted: Collection[int]) -> bool:
    held = array.array("H")
    held.frombytes(bytes(ids))
    return any((i := bisect.bisect_left(held, w)) < len(held) and held[i] == w
               for w in wanted)


def pick(body: bytes, first_id: int, last_id: int, wanted: Mapping[str, Collection[int]]
         ) -> list[Sealed]:
    """The events of a segment that belong to the wanted rows, decoding only those."""
    try:
        head, data, ends = _opened(bytes(body))
    except SegmentUnreadable:
        return []  # `check` names it
    if not _same_ids(head, first_id, last_id):
        return []
    entities, ids, first = head["entity"], head["id"], int(head["first"])
    targets = set().union(*wanted.values())
    hits = [i for i, eid in enumerate(ids) if eid in targets]  # a few of 4,096, at C speed
    return [(first + i, head["at"][i], head["actor"][i], head["action"][i], entities[i], ids[i],
             head["ref"][i], data[ends[i]:ends[i + 1]])
            for i in hits if ids[i] in wanted.get(entities[i], ())]


def write_segment(conn: Connection, events: Sequence[Sealed], head: bytes) -> None:
    """Store consecutive events (already chained: `head` is the last one's hash)."""
    first = events[0][0]
    conn.execute(insert(AUDIT_SEGMENT), [{"first_id": first, "last_id": events[-1][0],
                                          "body": encode(events), "head": head}])
    conn.execute(insert(AUDIT_LOCATOR), locator_rows(events, first))


# -- reading ---------------------------------------------------------------------------

def _raw(stored: Any) -> bytes:
    try:
        return unpack_raw(stored)
    except Exception:  # damaged outside TT Desk: the hash check reports it
        return bytes(stored) if not isinstance(stored, str) else stored.encode()


def _loose(session: Session, where: str, limit: str = "") -> Iterator[Event]:
    sql = ("SELECT id, at, actor, action, entity, entity_id, entity_ref, changes, hash "
           f"FROM audit_event {where} ORDER BY id {limit}")
    for id_, at, actor, action, entity, eid, ref, changes, digest in driver_rows(session, sql,
                                                                            20_000):
        yield (id_, at_text(at), actor, action, entity, eid, ref, _raw(changes),
               bytes(digest))


def events(session: Session, after: int = 0,
           unreadable: list[tuple[int, int]] | None = None) -> Iterator[Event]:
    """Every event after sequence `after`, loose or sealed, in sequence order. A segment
    that does not decode is skipped and named in `unreadable` (the next event's hash
    then shows the break as well)."""
    loose = _loose(session, f"WHERE id > {int(after)}")
    nxt = next(loose, None)
    segs = driver_rows(session, "SELECT first_id, last_id, body, head FROM audit_segment "
                            f"WHERE last_id > {int(after)} ORDER BY first_id", 4)
    for first, last, body, head in segs:
        while nxt is not None and nxt[0] < first:
            yield nxt
            nxt = next(loose, None)
        try:
            sealed = decode(body, first, last)
        except SegmentUnreadable:
            if unreadable is not None:
                unreadable.append((first, last))
            continue
        end = len(sealed) - 1
        stored = bytes(head)
        for i, e in enumerate(sealed):
            if e[0] > after:
                yield (*e, stored if i == end else None)
    while nxt is not None:
        yield nxt
        nxt = next(loose, None)


def entity_counts(session: Session) -> dict[str, int]:
    """Events per entity (table name), loose and sealed."""
    counts: dict[str, int] = {}
    for entity, n in driver_rows(session, "SELECT entity, COUNT(*) FROM audit_event "
                                      "GROUP BY entity", 1000):
        counts[entity] = counts.get(entity, 0) + int(n)
    for (body,) in driver_rows(session, "SELECT body FROM audit_segment", 4):
        try:
            names = _open(bytes(body))[0]["entity"]
        except SegmentUnreadable:
            continue  # the chain walk names it
        for entity in names:
            counts[entity] = counts.get(entity, 0) + 1
    return counts


def by_entity(session: Session, entities: Collection[str]
              ) -> dict[str, list[tuple[int, str | None, str, bytes, int]]]:
    """(entity_id, entity_ref, action, canonical changes, id) of every event of the given
    entities, per entity, in sequence order: one pass over the trail."""
    wanted = set(entities)
    out: dict[str, list[tuple[int, str | None, str, bytes, int]]] = {e: [] for e in wanted}
    for e in events(session):
        if e[4] in wanted:
            out[e[4]].append((e[5], e[6], e[3], e[7], e[0]))
    return out


def history(session: Session, groups: Mapping[str, Collection[int]]) -> list[Event]:
    """The events of the given rows (table name -> ids), oldest first: the loose ones by
    the index on (entity, entity_id), the sealed ones from exactly the segments the locator
    names, decoding only their events."""
    groups = {entity: {int(i) for i in ids} for entity, ids in groups.items() if ids}
    if not groups:
        return []
    found: list[Event] = []
    segments: set[int] = set()
    for entity, ids in groups.items():
        name = entity.replace("'", "")
        id_list = ", ".join(str(i) for i in sorted(ids))
        found += _loose(session, f"WHERE entity = '{name}' AND entity_id IN ({id_list})")
        blocks: dict[int, list[int]] = {}
        for i in ids:
            blocks.setdefault(i // BUCKET, []).append(i % BUCKET)
        listed = ", ".join(str(b) for b in sorted(blocks))
        segments.update(segment for bucket, segment, held in driver_rows(
            session, "SELECT bucket, segment, ids FROM audit_locator WHERE entity = "
                     f"'{name}' AND bucket IN ({listed})", 1000)
            if _holds(held, blocks[bucket]))
    if segments:
        listed = ", ".join(str(s) for s in sorted(segments))
        for first, last, body, head in driver_rows(
                session, "SELECT first_id, last_id, body, head FROM audit_segment "
                         f"WHERE first_id IN ({listed}) ORDER BY first_id", 4):
            found += [(*e, bytes(head) if e[0] == last else None)
                      for e in pick(body, first, last, groups)]
    found.sort(key=lambda e: e[0])
    return found


def end(session: Session) -> tuple[int, bytes | None]:
    """(last sequence number, its hash) over both forms; (0, None) for an empty trail."""
    conn = session.connection()
    loose = conn.exec_driver_sql(
        "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").first()
    sealed = conn.exec_driver_sql(
        "SELECT last_id, head FROM audit_segment ORDER BY first_id DESC LIMIT 1").first()
    best = max((r for r in (loose, sealed) if r is not None), key=lambda r: r[0],
               default=None)
    return (0, None) if best is None else (int(best[0]), bytes(best[1]))


def first_hash(session: Session) -> bytes | None:
    """The hash of event 1... or of the first event there is (names the database)."""
    conn = session.connection()
    loose = conn.exec_driver_sql(
        "SELECT id, hash FROM audit_event ORDER BY id LIMIT 1").first()
    sealed = conn.exec_driver_sql(
        "SELECT first_id, body FROM audit_segment ORDER BY first_id LIMIT 1").first()
    if sealed is not None and (loose is None or sealed[0] < loose[0]):
        from ttdesk.core.base import audit

        try:
            e = decode(bytes(sealed[1]))[0]
        except SegmentUnreadable:
            return None
        return audit.link(audit.GENESIS, *e[1:], key=audit.chain_key(session))
    return None if loose is None else bytes(loose[1])


def count(session: Session) -> int:
    conn = session.connection()
    loose = conn.exec_driver_sql("SELECT COUNT(*) FROM audit_event").scalar_one()
    sealed = conn.exec_driver_sql(
        "SELECT COALESCE(SUM(last_id - first_id + 1), 0) FROM audit_segment").scalar_one()
    return int(loose) + int(sealed)


# -- sealing ---------------------------------------------------------------------------

def seal_due(session: Session) -> int:
    """On SQLite, while at least 2 × SEAL_AT events are loose, seal the oldest SEAL_AT (a run
    of consecutive ones, up to the first sealed segment after them); returns how many."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return 0
    sealed = 0
    while conn.exec_driver_sql("SELECT COUNT(*) FROM audit_event").scalar_one() >= 2 * SEAL_AT:
        run = _consecutive(list(_loose(session, "", f"LIMIT {SEAL_AT}")))
        later = conn.exec_driver_sql(
            "SELECT MIN(first_id) FROM audit_segment WHERE first_id > ?", (run[0][0],)).scalar()
        if later is not None:
            run = [e for e in run if e[0] < later]
        write_segment(conn, [e[:8] for e in run], run[-1][8] or b"")
        conn.exec_driver_sql("DELETE FROM audit_event WHERE id BETWEEN ? AND ?",
                             (run[0][0], run[-1][0]))
        sealed += len(run)
    return sealed


def _consecutive(run: list[Event]) -> list[Event]:
    for i in range(1, len(run)):
        if run[i][0] != run[0][0] + i:
            return run[:i]
    return run
