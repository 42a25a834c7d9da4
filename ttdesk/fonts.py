"""Where the Chinese (CJK) font comes from, for the screen and for PDFs alike (no Qt here).

Without a CJK font every Chinese character is a box, on screen and in PDFs. The font must be a
TrueType-outline face: reportlab cannot embed CFF outlines (Noto CJK, Source Han, any .otf).
WenQuanYi Micro Hei (`wqy-microhei.ttc`, Apache-2.0 or GPL-3+ with a font-embedding exception)
is copied into `resources/fonts/` at build time by `scripts/fetch_font.sh`; it is not committed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ttdesk.paths import resource_path

BUNDLED_FONT = "fonts/wqy-microhei.ttc"
DEBIAN_PACKAGE = "fonts-wqy-microhei"

# Fallbacks in order: the Debian package, then fonts every Chinese Windows PC has.
_SYSTEM_FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
)
_WINDOWS_FONTS = ("msyh.ttc", "simhei.ttf", "simsun.ttc")


class FontNotFound(FileNotFoundError):
    """No CJK font was found; the message names what to install."""


def _windows_candidates() -> list[Path]:
    root = Path(os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows")
    return [root / "Fonts" / name for name in _WINDOWS_FONTS]


def font_candidates() -> list[Path]:
    """Every place looked at, first match wins: bundled copy, Debian, Windows."""
    return [resource_path(BUNDLED_FONT), *_SYSTEM_FONTS, *_windows_candidates()]


def find_cjk_font(candidates: Iterable[Path] | None = None) -> Path:
    """The first CJK font file that exists; raises FontNotFound naming the missing package."""
    looked = list(font_candidates() if candidates is None else candidates)
    for path in looked:
        if path.is_file():
            return path
    places = ", ".join(str(p) for p in looked)
    raise FontNotFound(
        f"未找到中文字体，请安装 Debian 软件包 {DEBIAN_PACKAGE}（apt-get install "
        f"{DEBIAN_PACKAGE}）。 / No CJK font found; install the Debian package "
        f"{DEBIAN_PACKAGE} (apt-get install {DEBIAN_PACKAGE}) or run scripts/fetch_font.sh. "
        f"Looked at: {places}"
    )
