"""Generate a filing: snapshot -> document -> PDF -> archive, in one unit of work.

    generate(ctx, "F04", "HT-2026-0001")                 -> Generated (record, PDF bytes)
    generate(ctx, "F03", "HT-2026-0001", variant="reward", distribution=12)

A filing whose data is incomplete raises ValidationFailed listing each missing item, and
nothing is written. Regenerating from unchanged data gives back the archived version.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from ttdesk.core import filing_data
from ttdesk.core.base.context import AppContext
from ttdesk.core.records import filing_archive
from ttdesk.core.records.filing_archive import Generated, Verification

LANGS = ("zh", "en")


def render_snapshot(snapshot: dict[str, Any], lang: str, serial: str, digest: str,
                    created: datetime, audit: str | None = None) -> bytes:
    """The PDF of a snapshot (also used to re-render an archived snapshot for preview)."""
    from ttdesk.filings import forms
    from ttdesk.filings.pdf import Stamp, render

    return render(forms.document(snapshot, lang), Stamp(serial, digest, created, audit=audit))


def generate(ctx: AppContext, kind: str, subject: str, lang: str | None = None,
             variant: str | None = None, distribution: int | None = None,
             deliver: Callable[[bytes], None] | None = None) -> Generated:
    """`deliver` writes the PDF inside the unit of work (see filing_archive.generate)."""
    language = lang or ctx.lang
    if language not in LANGS:
        language = "zh"
    code = kind.strip().upper()
    if code == "F09":  # a submitted year is frozen: its record is the submitted filing
        from ttdesk.core.records import annual_report

        kept = annual_report.frozen(ctx, subject)
        if kept is not None:
            if deliver is not None:
                deliver(kept.content)
            return kept
    with ctx.read() as session:
        key = filing_data.archive_subject(session, code, subject, variant, distribution)

    def build(session: Any) -> dict[str, Any]:
        return filing_data.build(session, code, subject, variant, distribution)

    def render(snapshot: dict[str, Any], serial: str, digest: str, created: datetime,
               audit: str | None = None) -> bytes:
        return render_snapshot(snapshot, language, serial, digest, created, audit)

    return filing_archive.generate(ctx, code, key, language, build, render, deliver)


def draft(ctx: AppContext, kind: str, subject: str, lang: str | None = None,
          distribution: int | None = None) -> bytes:
    """The 报批稿 of an approval form (F02, F04, F07), printable before the decision: a
    diagonal "草稿 / DRAFT" watermark, no serial, nothing archived."""
    from ttdesk.core.records.filing_archive import snapshot_hash

    language = lang or ctx.lang
    if language not in LANGS:
        language = "zh"
    with ctx.read() as session:
        snapshot = filing_data.build(session, kind.strip().upper(), subject,
                                     distribution=distribution, draft=True)
    from ttdesk.filings import forms
    from ttdesk.filings.pdf import Stamp, render

    return render(forms.document(snapshot, language),
                  Stamp("", snapshot_hash(snapshot), datetime.now(UTC), draft=True))


def verify(ctx: AppContext, content: bytes) -> Verification:
    return filing_archive.verify(ctx, content)
