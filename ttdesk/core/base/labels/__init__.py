"""Chinese and English labels for every code name of `ttdesk.codes`, and for list columns.

The code names are what the database, the interchange format and the CLI use; the labels are
what an officer reads. The Chinese of the status machines is the one of domain.md §3.
Qt-free: the CLI, the filings and the Qt table models all read the same tables. The tables
live beside this module, one per kind of word; the functions here are the only readers.

    label(AchievementStatus.CONVERTING)            -> "转化中"
    label(DealMode.EQUITY, "en")                   -> "Equity investment"
    choices(DealStatus, "zh")                      -> [("draft", "草拟"), ...]
    parse(AchievementStatus, "评估中")              -> AchievementStatus.ASSESSING
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TypeVar

from ttdesk.core.base.labels.code_words import CODE_WORDS
from ttdesk.core.base.labels.field_words import FIELD_WORDS
from ttdesk.core.base.labels.record_words import DUE_DILIGENCE_WORDS, RECORD_WORDS

E = TypeVar("E", bound=StrEnum)
Pair = tuple[str, str]  # (zh, en)


def register_labels(enum_cls: type[StrEnum], labels: dict[str, Pair]) -> None:
    """Add labels for an enum defined outside `ttdesk.codes` (e.g. a list filter)."""
    missing = {m.value for m in enum_cls} - labels.keys()
    if missing:
        raise ValueError(f"{enum_cls.__name__}: no label for {sorted(missing)}")
    CODE_WORDS[enum_cls] = dict(labels)


def labelled_enums() -> list[type[StrEnum]]:
    return list(CODE_WORDS)


def label(value: StrEnum | None, lang: str = "zh") -> str:
    """The officer-facing label of a code; an unlabelled code shows as itself, None as ''."""
    if value is None:
        return ""
    pair = CODE_WORDS.get(type(value), {}).get(value.value)
    if pair is None:
        return value.value
    return pick(pair, lang)


def choices(enum_cls: type[E], lang: str = "zh") -> list[tuple[str, str]]:
    """(code, label) pairs in declaration order: for combo boxes and CLI help."""
    return [(m.value, label(m, lang)) for m in enum_cls]


def parse(enum_cls: type[E], text: str) -> E:
    """A member from its code name or its Chinese or English label (case-insensitive).

    Raises ValueError naming the accepted codes when nothing matches.
    """
    wanted = text.strip()
    folded = wanted.casefold()
    for member in enum_cls:
        zh, en = CODE_WORDS.get(enum_cls, {}).get(member.value, (member.value, member.value))
        if folded in (member.value, zh.casefold(), en.casefold()) or wanted == zh:
            return member
    valid = ", ".join(f"{code} ({zh})" for code, zh in choices(enum_cls, "zh"))
    raise ValueError(f"unknown {enum_cls.__name__} {text!r}; valid: {valid}")


def field_label(name: str, lang: str = "zh") -> str:
    """Column / field heading; an unknown name shows as itself."""
    pair = FIELD_WORDS.get(name)
    if pair is None:
        return name
    return pick(pair, lang)


def pick(pair: Pair, lang: str = "zh") -> str:
    """The Chinese or English half of a (zh, en) pair: the one place that branches on lang."""
    return pair[0] if lang == "zh" else pair[1]


def entity_label(name: str, lang: str = "zh") -> str:
    """What kind of record `name` (a table name, as in audit events) is, in words."""
    return pick(RECORD_WORDS.get(name, (name, name)), lang)


def due_diligence_label(item: str, lang: str = "zh") -> str:
    """An item of the due-diligence checklist; an unknown item shows as a field label."""
    pair = DUE_DILIGENCE_WORDS.get(item)
    return pick(pair, lang) if pair else field_label(item, lang)


def due_diligence_items() -> dict[str, Pair]:
    return dict(DUE_DILIGENCE_WORDS)


_ROW = re.compile(r"([a-z][a-z0-9_]*)\[(\d+)\]")
# A name not followed by "." (a file name's stem stays as it is).
_NAME = re.compile(r"(?<!\w)[a-z][a-z0-9]*(?:_[a-z0-9]+)*(?![\w.])")


def where_words(where: str, lang: str = "zh") -> str:
    """A problem's place in words: "contributors[1]" -> "完成人 第 2 行" / "Contributors row 2";
    other known field names become their labels, data (case numbers, file names) stays."""
    def row(m: re.Match[str]) -> str:
        n = int(m.group(2)) + 1
        return field_label(m.group(1), lang) + (f" 第 {n} 行" if lang == "zh" else f" row {n}")

    def name(m: re.Match[str]) -> str:
        return field_label(m.group(0), lang) if m.group(0) in FIELD_WORDS else m.group(0)

    return _NAME.sub(name, _ROW.sub(row, where))


def half(both: str, lang: str = "zh") -> str:
    """The `lang` half of a "中文 / English" name (as errors name the record they are about)."""
    zh, sep, en = both.partition(" / ")
    return (zh if lang == "zh" else en) if sep else both


def join_words(items: list[str], lang: str = "zh") -> str:
    """A list as a person writes it: "甲、乙" / "a, b"."""
    return ("、" if lang == "zh" else ", ").join(items)


def yes_no(value: bool | None, lang: str = "zh") -> str:
    if value is None:
        return ""
    return field_label("yes" if value else "no", lang)
