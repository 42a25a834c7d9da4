"""The part of the read side that imports no SQLAlchemy: the case list's terms (filter, sort,
row) and its first page read with a plain `sqlite3` query.

Start-up (B2) shows the main window with the first page of cases before the ORM is imported:
importing SQLAlchemy and mapping the models alone costs about three bare Qt windows. So the
first page of an unfiltered case list on a SQLite file whose schema is current is read here,
and `cases.py` (the author of the list) keeps everything else. The query mirrors
`cases._ids_statement` + `cases.rows_in_session` for every `CaseSort`; a test compares both
on the same file for every sort and direction.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote

from ttdesk.codes import AchievementKind, AchievementStatus, ContributorRole
from ttdesk.db.revision import HEAD_REVISION

E = TypeVar("E", bound=StrEnum)


def coerce(enum_cls: type[E], value: Any) -> Any:
    """Accept codes as plain strings too (CLI, settings), one or many."""
    if value is None:
        return None
    if isinstance(value, tuple | list | set | frozenset):
        return tuple(enum_cls(v) for v in value)
    return enum_cls(value)


class CaseSort(StrEnum):
    """Columns the case list can be sorted by (SQL does the sorting)."""

    ID = "id"
    CASE_NO = "case_no"
    TITLE = "title"
    KIND = "kind"
    FIELD = "field"
    DEPARTMENT = "department"
    DISCLOSURE_DATE = "disclosure_date"
    STATUS = "status"
    OFFICER = "officer"


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows. Codes may be given as strings; a tuple means "any of".

    `search`: every whitespace-separated word must occur, case-insensitively, in the title
    or, for a word without Chinese characters, the case number or the English title.
    `year` is the disclosure year.
    """

    status: AchievementStatus | tuple[AchievementStatus, ...] | None = None
    kind: AchievementKind | tuple[AchievementKind, ...] | None = None
    department_id: int | None = None
    field: str | None = None
    year: int | None = None
    officer_id: int | None = None
    search: str | None = None
    sort: CaseSort = CaseSort.DISCLOSURE_DATE
    descending: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", coerce(AchievementStatus, self.status))
        object.__setattr__(self, "kind", coerce(AchievementKind, self.kind))
        object.__setattr__(self, "sort", CaseSort(self.sort))

    @property
    def unfiltered(self) -> bool:
        """Only a sort is set (what the list shows at start-up)."""
        return (self.status, self.kind, self.department_id, self.field, self.year,
                self.officer_id, self.search) == (None,) * 7


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    id: int
    case_no: str
    title: str
    title_en: str | None
    kind: AchievementKind
    field: str | None
    department: str | None
    disclosure_date: date
    status: AchievementStatus
    officer: str | None
    lead_inventor: str | None
    deal_count: int


# ---- the first page with sqlite3 ----------------------------------------------------------------

def _rank(column: str, enum_cls: type[StrEnum]) -> str:
    """Workflow order of a coded column (as `_common.enum_rank`)."""
    whens = " ".join(f"WHEN '{m.value}' THEN {i}" for i, m in enumerate(enum_cls))
    return f"CASE {column} {whens} ELSE {len(enum_cls)} END"


# sort -> (ORDER BY expression, NULLs possible); NULLs always last, as `_common.ordered`.
_SORT_KEYS: dict[CaseSort, tuple[str, bool]] = {
    CaseSort.CASE_NO: ("a.case_no", False),
    CaseSort.TITLE: ("pinyin_key(a.title)", False),
    CaseSort.KIND: (_rank("a.kind", AchievementKind), False),
    CaseSort.FIELD: ("pinyin_key(a.field)", True),
    CaseSort.DEPARTMENT: ("pinyin_key(d.name)", True),
    CaseSort.DISCLOSURE_DATE: ("a.disclosure_date", False),
    CaseSort.STATUS: (_rank("a.status", AchievementStatus), False),
    CaseSort.OFFICER: ("pinyin_key(u.display_name)", True),
}
# Chinese text columns sort by pinyin, as `_common.chinese` has them on SQLite.
_PINYIN_SORTS = {CaseSort.TITLE, CaseSort.FIELD, CaseSort.DEPARTMENT, CaseSort.OFFICER}

