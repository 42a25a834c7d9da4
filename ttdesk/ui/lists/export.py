"""Copying and exporting what a list shows: tab-separated text for the clipboard, an .xlsx
file for Excel. Both take the visible columns in their on-screen order and the row DTOs;
openpyxl is imported only when an export runs (it is not a start-up import)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from ttdesk.core.base.spreadsheet import (
    display_width,
    finish_sheet,
    safe_text,
    start_sheet,
    typed_cell,
)
from ttdesk.ui.lists.model import Column, display

CHUNK = 500


def _cell_text(text: str) -> str:
    return safe_text(text.replace("\t", " ").replace("\r", " ").replace("\n", " "))


def tsv(columns: Sequence[Column], rows: Sequence[Any], lang: str) -> str:
    """A heading line and one line per row, cells separated by tabs (pastes into Excel)."""
    lines = ["\t".join(c.heading(lang) for c in columns)]
    for row in rows:
        lines.append("\t".join(_cell_text(display(c.value(row), lang)) for c in columns))
    return "\n".join(lines) + "\n"


def _excel_value(value: Any, lang: str) -> Any:
    """Numbers stay numbers (money keeps its Decimal for the money format) and dates stay
    dates in the workbook; the rest as displayed."""
    if isinstance(value, bool) or value is None:
        return display(value, lang)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return value
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value
    return display(value, lang)


def _width(heading: str, samples: list[str]) -> int:
    """A column wide enough for its heading and the first rows' values, within 8–50."""
    return max(8, min(50, 2 + max([display_width(heading), *map(display_width, samples)])))


def write_xlsx(path: str | Path, sheet: str, columns: Sequence[Column],
               fetch: Callable[[Sequence[int]], list[Any]], ids: Sequence[int], lang: str,
               progress: Callable[[float, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the rows of `ids` (fetched in chunks) to a new workbook at `path`.

    Written to a temp file beside `path` and renamed at the end, so a cancelled or failed
    export leaves no half-written workbook behind (the save dialog already asked before an
    existing file is replaced). Text that Excel would take for a formula stays text.
    """
    from openpyxl import Workbook

    target = Path(path)
    book = Workbook(write_only=True)
    headings = [c.heading(lang) for c in columns]
    sample = fetch(ids[:50]) if ids else []
    widths = [_width(h, [display(c.value(r), lang) for r in sample])
              for h, c in zip(headings, columns, strict=True)]
    ws = start_sheet(book, sheet, headings, widths)
    for start in range(0, len(ids), CHUNK):
        if cancelled is not None and cancelled():
            raise InterruptedError("export cancelled")
        for row in fetch(ids[start:start + CHUNK]):
            ws.append([typed_cell(ws, _excel_value(c.value(row), lang)) for c in columns])
        if progress is not None:
            progress(min(1.0, (start + CHUNK) / max(1, len(ids))), "")
    finish_sheet(ws, len(columns), len(ids))
    from ttdesk.core.office.output import atomic_file  # not at start-up: it imports the engine

    with atomic_file(target) as temp:
        book.save(temp)
    return target
