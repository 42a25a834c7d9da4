"""`ttdesk-cli filing ...` and `verify FILE.pdf`: exit codes, output files, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.builders import make_achievement, make_deal
from tests.filings.test_generate import generate_first
from ttdesk.cli.main import main
from ttdesk.core.base.context import AppContext
from ttdesk.db import models as M


def _filings(ctx: AppContext) -> int:
    with ctx.read() as s:
        return s.execute(select(func.count()).select_from(M.Filing)).scalar_one()


def test_filing_then_verify(demo_ctx: AppContext, tmp_path: Path,
                            capsys: pytest.CaptureFixture) -> None:
    db = str(demo_ctx.db.sqlite_path)
    first = generate_first(demo_ctx, "F04", None)
    out = tmp_path / "f04.pdf"
    assert main(["--db", db, "filing", "F04", first.record.subject, "-o", str(out),
                 "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["serial_no"] == first.record.serial_no and shown["reused"] is True
    assert main(["--db", db, "verify", str(out)]) == 0
    assert first.record.serial_no in capsys.readouterr().out
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(out.read_bytes().replace(b"/Creator", b"/Creatox", 1))
    assert main(["--db", db, "verify", str(changed)]) == 2
    err = capsys.readouterr().err
    assert "[VERIFY]" in err and first.record.serial_no in err


def test_english_and_f03_variants(demo_ctx: AppContext, tmp_path: Path,
                                  capsys: pytest.CaptureFixture) -> None:
    db = str(demo_ctx.db.sqlite_path)
    grant = generate_first(demo_ctx, "F03", "grant")
    case_no = grant.record.subject.split(":", 1)[1]
    out = tmp_path / "n.pdf"
    assert main(["--db", db, "--lang", "en", "filing", "F03", case_no, "--kind", "grant",
                 "-o", str(out), "--lang", "en"]) == 0
    assert "Generated F03" in capsys.readouterr().out and out.exists()


def test_missing_data_exits_2_and_writes_nothing(demo_ctx: AppContext, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture) -> None:
    db = str(demo_ctx.db.sqlite_path)
    case = make_achievement(demo_ctx, case_no="CG-2099-0001")
    deal = make_deal(demo_ctx, [case], deal_no="HT-2099-0001")
    before = _filings(demo_ctx)
    out = tmp_path / "refused.pdf"
    assert main(["--db", db, "filing", "F04", deal.deal_no, "-o", str(out)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) >= 3 and all(deal.deal_no in line for line in lines)
    assert any("审批" in line for line in lines)
    assert not out.exists() and _filings(demo_ctx) == before
    assert main(["--db", db, "filing", "F07", deal.deal_no, "--distribution", "99999",
                 "-o", str(out)]) == 2
    assert main(["--db", db, "filing", "F08", "2026-02-30..2026-03-01", "-o", str(out)]) == 2
    assert not out.exists() and _filings(demo_ctx) == before
