"""A fast table flowable for long grids (the ledger has 10,000 rows).

reportlab's Table re-measures the remaining rows at every page split, which took 17 s for a
10,000-row ledger. Here each cell is wrapped once (plain text, CJK-aware line breaking with
a width cache per character), row heights are summed once, and a page split is a binary
search over those sums: the parts share the measured rows and only hold index ranges.
The header row is drawn again at the top of every part.
"""

from __future__ import annotations

import copy
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus.flowables import Flowable

PAD = 2.5
LINE = 0.4
HEADER_BG = (0.90, 0.92, 0.95)
LABEL_BG = (0.93, 0.94, 0.96)
NO_LINE_START = frozenset("，。、；：？！）》」』】〕,.;:?!)%")
MAX_ROW_HEIGHT = 300.0  # points; less than a landscape page's frame
TOTAL_BG = (0.95, 0.95, 0.95)


class TextMeasure:
    """Character widths of one font size, cached: wrapping 100k cells must stay cheap."""

    def __init__(self, font: str, size: float) -> None:
        self.font, self.size = font, size
        self._cache: dict[str, float] = {}
        self._widths: dict[str, float] = {}
        # No glyph of the font is wider than 1.2 em: a text of n characters that fits n * this
        # needs no measuring (most ledger cells).
        self.max_char = size * 1.2

    def width(self, ch: str) -> float:
        w = self._cache.get(ch)
        if w is None:
            w = self._cache[ch] = stringWidth(ch, self.font, self.size)
        return w

    def text_width(self, text: str) -> float:
        w = self._widths.get(text)
        if w is None:
            w = sum(self.width(c) for c in text)
            if len(self._widths) < 50_000:
                self._widths[text] = w
        return w

    def wrap(self, text: str, max_width: float) -> list[str]:
        """Lines no wider than `max_width`: break anywhere in Chinese, at spaces in Latin text
        where possible, inside a word only when the word alone is too wide."""
        lines: list[str] = []
        for para in text.split("\n"):
            lines.extend(self._wrap_line(para, max_width))
        return lines or [""]

    def _wrap_line(self, text: str, max_width: float) -> list[str]:
        if len(text) * self.max_char <= max_width or self.text_width(text) <= max_width:
            return [text]
        out: list[str] = []
        line: list[str] = []
        width = 0.0
        last_space = -1
        for ch in text:
            w = self.width(ch)
            if width + w > max_width and line:
                if ch != " " and last_space > 0 and ch.isascii() and ch.isalnum():
                    head, tail = line[:last_space], line[last_space + 1:]
                    out.append("".join(head))
                    line = tail
                elif ch in NO_LINE_START and len(line) > 1 and line[-1] not in NO_LINE_START:
                    # 避头: closing punctuation never starts a line; the character before it
                    # moves down with it
                    out.append("".join(line[:-1]))
                    line = line[-1:]
                else:
                    out.append("".join(line))
                    line = []
                width = sum(self.width(c) for c in line)
                last_space = -1
                if ch == " " and not line:
                    continue
            if ch == " ":
                last_space = len(line)
            line.append(ch)
            width += w
        out.append("".join(line))
        return out


# PDF string escapes of the 256 byte values (octal for the unprintable ones), as a table
# for str.translate: escaping byte by byte in Python was a large part of a ledger's time.
_ESCAPES = {i: (chr(i) if 32 <= i < 127 and chr(i) not in "()\\" else
                ("\\" + chr(i) if chr(i) in "()\\" else f"\\{i:03o}")) for i in range(256)}


