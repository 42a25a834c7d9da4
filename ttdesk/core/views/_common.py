"""Shared pieces of the list queries: substring search, sort direction, paging of id lists.

Search is a plain case-insensitive substring match (`LIKE '%text%'`), never a full-text index:
an FTS5 trigram index silently finds nothing for 1-2 character queries (电池, 芯片), which are
the most common ones (env.md, "Speed facts"), and a scan of 100,000 short titles is fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, and_, case, func, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from ttdesk.core.views.light import coerce  # noqa: F401  (re-exported for the views)

# Ids per `IN (...)` when fetching display rows: well under every back end's parameter limit.
CHUNK = 500
_ESCAPE = "/"


def like_pattern(text: str) -> str:
    """`%text%` with the LIKE wildcards of `text` taken literally (escape character '/')."""
    escaped = (
        text.replace(_ESCAPE, _ESCAPE * 2)
        .replace("%", _ESCAPE + "%")
        .replace("_", _ESCAPE + "_")
    )
    return f"%{escaped}%"


def search_terms(text: str | None) -> list[str]:
    """Whitespace-separated words; every word must occur (in any searched column)."""
    return (text or "").split()


def has_cjk(term: str) -> bool:
    """Whether `term` holds a Chinese (CJK) character or CJK punctuation / full-width form."""
    return any(
        "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"
        or ch >= "\U00020000"
        for ch in term
    )


def search_clause(dialect: str, columns: Sequence[Any], text: str | None,
                  latin_columns: Sequence[Any] = ()) -> ColumnElement[bool]:
    """Case-insensitive substring match of every word of `text` in any of `columns`.

    `latin_columns` (case numbers, English titles, credit codes) are searched only for words
    without Chinese characters: a word with one cannot usefully match them, and each column
    searched costs another LIKE over every row — B3 holds the case search to 3× a bare
    single-column `title LIKE '%电池%'` scan.
    SQLite's LIKE already ignores ASCII case, so the column is compared bare (no lower()
    call per row: that alone would double the scan time); PostgreSQL gets ILIKE. Chinese has
    no case, so both behave alike for the titles that matter.
    """
    words = []
    for term in search_terms(text):
        pattern = like_pattern(term)
        searched = [*columns, *(() if has_cjk(term) else latin_columns)]
        if dialect == "sqlite":
            hits = [col.like(pattern, escape=_ESCAPE) for col in searched]
        else:
            hits = [col.ilike(pattern, escape=_ESCAPE) for col in searched]
        words.append(or_(*hits))
    return and_(*words)


class Unindexed(FunctionElement[Any]):
    """`+expr` on SQLite: the same value, but the planner may not walk an index for it.

    Used for ORDER BY when the list is filtered: SQLite then likes to walk the sort column's
    index in order and fetch every row to test the filter — ~200 ms for `电池` or one status
    on 100,000 cases — where finding the matches (scan or filter index) and sorting them
    takes ~25 ms. Unfiltered lists keep the index order (a covering index: no sort at all).
    Other back ends get the expression unchanged.
    """

    inherit_cache = True
    name = "unindexed"

    def __init__(self, expr: Any) -> None:
        super().__init__(expr)
        self.type = expr.type


@compiles(Unindexed)
def _unindexed_default(element: Unindexed, compiler: Any, **kw: Any) -> str:
    (expr,) = element.clauses.clauses
    return str(compiler.process(expr, **kw))


@compiles(Unindexed, "sqlite")
def _unindexed_sqlite(element: Unindexed, compiler: Any, **kw: Any) -> str:
    (expr,) = element.clauses.clauses
    return "+" + str(compiler.process(expr, **kw))


def dialect_of(session: Session) -> str:
    return session.get_bind().dialect.name


def one_or_many(column: Any, value: Any) -> ColumnElement[bool] | None:
    """`column = value`, or `column IN (...)` for a tuple / list / set; None for no filter."""
    if value is None:
        return None
    if isinstance(value, tuple | list | set | frozenset):
        return column.in_(list(value))
    return column == value


def ordered(expr: Any, descending: bool, nullable: bool = False, scan: bool = False) -> Any:
    """One ORDER BY term; NULLs always last so SQLite and PostgreSQL agree.

    `scan`: the list is filtered, so sort the matches instead of walking an index in order
    (see `Unindexed`).
    """
    if scan:
        expr = Unindexed(expr)
    term = expr.desc() if descending else expr.asc()
    return term.nulls_last() if nullable else term


def chinese(expr: Any, dialect: str) -> Any:
    """A Chinese text column as it should sort: by pinyin (安 < 北 < 成 < 张), through the
    `pinyin_key` function on SQLite and the `ttdesk_pinyin` collation on PostgreSQL
    (migration 0006)."""
    if dialect == "sqlite":
        return func.pinyin_key(expr)
    return expr.collate("ttdesk_pinyin") if dialect == "postgresql" else expr


def enum_rank(column: Any, enum_cls: type[StrEnum]) -> Any:
    """Sort key following the declaration order of a status enum (its workflow order)."""
    return case({m.value: i for i, m in enumerate(enum_cls)}, value=column, else_=len(enum_cls))


def year_range(column: Any, year: int | None) -> ColumnElement[bool] | None:
    """A range on the date column (index-friendly), not extract(year)."""
    if year is None:
        return None
    return and_(column >= date(year, 1, 1), column < date(year + 1, 1, 1))


def fetch_ids(session: Session, stmt: Any) -> list[int]:
    """The first column of `stmt` as a list of ints, read straight off the DBAPI cursor.

    A list of 100,000 ids through SQLAlchemy's row objects took ~190 ms, off the cursor
    ~75 ms (bind parameters are still processed by SQLAlchemy); ids need no type processing.
    """
    result = session.connection().execute(stmt)
    try:
        return [row[0] for row in result.cursor.fetchall()]
    finally:
        result.close()


def chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def in_order(ids: Sequence[int], by_id: dict[int, Any]) -> list[Any]:
    """Rows in the order of `ids`, skipping ids that no longer exist (deleted meanwhile)."""
    return [by_id[i] for i in ids if i in by_id]


F = TypeVar("F")
R = TypeVar("R")


@dataclass(frozen=True)
class EntityList(Generic[F, R]):
    """The four calls every simple list offers (ids, a page of rows, a count, a CLI page),
    built from one list's own pieces so the session handling lives in one place."""

    default_filter: Callable[[], F]
    ids_in_session: Callable[..., list[int]]
    rows_in_session: Callable[[Session, Sequence[int]], list[R]]
    count_statement: Callable[[F, str], Any]

    def ids(self, ctx: Any, f: F | None = None) -> list[int]:
        """Ids of every match, in display order (what a lazy table model holds)."""
        with ctx.read() as session:
            return self.ids_in_session(session, f or self.default_filter())

    def rows(self, ctx: Any, ids: Sequence[int]) -> list[R]:
        """Display rows for `ids`, in the order given (ids deleted meanwhile are skipped)."""
        if not ids:
            return []
        with ctx.read() as session:
            return self.rows_in_session(session, ids)

    def count(self, ctx: Any, f: F | None = None) -> int:
        with ctx.read() as session:
            stmt = self.count_statement(f or self.default_filter(), dialect_of(session))
            return int(session.execute(stmt).scalar_one())

    def page(self, ctx: Any, f: F | None = None, limit: int | None = None,
             offset: int = 0) -> list[R]:
        """One page (or, without a limit, all) of the list: for the CLI and reports."""
        with ctx.read() as session:
            ids = self.ids_in_session(session, f or self.default_filter(), limit, offset)
            return self.rows_in_session(session, ids)
