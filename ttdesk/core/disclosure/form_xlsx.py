"""The disclosure form as an Excel template: one sheet of answers and one per repeated table,
drop-down lists for every choice, the field names kept in a hidden column (or row) so the
reader never depends on where a label sits. The sheets are protected except the input cells,
so the labels and the form id stay as issued (no password: protection against slips).
"""

from __future__ import annotations

import io
from typing import Any

from ttdesk.core.base.labels import choices
from ttdesk.core.base.spreadsheet import as_text
from ttdesk.core.disclosure import form_spec as spec

MAIN, PEOPLE, FUNDING = "披露表", "完成人", "经费来源"
YES, NO = "是", "否"


def _choice_list(field: spec.FormField) -> str:
    if field.kind == "check":
        return f'"{YES},{NO}"'
    assert field.enum is not None
    return '"' + ",".join(zh for _code, zh in choices(field.enum, "zh")) + '"'


def _validate(ws: Any, field: spec.FormField, ref: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    if field.kind not in ("choice", "check"):
        return
    dv = DataValidation(type="list", formula1=_choice_list(field), allow_blank=True,
                        showErrorMessage=True, errorTitle="请从列表中选择",
                        error="请从下拉列表中选择一项 / choose from the list")
    ws.add_data_validation(dv)
    dv.add(ref)


def _unlock(cell: Any) -> None:
    from openpyxl.styles import PatternFill, Protection

    cell.protection = Protection(locked=False)
    cell.fill = PatternFill("solid", fgColor="EEF2FF")


def _main_sheet(ws: Any, form_id: str, case_no: str, values: dict[str, Any]) -> None:
    from openpyxl.styles import Font

    ws.title = MAIN
    ws.append(["form_id", "表单编号 Form id", form_id])
    ws.append(["case_no", "成果编号 Case no.", case_no])
    for f in spec.CASE_FIELDS:
        label = f.zh + ("＊" if f.required else "") + f" {f.en}"
        value = values.get(f.name)
        if f.kind == "check":
            value = YES if value else NO
        ws.append([f.name, label, value])
        cell = ws.cell(ws.max_row, 3)
        as_text(cell)
        _unlock(cell)
        _validate(ws, f, cell.coordinate)
    ws.column_dimensions["A"].hidden = True
    ws.column_dimensions["B"].width = 44
    ws.column_dimensions["C"].width = 70
    for row in ws.iter_rows(min_row=1, max_row=2, min_col=2, max_col=3):
        for cell in row:
            cell.font = Font(bold=True)
    ws.protection.sheet = True


def _table_sheet(book: Any, title: str, group: str, rows: int,
                 fields: tuple[spec.FormField, ...], filled: list[dict[str, Any]]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(title)
    ws.append([f.name for f in fields])
    ws.append([f.zh for f in fields])
    ws.row_dimensions[1].hidden = True
    for c in ws[2]:
        c.font = Font(bold=True)
    for i in range(rows):
        item = filled[i] if i < len(filled) else {}
        values = [(YES if item.get(f.name) else "") if f.kind == "check" else item.get(f.name)
                  for f in fields]
        ws.append(values)
        for cell in ws[ws.max_row]:
            as_text(cell)
            _unlock(cell)
    for col, f in enumerate(fields, start=1):
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = 30 if f.name in ("programme", "department") else 16
        _validate(ws, f, f"{letter}3:{letter}{rows + 2}")
    ws.protection.sheet = True


def template(form_id: str, case_no: str = "", values: dict[str, Any] | None = None,
             contributors: list[dict[str, Any]] | None = None,
             funding: list[dict[str, Any]] | None = None) -> bytes:
    """The workbook's bytes, with a case's current answers when given."""
    import openpyxl

    book = openpyxl.Workbook()
    _main_sheet(book.active, form_id, case_no, values or {})
    _table_sheet(book, PEOPLE, "c", spec.CONTRIBUTOR_ROWS, spec.CONTRIBUTOR_FIELDS,
                 contributors or [])
    _table_sheet(book, FUNDING, "f", spec.FUNDING_ROWS, spec.FUNDING_FIELDS, funding or [])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_values(book: Any) -> dict[str, str]:
    """Every answer of a filled template, by the PDF's field names ("c1_share" ...); a box is
    "1" when ticked. Raises KeyError when a sheet of the template is missing."""
    out: dict[str, str] = {}
    for name, _label, value in book[MAIN].iter_rows(min_col=1, max_col=3, values_only=True):
        if name:
            out[str(name)] = _cell_text(value)
    for title, group in ((PEOPLE, "c"), (FUNDING, "f")):
        rows = list(book[title].iter_rows(values_only=True))
        names = [str(n) for n in rows[0]]
        for i, row in enumerate(rows[2:]):
            for name, value in zip(names, row, strict=False):
                out[spec.row_field(group, i, name)] = _cell_text(value)
    for key, value in list(out.items()):
        if value in (YES, NO) and _is_check(key):
            out[key] = "1" if value == YES else ""
    return out


def _is_check(key: str) -> bool:
    checks = {f.name for f in spec.CASE_FIELDS + spec.CONTRIBUTOR_FIELDS if f.kind == "check"}
    return key in checks or key.split("_", 1)[-1] in checks


def _cell_text(value: Any) -> str:
    from datetime import date, datetime

    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
