"""The QR code on every page carries the serial number and the full data hash."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from ttdesk.filings import blocks as b
from ttdesk.filings.pdf import Stamp, qr_modules, render

STAMP = Stamp("F04-2026-0042", "0123456789abcdef" * 4, datetime(2026, 11, 21, tzinfo=UTC))


def _pdf() -> bytes:
    doc = b.Document("F04", 1, "科技成果转化审批表", "HT-2026-0001", "京华理工大学")
    doc.add(b.Grid(["序号", "名称"], [[str(i), "固态电池"] for i in range(120)]))
    return render(doc, STAMP)


def test_payload_holds_serial_and_full_hash() -> None:
    assert STAMP.qr_payload == f"TTDESK:F04-2026-0042:{STAMP.snapshot_sha256.upper()}"


def test_every_page_shows_the_code_module_for_module() -> None:
    modules = qr_modules(STAMP.qr_payload)
    n = len(modules)
    pages = PdfReader(io.BytesIO(_pdf())).pages
    assert len(pages) >= 3
    for page in pages:
        images = page.images
        assert len(images) == 1
        img = images[0].image.convert("L")
        assert img.size == (n + 8, n + 8)
        dark = [[img.getpixel((c + 4, r + 4)) < 128 for c in range(n)] for r in range(n)]
        assert dark == modules
        assert all(img.getpixel((x, 0)) > 128 for x in range(n + 8))  # quiet zone


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
                    reason="zbarimg (Debian zbar-tools) not installed")
def test_a_scanner_reads_the_printed_code(tmp_path: Path) -> None:
    pdf = tmp_path / "f.pdf"
    pdf.write_bytes(_pdf())
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == STAMP.qr_payload


def test_the_payload_carries_the_audit_chain_head() -> None:
    from dataclasses import replace

    from ttdesk.ui.filings.archive_page import parse_qr

    head = "A0123456789ABCDEF.4711." + "AB" * 32
    stamp = replace(STAMP, audit=head)
    assert stamp.qr_payload == f"TTDESK:F04-2026-0042:{STAMP.snapshot_sha256.upper()}:{head}"
    assert stamp.short_audit == "#4711 abababababab"
    assert parse_qr(stamp.qr_payload) == ("F04-2026-0042", STAMP.snapshot_sha256.upper())
