"""Who refers to a master-data record, and moving those references when two records merge.

The referring columns are found from the mapped models' foreign keys, so a table added later
is covered without touching this module. Every move goes through the ORM, so each changed
row leaves its own audit event, and the merged record keeps `merged_into_id` (its audit event
is the merge record).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ttdesk.core.base.errors import RuleViolation
from ttdesk.db.models import Base, Contribution, PersonInterest

# What a referring table is called on screen, for "referenced by 3 contributions".
_TABLE_LABELS = {
    "contribution": ("完成人", "contributions"),
    "rights_grant": ("赋权申请", "rights grants"),
    "allocation": ("分配明细", "allocations"),
    "shareholding": ("股权登记", "shareholdings"),
    "equity_position": ("股权变动", "equity positions"),
    "person_interest": ("关联关系", "interests"),
    "deal": ("转化项目", "deals"),
    "achievement": ("成果", "cases"),
    "person": ("人员", "people"),
    "demand": ("企业需求", "demands"),
    "match": ("对接", "matches"),
}


def referring_columns(table: str) -> Iterator[tuple[type[Any], Any]]:
    """(model class, column attribute) for every column that refers to `table`.id, except
    the table's own merge link."""
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        for column in mapper.columns:
            for fk in column.foreign_keys:
                if fk.column.table.name != table or fk.column.name != "id":
                    continue
                if cls.__tablename__ == table and column.key == "merged_into_id":
                    continue
                yield cls, getattr(cls, column.key)


def usage(session: Session, table: str, row_id: int) -> dict[str, int]:
    """How many rows of each referring table point at the record (tables with none left out)."""
    counts: dict[str, int] = {}
    for cls, col in referring_columns(table):
        n = session.execute(select(func.count()).select_from(cls).where(col == row_id)).scalar()
        if n:
            counts[cls.__tablename__] = counts.get(cls.__tablename__, 0) + int(n)
    return counts


def describe_usage(counts: dict[str, int]) -> tuple[str, str]:
    """("完成人 2、分配明细 1", "2 contributions, 1 allocations")."""
    zh = "、".join(f"{_TABLE_LABELS.get(t, (t, t))[0]} {n}" for t, n in counts.items())
    en = ", ".join(f"{n} {_TABLE_LABELS.get(t, (t, t))[1]}" for t, n in counts.items())
    return zh, en


def _merge_contribution(session: Session, moving: Contribution, kept: Contribution) -> None:
    """Both people contributed to one case: the kept person takes both shares (sum stays 100)
    and the lead role if either had it."""
    kept.share = kept.share + moving.share
    if moving.role.value == "lead":
        kept.role = moving.role
    session.delete(moving)


def _drop(session: Session, moving: Any, kept: Any) -> None:
    session.delete(moving)


# When the kept record already has a row where the duplicate's row would move: combine.
_ON_CLASH: dict[type[Any], Callable[[Session, Any, Any], None]] = {
    Contribution: _merge_contribution,
    PersonInterest: _drop,
}


def _unique_partners(cls: type[Any], column_key: str) -> list[list[str]]:
    """For each unique constraint of `cls` that includes `column_key`: its other columns."""
    out = []
    for constraint in cls.__table__.constraints:
        names = [c.name for c in getattr(constraint, "columns", [])]
        if constraint.__class__.__name__ == "UniqueConstraint" and column_key in names:
            out.append([n for n in names if n != column_key])
    return out


def _clash(session: Session, cls: type[Any], col: Any, obj: Any, keep_id: int) -> Any:
    for partners in _unique_partners(cls, col.key):
        query = select(cls).where(col == keep_id)
        for name in partners:
            query = query.where(getattr(cls, name) == getattr(obj, name))
        found = session.execute(query).scalar_one_or_none()
        if found is not None:
            return found
    return None


def move_references(session: Session, table: str, from_id: int, to_id: int) -> int:
    """Point every reference of record `from_id` at `to_id`; return how many rows changed.

    A unique pair that would collide (both people on one case) is combined where that has an
    obvious meaning, and refused otherwise, naming the table.
    """
    moved = 0
    for cls, col in referring_columns(table):
        rows = session.execute(select(cls).where(col == from_id)).scalars().all()
        for obj in rows:
            other = _clash(session, cls, col, obj, to_id)
            if other is not None:
                handler = _ON_CLASH.get(cls)
                if handler is None:
                    zh, en = _TABLE_LABELS.get(cls.__tablename__,
                                               (cls.__tablename__, cls.__tablename__))
                    raise RuleViolation(
                        "MERGE", f"两条记录在同一{zh}中同时出现，无法自动合并，请先手工调整",
                        f"both records appear in the same {en}; adjust it by hand first",
                        field=col.key)
                handler(session, obj, other)
            else:
                setattr(obj, col.key, to_id)
            moved += 1
        session.flush()
    return moved
