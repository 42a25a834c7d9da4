"""Validation against the target database: existing keys, outside references, merges.

Run inside the import's own transaction, so what it finds is still true when the rows are
written (SQLite holds the write lock from BEGIN IMMEDIATE; a concurrent insert of the same
key on PostgreSQL is caught by the unique constraint and rolls everything back).

Reference records (departments, users, people with their interests, companies) that already
exist *identically* are reused instead of refused, so a selection exported from one database
imports into another that shares its people and companies. Any other existing key is a
duplicate. A database is "fresh" when it holds no business records yet: its seeded policy,
holiday calendar and institution profile are then replaced by the document's, which makes an
export → import round trip exact.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ttdesk.core.base.errors import Problem
from ttdesk.core.exchange.decode import Record, decode, problem
from ttdesk.core.exchange.encode import Encoder, rows_where_in
from ttdesk.core.exchange.sections import DEADLINES, SPACES, Section, fill_rule_key
from ttdesk.core.exchange.validate import (
    Checker,
    State,
    check_cap_tables,
    receipt_too_early,
)
from ttdesk.db import models as M

# Users are left out: every new database has its first user (the single user of a local
# file, or the first admin) before anything can be imported into it.
_FRESH_TABLES = (M.Achievement, M.Deal, M.Person, M.Company, M.Department)


def is_fresh(session: Session) -> bool:
    """No business records yet; a local file's single user (made at its first start) does
    not count."""
    single = select(M.LoginSetting.single_user_id).where(
        M.LoginSetting.single_user_id.is_not(None))
    for model in _FRESH_TABLES:
        q = select(func.count()).select_from(model)
        if model is M.User:
            q = q.where(M.User.id.not_in(single))
        if session.execute(q).scalar():
            return False
    return True


def _section_for_space(space: str) -> tuple[Section, str] | None:
    from ttdesk.core.exchange.sections import walk

    for path, sec in walk():
        if sec.space == space:
            return sec, path
    return None


def _db_records(session: Session, sec: Section, column: str, keys: list[Any]) -> dict[Any, Any]:
    """Existing records of a reusable section by key, decoded like document records."""
    rows = rows_where_in(session, sec.table, column, keys)
    items = Encoder(session).encode(sec, rows, sec.name)
    out = {}
    for row, item in zip(rows, items, strict=True):
        rec = decode(sec, item, "db", [])
        out[row[column]] = (row["id"], rec)
    return out


def _duplicates(ch: Checker, session: Session) -> None:
    plan, keys = ch.plan, ch.state.keys
    for space, sp in SPACES.items():
        if sp.column is None or not keys.get(space):
            continue
        found = _section_for_space(space)
        if found is None:
            continue
        sec, _ = found
        wanted = list(keys[space])
        if sec.reusable:
            existing = _db_records(session, sec, sp.column, wanted)
        else:
            rows = rows_where_in(session, sp.table, sp.column, wanted)
            existing = {r[sp.column]: (r["id"], None) for r in rows}
        for key, (row_id, canon) in existing.items():
            info = keys[space][key]
            if sec.reusable and _same(ch, sec, info.index, canon):
                plan.reused[sec.name].add(key)
                plan.db_ids[space][key] = row_id
            else:
                ch.problems.append(problem("DUP", info.where, f"数据库中已有“{key}”",
                                           f"{key!r} already exists in the database"))
    names = list(ch.state.dept_names)
    for r in rows_where_in(session, M.Department.__table__, "name", names):
        where = ch.state.dept_names[r["name"]]
        if r["code"] not in plan.reused["departments"]:
            ch.problems.append(problem("DUP", f"{where}.name", "数据库中已有同名院系",
                                       "a department of that name already exists"))


def _same(ch: Checker, sec: Section, index: int, stored: Record | None) -> bool:
    """The document's record equals the stored one; personal fields the document held only
    masked are not compared (the stored values are kept: `exchange.personal`)."""
    raw = ch.doc[sec.name][index]
    rec = decode(sec, raw, "doc", [])
    if rec is None or stored is None:
        return False
    hidden = {sec.field(name).col for name in ch.plan.masked.get((sec.name, index), ())}
    if not hidden:
        return rec.canonical() == stored.canonical()
    return (replace(rec, values=_without(rec.values, hidden)).canonical()
            == replace(stored, values=_without(stored.values, hidden)).canonical())


def _without(values: dict[str, Any], hidden: set[str]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in hidden}


def _pending_refs(ch: Checker, session: Session) -> None:
    for space, refs in ch.state.pending.items():
        sp = SPACES[space]
        assert sp.column is not None
        wanted = sorted({r.key for r in refs}, key=str)
        rows = rows_where_in(session, sp.table, sp.column, wanted)
        ids: dict[Any, list[int]] = defaultdict(list)
        for r in rows:
            ids[r[sp.column]].append(r["id"])
        for ref in refs:
            found = ids.get(ref.key, [])
            if len(found) == 1:
                ch.plan.db_ids[space][ref.key] = found[0]
            elif not found:
                ch.problems.append(problem(
                    "REF", ref.where, f"文件和数据库中都没有“{ref.key}”",
                    f"{ref.key!r} is neither in the document nor in the database"))
            else:
                ch.problems.append(problem(
                    "REF", ref.where, f"数据库中有多条“{ref.key}”，引用不明确",
                    f"{ref.key!r} matches several records in the database"))


def _deadlines(ch: Checker, session: Session) -> None:
    """Generated deadlines already in the database under the same rule key: a fresh
    database's seeded ones are replaced, otherwise they must be identical (then reused)."""
    wanted: dict[str, tuple[Any, int]] = {}
    for j, raw in enumerate(ch.doc.get("deadlines") or []):
        rec = decode(DEADLINES, raw, f"deadlines[{j}]", [])
        if rec is None or not rec.values.get("rule_key"):
            continue
        db_key = rec.values["rule_key"]
        subject = rec.refs.get("subject_id")
        if subject is not None:
            db_id = ch.plan.db_ids.get(subject.space, {}).get(subject.key)
            if db_id is None:
                continue  # the subject is new, so its deadline's key cannot exist yet
            db_key = fill_rule_key(db_key, db_id)
        wanted[db_key] = (rec, j)
    rows = rows_where_in(session, DEADLINES.table, "rule_key", list(wanted))
    for row, item in zip(rows, Encoder(session).encode(DEADLINES, rows, "deadlines"),
                         strict=True):
        rec, j = wanted[row["rule_key"]]
        stored = decode(DEADLINES, item, "db", [])
        if ch.plan.fresh:
            ch.plan.replace_deadlines.append(row["id"])
        elif stored is not None and stored.canonical() == rec.canonical():
            ch.plan.reused["deadlines"].add(j)
        else:
            ch.problems.append(problem("DUP", f"deadlines[{j}].rule_key",
                                       f"数据库中已有不同的待办“{row['rule_key']}”",
                                       f"a different deadline {row['rule_key']!r} already exists"))


