"""Checking the typed fields of master data: required text, lengths, codes, e-mail."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, TypeVar

from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.base.labels import field_label

E = TypeVar("E", bound=StrEnum)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def text(value: Any, field: str, max_len: int, *, required: bool = False) -> str | None:
    """Trimmed text, None when blank; refused when required and blank or when too long."""
    cleaned = str(value).strip() if value is not None else ""
    if not cleaned:
        if required:
            raise RuleViolation("INPUT", f"{field_label(field)}不能为空",
                                f"{field_label(field, 'en')} is required", field=field)
        return None
    if len(cleaned) > max_len:
        raise RuleViolation("INPUT", f"{field_label(field)}过长（最多 {max_len} 字）",
                            f"{field_label(field, 'en')} is too long (at most {max_len})",
                            field=field)
    return cleaned


def required(value: Any, field: str, max_len: int) -> str:
    out = text(value, field, max_len, required=True)
    assert out is not None
    return out


def email(value: Any) -> str | None:
    out = text(value, "email", 120)
    if out is not None and not _EMAIL.match(out):
        raise RuleViolation("INPUT", f"电子邮箱格式不正确：“{out}”",
                            f"not an e-mail address: {out!r}", field="email")
    return out


def code(enum_cls: type[E], value: Any, field: str) -> E:
    """The member for a code name (as the CLI and the forms send it)."""
    try:
        return enum_cls(value)
    except ValueError:
        codes = ", ".join(m.value for m in enum_cls)
        raise RuleViolation("INPUT", f"“{value}”不是有效的取值（可选：{codes}）",
                            f"{value!r} is not a valid code (one of: {codes})",
                            field=field) from None


def flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y", "是")
    return bool(value)
