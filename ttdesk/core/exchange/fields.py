"""Field kinds of the interchange format: how one column is written to JSON and read back.

Every value crosses the format in a form a person can check by eye and a program can read
without floating point: money and percentages as decimal strings, dates as ISO 8601, enums by
their code names, binary content as base64, references by natural keys. Reading is strict
(unknown shapes are refused with a located message); nothing is rounded or guessed.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from ttdesk.core.base.errors import Problem, RuleViolation
from ttdesk.core.rules.credit_code import normalize_credit_code, validate_credit_code
from ttdesk.core.rules.money import parse_money, parse_percent


class Kind(StrEnum):
    STR = "str"            # short text with a maximum length
    TEXT = "text"          # long text
    INT = "int"
    BOOL = "bool"
    DATE = "date"          # "2026-03-01"
    DATETIME = "datetime"  # "2026-03-01T08:30:00+00:00" (time zone required)
    MONEY = "money"        # "1234.50" (R11)
    PERCENT = "percent"    # "33.3333", 0..100 (R11)
    SHARE = "share"        # a contribution share: a percentage > 0 (R1)
    ENUM = "enum"          # a code name of domain.md
    JSON = "json"          # a JSON object kept as is (policy values, due diligence, snapshots)
    BYTES = "bytes"        # base64
    CREDIT_CODE = "credit_code"  # unified social credit code, check character verified (R8)
    KEY = "key"            # a key that only lives inside the document (e.g. "G12")
    REF = "ref"            # a reference by natural or document key to another record
    ENTITY = "entity"      # a reference whose key space is named by another field's value


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record: its JSON name, kind, the column it fills, and its constraints."""

    name: str
    kind: Kind
    column: str | None = None
    required: bool = False
    default: Any = None
    max_len: int | None = None
    enum: type[StrEnum] | None = None
    space: str | None = None       # REF: key space; ENTITY: name of the field naming the space
    minimum: int | None = None
    maximum: int | None = None

    @property
    def col(self) -> str:
        return self.column or self.name


