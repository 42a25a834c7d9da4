"""Search keys for master data: what a picker matches as the officer types.

A key is computed when the record is written (never at query time) and stored beside it:
the lower-case name, its pinyin initials ("张伟" → "zw"), its full pinyin ("zhangwei") and
the record's other keys (staff no., credit code, department code), joined by "|". A search
is then one indexed-or-scanned `LIKE '%text%'` over one short column, which keeps every
keystroke well under the picker's budget at 25,000 people.

The pinyin comes from `pypinyin` (offline data, shipped with the package). Heteronyms take
the reading pypinyin considers most common; a surname read differently (单 shàn) still
matches by its characters and its other keys.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import ColumnElement, and_, or_
from sqlalchemy.orm import InstrumentedAttribute

MAX_LEN = 400


@lru_cache(maxsize=65536)
def _pinyin(word: str) -> tuple[str, str]:
    """(initials, full pinyin) of the Chinese characters in `word`; ASCII passes through."""
    from pypinyin import Style, lazy_pinyin

    syllables = [s for s in lazy_pinyin(word, style=Style.NORMAL, errors="ignore") if s]
    return "".join(s[0] for s in syllables).lower(), "".join(syllables).lower()


def search_key(*parts: str | None) -> str:
    """The stored key for a record whose name and other keys are `parts` (name first)."""
    out: list[str] = []
    for part in parts:
        word = (part or "").strip()
        if not word:
            continue
        out.append(word.lower())
        initials, full = _pinyin(word)
        if initials:
            out.extend((initials, full))
    return "|".join(out)[:MAX_LEN]


def normalize_query(text: str) -> list[str]:
    """The typed text as lower-case words (blanks split words; every word must match)."""
    return [w for w in text.lower().replace("|", " ").split() if w]


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def matches(column: InstrumentedAttribute[str | None], text: str,
            *fallback: InstrumentedAttribute[str | None]) -> ColumnElement[bool]:
    """A WHERE clause: every typed word occurs in the key (or in one of the `fallback`
    columns; the pickers pass none, every row has its key: services, bulk imports and the
    0004 migration all write it, and each extra LIKE costs a full pass at 25,000 rows)."""
    clauses = []
    for word in normalize_query(text):
        pattern = f"%{_escape(word)}%"
        options = [column.like(pattern, escape="\\")]
        options += [c.like(pattern, escape="\\") for c in fallback]
        clauses.append(or_(*options))
    return and_(*clauses) if clauses else and_(True)


def _keep_key_current(_mapper: object, _connection: object, target: object) -> None:
    """Every ORM insert or update of a department, person or company stores its key, so a
    row written by any code path (a service, a test builder, a future import) is findable."""
    parts = _KEY_PARTS[type(target).__name__]
    target.search_key = search_key(*(getattr(target, p) for p in parts))  # type: ignore


_KEY_PARTS = {"Department": ("name", "code", "name_en"), "Person": ("name", "staff_no"),
              "Company": ("name", "credit_code", "legal_representative")}


def _register() -> None:
    from sqlalchemy import event

    from ttdesk.db.models import Company, Department, Person

    for model in (Department, Person, Company):
        event.listen(model, "before_insert", _keep_key_current)
        event.listen(model, "before_update", _keep_key_current)


_register()
