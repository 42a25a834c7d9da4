"""Render resources/icons/ttdesk.svg to the PNG (Debian) and ICO (Windows) the packages need.

`python scripts/make_icons.py OUTDIR` writes OUTDIR/ttdesk.png (256 px) and OUTDIR/ttdesk.ico
(16-256 px). Rendered with Qt at build time, so only the SVG is kept in the repository.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = Path(__file__).resolve().parents[1] / "resources" / "icons" / "ttdesk.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """An ICO file of PNG-compressed entries (Windows Vista and later read these)."""
    def le(value: int, width: int) -> bytes:
        return value.to_bytes(width, "little")

    header = le(0, 2) + le(1, 2) + le(len(images), 2)
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += bytes([side, side, 0, 0]) + le(1, 2) + le(32, 2)
        entries += le(len(blob), 4) + le(offset, 4)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def main(outdir: str) -> int:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"make_icons: cannot read {SVG}", file=sys.stderr)
        return 1
    (out / "ttdesk.png").write_bytes(png_bytes(render(renderer, 256)))
    sizes = [(s, png_bytes(render(renderer, s))) for s in ICO_SIZES]
    (out / "ttdesk.ico").write_bytes(ico_bytes(sizes))
    print(f"make_icons: {out}/ttdesk.png, {out}/ttdesk.ico", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/icons"))
