"""The disclosure form as a fillable A4 PDF (AcroForm), Chinese labels in the embedded font.

Field widgets can only name one of PDF's 14 standard fonts, which have no Chinese; so the
fields are made empty here, and values (the form id, a case's current answers) are set
afterwards as Unicode field values with NeedAppearances on: a PDF reader draws them with its
own fonts when it opens the form, and the values read back exactly. The same layout prints
as a paper form for those who fill by hand.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ttdesk.core.base.labels import choices
from ttdesk.core.disclosure import form_spec as spec
from ttdesk.filings.fonts import FONT, ensure_font

WIDTH, HEIGHT = A4
LEFT, RIGHT = 16 * mm, WIDTH - 16 * mm
LABEL_W = 52 * mm
ROW_H = 7 * mm
GREY = colors.Color(0.4, 0.4, 0.4)
BORDER = colors.Color(0.45, 0.45, 0.55)
FILL = colors.Color(0.95, 0.96, 1.0)


def _text(c: Canvas, x: float, y: float, text: str, size: float = 9,
          color: Any = colors.black) -> None:
    c.setFont(FONT, size)
    c.setFillColor(color)
    c.drawString(x, y, text)


def _box(c: Canvas, name: str, x: float, y: float, w: float, h: float,
         multiline: bool = False, read_only: bool = False, tooltip: str = "") -> None:
    flags = " ".join(f for f in ("multiline" if multiline else "",
                                 "readOnly" if read_only else "") if f)
    c.acroForm.textfield(name=name, x=x, y=y, width=w, height=h, fontName="Helvetica",
                         fontSize=0 if multiline else 9, borderColor=BORDER, fillColor=FILL,
                         borderWidth=0.6, fieldFlags=flags, tooltip=tooltip or name)


def _check(c: Canvas, name: str, x: float, y: float, tooltip: str) -> None:
    c.acroForm.checkbox(name=name, x=x, y=y, size=4.2 * mm, buttonStyle="check",
                        borderColor=BORDER, fillColor=FILL, borderWidth=0.6, tooltip=tooltip)


def _options(field: spec.FormField) -> str:
    assert field.enum is not None
    return "可填：" + " / ".join(zh for _code, zh in choices(field.enum, "zh"))


def _header(c: Canvas, page: int) -> float:
    _text(c, LEFT, HEIGHT - 18 * mm, "职务科技成果披露表", 15)
    _text(c, LEFT, HEIGHT - 23 * mm, "Disclosure of a job-related scientific and "
          "technological achievement", 8, GREY)
    _text(c, RIGHT - 18 * mm, HEIGHT - 18 * mm, f"第 {page} 页", 8, GREY)
    return HEIGHT - 30 * mm


def _ids(c: Canvas, y: float) -> float:
    _text(c, LEFT, y + 2 * mm, "表单编号 Form id", 8)
    _box(c, "form_id", LEFT + 28 * mm, y, 70 * mm, 5.5 * mm, read_only=True)
    _text(c, LEFT + 102 * mm, y + 2 * mm, "成果编号 Case no.", 8)
    _box(c, "case_no", LEFT + 130 * mm, y, RIGHT - LEFT - 130 * mm, 5.5 * mm, read_only=True)
    y -= 7 * mm
    for line in ("请在方框内填写（电子填写后保存，或打印后手写），交回科技成果转化办公室。",
                 "选择项填写所列选项之一；日期写作 2026-09-01；贡献比例合计须为 100%。"):
        _text(c, LEFT, y, line, 8, GREY)
        y -= 4.5 * mm
    return y - 2 * mm


def _case_fields(c: Canvas, y: float) -> float:
    for f in spec.CASE_FIELDS:
        label = f.zh + ("＊" if f.required else "")
        if f.kind == "check":
            _check(c, f.name, LEFT, y - 1 * mm, f.zh)
            _text(c, LEFT + 7 * mm, y, label)
            y -= ROW_H
            continue
        height = 34 * mm if f.kind == "multiline" else 5.8 * mm
        bottom = y + 4.2 * mm - height  # the box's top is level with the label's top
        _text(c, LEFT, y, label)
        _text(c, LEFT, y - 3.6 * mm, f.en, 6.5, GREY)
        _box(c, f.name, LEFT + LABEL_W, bottom, RIGHT - LEFT - LABEL_W, height,
             multiline=f.kind == "multiline", tooltip=f.zh)
        hint = _options(f) if f.enum is not None else f.hint
        if hint:
            bottom -= 3.6 * mm
            _text(c, LEFT + LABEL_W, bottom + 0.6 * mm, hint, 6.5, GREY)
        y = min(bottom, y - 3.6 * mm) - 6.2 * mm
    return y


def _table(c: Canvas, y: float, title: str, group: str, rows: int,
           fields: tuple[spec.FormField, ...], widths: list[float], note: str) -> float:
    _text(c, LEFT, y, title, 11)
    y -= 5 * mm
    _text(c, LEFT, y, note, 7, GREY)
    y -= 6 * mm
    x = LEFT + 7 * mm
    for f, w in zip(fields, widths, strict=True):
        _text(c, x, y, f.zh, 8)
        x += w
    y -= 2 * mm
    for i in range(rows):
        y -= ROW_H
        _text(c, LEFT, y + 2 * mm, str(i + 1), 8, GREY)
        x = LEFT + 7 * mm
        for f, w in zip(fields, widths, strict=True):
            name = spec.row_field(group, i, f.name)
            if f.kind == "check":
                _check(c, name, x + 2 * mm, y + 0.8 * mm, f.zh)
            else:
                _box(c, name, x, y, w - 1.5 * mm, 6 * mm, tooltip=f.zh)
            x += w
    return y - 8 * mm


def blank_form() -> bytes:
    """The empty form (two A4 pages): case answers, then contributors, funding and
    signatures."""
    ensure_font()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, pageCompression=1)
    c.setTitle("职务科技成果披露表")
    c.setSubject(spec.FORM_KIND)
    y = _ids(c, _header(c, 1))
    _case_fields(c, y)
    c.showPage()
    y = _header(c, 2)
    role_hint = "角色可填：" + " / ".join(zh for _c, zh in
                                       choices(spec.CONTRIBUTOR_FIELDS[4].enum, "zh"))
    y = _table(c, y, "完成人 Contributors", "c", spec.CONTRIBUTOR_ROWS,
               spec.CONTRIBUTOR_FIELDS, [24 * mm, 26 * mm, 46 * mm, 26 * mm, 26 * mm, 18 * mm],
               "每位完成人一行；工号为学校工号（校外人员留空并写明单位）；" + role_hint + "。")
    funder_hint = "资助类型可填：" + " / ".join(zh for _c, zh in
                                          choices(spec.FUNDING_FIELDS[1].enum, "zh"))
    y = _table(c, y, "经费来源 Funding", "f", spec.FUNDING_ROWS, spec.FUNDING_FIELDS,
               [80 * mm, 40 * mm, 53 * mm], funder_hint + "；无经费资助请勾选第 1 页的方框。")
    _text(c, LEFT, y, "全体完成人签字：", 10)
    _text(c, LEFT + 110 * mm, y, "日期：", 10)
    c.setStrokeColor(GREY)
    c.line(LEFT + 30 * mm, y - 1 * mm, LEFT + 105 * mm, y - 1 * mm)
    c.line(LEFT + 122 * mm, y - 1 * mm, RIGHT, y - 1 * mm)
    _text(c, LEFT, y - 9 * mm, "院系意见（签章）：", 10)
    c.line(LEFT + 35 * mm, y - 10 * mm, RIGHT, y - 10 * mm)
    c.showPage()
    c.save()
    return buf.getvalue()


def filled(form: bytes, values: dict[str, str | bool]) -> bytes:
    """`form` with field values set (text as Unicode, a box ticked by True), as a PDF reader
    saves a filled form. Unknown names are refused (a programming error)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import BooleanObject, NameObject

    reader = PdfReader(io.BytesIO(form))
    writer = PdfWriter(clone_from=reader)
    known = set(reader.get_fields() or {})
    ensure_font()
    unknown = set(values) - known
    if unknown:
        raise KeyError(f"no such form fields: {sorted(unknown)}")
    pdf_values = {k: ("/Yes" if v else "/Off") if isinstance(v, bool) else v
                  for k, v in values.items()}
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # it warns that Helvetica has no Chinese: known, see above
    try:
        for page in writer.pages:
            writer.update_page_form_field_values(page, pdf_values, auto_regenerate=False)
    finally:
        quiet.setLevel(level)
    for page in writer.pages:
        for annot in page.get("/Annots") or []:
            widget = annot.get_object()
            value = values.get(str(widget.get("/T")))
            if widget.get("/FT") == "/Tx" and isinstance(value, str) and not value.isascii():
                _draw_appearance(writer, widget, value)
    # the appearances drawn here are the ones to show; a reader makes its own when a value
    # is typed
    writer._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _lines(text: str, width: float, size: float) -> list[str]:
    """`text` broken into lines that fit `width` (Chinese breaks between any characters)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out: list[str] = []
    for para in text.splitlines() or [""]:
        line = ""
        for ch in para:
            if line and stringWidth(line + ch, FONT, size) > width:
                out.append(line)
                line = ""
            line += ch
        out.append(line)
    return out


def _draw_appearance(writer: Any, widget: Any, text: str) -> None:
    """Give a text widget an appearance that shows `text` in the embedded Chinese font: a
    small page drawn with reportlab becomes the widget's form XObject. Standard-font
    appearances (what a form library makes) would show Chinese as question marks."""
    from pypdf import PdfReader
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
    )

    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    w, h = x1 - x0, y1 - y0
    multiline = int(widget.get("/Ff", 0)) & (1 << 12)
    size = 9.0
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(w, h), pageCompression=0)
    c.setFillColor(FILL)
    c.setStrokeColor(BORDER)
    c.setLineWidth(0.6)
    c.rect(0.3, 0.3, w - 0.6, h - 0.6, fill=1, stroke=1)  # the box, as the empty field has
    c.setFillColor(colors.black)
    c.setFont(FONT, size)
    if multiline:
        y = h - 2 - size
        for line in _lines(text, w - 4, size):
            if y < 1:
                break
            c.drawString(2, y, line)
            y -= size * 1.25
    else:
        c.drawString(2, (h - size) / 2 + 1.5, text.replace("\n", " "))
    c.showPage()
    c.save()
    src = PdfReader(io.BytesIO(buf.getvalue())).pages[0]
    form = DecodedStreamObject()
    form.set_data(src.get_contents().get_data())
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject([FloatObject(0), FloatObject(0), FloatObject(w),
                                             FloatObject(h)])
    form[NameObject("/Resources")] = src["/Resources"].clone(writer)
    widget[NameObject("/AP")] = DictionaryObject({NameObject("/N"): writer._add_object(form)})


def issued_form(values: dict[str, str]) -> bytes:
    """The form issued with `values` (form id, case number, a case's current answers as
    `intake.issue_values` gives them): boxes ticked where a value is "1"."""
    checks = {f.name for f in spec.CASE_FIELDS + spec.CONTRIBUTOR_FIELDS if f.kind == "check"}
    typed: dict[str, str | bool] = {}
    for name, value in values.items():
        is_check = name in checks or name.split("_", 1)[-1] in checks
        typed[name] = value == "1" if is_check else value
    return filled(blank_form(), {k: v for k, v in typed.items() if v not in ("", False)})
