"""Every filing generated from demo data reads back: each value that went in comes out, with
header, footer (page x of y, serial, data hash), metadata and embedded fonts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.filings.pdftext import fonts, missing_values, pages_text, squash
from ttdesk import __version__
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.records import filing_archive
from ttdesk.db.models import Achievement, Deal
from ttdesk.filings import forms
from ttdesk.filings.service import generate

FILINGS = [("F01", None), ("F02", None), ("F03", "grant"), ("F03", "deal"),
           ("F03", "reward"), ("F04", None), ("F05", None), ("F06", None), ("F07", None),
           ("F08", None), ("F09", None), ("F10", None)]


def _candidates(ctx: AppContext, kind: str, variant: str | None) -> list[str]:
    if kind == "F08":
        return ["2025", "2024-01-01..2026-06-30"]
    if kind == "F09":
        return ["2025", "2026"]
    by_case = kind in ("F01", "F02", "F05") or variant == "grant"
    with ctx.read() as s:
        if by_case:
            return list(s.execute(select(Achievement.case_no).order_by(Achievement.id)).scalars())
        return list(s.execute(select(Deal.deal_no).order_by(Deal.id)).scalars())


def generate_first(ctx: AppContext, kind: str, variant: str | None, lang: str = "zh"):
    """The first subject of the demo data whose records are complete enough for `kind`."""
    for subject in _candidates(ctx, kind, variant):
        try:
            return generate(ctx, kind, subject, lang, variant)
        except ValidationFailed:
            continue
    raise AssertionError(f"no demo subject can make {kind} {variant}")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("kind", "variant"), FILINGS)
def test_every_value_reads_back(demo_ctx: AppContext, kind: str, variant: str | None,
                                lang: str, tmp_path: Path) -> None:
    gen = generate_first(demo_ctx, kind, variant, lang)
    snap = filing_archive.snapshot(demo_ctx, gen.record.id)
    doc = forms.document(snap, lang)
    assert missing_values(doc, gen.content) == []
    pages = pages_text(gen.content)
    total = len(pages)
    short = gen.record.snapshot_sha256[:12]
    for n, text in enumerate(pages, start=1):
        flat = squash(text)
        page = f"第{n}页/共{total}页" if lang == "zh" else f"Page{n}of{total}"
        assert page in flat
        assert gen.record.serial_no in flat and short in flat
        assert squash(doc.form_code) in flat and squash(doc.subject_ref) in flat
        assert squash(doc.institution) in flat
    meta = PdfReader(io.BytesIO(gen.content)).metadata
    assert meta.author == doc.institution
    assert meta.subject == doc.subject_ref
    assert meta.creator == f"TT Desk {__version__}"
    assert doc.title in meta.title
    path = tmp_path / "f.pdf"
    path.write_bytes(gen.content)
    found = fonts(path)
    assert found and all(emb == "yes" for _, emb in found), found
    assert all("WenQuanYi" in name for name, _ in found), found


def test_unchanged_data_gives_back_the_archived_version(demo_ctx: AppContext) -> None:
    first = generate_first(demo_ctx, "F05", None)
    again = generate(demo_ctx, "F05", first.record.subject)
    assert again.reused and again.content == first.content
    assert again.record.serial_no == first.record.serial_no


def test_f07_shows_a_reversed_cost_as_a_negative_line(ctx: AppContext) -> None:
    from datetime import date

    from core.money.conftest import signed_licence

    from ttdesk.core.money import distribution, receipts
    from ttdesk.core.office import institution

    ctx.today = lambda: date(2026, 11, 20)
    institution.save_profile(ctx, institution.InstitutionProfile("京华理工大学"))
    deal_no = signed_licence(ctx).deal.deal_no
    receipts.add_receipt(ctx, receipts.ReceiptIn(deal_no, date(2026, 4, 1), "1000000",
                                                 "upfront"))
    wrong = receipts.add_cost(ctx, receipts.CostIn(date(2026, 4, 2), "50000", "legal",
                                                   deal_no=deal_no, note="合同法律审查费"))
    receipts.reverse_cost(ctx, wrong, date(2026, 4, 3), "发票作废")
    receipts.add_cost(ctx, receipts.CostIn(date(2026, 4, 4), "40000", "legal",
                                           deal_no=deal_no, note="合同法律审查费（重开发票）"))
    did = distribution.save(ctx, distribution.DistributionIn(deal_no))
    distribution.approve(ctx, did, date(2026, 5, 1), "技术转移中心")
    text = squash("".join(pages_text(generate(ctx, "F07", deal_no, "zh").content)))
    assert "法律费用（冲销）" in text and "-¥50,000.00" in text
    assert "¥40,000.00" in text
    assert distribution.distribution_detail(ctx, did).plan.net_income == 960000
