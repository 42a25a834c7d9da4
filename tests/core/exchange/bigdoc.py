"""A large, valid interchange document written straight to disk (for crash and scale tests)."""

from __future__ import annotations

import json
from pathlib import Path

from ttdesk.core.exchange import FORMAT, VERSION


def write_big_document(path: Path, cases: int, people: int = 2000) -> Path:
    """`cases` achievements with two contributors and one patent each, plus a deal and a
    receipt for every tenth case; streamed so the test itself stays small in memory."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"format": FORMAT, "version": VERSION})[:-1])
        fh.write(',"departments":[{"code":"D1","name":"材料学院"}]')
        fh.write(',"people":[')
        fh.write(",".join(json.dumps({"staff_no": f"P{i:06d}", "name": f"王{i}",
                                      "department": "D1"}, ensure_ascii=False)
                          for i in range(people)))
        fh.write('],"achievements":[')
        for i in range(cases):
            item = {
                "case_no": f"CG-BIG-{i:06d}", "title": f"大规模导入测试成果{i}",
                "kind": "invention_patent", "department": "D1",
                "disclosure_date": "2025-03-01", "status": "protecting",
                "contributors": [
                    {"staff_no": f"P{i % people:06d}", "share": "60", "role": "lead"},
                    {"staff_no": f"P{(i + 1) % people:06d}", "share": "40"},
                ],
                "ip_assets": [{"kind": "invention_patent", "application_no": f"CNBIG{i:08d}",
                               "filing_date": "2025-04-01"}],
            }
            fh.write(("," if i else "") + json.dumps(item, ensure_ascii=False))
        fh.write('],"deals":[')
        fh.write(",".join(json.dumps({
            "deal_no": f"HT-BIG-{i:06d}", "title": f"许可合同{i}", "mode": "license_sole",
            "price": "120000.00", "signing_date": "2025-06-01", "status": "signed",
            "achievements": [f"CG-BIG-{i:06d}"]}, ensure_ascii=False)
            for i in range(0, cases, 10)))
        fh.write('],"receipts":[')
        fh.write(",".join(json.dumps({
            "key": f"R{i}", "deal_no": f"HT-BIG-{i:06d}", "received_on": "2025-07-01",
            "amount": "120000.00", "kind": "upfront"}) for i in range(0, cases, 10)))
        fh.write("]}\n")
    return path
