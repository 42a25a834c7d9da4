"""`export_json`: write the interchange document, streaming one page of records at a time.

The document is written to a temporary name and renamed into place when complete, so a
reader never sees half a document. All queries run in one read transaction (a snapshot on
SQLite WAL; REPEATABLE READ on PostgreSQL), so the document is consistent even while others
keep working.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ttdesk import __version__
from ttdesk.core.base.context import AppContext
from ttdesk.core.exchange import sections as S
from ttdesk.core.exchange.encode import Encoder, pages, rows_where_in
from ttdesk.core.exchange.personal import INCLUDED, MASKED, record_personal_export
from ttdesk.core.exchange.sections import FORMAT, TOP, VERSION, Section
from ttdesk.core.office.output import atomic_file, check_output
from ttdesk.db import models as M
from ttdesk.db.types import utcnow


@dataclass(frozen=True)
class Selection:
    """Part of a database: these cases and deals (what comes along: docs/exchange.schema.json)."""

    case_nos: frozenset[str] = frozenset()
    deal_nos: frozenset[str] = frozenset()


@dataclass
class ExportSummary:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    bytes_written: int = 0
    seconds: float = 0.0


def _dump(item: Any) -> str:
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


class _DocWriter:
    """Writes `{"key": value, "list": [\\n item,\\n item\\n], ...}` with one record a line."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.first = True

    def _key(self, name: str) -> None:
        self.fh.write("{" if self.first else ",\n")
        self.first = False
        self.fh.write(f"{_dump(name)}:")

    def value(self, name: str, value: Any) -> None:
        self._key(name)
        self.fh.write(_dump(value))

    def items(self, name: str, batches: Iterable[list[dict[str, Any]]]) -> None:
        self._key(name)
        self.fh.write("[")
        sep = "\n"
        for batch in batches:
            for item in batch:
                self.fh.write(sep + _dump(item))
                sep = ",\n"
        self.fh.write("\n]")

    def close(self) -> None:
        self.fh.write("}\n" if not self.first else "{}\n")


def _ids_by_key(session: Session, table: Any, column: str, keys: Iterable[str]) -> set[int]:
    rows = rows_where_in(session, table, column, sorted(keys))
    return {r["id"] for r in rows}


def _selected(session: Session, sel: Selection) -> dict[str, set[int] | None]:
    """Ids per top-level section for a selection; None = the whole table."""
    ach = _ids_by_key(session, M.Achievement.__table__, "case_no", sel.case_nos)
    deals = _ids_by_key(session, M.Deal.__table__, "deal_no", sel.deal_nos)
    link = M.deal_achievement
    deals |= {r["deal_id"] for r in rows_where_in(session, link, "achievement_id", sorted(ach))}
    ach |= {r["achievement_id"] for r in rows_where_in(session, link, "deal_id", sorted(deals))}
    grant_ids = {r["rights_grant_id"] for r in rows_where_in(session, M.Deal.__table__, "id",
                                                             sorted(deals))} - {None}
    ach |= {r["achievement_id"] for r in rows_where_in(session, M.RightsGrant.__table__, "id",
                                                       sorted(grant_ids))}
    matches = rows_where_in(session, M.Match.__table__, "achievement_id", sorted(ach))

    def by(table: Any, col: str, ids: set[int]) -> set[int]:
        return {r["id"] for r in rows_where_in(session, table, col, sorted(ids))}

    costs = by(M.Cost.__table__, "deal_id", deals) | by(M.Cost.__table__, "achievement_id", ach)
    return {
        "achievements": ach, "deals": deals,
        "match_activities": {r["activity_id"] for r in matches} - {None},
        "demands": {r["demand_id"] for r in matches} - {None},
        "matches": {r["id"] for r in matches},
        "milestones": set(), "shareholdings": set(),
        "equity_events": by(M.EquityEvent.__table__, "deal_id", deals),
        "receipts": by(M.Receipt.__table__, "deal_id", deals), "costs": costs,
        "distributions": by(M.Distribution.__table__, "deal_id", deals),
        "filings": set(), "deadlines": set(), "attachments": set(), "notes": set(),
    }


def _section_batches(enc: Encoder, sec: Section, ids: set[int] | None) -> Iterable[list[Any]]:
    for rows in pages(enc.session, sec.table, ids):
        yield enc.encode(sec, rows, sec.name)


def _write_special(w: _DocWriter, enc: Encoder) -> None:
    session = enc.session
    inst = session.execute(select(S.INSTITUTION.table).order_by(S.INSTITUTION.table.c.id)
                           .limit(1)).mappings().first()
    w.value("institution", enc.item(S.INSTITUTION, inst, "institution") if inst else None)
    versions = list(session.execute(select(S.POLICY_VERSIONS.table)
                                    .order_by(S.POLICY_VERSIONS.table.c.number)).mappings())
    w.value("policy", {"versions": [enc.item(S.POLICY_VERSIONS, r, "policy.versions")
                                    for r in versions]})
    days = session.execute(select(S.CALENDAR.table).order_by(S.CALENDAR.table.c.day)).mappings()
    w.items("calendar", [[enc.item(S.CALENDAR, r, "calendar") for r in days]])


def _begin_snapshot(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        # One snapshot for every query of the export, not one per statement.
        session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))


def export_json(ctx: AppContext, path: str | Path, *, selection: Selection | None = None,
                include_personal: bool = False, include_files: bool = True,
                force: bool = False) -> ExportSummary:
    """Write the whole database (or a selection) as an interchange document at `path`.

    Personal data (ID numbers, phones, e-mails) is written masked and password hashes are
    left out, unless `include_personal`: admins only, and recorded as an audit event
    (`exchange.personal`). `include_files=False` leaves out the PDF content of archived
    filings (their hashes and snapshots stay). `force`: overwrite an existing file (see
    `check_output`: never the database or a backup).
    """
    started = time.perf_counter()
    target = check_output(path, db=ctx.db, force=force)
    if include_personal:
        record_personal_export(ctx, target, selection)
    with atomic_file(target) as partial, ctx.read() as session, \
            partial.open("w", encoding="utf-8", newline="\n") as fh:
        _begin_snapshot(session)
        enc = Encoder(session, mask_personal=not include_personal, include_files=include_files)
        chosen = _selected(session, selection) if selection is not None else {}
        w = _DocWriter(fh)
        w.value("format", FORMAT)
        w.value("version", VERSION)
        w.value("exported_at", utcnow().isoformat())
        w.value("app_version", __version__)
        w.value("personal", INCLUDED if include_personal else MASKED)
        w.value("selection", None if selection is None else {
            "case_nos": sorted(selection.case_nos), "deal_nos": sorted(selection.deal_nos)})
        _write_special(w, enc)
        for sec in TOP:
            w.items(sec.name, _section_batches(enc, sec, chosen.get(sec.name)))
        w.close()
        fh.flush()
    return ExportSummary(path=target, counts=dict(enc.counts),
                         bytes_written=target.stat().st_size,
                         seconds=time.perf_counter() - started)
