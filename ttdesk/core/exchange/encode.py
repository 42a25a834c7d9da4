"""Database rows → document records, nested children and key references included.

Rows are read with plain Core queries in pages, and the children of a whole page are fetched
with one query per child table (no N+1), so exporting 100,000 cases keeps only one page of
records and the id→key maps in memory.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import RowMapping, Table, select
from sqlalchemy.orm import Session

from ttdesk.core.base.privacy import kind_of, mask
from ttdesk.core.exchange.fields import Kind, encode_value
from ttdesk.core.exchange.sections import SPACES, Section, entity_space, template_rule_key

PAGE = 1000
IN_CHUNK = 5000  # ids per IN (...) list: far below SQLite's and PostgreSQL's parameter limits

# Secrets left out when exporting with mask_personal=True; personal data (core.base.privacy)
# is written masked (110***********1234), never left out silently.
PERSONAL = {("users", "password_hash"), ("users", "api_key_hash")}


def chunks(seq: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(seq), size):
        yield seq[start:start + size]


def pages(session: Session, table: Table, ids: Iterable[int] | None = None,
          size: int = PAGE) -> Iterator[list[RowMapping]]:
    """Rows of `table` in id order, a page at a time (all rows, or only those in `ids`)."""
    if ids is not None:
        for part in chunks(sorted(ids), size):
            q = select(table).where(table.c.id.in_(part)).order_by(table.c.id)
            yield list(session.execute(q).mappings())
        return
    last: int | None = None
    while True:
        q = select(table).order_by(table.c.id).limit(size)
        if last is not None:
            q = q.where(table.c.id > last)
        rows = list(session.execute(q).mappings())
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]


def rows_where_in(session: Session, table: Table, column: str,
                  values: Sequence[Any]) -> list[RowMapping]:
    out: list[RowMapping] = []
    for part in chunks(values, IN_CHUNK):
        q = select(table).where(table.c[column].in_(part))
        if "id" in table.c:
            q = q.order_by(table.c.id)
        out.extend(session.execute(q).mappings())
    return out


class KeyLookup:
    """id → key of every key space; natural keys are loaded once, on first use."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._maps: dict[str, dict[int, str]] = {}

    def key(self, space: str, row_id: int | None) -> str | None:
        if row_id is None:
            return None
        sp = SPACES[space]
        if sp.column is None:
            return f"{sp.prefix}{row_id}"
        if space not in self._maps:
            t = sp.table
            self._maps[space] = dict(self._session.execute(select(t.c.id, t.c[sp.column])).all())
        return self._maps[space].get(row_id)


class Encoder:
    """Turns rows of a section (with their children) into JSON-ready dicts."""

    def __init__(self, session: Session, *, mask_personal: bool = False,
                 include_files: bool = True) -> None:
        self.session = session
        self.keys = KeyLookup(session)
        self.mask_personal = mask_personal
        self.include_files = include_files
        self.counts: dict[str, int] = defaultdict(int)

    def item(self, sec: Section, row: RowMapping, path: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in sec.fields:
            if f.kind is Kind.KEY:
                value: Any = self.keys.key(sec.space or "", row["id"])
            elif f.kind is Kind.REF:
                value = self.keys.key(f.space or "", row[f.col])
            elif f.kind is Kind.ENTITY:
                space = entity_space(row[sec.field(f.space or "").col])
                value = self.keys.key(space, row[f.col]) if space else row[f.col]
            else:
                value = encode_value(f, row[f.col])
            if self.mask_personal:
                value = self._masked(sec, f.col, path, f.name, value)
            if f.kind is Kind.BYTES and not self.include_files and not f.required:
                value = None
            if value is not None or f.default is not None:
                out[f.name] = value
        if (sec.name == "deadlines" and out.get("rule_key") and out.get("subject_key")
                and entity_space(row["subject_type"])):
            out["rule_key"] = template_rule_key(out["rule_key"], row["subject_id"])
        return out

    @staticmethod
    def _masked(sec: Section, column: str, path: str, name: str, value: Any) -> Any:
        if (path, name) in PERSONAL:
            return None
        kind = kind_of(sec.table.name, column)
        return value if kind is None or not isinstance(value, str) else mask(kind, value)

    def encode(self, sec: Section, rows: Sequence[RowMapping], path: str) -> list[dict[str, Any]]:
        """Records for `rows`, with every nested child list and link list filled in."""
        items = [self.item(sec, r, path) for r in rows]
        self.counts[path] += len(items)
        if not rows or not (sec.children or sec.links):
            return items
        ids = [r["id"] for r in rows]
        for child in sec.children:
            assert child.parent_col is not None
            child_rows = rows_where_in(self.session, child.table, child.parent_col, ids)
            child_items = self.encode(child, child_rows, f"{path}.{child.name}")
            grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
            for r, it in zip(child_rows, child_items, strict=True):
                grouped[r[child.parent_col]].append(it)
            for r, it in zip(rows, items, strict=True):
                if grouped.get(r["id"]):
                    it[child.name] = grouped[r["id"]]
        for link in sec.links:
            pairs = rows_where_in(self.session, link.table, link.owner_col, ids)
            targets: dict[int, list[int]] = defaultdict(list)
            for pr in pairs:
                targets[pr[link.owner_col]].append(pr[link.target_col])
            for r, it in zip(rows, items, strict=True):
                if targets.get(r["id"]):
                    it[link.name] = [self.keys.key(link.space, t) for t in sorted(targets[r["id"]])]
            self.counts[f"{path}.{link.name}"] += len(pairs)
        return items