class BadValue(Exception):
    """A value that cannot be read; carries the rule and both languages' text."""

    def __init__(self, rule: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.rule, self.zh, self.en = rule, zh, en

    def problem(self, where: str) -> Problem:
        return Problem(rule=self.rule, zh=self.zh, en=self.en, where=where)


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def _type_error(expected: str, expected_zh: str, raw: Any) -> BadValue:
    got = type(raw).__name__
    return BadValue("FORMAT", f"应为{expected_zh}，实为 {got}：{raw!r}"[:300],
                    f"expected {expected}, got {got}: {raw!r}"[:300])


def _from_rule(exc: RuleViolation) -> BadValue:
    p = exc.problems[0]
    return BadValue(p.rule, p.zh, p.en)


def _text(f: Field, raw: Any) -> str:
    if not isinstance(raw, str):
        raise _type_error("a string", "文本", raw)
    if f.max_len is not None and len(raw) > f.max_len:
        raise BadValue("FORMAT", f"文本过长：{len(raw)} 个字符，最多 {f.max_len} 个",
                       f"text too long: {len(raw)} characters, at most {f.max_len}")
    if f.required and f.kind in (Kind.STR, Kind.KEY, Kind.REF) and not raw.strip():
        raise BadValue("FORMAT", "不能为空", "must not be empty")
    return raw


def _int(f: Field, raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _type_error("an integer", "整数", raw)
    if f.minimum is not None and raw < f.minimum:
        raise BadValue("FORMAT", f"不能小于 {f.minimum}：{raw}", f"must be ≥ {f.minimum}: {raw}")
    if f.maximum is not None and raw > f.maximum:
        raise BadValue("FORMAT", f"不能大于 {f.maximum}：{raw}", f"must be ≤ {f.maximum}: {raw}")
    return raw


def _date(raw: Any) -> date:
    if not isinstance(raw, str):
        raise _type_error("an ISO date string (YYYY-MM-DD)", "ISO 日期文本（YYYY-MM-DD）", raw)
    try:
        if not _DATE.fullmatch(raw):
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError:
        raise BadValue("FORMAT", f"不是有效日期（YYYY-MM-DD）：“{raw}”",
                       f"not a valid date (YYYY-MM-DD): {raw!r}") from None


def _datetime(raw: Any) -> datetime:
    if not isinstance(raw, str):
        raise _type_error("an ISO 8601 date-time string", "ISO 8601 时间文本", raw)
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise BadValue("FORMAT", f"不是有效时间（ISO 8601）：“{raw}”",
                       f"not a valid ISO 8601 date-time: {raw!r}") from None
    if value.tzinfo is None:
        raise BadValue("FORMAT", f"时间须带时区（如 +08:00）：“{raw}”",
                       f"a date-time needs a time-zone offset (e.g. +08:00): {raw!r}")
    return value.astimezone(UTC)


def _decimal_text(raw: Any, what_en: str, what_zh: str) -> str:
    if not isinstance(raw, str):
        raise BadValue("R11",
                       f"{what_zh}须写成十进制文本（如“1234.50”），不能是 {type(raw).__name__}",
                       f"{what_en} must be a decimal string such as \"1234.50\", "
                       f"not {type(raw).__name__}")
    if not _DECIMAL.fullmatch(raw.strip()):
        raise BadValue("R11", f"无法识别的{what_zh}：“{raw}”", f"not a valid {what_en}: {raw!r}")
    return raw.strip()


def _money(f: Field, raw: Any) -> Decimal:
    text = _decimal_text(raw, "an amount", "金额")
    try:
        return parse_money(text, field=f.name)
    except RuleViolation as exc:
        raise _from_rule(exc) from None


def _percent(f: Field, raw: Any) -> Decimal:
    text = _decimal_text(raw, "a percentage", "百分比")
    try:
        return parse_percent(text, field=f.name, allow_zero=f.kind is Kind.PERCENT)
    except RuleViolation as exc:
        if f.kind is Kind.SHARE:
            p = exc.problems[0]
            raise BadValue("R1", p.zh, p.en) from None
        raise _from_rule(exc) from None


def _enum(f: Field, raw: Any) -> StrEnum:
    assert f.enum is not None
    if not isinstance(raw, str):
        raise _type_error("a code name", "代码", raw)
    try:
        return f.enum(raw)
    except ValueError:
        codes = ", ".join(m.value for m in f.enum)
        raise BadValue("FORMAT", f"未知代码“{raw}”，可选：{codes}",
                       f"unknown code {raw!r}; one of: {codes}") from None


def _bytes(raw: Any) -> bytes:
    if not isinstance(raw, str):
        raise _type_error("a base64 string", "base64 文本", raw)
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise BadValue("FORMAT", "不是有效的 base64 内容", "not valid base64 content") from None


def _credit_code(raw: Any) -> str:
    try:
        return validate_credit_code(raw)
    except RuleViolation as exc:
        raise _from_rule(exc) from None


def _json(raw: Any) -> Any:
    if not isinstance(raw, dict | list):
        raise _type_error("a JSON object", "JSON 对象", raw)
    return raw


def _str(f: Field, raw: Any) -> str:
    text = _text(f, raw)
    return normalize_credit_code(text) if f.space == "company" else text


def _bool(f: Field, raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise _type_error("true or false", "true 或 false", raw)
    return raw


_DECODERS: dict[Kind, Callable[[Field, Any], Any]] = {
    Kind.STR: _str, Kind.TEXT: _str, Kind.KEY: _str, Kind.REF: _str, Kind.ENTITY: _str,
    Kind.INT: _int, Kind.BOOL: _bool, Kind.DATE: lambda f, raw: _date(raw),
    Kind.DATETIME: lambda f, raw: _datetime(raw), Kind.MONEY: _money, Kind.PERCENT: _percent,
    Kind.SHARE: _percent, Kind.ENUM: _enum, Kind.BYTES: lambda f, raw: _bytes(raw),
    Kind.CREDIT_CODE: lambda f, raw: _credit_code(raw), Kind.JSON: lambda f, raw: _json(raw),
}


def decode_value(f: Field, raw: Any) -> Any:
    """The Python value of a non-null JSON value, or BadValue explaining why not."""
    return _DECODERS[f.kind](f, raw)


def encode_value(f: Field, value: Any) -> Any:
    """The JSON form of a stored (non-reference) value."""
    if value is None:
        return None
    k = f.kind
    if k in (Kind.DATE, Kind.DATETIME):
        return value.isoformat()
    if k in (Kind.MONEY, Kind.PERCENT, Kind.SHARE):
        return str(value)
    if k is Kind.ENUM:
        return str(value.value if isinstance(value, StrEnum) else value)
    if k is Kind.BYTES:
        return base64.b64encode(value).decode("ascii")
    return value
