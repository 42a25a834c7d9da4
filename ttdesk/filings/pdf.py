"""Draw a `Document` as an A4 PDF: header, footer with page x / y, serial, data hash and QR
code on every page, then the blocks. reportlab is imported here only, never at app start.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
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
)
from reportlab.platypus import PageBreak as RLPageBreak

from ttdesk import __version__
from ttdesk.filings import blocks as b
from ttdesk.filings.fonts import FONT, check_glyphs, ensure_font
from ttdesk.filings.grid import PAD, GridFlowable, measure_for
from ttdesk.filings.text import local_time

MARGIN_X = 16 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 27 * mm
QR_SIZE = 19 * mm
LABEL_BG = colors.Color(0.93, 0.94, 0.96)
RULE = colors.Color(0.35, 0.35, 0.35)
WATERMARK = "草稿 / DRAFT"


@dataclass(frozen=True)
class Stamp:
    """What ties a printed page to the archive: serial, data hash, time of generation."""

    serial: str
    snapshot_sha256: str
    generated_at: datetime
    draft: bool = False  # 报批稿: a diagonal watermark, no serial, no QR (nothing archived)
    # the audit chain's head when the filing was made, in the compact anchor form
    # "A<database>.<sequence>.<HASH>" (ttdesk.core.records.anchor); None: nothing recorded
    audit: str | None = None

    @property
    def short_hash(self) -> str:
        return self.snapshot_sha256[:12]

    @property
    def qr_payload(self) -> str:
        """TTDESK:<serial>:<SHA-256 in upper-case hex>: only QR alphanumeric characters, so
        the code stays small (and quick to make)."""
        tail = f":{self.audit}" if self.audit else ""
        return f"TTDESK:{self.serial}:{self.snapshot_sha256.upper()}{tail}"

    @property
    def short_audit(self) -> str | None:
        """For the footer: "#<sequence> <first 12 hex digits of the head's hash>"."""
        if not self.audit:
            return None
        _, sequence, digest = self.audit.split(".")
        return f"#{sequence} {digest[:12].lower()}"


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
            if isinstance(block, b.Signatures):
                out.append(self._with_previous(out, self.block(block)))
            else:
                out.extend(self.block(block))
        return out

    @staticmethod
    def _with_previous(out: list[Any], flowables: list[Any]) -> Any:
        """Keep-with-previous: the signature block goes to a new page only together with the
        block before it (an opinion box, a note), never alone."""
        kept: list[Any] = []
        while out and isinstance(out[-1], Spacer):
            kept.insert(0, out.pop())
        if out and not isinstance(out[-1], CondPageBreak):
            prev = out.pop()
            kept[0:0] = list(prev._content) if isinstance(prev, KeepTogether) else [prev]
        return KeepTogether([*kept, *flowables])

    def block(self, block: b.Block) -> list[Any]:
        if isinstance(block, b.Heading):
            # a new page rather than a heading alone at the foot of one (keepWithNext would
            # push a long table and its heading to the next page as a whole)
            return [CondPageBreak(30 * mm), _p(block.text, self.s.heading)]
        if isinstance(block, b.Fields):
            return [*self.fields(block), Spacer(1, 1.5 * mm)]
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

    def _grid(self, headers: list[str] | None, rows: list[list[str]], widths: list[float],
              **kw: Any) -> GridFlowable:
        return GridFlowable(headers, rows, font=FONT, widths=widths, **kw)

    def fields(self, block: b.Fields) -> list[Any]:
        """Labelled cells, `columns` pairs a row; a long value gets a row of its own. Runs
        of rows become plain-text grids (fast: no Paragraph per cell)."""
        n = max(1, block.columns)
        label_w = self.width * (0.17 if n == 2 else 0.24 / n)
        value_w = (self.width - n * label_w) / n
        narrow_widths = [label_w, value_w] * n
        labels = frozenset(range(0, 2 * n, 2))
        measure = measure_for(FONT, 9)
        out: list[Any] = []
        run: list[list[str]] = []
        current: list[str] = []

        def flush_row() -> None:
            if current:
                run.append(current + [""] * (2 * n - len(current)))
                current.clear()

        def flush_run() -> None:
            flush_row()
            if run:
                out.append(self._grid(None, list(run), narrow_widths, size=9,
                                      shade_cols=labels))
                run.clear()

        for label, value in block.items:
            text = value if value else "—"
            if n > 1 and ("\n" in text or measure.text_width(text) > value_w - 2 * PAD):
                flush_run()
                out.append(self._grid(None, [[label, text]],
                                      [label_w, self.width - label_w], size=9,
                                      shade_cols=frozenset({0})))
                continue
            current.extend([label, text])
            if len(current) == 2 * n:
                flush_row()
        flush_run()
        return out

    def grid(self, block: b.Grid) -> Any:
        widths = self._widths(block)
        if not block.rows:
            return self._grid(block.headers, [[block.empty] + [""] * (len(widths) - 1)],
                              widths, size=block.font_size)
        return self._grid(block.headers, block.rows, widths, size=block.font_size,
                          align=block.align, totals=block.totals)

    def _widths(self, block: b.Grid) -> list[float]:
        rel = block.widths or [1.0] * len(block.headers)
        return [self.width * w / sum(rel) for w in rel]

    def opinion(self, block: b.Opinion) -> Any:
        blank = "\u3000" * 8
        sign = (f"{self.lab.sign_here} {block.signer or blank}{blank}"
                f"{self.lab.date}{self.lab.colon}{block.when or self.lab.date_blank}")
        rows = [[block.role], [block.text or " "], [sign]]
        return KeepTogether([self._grid(None, rows, [self.width], size=9,
                                        shade_rows=frozenset({0}))])

    def signatures(self, block: b.Signatures) -> Any:
        lab = self.lab
        when = f"{lab.date}{lab.colon}{lab.date_blank}"
        rows = [[role, f"{lab.signature}{lab.colon}", when, lab.stamp] for role in block.roles]
        w = self.width
        t = self._grid(None, rows, [w * 0.2, w * 0.3, w * 0.3, w * 0.2], size=9,
                       shade_cols=frozenset({0}), min_height=13 * mm)
        return KeepTogether([Spacer(1, 3 * mm), t])


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code's module matrix (error correction M), computed once per filing."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.version = code.calculate_version()
    # A fixed mask pattern (any of the eight is valid); choosing the "best" one scores all
    # eight in pure Python and took most of a filing's drawing time.
    code.makeImpl(False, 0)
    return [[bool(m) for m in row] for row in code.modules]


def _qr_image(modules: list[list[bool]]) -> Any:
    """The code as a 1-bit image with the 4-module quiet zone: one small image per filing
    instead of a thousand rectangles (each of them formatted number by number)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    n = len(modules) + 8
    img = Image.new("1", (n, n), 1)
    img.putdata([0 if 4 <= r < n - 4 and 4 <= c < n - 4 and modules[r - 4][c - 4] else 1
                 for r in range(n) for c in range(n)])
    return ImageReader(img.convert("L"))