class TextWriter:
    """Writes positioned lines of one TrueType font straight into the page's content: one
    BT..ET block, a text matrix per line, subset switches only when the subset changes.
    (reportlab's text object formats every number and escapes every byte in Python.)"""

    def __init__(self, canvas: Any, font: str, size: float, leading: float) -> None:
        self.canvas = canvas
        self.font = getFont(font)
        self.doc = canvas._doc
        self.tail = f" {size:.2f} Tf {leading:.2f} TL"
        self.names: dict[int, str] = {}
        self.current: int | None = None
        self.ops: list[str] = ["BT"]
        # Encoded strings of this document, shared by all its grids: ledger cells repeat
        # (departments, kinds, dates), and a character keeps its subset code once given one.
        self.encoded: dict[str, list[tuple[int, str]]] = canvas.__dict__.setdefault(
            "_ttdesk_encoded", {})

    def _encode(self, text: str) -> list[tuple[int, str]]:
        found = self.encoded.get(text)
        if found is None:
            found = self.encoded[text] = [
                (subset, f"({chunk.decode('latin-1').translate(_ESCAPES)}) Tj")
                for subset, chunk in self.font.splitString(text, self.doc)]
        return found

    def line(self, x: float, y: float, text: str) -> None:
        ops = self.ops
        ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        for subset, shown in self._encode(text):
            if subset != self.current:
                name = self.names.get(subset)
                if name is None:
                    name = self.names[subset] = self.font.getSubsetInternalName(subset,
                                                                                self.doc)
                ops.append(name + self.tail)
                self.current = subset
            ops.append(shown)

    def finish(self) -> None:
        self.ops.append("ET")
        self.canvas._code.append(" ".join(self.ops))


_MEASURES: dict[tuple[str, float], TextMeasure] = {}


def measure_for(font: str, size: float) -> TextMeasure:
    """One width cache per font size for the whole process."""
    found = _MEASURES.get((font, size))
    if found is None:
        found = _MEASURES[(font, size)] = TextMeasure(font, size)
    return found


@dataclass
class _Measured:
    """The grid laid out for one frame width: wrapped cells and row-height prefix sums."""

    width: float
    col_widths: list[float]
    header: list[list[str]]
    header_height: float
    cells: list[list[list[str]]]  # physical rows: a very tall row is cut into several
    tops: list[float]  # tops[i] = height of rows [0, i)
    fills: list[tuple[float, float, float] | None]


