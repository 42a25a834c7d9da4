"""Printing for the CLI: plain text for people, `--json` for programs."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, TextIO


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "__dataclass_fields__"):
        return {k: getattr(value, k) for k in value.__dataclass_fields__}
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def dumps(data: Any) -> str:
    """JSON with money and percentages as decimal strings and dates in ISO form."""
    return json.dumps(data, default=_default, ensure_ascii=False, indent=2)


def print_json(data: Any, out: TextIO | None = None) -> None:
    print(dumps(data), file=out or sys.stdout)


def print_table(rows: Iterable[dict[str, Any]], columns: list[str],
                out: TextIO | None = None) -> None:
    out = out or sys.stdout
    for row in rows:
        print("\t".join("" if row.get(c) is None else str(_plain(row.get(c))) for c in columns),
              file=out)


def _plain(value: Any) -> Any:
    try:
        return _default(value)
    except TypeError:
        return value


def print_records(rows: Iterable[Any], columns: list[str], *, as_json: bool, lang: str = "zh",
                  codes: tuple[str, ...] = ()) -> None:
    """Dataclass rows as JSON (every field, code names as stored) or as a table of
    `columns`, the fields named in `codes` shown as their labels in `lang`."""
    from dataclasses import asdict

    from ttdesk.core.base.labels import label

    dicts = [asdict(r) for r in rows]
    if as_json:
        print_json(dicts)
        return
    for d in dicts:
        for c in codes:
            d[c] = label(d[c], lang) if d[c] is not None else None
    print_table(dicts, columns)
