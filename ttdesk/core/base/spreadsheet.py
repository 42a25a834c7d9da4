"""Spreadsheet cells from data: never a formula (interfaces.md, "Files a command writes").

A title such as `=HYPERLINK(...)` or `=cmd|' /C calc'!A0` must reach Excel as the text the
officer typed, not as a live formula. Every xlsx writer passes its data cells through this
module, the one place this is decided: such a text is stored as a string cell
(`data_type = "s"`) with Excel's quote prefix (the leading apostrophe of a typed text), so
Excel shows and keeps it as text and a re-import reads back exactly the same characters.
Text for the clipboard (pasted into Excel, where no cell type exists) gets a real
leading apostrophe instead (`safe_text`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Excel (and LibreOffice) treat a cell starting with one of these as a formula or DDE link.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def safe_text(text: str) -> str:
    """Plain text (clipboard, CSV) that Excel will not evaluate: a leading apostrophe."""
    return "'" + text if is_formula_like(text) else text


def as_text(cell: Any) -> Any:
    """Make an openpyxl cell holding formula-like data a plain text cell; returns it."""
    if is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def data_cell(ws: Any, value: Any) -> Any:
    """A value for `ws.append` (write-only or normal sheet): formula-like text becomes a
    text cell, anything else is returned unchanged (numbers and dates stay typed)."""
    if not is_formula_like(value):
        return value
    from openpyxl.cell import WriteOnlyCell

    return as_text(WriteOnlyCell(ws, value=value))


def data_row(ws: Any, values: Iterable[Any]) -> list[Any]:
    """`data_cell` over a row."""
    return [data_cell(ws, v) for v in values]