class GridFlowable(Flowable):
    """Rows [start, end) of a measured grid; splits by index, never re-measures."""

    def __init__(self, headers: list[str] | None, rows: list[list[str]], *, font: str,
                 size: float = 8.5, widths: list[float] | None = None,
                 align: str | None = None, totals: list[str] | None = None,
                 shade_cols: frozenset[int] = frozenset(),
                 shade_rows: frozenset[int] = frozenset(), min_height: float = 0.0) -> None:
        """`headers` None: no header row (labelled cells, signature blocks); `shade_cols` /
        `shade_rows` get the label background; `min_height` leaves room to write by hand."""
        super().__init__()
        self.headers, self.font, self.size = headers, font, size
        body = list(rows) + ([totals] if totals else [])
        self.rows = body
        self.has_totals = bool(totals)
        ncols = len(headers) if headers is not None else len(widths or body[0])
        self.rel_widths = widths or [1.0] * ncols
        self.align = (align or "l" * ncols).ljust(ncols, "l")
        self.shade_cols, self.shade_rows, self.min_height = shade_cols, shade_rows, min_height
        self.leading = size * 1.3
        self.shared: dict[str, Any] = {}
        self.start, self.end = 0, -1  # -1: up to the last row, whatever the measuring gives

    # ---- measuring (once per frame width) ---------------------------------------------
    def _measure(self, avail_width: float) -> _Measured:
        m: _Measured | None = self.shared.get("m")
        if m is not None and abs(m.width - avail_width) < 0.5:
            return m
        total = sum(self.rel_widths)
        col_widths = [avail_width * w / total for w in self.rel_widths]
        measure = measure_for(self.font, self.size)
        inner = [w - 2 * PAD for w in col_widths]
        header: list[list[str]] = []
        header_height = 0.0
        if self.headers is not None:
            header = [measure.wrap(h, iw) for h, iw in zip(self.headers, inner, strict=True)]
            header_height = max(len(c) for c in header) * self.leading + 2 * PAD
        cells = []
        heights = []
        fills = []
        chunk = max(1, int(MAX_ROW_HEIGHT // self.leading))
        last = len(self.rows) - 1
        for i, row in enumerate(self.rows):
            wrapped = [measure.wrap(str(v), iw) for v, iw in zip(row, inner, strict=True)]
            fill = TOTAL_BG if self.has_totals and i == last else (
                LABEL_BG if i in self.shade_rows else None)
            lines = max(len(c) for c in wrapped)
            # a row taller than a page could never be placed: it continues in further rows
            for at in range(0, lines, chunk):
                part = [c[at:at + chunk] for c in wrapped]
                cells.append(part)
                fills.append(fill)
                heights.append(max(max(len(c) for c in part) * self.leading + 2 * PAD,
                                   self.min_height))
        tops = [0.0, *accumulate(heights)]
        m = _Measured(avail_width, col_widths, header, header_height, cells, tops, fills)
        self.shared["m"] = m
        return m

    def _part(self, start: int, end: int) -> GridFlowable:
        part = copy.copy(self)  # shallow: the measured rows stay shared
        part.start, part.end = start, end
        part.__dict__.pop("_postponed", None)  # platypus' mark belongs to the whole, not a part
        return part

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        m = self._measure(avail_width)
        self.width = avail_width
        self.height = m.header_height + m.tops[self._end(m)] - m.tops[self.start]
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        m = self._measure(avail_width)
        room = avail_height - m.header_height
        if room <= 0:
            return []
        # last index k such that rows [start, k) fit
        end = self._end(m)
        k = bisect_right(m.tops, m.tops[self.start] + room, lo=self.start) - 1
        if k <= self.start:
            return []
        if k >= end:
            return [self]
        return [self._part(self.start, k), self._part(k, end)]

    def _end(self, m: _Measured) -> int:
        return len(m.cells) if self.end < 0 else self.end

    # ---- drawing ------------------------------------------------------------------------
    # One pass each for the fills, the text (a single text object) and the rules (a single
    # path): far fewer PDF operators, and numbers to format, than a drawString per line.
    def _fill(self, m: _Measured, top: float, height: float,
              fill: tuple[float, float, float] | None) -> None:
        c = self.canv
        if fill:
            c.setFillColorRGB(*fill)
            c.rect(0, top - height, self.width, height, stroke=0, fill=1)
        elif self.shade_cols:
            c.setFillColorRGB(*LABEL_BG)
            x = 0.0
            for j, w in enumerate(m.col_widths):
                if j in self.shade_cols:
                    c.rect(x, top - height, w, height, stroke=0, fill=1)
                x += w

    def _text(self, text: TextWriter, m: _Measured, measure: TextMeasure,
              lines_per_cell: list[list[str]], top: float) -> None:
        x = 0.0
        for j, (lines, w) in enumerate(zip(lines_per_cell, m.col_widths, strict=True)):
            y = top - PAD - self.size
            how = self.align[j]
            for line in lines:
                if line:
                    if how == "r":
                        tx = x + w - PAD - measure.text_width(line)
                    elif how == "c":
                        tx = x + (w - measure.text_width(line)) / 2
                    else:
                        tx = x + PAD
                    text.line(tx, y, line)
                y -= self.leading
            x += w

    def _rows(self, m: _Measured) -> list[tuple[list[list[str]], float, float, Any]]:
        """(cells, top, height, fill) of the header and of rows [start, end)."""
        out = []
        top = self.height
        if self.headers is not None:
            out.append((m.header, top, m.header_height, HEADER_BG))
            top -= m.header_height
        for i in range(self.start, self._end(m)):
            h = m.tops[i + 1] - m.tops[i]
            out.append((m.cells[i], top, h, m.fills[i]))
            top -= h
        return out

    def draw(self) -> None:
        m = self.shared["m"]
        measure = measure_for(self.font, self.size)
        c = self.canv
        rows = self._rows(m)
        c.saveState()
        for _, top, h, fill in rows:
            self._fill(m, top, h, fill)
        c.setFillColorRGB(0, 0, 0)
        text = TextWriter(c, self.font, self.size, self.leading)
        for cells, top, _, _ in rows:
            self._text(text, m, measure, cells, top)
        text.finish()
        bottom = rows[-1][1] - rows[-1][2]
        # the rules as one path of raw operators (same reason as the text)
        right = f"{self.width:.2f}"
        ops = [f"0 {y:.2f} m {right} {y:.2f} l"
               for y in [self.height, *(top - h for _, top, h, _ in rows)]]
        x = 0.0
        for w in [0.0, *m.col_widths]:
            x += w
            ops.append(f"{x:.2f} {self.height:.2f} m {x:.2f} {bottom:.2f} l")
        c.setLineWidth(LINE)
        c.setStrokeColorRGB(0, 0, 0)
        c._code.append(" ".join(ops) + " S")
        c.restoreState()
