"""The ledger import on both back ends (SQLite and the office server's PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from core.ledger.conftest import counts
from core.ledger.fixtures import clean_ledger, clean_rows, write_book
from ttdesk.core.base.audit import verify_chain
from ttdesk.core.base.context import AppContext
from ttdesk.core.ledger import LedgerRefused, import_ledger
from ttdesk.core.ledger.export import export_ledger
from ttdesk.db import models as M


def test_import_reimport_and_refusal(any_ctx: AppContext, tmp_path: Path) -> None:
    report = import_ledger(any_ctx, clean_ledger(tmp_path / "台账.xlsx"))
    assert report.counts["achievements"] == 5
    after = counts(any_ctx)
    import_ledger(any_ctx, clean_ledger(tmp_path / "台账.xlsx"))
    assert counts(any_ctx) == after
    rows = clean_rows()
    rows[1][1] = "CG-2024-0009"
    rows[2][7] = "面议"
    with pytest.raises(LedgerRefused):
        import_ledger(any_ctx, write_book(tmp_path / "bad.xlsx", {"成果台账": rows}))
    assert counts(any_ctx) == after
    with any_ctx.read() as s:
        assert verify_chain(s) == []
        assert s.execute(select(M.Achievement.case_no).order_by(M.Achievement.id)
                         ).scalars().all()[0] == "CG-2024-0001"
    # a further import after the first takes ids after the existing ones (sequences intact)
    more = clean_rows()
    for i, row in enumerate(more[1:6], start=1):
        row[1] = f"CG-2025-{i:04d}"
        row[2] = f"{row[2]}（二期）"
    report = import_ledger(any_ctx, write_book(tmp_path / "more.xlsx", {"成果台账": more}))
    assert report.counts["achievements"] == 5
    export = export_ledger(any_ctx, tmp_path / "out.xlsx")
    assert export.counts["achievements"] == 10