def _receipts(ch: Checker, session: Session) -> None:
    state: State = ch.state
    if not state.receipts_db_deal:
        return
    deals = sorted({k for k, _, _ in state.receipts_db_deal})
    signed = {r["deal_no"]: r["signing_date"]
              for r in rows_where_in(session, M.Deal.__table__, "deal_no", deals)}
    for deal_no, received, where in state.receipts_db_deal:
        if signed.get(deal_no) is not None and received < signed[deal_no]:
            ch.problems.append(receipt_too_early(where, received, signed[deal_no]))


def _cap_tables(ch: Checker, session: Session) -> None:
    codes = list(ch.state.cap)
    companies = {r["id"]: r["credit_code"]
                 for r in rows_where_in(session, M.Company.__table__, "credit_code", codes)}
    existing: dict[str, Decimal] = defaultdict(Decimal)
    for r in rows_where_in(session, M.Shareholding.__table__, "company_id", list(companies)):
        existing[companies[r["company_id"]]] += r["percentage"]
    check_cap_tables(ch, existing)


def _merge_problem(where: str, what_zh: str, what_en: str) -> Problem:
    return problem("DUP", where, f"与数据库中已有的{what_zh}不一致",
                   f"differs from the {what_en} already in the database")


def _policy_calendar(ch: Checker, session: Session) -> None:
    """In a database that already holds business data, the document must agree with it."""
    plan = ch.plan
    if plan.fresh:
        return
    stored = {r.number: r.values for r in session.scalars(select(M.PolicyVersion))}
    for rec in plan.policy:
        number = rec.values.get("number")
        if number in stored and stored[number] != rec.values.get("values"):
            ch.problems.append(_merge_problem(f"{rec.where}.values", f"政策版本 {number}",
                                              f"policy version {number}"))
    days = {r.day: r.is_workday for r in session.scalars(select(M.CalendarDay))}
    for rec in plan.calendar:
        day = rec.values.get("day")
        if day in days and days[day] != rec.values.get("is_workday"):
            ch.problems.append(_merge_problem(f"{rec.where}.is_workday", f"日历日 {day}",
                                              f"calendar day {day}"))
    if plan.institution is not None and session.scalar(select(func.count(M.Institution.id))):
        plan.notes.append("kept the database's institution profile; the document's was not "
                          "imported / 保留了数据库中的机构信息，未导入文件中的机构信息")


def check_database(ch: Checker, session: Session) -> None:
    ch.plan.fresh = is_fresh(session)
    _duplicates(ch, session)
    _pending_refs(ch, session)
    _deadlines(ch, session)
    _receipts(ch, session)
    _cap_tables(ch, session)
    _policy_calendar(ch, session)

