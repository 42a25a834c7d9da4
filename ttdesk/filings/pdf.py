"""Draw a `Document` as an A4 PDF: header, footer with page x / y, serial, data hash and QR
code on every page, then the blocks. reportlab is imported here only, never at app start.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak

from ttdesk import __version__
from ttdesk.filings import blocks as b
from ttdesk.filings.fonts import FONT, check_glyphs, ensure_font
from ttdesk.filings.grid import GridFlowable
from ttdesk.filings.text import local_time

MARGIN_X = 16 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 27 * mm
QR_SIZE = 19 * mm
LABEL_BG = colors.Color(0.93, 0.94, 0.96)
RULE = colors.Color(0.35, 0.35, 0.35)


@dataclass(frozen=True)
class Stamp:
    """What ties a printed page to the archive: serial, data hash, time of generation."""

    serial: str
    snapshot_sha256: str
    generated_at: datetime

    @property
    def short_hash(self) -> str:
        return self.snapshot_sha256[:12]

    @property
    def qr_payload(self) -> str:
        return f"TTDESK|{self.serial}|{self.snapshot_sha256}"


class _Styles:
    def __init__(self, lang: str) -> None:
        wrap = "CJK" if lang == "zh" else None
        base = {"fontName": FONT, "bulletFontName": FONT, "wordWrap": wrap}
        self.title = ParagraphStyle("title", fontSize=16, leading=22, alignment=TA_CENTER,
                                    spaceAfter=2 * mm, **base)
        self.subtitle = ParagraphStyle("subtitle", fontSize=9, leading=12,
                                       alignment=TA_CENTER, spaceAfter=3 * mm,
                                       textColor=colors.Color(0.25, 0.25, 0.25), **base)
        self.heading = ParagraphStyle("heading", fontSize=11, leading=15, spaceBefore=3 * mm,
                                      spaceAfter=1.5 * mm, backColor=LABEL_BG,
                                      borderPadding=(1.5, 2, 1.5, 2), **base)
        self.body = ParagraphStyle("body", fontSize=9, leading=13, **base)
        self.label = ParagraphStyle("label", fontSize=8.5, leading=11.5, **base)
        self.small = ParagraphStyle("small", fontSize=8, leading=11,
                                    textColor=colors.Color(0.3, 0.3, 0.3), **base)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


class _Flow:
    """Turns blocks into reportlab flowables for a frame of `width` points."""

    def __init__(self, doc: b.Document, width: float) -> None:
        self.doc, self.width = doc, width
        self.s = _Styles(doc.lang)
        self.lab = doc.labels()

    def all(self) -> list[Any]:
        out: list[Any] = [_p(self.doc.title, self.s.title),
                          _p(f"{self.doc.subject_ref}    {self.doc.form_code}", self.s.subtitle)]
        for block in self.doc.blocks:
            out.extend(self.block(block))
        return out

    def block(self, block: b.Block) -> list[Any]:
        if isinstance(block, b.Heading):
            # a new page rather than a heading alone at the foot of one (keepWithNext would
            # push a long table and its heading to the next page as a whole)
            return [CondPageBreak(30 * mm), _p(block.text, self.s.heading)]
        if isinstance(block, b.Fields):
            return [self.fields(block), Spacer(1, 1.5 * mm)]
        if isinstance(block, b.Grid):
            return [self.grid(block), Spacer(1, 1.5 * mm)]
        if isinstance(block, b.Para):
            out = [_p(block.label, self.s.label)] if block.label else []
            return [*out, _p(block.text or self.lab.empty, self.s.body), Spacer(1, 1.5 * mm)]
        if isinstance(block, b.Note):
            return [_p(block.text, self.s.small), Spacer(1, 1 * mm)]
        if isinstance(block, b.Opinion):
            return [self.opinion(block), Spacer(1, 2 * mm)]
        if isinstance(block, b.Signatures):
            return [self.signatures(block)]
        return [RLPageBreak()]

    def _table(self, data: list[list[Any]], widths: list[float], style: list[Any],
               heights: list[float] | None = None) -> Table:
        t = Table(data, colWidths=widths, rowHeights=heights)
        t.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT, 9),
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            *style,
        ]))
        return t

    def fields(self, block: b.Fields) -> Table:
        n = max(1, block.columns)
        label_w = self.width * (0.17 if n == 2 else 0.24 / n)
        value_w = (self.width - n * label_w) / n
        widths = [label_w, value_w] * n
        rows: list[list[Any]] = []
        style: list[Any] = []
        current: list[Any] = []

        def flush() -> None:
            if current:
                rows.append(current + [""] * (2 * n - len(current)))
                current.clear()

        for label, value in block.items:
            text = value if value else "—"
            wide = n > 1 and (len(text) > 28 or "\n" in text)
            if wide:
                flush()
                rows.append([_p(label, self.s.label), _p(text, self.s.body)]
                            + [""] * (2 * n - 2))
                style.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
                continue
            current.extend([_p(label, self.s.label), _p(text, self.s.body)])
            if len(current) == 2 * n:
                flush()
        flush()
        for col in range(0, 2 * n, 2):
            style.append(("BACKGROUND", (col, 0), (col, -1), LABEL_BG))
        return self._table(rows, widths, style)

    def grid(self, block: b.Grid) -> Any:
        if not block.rows:
            return self._table([[_p(h, self.s.label) for h in block.headers],
                                [_p(block.empty, self.s.body)] + [""] * (len(block.headers) - 1)],
                               self._widths(block), [("SPAN", (0, 1), (-1, 1)),
                                                     ("BACKGROUND", (0, 0), (-1, 0), LABEL_BG)])
        return GridFlowable(block.headers, block.rows, font=FONT, size=block.font_size,
                            widths=block.widths, align=block.align, totals=block.totals)

    def _widths(self, block: b.Grid) -> list[float]:
        rel = block.widths or [1.0] * len(block.headers)
        return [self.width * w / sum(rel) for w in rel]

    def opinion(self, block: b.Opinion) -> Any:
        blank = "\u3000" * 8
        sign = (f"{self.lab.sign_here} {block.signer or blank}{blank}"
                f"{self.lab.date}：{block.when or self.lab.date_blank}")
        rows = [[_p(block.role, self.s.label)],
                [_p(block.text or " ", self.s.body)],
                [sign]]  # a plain string keeps the blank spaces meant for writing
        t = self._table(rows, [self.width], [("BACKGROUND", (0, 0), (0, 0), LABEL_BG),
                                             ("BOTTOMPADDING", (0, 1), (0, 1), 10)])
        return KeepTogether([t])

    def signatures(self, block: b.Signatures) -> Any:
        lab = self.lab
        rows = [[_p(role, self.s.label), f"{lab.signature}：", f"{lab.date}：{lab.date_blank}",
                 lab.stamp] for role in block.roles]
        w = self.width
        t = self._table(rows, [w * 0.2, w * 0.3, w * 0.3, w * 0.2],
                        [("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
                         ("VALIGN", (0, 0), (-1, -1), "TOP"),
                         ("TOPPADDING", (0, 0), (-1, -1), 4)],
                        heights=[16 * mm] * len(rows))  # room to sign and stamp
        return KeepTogether([Spacer(1, 3 * mm), t])


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code's module matrix (error correction M), computed once per filing."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return [[bool(m) for m in row] for row in code.modules]


def _draw_qr(canvas: Canvas, modules: list[list[bool]], x: float, y: float) -> None:
    """Dark runs of each row as filled rectangles, with the standard 4-module quiet zone."""
    count = len(modules)
    box = QR_SIZE / (count + 8)
    canvas.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(modules):
        c = 0
        for dark, run in groupby(row):
            n = len(list(run))
            if dark:
                canvas.rect(x + (c + 4) * box, y + QR_SIZE - (r + 5) * box, n * box, box,
                            stroke=0, fill=1)
            c += n


def _canvas_class(doc: b.Document, stamp: Stamp) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each footer can say "of y"."""
    qr = qr_modules(stamp.qr_payload)
    lab = doc.labels()
    generated = local_time(stamp.generated_at, doc.lang)

    class FilingCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, number: int, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(FONT, 8.5)
            top = height - 12 * mm
            self.drawString(MARGIN_X, top, doc.institution)
            self.drawRightString(width - MARGIN_X, top, doc.form_code)
            self.setFont(FONT, 8)
            self.drawString(MARGIN_X, top - 4.2 * mm, doc.title)
            self.drawRightString(width - MARGIN_X, top - 4.2 * mm, doc.subject_ref)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            self.line(MARGIN_X, top - 6 * mm, width - MARGIN_X, top - 6 * mm)
            base = 8 * mm
            self.line(MARGIN_X, base + QR_SIZE + 1.5 * mm, width - MARGIN_X,
                      base + QR_SIZE + 1.5 * mm)
            self.setFont(FONT, 8)
            self.drawString(MARGIN_X, base + 12 * mm, f"{lab.generated}：{generated}")
            self.drawString(MARGIN_X, base + 7.5 * mm, f"{lab.serial}：{stamp.serial}")
            self.drawString(MARGIN_X, base + 3 * mm, f"{lab.fingerprint}：{stamp.short_hash}")
            self.setFont(FONT, 9)
            self.drawCentredString(width / 2, base + 7.5 * mm,
                                   lab.page.format(x=number, y=total))
            _draw_qr(self, qr, width - MARGIN_X - QR_SIZE, base)
            self.restoreState()

    return FilingCanvas


def render(doc: b.Document, stamp: Stamp) -> bytes:
    """The PDF bytes of `doc`; GlyphsMissing if a character cannot be drawn."""
    ensure_font()
    check_glyphs([*doc.texts(), stamp.serial])
    size = landscape(A4) if doc.landscape else A4
    out = io.BytesIO()
    template = BaseDocTemplate(
        out, pagesize=size, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=f"{doc.title} {doc.subject_ref}", author=doc.institution,
        subject=doc.subject_ref, creator=f"TT Desk {__version__}",
        keywords=f"TTDesk-Serial:{stamp.serial} TTDesk-Data:{stamp.snapshot_sha256}",
        lang="zh-CN" if doc.lang == "zh" else "en", initialFontName=FONT, initialFontSize=9,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, size[0] - 2 * MARGIN_X,
                  size[1] - MARGIN_TOP - MARGIN_BOTTOM, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    template.build(_Flow(doc, frame._width).all(), canvasmaker=_canvas_class(doc, stamp))
    return out.getvalue()
