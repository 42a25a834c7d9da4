"""The embedded CJK font of every filing, and the check that every character has a glyph.

The font (wqy-microhei, a TrueType collection) is registered once per process and embedded
as a subset. A character the font cannot draw would print as a box or vanish; instead the
filing is refused with the list of such characters (`GlyphsMissing`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from ttdesk.core.base.errors import Problem, ValidationFailed
from ttdesk.fonts import find_cjk_font

FONT = "TTDeskCJK"
_lock = threading.Lock()
_font: Any = None


class GlyphsMissing(ValidationFailed):
    """Text of the filing uses characters the embedded font has no glyph for."""

    def __init__(self, chars: list[str]) -> None:
        shown = " ".join(f"{c}(U+{ord(c):04X})" for c in chars)
        self.chars = chars
        super().__init__([Problem(
            "FONT", f"字体中缺少以下字符，无法生成文件：{shown}",
            f"The embedded font has no glyph for these characters: {shown}",
            field="text")])


def ensure_font() -> Any:
    """The registered reportlab TTFont (registered on first use; FontNotFound if none)."""
    global _font
    with _lock:
        if _font is None:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            path = find_cjk_font()
            # A .ttc holds several faces; the first is the proportional Micro Hei
            # (the index is ignored for a plain .ttf).
            font = TTFont(FONT, str(path), subfontIndex=0)
            pdfmetrics.registerFont(font)
            _font = font
        return _font


def missing_glyphs(texts: Iterable[str]) -> list[str]:
    """Characters (in first-seen order) that the font cannot draw; controls are ignored."""
    cmap = ensure_font().face.charToGlyph
    seen: set[str] = set()
    missing: list[str] = []
    for text in texts:
        for ch in text:
            if ch in seen:
                continue
            seen.add(ch)
            if ch in "\n\r\t" or ord(ch) < 32:
                continue
            if ord(ch) not in cmap:
                missing.append(ch)
    return missing


def check_glyphs(texts: Iterable[str]) -> None:
    missing = missing_glyphs(texts)
    if missing:
        raise GlyphsMissing(missing)
