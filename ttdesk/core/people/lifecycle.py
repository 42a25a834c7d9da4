"""Deactivate, reactivate, merge and delete, the same way for departments, people and companies.

A record that anything refers to is never deleted: it is deactivated (kept for history, left
out of pickers) or merged into its duplicate. A merge moves every reference to the kept
record and marks the duplicate inactive with `merged_into_id`; the duplicate's audit event
(is_active, merged_into_id before/after) is the record of the merge.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.people.references import describe_usage, move_references, usage


def display(record: Any) -> str:
    """"张伟（S000123）" / "材料学院（D01）" / "北京某某公司（9111...）": names a record."""
    key = (getattr(record, "staff_no", None) or getattr(record, "credit_code", None)
           or getattr(record, "code", None))
    return f"{record.name}（{key}）" if key else str(record.name)


def deactivate(record: Any) -> None:
    record.is_active = False


def reactivate(record: Any) -> None:
    if record.merged_into_id is not None:
        raise RuleViolation("MERGE", f"{display(record)} 已合并到其他记录，不能重新启用",
                            f"{display(record)} was merged into another record and cannot be "
                            "reactivated", field="is_active")
    record.is_active = True


def merge(session: Session, duplicate: Any, kept: Any) -> int:
    """Move every reference of `duplicate` to `kept`; returns the number of rows moved."""
    table = type(kept).__tablename__
    if duplicate.id == kept.id:
        raise RuleViolation("MERGE", "不能把记录与自身合并",
                            "a record cannot be merged into itself", field="merge")
    for rec, role in ((duplicate, "duplicate"), (kept, "kept")):
        if rec.merged_into_id is not None:
            raise RuleViolation("MERGE", f"{display(rec)} 已被合并过",
                                f"{display(rec)} has already been merged", field=role)
    if not kept.is_active:
        raise RuleViolation("MERGE", f"保留的记录 {display(kept)} 已停用",
                            f"the record to keep, {display(kept)}, is inactive", field="kept")
    moved = move_references(session, table, duplicate.id, kept.id)
    duplicate.is_active = False
    duplicate.merged_into_id = kept.id
    return moved


def delete(session: Session, record: Any, field: str) -> None:
    """Delete a record nothing refers to; otherwise refuse, offering deactivate or merge."""
    counts = usage(session, type(record).__tablename__, record.id)
    if counts:
        zh, en = describe_usage(counts)
        raise RuleViolation(
            "REF", f"{display(record)} 仍被引用（{zh}），不能删除；请改为停用或与重复记录合并",
            f"{display(record)} is still referenced ({en}) and cannot be deleted; deactivate "
            "it or merge it into its duplicate", field=field)
    session.delete(record)


def refuse_unknown(changes: dict[str, Any], editable: Collection[str]) -> None:
    """An edit may name only the fields of `editable`."""
    unknown = sorted(set(changes) - set(editable))
    if unknown:
        raise RuleViolation("INPUT", f"不可修改的字段：{', '.join(unknown)}",
                            f"fields that cannot be edited: {', '.join(unknown)}",
                            field=unknown[0])


@dataclass(frozen=True)
class Keeper:
    """Edit, (de)activate, merge and delete for one kind of master record, found by its key
    (`find(session, key)`: a staff no., a credit code, a department code or name); each is
    one unit of work. `apply(session, record, values)` validates and sets the fields."""

    find: Callable[[Session, str], Any]
    apply: Callable[[Session, Any, dict[str, Any]], None]
    editable: Collection[str]
    key_field: str

    def edit(self, ctx: AppContext, key: str, changes: dict[str, Any]) -> str:
        """Change any of the editable fields; returns the record's (possibly new) key."""
        refuse_unknown(changes, self.editable)
        with ctx.write() as s:
            record = self.find(s, key)
            self.apply(s, record, changes)
            return str(getattr(record, self.key_field))

    def set_active(self, ctx: AppContext, key: str, active: bool) -> None:
        with ctx.write() as s:
            record = self.find(s, key)
            if active:
                reactivate(record)
            else:
                deactivate(record)

    def merge(self, ctx: AppContext, duplicate: str, kept: str) -> int:
        """Move every reference of `duplicate` to `kept`; returns the rows moved."""
        with ctx.write() as s:
            return merge(s, self.find(s, duplicate), self.find(s, kept))

    def delete(self, ctx: AppContext, key: str) -> None:
        with ctx.write() as s:
            delete(s, self.find(s, key), self.key_field)
