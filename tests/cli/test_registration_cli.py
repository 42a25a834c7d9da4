"""`deal register-submit / register-certificate / register-change / deregister` on a demo
database: the answer date printed, both amounts stored, refusals exit 2 writing nothing."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from tests.cli.conftest import db_digest
from ttdesk.cli.main import main


def _signed_deal(path: Path) -> tuple[str, int, date]:
    conn = sqlite3.connect(path)
    try:
        no, price, signed = conn.execute(
            "SELECT deal_no, price, signing_date FROM deal WHERE status = 'signed' "
            "AND mode NOT IN ('self', 'joint') AND price < 500000000 "
            "AND signing_date BETWEEN '2026-01-01' AND '2026-11-02' ORDER BY id LIMIT 1").fetchone()
    finally:
        conn.close()
    return no, price, date.fromisoformat(signed)


def test_submit_certificate_change_and_deregister(demo_db: Path, tmp_path: Path,
                                                   capsys) -> None:
    db = tmp_path / "reg.db"
    shutil.copy(demo_db, db)
    no, _price, signed = _signed_deal(db)
    assert signed <= date(2026, 11, 2)
    assert main(["--db", str(db), "deal", "register-submit", no, "--date", "2026-11-02"]) == 0
    # a contract under ¥5M: 15 working days of November (no holidays) end on the 23rd
    assert capsys.readouterr().out.split() == ["2026-11-23", "15"]
    before = db_digest(db)
    assert main(["--db", str(db), "deal", "register-certificate", no, "--no", "C-77",
                 "--date", "2026-12-01", "--contract-amount", "100.00",
                 "--tech-amount", "150.00"]) == 2
    err = capsys.readouterr().err
    assert "[R14]" in err and "技术交易额" in err
    assert db_digest(db) == before
    assert main(["--db", str(db), "deal", "register-certificate", no, "--no", "C-77",
                 "--date", "2026-12-01", "--contract-amount", "100000.00",
                 "--tech-amount", "90000.00"]) == 0
    assert main(["--db", str(db), "deal", "register-change", no, "--reason", "补充协议",
                 "--contract-amount", "120000.00", "--tech-amount", "100000.00",
                 "--date", "2026-12-02"]) == 0
    assert main(["--db", str(db), "deal", "deregister", no, "--reason", "合同解除",
                 "--date", "2026-12-03"]) == 0
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT registration_no, registration_contract_amount, "
                           "registration_tech_amount, status FROM deal WHERE deal_no = ?",
                           (no,)).fetchone()
        kinds = [k for (k,) in conn.execute(
            "SELECT kind FROM registration_event e JOIN deal d ON d.id = e.deal_id "
            "WHERE d.deal_no = ? ORDER BY e.id", (no,))]
    finally:
        conn.close()
    assert row == ("C-77", 12000000, 10000000, "registered")
    assert kinds == ["submitted", "certified", "changed", "deregistered"]