def _canvas_class(doc: b.Document, stamp: Stamp) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each footer can say "of y"."""
    qr = None if stamp.draft else _qr_image(qr_modules(stamp.qr_payload))
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
            c = lab.colon
            self.drawString(MARGIN_X, base + 12 * mm, f"{lab.generated}{c}{generated}")
            serial = lab.draft_serial if stamp.draft else stamp.serial
            self.drawString(MARGIN_X, base + 7.5 * mm, f"{lab.serial}{c}{serial}")
            line = f"{lab.fingerprint}{c}{stamp.short_hash}"
            if stamp.short_audit and not stamp.draft:
                line += f"    {lab.audit}{c}{stamp.short_audit}"
            self.drawString(MARGIN_X, base + 3 * mm, line)
            self.setFont(FONT, 9)
            self.drawCentredString(width / 2, base + 7.5 * mm,
                                   lab.page.format(x=number, y=total))
            if stamp.draft:
                self._watermark(width, height)
            else:  # the same image object on every page: embedded once
                self.drawImage(qr, width - MARGIN_X - QR_SIZE, base, QR_SIZE, QR_SIZE)
            self.restoreState()

        def _watermark(self, width: float, height: float) -> None:
            """草稿 / DRAFT across the page, light enough to read the form through."""
            self.saveState()
            self.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.28))
            self.translate(width / 2, height / 2)
            self.rotate(45)
            self.setFont(FONT, 64)
            self.drawCentredString(0, -20, WATERMARK)
            self.restoreState()

    return FilingCanvas


def render(doc: b.Document, stamp: Stamp) -> bytes:
    """The PDF bytes of `doc`; GlyphsMissing if a character cannot be drawn."""
    ensure_font()
    rl_config.useA85 = 0  # binary streams: ASCII85 only made files bigger and slower
    check_glyphs([*doc.texts(), stamp.serial, WATERMARK])
    size = landscape(A4) if doc.landscape else A4
    out = io.BytesIO()
    template = BaseDocTemplate(
        out, pagesize=size, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=f"{doc.title} {doc.subject_ref}", author=doc.institution,
        subject=doc.subject_ref, creator=f"TT Desk {__version__}",
        keywords=("TTDesk-Draft" if stamp.draft else f"TTDesk-Serial:{stamp.serial}")
        + f" TTDesk-Data:{stamp.snapshot_sha256}"
        + (f" TTDesk-Audit:{stamp.audit}" if stamp.audit and not stamp.draft else ""),
        lang="zh-CN" if doc.lang == "zh" else "en", initialFontName=FONT, initialFontSize=9,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, size[0] - 2 * MARGIN_X,
                  size[1] - MARGIN_TOP - MARGIN_BOTTOM, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    template.build(_Flow(doc, frame._width).all(), canvasmaker=_canvas_class(doc, stamp))
    return out.getvalue()