_FIRST_PAGE = """
SELECT a.id, a.case_no, a.title, a.title_en, a.kind, a.field, d.name, a.disclosure_date,
       a.status, u.display_name,
       (SELECT p.name FROM contribution c JOIN person p ON p.id = c.person_id
         WHERE c.achievement_id = a.id
         ORDER BY CASE WHEN c.role = '{lead}' THEN 0 ELSE 1 END, c.share DESC, c.id
         LIMIT 1),
       (SELECT count(*) FROM deal_achievement da WHERE da.achievement_id = a.id)
  FROM achievement a
  LEFT OUTER JOIN department d ON a.department_id = d.id
  LEFT OUTER JOIN app_user u ON a.officer_id = u.id
 ORDER BY {order}
 LIMIT ?
"""


def _order_by(f: CaseFilter) -> str:
    direction = "DESC" if f.descending else "ASC"
    terms = []
    if f.sort in _SORT_KEYS:
        expr, nullable = _SORT_KEYS[f.sort]
        terms.append(f"{expr} {direction}" + (" NULLS LAST" if nullable else ""))
    terms.append(f"a.id {direction}")  # the unique tie-break of the author
    return ", ".join(terms)


def _row(r: tuple[Any, ...]) -> CaseRow:
    return CaseRow(r[0], r[1], r[2], r[3], AchievementKind(r[4]), r[5], r[6],
                   date.fromisoformat(r[7]), AchievementStatus(r[8]), r[9], r[10],
                   int(r[11] or 0))


@dataclass(frozen=True)
class FirstCases:
    """The unfiltered case list's count and first rows, read from one SQLite file."""

    path: Path

    def __call__(self, f: CaseFilter, limit: int) -> tuple[int, list[CaseRow]]:
        if not f.unfiltered:
            raise ValueError("the first page is read for the unfiltered list only")
        with ReadOnly(self.path) as conn:
            if f.sort in _PINYIN_SORTS:
                from ttdesk.db.collation import register

                register(conn)
            total = conn.execute("SELECT count(*) FROM achievement").fetchone()[0]
            sql = _FIRST_PAGE.format(lead=ContributorRole.LEAD.value, order=_order_by(f))
            rows = [_row(r) for r in conn.execute(sql, (limit,))]
        return int(total), rows


MMAP_BYTES = 1 << 30


class ReadOnly:
    """A read-only connection, closed on leaving the block (sqlite3's own context manager
    only ends the transaction)."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        # pages mapped rather than copied in: the start-up scans cost a quarter less CPU
        self.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, *_exc: object) -> None:
        self.conn.close()


def sqlite_file(url_or_path: str) -> Path | None:
    """The file of a SQLite URL or plain path (as `db.engine.normalize_url`); None for
    another database or an in-memory one."""
    text = str(url_or_path)
    if "://" in text:
        prefix = "sqlite:///"
        if not text.startswith(prefix) or text == prefix or ":memory:" in text or "?" in text:
            return None
        # as SQLAlchemy reads it: normalize_url percent-encodes `#`, `?`, `%` and non-ASCII
        text = unquote(text[len(prefix):])
    return Path(text).expanduser()


def quick_file(url_or_path: str) -> Path | None:
    """The SQLite file a start-up page may be read from before the ORM is imported: its
    schema is at the head revision (nothing to migrate before reading) and logins are off
    (nothing is shown before someone logs in); else None."""
    path = sqlite_file(url_or_path)
    if path is None or not path.is_file():
        return None
    try:
        with ReadOnly(path) as conn:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            logins = conn.execute("SELECT logins_required FROM login_setting").fetchone()
    except sqlite3.Error:
        return None
    if found is None or found[0] != HEAD_REVISION or (logins and logins[0]):
        return None
    return path


def first_cases_reader(url_or_path: str) -> FirstCases | None:
    """A reader of the case list's first page on a `quick_file`; else None."""
    path = quick_file(url_or_path)
    return None if path is None else FirstCases(path)
