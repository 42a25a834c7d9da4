"""Reading generated PDFs back for the tests: body text in drawing order, fonts, char boxes."""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

from pypdf import PdfReader

from ttdesk.filings import blocks as b
from ttdesk.filings.pdf import MARGIN_BOTTOM, MARGIN_TOP

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text without any whitespace (wrapping and spacing differ between writer and reader)."""
    return _SPACE.sub("", text)


def pages_text(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def body_text(pdf: bytes) -> str:
    """The text inside the body frame of every page, in drawing order, pages joined: a value
    that flows onto the next page reads as one piece (headers and footers left out)."""
    out: list[str] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        top = float(page.mediabox.top) - MARGIN_TOP + 2
        bottom = MARGIN_BOTTOM - 2

        def visit(text: str, cm: list[float], tm: list[float], *_: object,
                  top: float = top, bottom: float = bottom) -> None:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if bottom <= y <= top:
                out.append(text)

        page.extract_text(visitor_text=visit)
    return "".join(out)


def expected_texts(doc: b.Document) -> Iterator[str]:
    """Every value the blocks put on paper (empty ones print as a dash and are skipped)."""
    yield doc.title
    for blk in doc.blocks:
        if isinstance(blk, b.Heading | b.Note):
            yield blk.text
        elif isinstance(blk, b.Fields):
            for k, v in blk.items:
                yield k
                yield v
        elif isinstance(blk, b.Grid):
            yield from blk.headers
            for row in blk.rows:
                yield from row
            yield from blk.totals or ()
            if not blk.rows:
                yield blk.empty
        elif isinstance(blk, b.Para):
            yield blk.text
            yield blk.label or ""
        elif isinstance(blk, b.Opinion):
            yield from (blk.role, blk.text, blk.when)
        elif isinstance(blk, b.Signatures):
            yield from blk.roles


def missing_values(doc: b.Document, pdf: bytes) -> list[str]:
    text = squash(body_text(pdf))
    return [v for v in expected_texts(doc) if squash(v) and squash(v) not in text]


def fonts(path: Path) -> list[tuple[str, str]]:
    """(font name, emb column) of every font `pdffonts` lists."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = []
    for line in out.stdout.splitlines()[2:]:
        parts = line.split()
        # name type [type2] encoding emb sub uni object ID: emb is the 5th field from the end
        rows.append((parts[0], parts[-5]))
    return rows
