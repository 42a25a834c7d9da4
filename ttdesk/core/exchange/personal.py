"""Personal data in interchange documents (issue 13 §3; `core.base.privacy` says which).

`export-json` writes personal fields masked unless an admin asks for them
(`include_personal`, recorded as an audit event); the document says which in its
`personal` header ("masked" or "included").

A masked value is never data. On import (`strip_masks`) every masked personal value is
taken out of the document before validation, so:
- a record that already exists and differs only in its masked fields is *reused*: the real
  values in the database are kept, never overwritten by a mask;
- a new record gets those fields empty (the import's notes say how many were left out).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ttdesk.codes import AuditAction
from ttdesk.core.base.access import Act, require
from ttdesk.core.base.audit import append
from ttdesk.core.base.privacy import kind_of, looks_masked
from ttdesk.core.exchange.encode import PERSONAL as LEFT_OUT
from ttdesk.core.exchange.sections import TOP, Section
from ttdesk.db.types import utcnow

MASKED = "masked"
INCLUDED = "included"


def personal_fields(sec: Section) -> list[str]:
    """The JSON names of a section's personal fields."""
    return [f.name for f in sec.fields if kind_of(sec.table.name, f.col)]


def strip_masks(doc: dict[str, Any]) -> dict[tuple[str, int], frozenset[str]]:
    """Remove masked personal values from `doc` (in place); return which fields of which
    top-level record (section name, index) are not compared with a stored record: the
    masked ones, and in a masked document the secrets it left out (password hashes)."""
    out: dict[tuple[str, int], frozenset[str]] = {}
    masked_doc = doc.get("personal") == MASKED
    for sec in TOP:
        names = personal_fields(sec)
        left_out = frozenset(n for p, n in LEFT_OUT if p == sec.name) if masked_doc else frozenset()
        items = doc.get(sec.name)
        if not (names or left_out) or not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            gone = frozenset(n for n in names if looks_masked(item.get(n)))
            for name in gone:
                del item[name]
            if gone or left_out:
                out[(sec.name, i)] = gone | frozenset(n for n in left_out if n not in item)
    return out


def note(masked: dict[tuple[str, int], frozenset[str]]) -> str | None:
    n = sum(1 for (name, _), fields in masked.items() for f in fields
            if (name, f) not in LEFT_OUT)
    if not n:
        return None
    return (f"{n} 个遮盖的个人信息值未导入（数据库中已有的真实值保留） / {n} masked personal "
            "values were not imported (real values already in the database are kept)")


def record_personal_export(ctx: Any, target: Path, selection: Any) -> None:
    """Refuse anyone but an admin; record the export of personal data in the audit trail
    (before the file is written: an attempt that fails half-way is still on record)."""
    require(ctx, Act.EXPORT_PERSONAL)  # admins; refused naming the role needed
    with ctx.write() as s:
        event = {"at": utcnow(), "actor": s.info.get("actor", "system"),
                 "action": AuditAction.EXPORT_PERSONAL, "entity": "export", "entity_id": 0,
                 "entity_ref": target.name[:60],
                 "changes": {"file": str(target), "personal": INCLUDED,
                             "selection": None if selection is None else {
                                 "case_nos": sorted(selection.case_nos),
                                 "deal_nos": sorted(selection.deal_nos)}}}
        append(s, [event])
