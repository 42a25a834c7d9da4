"""The parts a filing is made of, as plain data (no reportlab).

A form module turns its data snapshot into a `Document` of blocks; `ttdesk.filings.pdf`
draws it. Keeping the two apart means every string that goes on paper can be listed
(`Document.texts()`) and checked against the font before anything is drawn.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Fields:
    """Labelled cells: (label, value) pairs laid out `columns` pairs per row."""

    items: list[tuple[str, str]]
    columns: int = 2


@dataclass(frozen=True)
class Grid:
    """A table that flows across pages with its header repeated; `widths` are relative."""

    headers: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None
    align: str | None = None  # one letter per column: l, c, r
    totals: list[str] | None = None
    font_size: float = 8.5
    empty: str = "—"


@dataclass(frozen=True)
class Para:
    """Long text that wraps and flows across pages, optionally under a small label."""

    text: str
    label: str | None = None


@dataclass(frozen=True)
class Note:
    text: str


@dataclass(frozen=True)
class Opinion:
    """An opinion box of one reviewing body, with signature and date lines."""

    role: str
    text: str
    signer: str = ""
    when: str = ""


@dataclass(frozen=True)
class Signatures:
    """Signature blocks (name, date, stamp space) for the given roles."""

    roles: list[str]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Fields | Grid | Para | Note | Opinion | Signatures | PageBreak


@dataclass(frozen=True)
class Labels:
    """Fixed words of the layout in the filing's language."""

    page: str
    generated: str
    serial: str
    fingerprint: str
    audit: str
    signature: str
    date: str
    stamp: str
    sign_here: str
    empty: str
    date_blank: str
    colon: str
    draft_serial: str


LABELS = {
    "zh": Labels(page="第 {x} 页 / 共 {y} 页", generated="生成时间", serial="文件编号",
                 fingerprint="数据指纹", audit="审计链", signature="签字", date="日期",
                 stamp="（盖章）",
                 sign_here="签字：", empty="（无）",
                 date_blank="\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日",
                 colon="：", draft_serial="报批稿，未归档，无编号"),
    "en": Labels(page="Page {x} of {y}", generated="Generated", serial="Serial",
                 fingerprint="Data hash", audit="Audit chain", signature="Signature", date="Date",
                 stamp="(stamp)", sign_here="Signature:", empty="(none)",
                 date_blank="\u00a0" * 24, colon=": ",
                 draft_serial="draft for approval, not archived, no serial"),
}


@dataclass
class Document:
    code: str  # F04
    version: int  # version of the form layout (TTD-F04 v1)
    title: str
    subject_ref: str  # case / deal number, year...
    institution: str
    lang: str = "zh"
    landscape: bool = False
    blocks: list[Block] = field(default_factory=list)

    @property
    def form_code(self) -> str:
        return f"TTD-{self.code} v{self.version}"

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def labels(self) -> Labels:
        return LABELS["zh" if self.lang == "zh" else "en"]

    def texts(self) -> Iterator[str]:
        """Every string that will be drawn (for the glyph check and for tests)."""
        yield from (self.title, self.subject_ref, self.institution, self.form_code)
        lab = self.labels()
        yield from (lab.page, lab.generated, lab.serial, lab.fingerprint, lab.audit,
                    lab.signature, lab.date, lab.stamp, lab.sign_here, lab.empty,
                    lab.date_blank, lab.colon, lab.draft_serial)
        for b in self.blocks:
            if isinstance(b, Heading | Note):
                yield b.text
            elif isinstance(b, Fields):
                for k, v in b.items:
                    yield k
                    yield v
            elif isinstance(b, Grid):
                yield from b.headers
                yield b.empty
                for row in b.rows:
                    yield from row
                yield from b.totals or ()
            elif isinstance(b, Para):
                yield b.text
                yield b.label or ""
            elif isinstance(b, Opinion):
                yield from (b.role, b.text, b.signer, b.when)
            elif isinstance(b, Signatures):
                yield from b.roles
