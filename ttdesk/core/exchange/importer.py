"""`import_json`: validate a whole document, then write all of it in one transaction.

Statuses and dates are taken as given (like a ledger import): the workflow is not replayed,
the data rules are checked. A refused document writes nothing; a process killed while
writing leaves the database as it was before the import (one transaction).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.core.base.access import Act, requires
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import Problem
from ttdesk.core.exchange.bulk import insert_rows
from ttdesk.core.exchange.dbcheck import check_database
from ttdesk.core.exchange.decode import Record, decode
from ttdesk.core.exchange.fields import Kind
from ttdesk.core.exchange.personal import note as masks_note
from ttdesk.core.exchange.personal import strip_masks
from ttdesk.core.exchange.sections import TOP, Section, fill_rule_key
from ttdesk.core.exchange.user_rows import check_user_rows
from ttdesk.core.exchange.validate import Checker, Plan, check_header, fail, load_document
from ttdesk.core.people import keys
from ttdesk.db import models as M

BATCH = 1000

# Columns that are optimistic-locking counters: a fresh record starts at 1.
_VERSION_COLUMNS = {
    mp.local_table.name: mp.version_id_col.name
    for mp in M.Base.registry.mappers
    if mp.version_id_col is not None
}


@dataclass
class ImportSummary:
    path: Path
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)   # records written (or to write)
    reused: dict[str, int] = field(default_factory=dict)   # identical records already there
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


def validate_document(session: Session, doc: dict[str, Any]) -> Plan:
    """Every check of the format, the data rules and the database; raise if anything fails."""
    check_header(doc)
    masked = strip_masks(doc)  # a mask is never data: those fields count as absent
    checker = Checker(doc)
    checker.plan.masked = masked
    if (text := masks_note(masked)) is not None:
        checker.plan.notes.append(text)
    plan, _state = checker.run()
    check_database(checker, session)
    if checker.problems:
        raise fail(checker.problems)
    return plan


class _Writer:
    def __init__(self, session: Session, plan: Plan) -> None:
        self.session = session
        self.plan = plan
        self.ids: dict[str, dict[Any, int]] = defaultdict(dict)
        for space, known in plan.db_ids.items():
            self.ids[space].update(known)
        self.counts: dict[str, int] = defaultdict(int)

    def _row(self, sec: Section, rec: Record, parent_id: int | None) -> dict[str, Any]:
        row: dict[str, Any] = {f.col: None for f in sec.fields if f.kind is not Kind.KEY}
        row.update(rec.values)
        for col, ref in rec.refs.items():
            row[col] = self.ids[ref.space][ref.key]
        row.update(sec.fixed)
        if sec.parent_col:
            row[sec.parent_col] = parent_id
        subject = rec.refs.get("subject_id")
        if sec.name == "deadlines" and subject is not None and row["rule_key"]:
            row["rule_key"] = fill_rule_key(row["rule_key"], row["subject_id"])
        version = _VERSION_COLUMNS.get(sec.table.name)
        if version:
            row[version] = 1
        return row

    def insert(self, sec: Section, recs: Sequence[Record], parents: Sequence[int | None],
               path: str) -> None:
        rows = [self._row(sec, r, p) for r, p in zip(recs, parents, strict=True)]
        ids = insert_rows(self.session, sec.table, rows)
        self.counts[path] += len(ids)
        if sec.space:
            for rec, row_id in zip(recs, ids, strict=True):
                if rec.key is not None:
                    self.ids[sec.space][rec.key] = row_id
        for link in sec.links:
            pairs = [{link.owner_col: row_id, link.target_col: self.ids[ref.space][ref.key]}
                     for rec, row_id in zip(recs, ids, strict=True)
                     for ref in rec.links.get(link.name, [])]
            insert_rows(self.session, link.table, pairs)
            self.counts[f"{path}.{link.name}"] += len(pairs)
        for child in sec.children:
            flat = [(c, row_id) for rec, row_id in zip(recs, ids, strict=True)
                    for c in rec.children.get(child.name, [])]
            if flat:
                self.insert(child, [c for c, _ in flat], [p for _, p in flat],
                            f"{path}.{child.name}")

    def section(self, sec: Section, items: list[Any]) -> None:
        batch: list[Record] = []
        reused = self.plan.reused.get(sec.name, set())
        for j, raw in enumerate(items):
            problems: list[Problem] = []
            rec = decode(sec, raw, f"{sec.name}[{j}]", problems)
            if problems or rec is None:  # cannot happen after validation
                raise fail(problems)
            if (rec.key if sec.key else j) in reused:
                continue
            if sec.space and any(r.space == sec.space and r.key not in self.ids[sec.space]
                                 for r in rec.refs.values()):
                self._flush(sec, batch)  # a record pointing at an earlier one of its kind
            batch.append(rec)
            if len(batch) >= BATCH:
                self._flush(sec, batch)
        self._flush(sec, batch)

    def _flush(self, sec: Section, batch: list[Record]) -> None:
        if batch:
            self.insert(sec, batch, [None] * len(batch), sec.name)
            batch.clear()

    def _drop_replaced(self) -> None:
        for row_id in self.plan.replace_deadlines:
            obj = self.session.get(M.Deadline, row_id)
            if obj is not None:
                self.session.delete(obj)
        self.session.flush()

    def run(self, doc: dict[str, Any]) -> None:
        _write_special(self.session, self.plan)
        self.session.flush()
        for sec in TOP:
            if sec.name == "deadlines":
                self._drop_replaced()
            self.section(sec, doc.get(sec.name) or [])
            doc[sec.name] = None  # free the parsed records as we go
        self.session.flush()
        keys.fill_missing(self.session)


def _sync(session: Session, model: Any, existing: dict[Any, Any], recs: list[Record],
          key: str, *, replace: bool) -> None:
    """Make the stored rows of a small table match the document's (by key), via the ORM so
    that every change is audited."""
    wanted = {rec.values[key]: rec.values for rec in recs}
    for k, values in wanted.items():
        obj = existing.get(k)
        if obj is None:
            session.add(model(**values))
        elif replace:
            for col, value in values.items():
                if getattr(obj, col) != value:
                    setattr(obj, col, value)
    if replace:
        for k, obj in existing.items():
            if k not in wanted:
                session.delete(obj)


def _write_special(session: Session, plan: Plan) -> None:
    """Institution profile, policy versions and holiday calendar (merged, see dbcheck)."""
    inst = session.scalars(select(M.Institution).order_by(M.Institution.id)).first()
    if plan.institution is not None:
        if inst is None:
            session.add(M.Institution(**plan.institution.values))
        elif plan.fresh:
            for col, value in plan.institution.values.items():
                setattr(inst, col, value)
    if plan.policy:
        stored = {p.number: p for p in session.scalars(select(M.PolicyVersion))}
        _sync(session, M.PolicyVersion, stored, plan.policy, "number", replace=plan.fresh)
    if plan.calendar:
        days = {c.day: c for c in session.scalars(select(M.CalendarDay))}
        _sync(session, M.CalendarDay, days, plan.calendar, "day", replace=plan.fresh)


def _table_counts(plan: Plan) -> dict[str, int]:
    return {path: n for path, n in plan.counts.items() if n}


@requires(Act.IMPORT)
def import_json(ctx: AppContext, path: str | Path, *, dry_run: bool = False) -> ImportSummary:
    """Validate the document at `path` and, unless `dry_run`, write all of it or nothing.

    Raises ValidationFailed listing every located problem; the database is then unchanged.
    """
    started = time.perf_counter()
    doc = load_document(path)
    summary = ImportSummary(path=Path(path), dry_run=dry_run)
    if dry_run:
        with ctx.read() as session:
            check_user_rows(ctx, session, doc)
            plan = validate_document(session, doc)
        summary.counts = _table_counts(plan)
    else:
        with ctx.write() as session:
            check_user_rows(ctx, session, doc)
            plan = validate_document(session, doc)
            writer = _Writer(session, plan)
            writer.run(doc)
        summary.counts = dict(writer.counts)
    summary.reused = {space: len(keys) for space, keys in plan.reused.items() if keys}
    summary.notes = plan.notes
    summary.seconds = time.perf_counter() - started
    return summary

