"""Parsing helpers shared by the action commands: dates and `STAFF:SHARE` lists, refused
like any other input (exit 2 with the field)."""

from __future__ import annotations

from datetime import date

from ttdesk.core.base.errors import RuleViolation


def iso_date(text: str | None, field: str = "date") -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise RuleViolation("INPUT", f"日期格式应为 YYYY-MM-DD：“{text}”",
                            f"dates are YYYY-MM-DD: {text!r}", field=field) from None


def pairs(text: str, field: str) -> list[tuple[str, str]]:
    """"S1:60,S2:40" → [("S1", "60"), ("S2", "40")]."""
    out = []
    for item in (t.strip() for t in text.split(",")):
        if not item:
            continue
        key, sep, value = item.rpartition(":")
        if not sep or not key or not value:
            raise RuleViolation("INPUT", f"应写作 工号:份额，如 S001:60：“{item}”",
                                f"write STAFF:SHARE, e.g. S001:60: {item!r}", field=field)
        out.append((key.strip(), value.strip()))
    return out
