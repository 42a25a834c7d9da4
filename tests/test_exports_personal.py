"""No export carries a person's ID number, phone or e-mail but `export-json` (masked unless
an admin asks): the Excel ledger and the filings' frozen snapshots are
built from the same people and checked byte for byte (issue 13 §3, "masking in every
export")."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from builders import make_person, make_rich_dataset

from ttdesk.core import filing_data
from ttdesk.core.base.context import AppContext
from ttdesk.core.ledger.export import export_ledger

SECRETS = ("110101199001011234", "a@example.edu.cn", "13812345678", "62750000")


def _xlsx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def test_ledger_and_filings_hold_no_personal_data(ctx: AppContext, tmp_path: Path) -> None:
    data = make_rich_dataset(ctx)
    make_person(ctx, phone="13812345678")
    export_ledger(ctx, tmp_path / "ledger.xlsx")
    text = _xlsx_text(tmp_path / "ledger.xlsx")
    assert data["people"][0].name in text  # the people are in it, by name
    assert not [s for s in SECRETS if s in text]
    built = []
    subjects = [("F01", data["case"].case_no), ("F09", "2026")]  # inventors; rewards
    for code, subject in subjects:
        with ctx.read() as s:
            snapshot = json.dumps(filing_data.build(s, code, subject, None, None),
                                  ensure_ascii=False, default=str)
        assert not [x for x in SECRETS if x in snapshot], code
        if code == "F01":  # the inventors are on it, by name
            assert data["people"][0].name in snapshot
        built.append(code)
    assert built == ["F01", "F09"]
