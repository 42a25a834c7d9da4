"""The supply list (科技成果推广清单) as a PDF, per park or field: what the office hands to a
park or takes to a fair. Public data only: the promotion list's public summaries (a secret
case never gets on the list, rule M1). Not an archived filing: no serial in the archive; the
footer's hash is the list's own content."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.labels import field_label
from ttdesk.core.ledger.market import supply_rows, supply_title
from ttdesk.core.office.institution import get_profile
from ttdesk.core.office.output import check_output, write_bytes
from ttdesk.filings import blocks as b
from ttdesk.filings.pdf import Stamp, render
from ttdesk.filings.text import cn_date

_COLUMNS = ("case_no", "title", "field", "department", "public_summary")


def supply_document(ctx: AppContext, park: str | None = None,
                    field: str | None = None) -> b.Document:
    lang = ctx.lang
    rows = supply_rows(ctx, park, field)
    profile = get_profile(ctx)
    institution = profile.name if profile else ""
    zh = lang == "zh"
    doc = b.Document(code="S01", version=1, title=supply_title(park, field, lang),
                     subject_ref=ctx.today().isoformat(), institution=institution, lang=lang,
                     landscape=True)
    doc.add(b.Fields([
        ("园区" if zh else "Park", park or ("全部园区" if zh else "all parks")),
        ("技术领域" if zh else "Field", field or ("全部领域" if zh else "all fields")),
        ("成果数" if zh else "Achievements", str(len(rows))),
        ("日期" if zh else "Date", cn_date(ctx.today(), lang)),
    ]))
    doc.add(b.Grid(
        headers=[field_label(c, lang) for c in _COLUMNS],
        rows=[[r.case_no, r.title, r.field or "", r.department or "", r.public_summary]
              for r in rows],
        widths=[1.3, 3.0, 1.1, 1.8, 5.5], align="lllll"))
    doc.add(b.Note("本清单仅含公开简介；涉密成果不列入。详情请联系技术转移办公室。" if zh else
                   "Public summaries only; secret achievements are never listed. Contact the "
                   "technology transfer office for details."))
    return doc


def export_supply_pdf(ctx: AppContext, path: str | Path, *, park: str | None = None,
                      field: str | None = None, force: bool = False) -> tuple[Path, int]:
    """Write the supply list PDF; returns (path, achievements listed)."""
    target = check_output(path, db=ctx.db, force=force)
    doc = supply_document(ctx, park, field)
    digest = hashlib.sha256("\n".join(doc.texts()).encode("utf-8")).hexdigest()
    stamp = Stamp(serial=f"S01-{ctx.today():%Y%m%d}", snapshot_sha256=digest,
                  generated_at=datetime.now(UTC))
    write_bytes(target, render(doc, stamp), private=False)
    grid = next(x for x in doc.blocks if isinstance(x, b.Grid))
    return target, len(grid.rows)
