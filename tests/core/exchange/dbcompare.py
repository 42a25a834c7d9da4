"""Row-by-row comparison of two databases' business data, independent of database ids.

Every row becomes a signature: its columns except the id, the automatic timestamps and the
optimistic-locking version, with each foreign key replaced by the signature of the row it
points at (recursively), so two databases holding the same data compare equal even though
their ids differ. Written without the exchange code on purpose: it checks it.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sqlalchemy import Table, select

from ttdesk.core.base.context import AppContext
from ttdesk.core.office.logins import SINGLE_USER
from ttdesk.db import models as M

# annual_report_submission: the office's own act of submitting (its frozen F09 filing travels
# as a filing); the interchange does not carry it
NOT_BUSINESS = {"audit_event", "audit_segment", "audit_locator", "annual_report_submission",
                "login_setting"}  # this installation's logins, not the office's records
_VERSION = {mp.local_table.name: mp.version_id_col.name
            for mp in M.Base.registry.mappers if mp.version_id_col is not None}
# search_key is derived from the name and keys (an import computes it afresh)
_SKIP = {"id", "created_at", "updated_at", "search_key"}
# Columns holding an id of a table named by another column (not declared foreign keys).
_ENTITY_COLUMNS = {("deadline", "subject_id"): "subject_type",
                   ("attachment", "entity_id"): "entity_type",
                   ("note", "entity_id"): "entity_type"}
_TABLE_ALIASES = {"user": "app_user", "case": "achievement"}


def business_tables() -> list[Table]:
    return [t for t in M.Base.metadata.sorted_tables if t.name not in NOT_BUSINESS]


def _plain(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return repr(value)


def _rule_key_without_id(rule_key: str, subject_id: Any) -> str:
    """Generated rule keys embed the subject's id ("deal:7:registration")."""
    head, _, rest = rule_key.partition(":")
    first, _, tail = rest.partition(":")
    return f"{head}:<subject>:{tail}" if first == str(subject_id) else rule_key


class _Signer:
    def __init__(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        self.rows = rows
        self.by_id = {name: {r["id"]: r for r in table_rows if "id" in r}
                      for name, table_rows in rows.items()}
        self.memo: dict[tuple[str, int], Any] = {}
        self.tables = {t.name: t for t in business_tables()}

    def ref(self, table: str, row_id: Any) -> Any:
        if row_id is None:
            return None
        key = (table, row_id)
        if key not in self.memo:
            row = self.by_id.get(table, {}).get(row_id)
            self.memo[key] = ("missing", table, row_id) if row is None else self.sign(table, row)
        return self.memo[key]

    def sign(self, name: str, row: dict[str, Any]) -> tuple[Any, ...]:
        table = self.tables[name]
        out = []
        for col in table.c:
            if col.name in _SKIP or _VERSION.get(name) == col.name:
                continue
            value = row[col.name]
            fks = list(col.foreign_keys)
            if fks:
                value = self.ref(fks[0].column.table.name, value)
            elif (name, col.name) in _ENTITY_COLUMNS:
                target = row[_ENTITY_COLUMNS[(name, col.name)]]
                target = _TABLE_ALIASES.get(target, target)
                value = self.ref(target, value) if target in self.by_id else repr(value)
            elif (name, col.name) == ("deadline", "rule_key") and value:
                value = _rule_key_without_id(value, row["subject_id"])
            else:
                value = _plain(value)
            out.append((col.name, value))
        return tuple(out)


def signatures(ctx: AppContext) -> dict[str, Counter[Any]]:
    """Each business table as a multiset of id-free row signatures."""
    with ctx.read() as session:
        rows = {t.name: [dict(r) for r in session.execute(select(t)).mappings()]
                for t in business_tables()}
    # a local file's single user (made at its first start) belongs to the installation: a
    # SQLite file has one of its own, and one exported from SQLite lands in PostgreSQL
    rows["app_user"] = [r for r in rows.get("app_user", []) if r["username"] != SINGLE_USER]
    signer = _Signer(rows)
    return {name: Counter(signer.sign(name, r) for r in table_rows)
            for name, table_rows in rows.items()}


def differences(a: dict[str, Counter[Any]], b: dict[str, Counter[Any]]) -> list[str]:
    """Human-readable differences (empty when both hold the same data)."""
    out = []
    for name in sorted(set(a) | set(b)):
        only_a, only_b = a.get(name, Counter()) - b.get(name, Counter()), \
            b.get(name, Counter()) - a.get(name, Counter())
        for sig in only_a:
            out.append(f"{name}: only in first: {sig}")
        for sig in only_b:
            out.append(f"{name}: only in second: {sig}")
    return out


def raw_rows(ctx: AppContext, include_audit: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table exactly as stored, ids included (for backup ↔ restore)."""
    tables = M.Base.metadata.sorted_tables
    with ctx.read() as session:
        return {t.name: [tuple(r) for r in session.execute(
            select(t).order_by(*t.primary_key.columns))]
            for t in tables if include_audit or t.name not in NOT_BUSINESS}


def row_counts(ctx: AppContext) -> dict[str, int]:
    with ctx.read() as session:
        return {t.name: len(session.execute(select(t)).all())
                for t in M.Base.metadata.sorted_tables}
