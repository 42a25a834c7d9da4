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


# ---- a readable sheet: widths, formats, frozen header, filter ----------------------------
MONEY_FORMAT = "#,##0.00"  # 元 with separators, as lists show money
DATE_FORMAT = "yyyy-mm-dd"


def display_width(text: str) -> int:
    """Columns a text takes in Excel: a CJK character is about two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def start_sheet(book: Any, title: str, headings: list[str], widths: list[int]) -> Any:
    """A write-only sheet with bold headings, column widths (in characters), the header row
    frozen and an autofilter over the columns; call `finish_sheet` after the last row."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(title)
    for i, width in enumerate(widths, start=1):  # before any row: <cols> comes first
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    head = []
    for text in headings:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = bold
        head.append(cell)
    ws.append(head)
    return ws


def typed_cell(ws: Any, value: Any) -> Any:
    """A data cell with its number format: money `#,##0.00`, dates `yyyy-mm-dd`; formula-like
    text stays text (`data_cell`)."""
    from datetime import date
    from decimal import Decimal

    if isinstance(value, Decimal | date) and not isinstance(value, bool):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=float(value) if isinstance(value, Decimal) else value)
        cell.number_format = MONEY_FORMAT if isinstance(value, Decimal) else DATE_FORMAT
        return cell
    return data_cell(ws, value)


def finish_sheet(ws: Any, columns: int, rows: int) -> None:
    """The autofilter over the header and the `rows` written below it."""
    from openpyxl.utils import get_column_letter

    if columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"
