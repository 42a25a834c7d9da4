"""JSON Schema (draft 2020-12) of the interchange format, generated from `sections`.

`python -m ttdesk.core.exchange.schema > docs/exchange.schema.json` regenerates the copy in
docs/; a test keeps the two equal. The schema describes the shape; the import also checks
what a schema cannot (R1 share totals, R8 check characters, R12 date order, references,
duplicates against the database).
"""

from __future__ import annotations

import json
from typing import Any

from ttdesk.core.exchange.fields import Field, Kind
from ttdesk.core.exchange.sections import (
    CALENDAR,
    FORMAT,
    INSTITUTION,
    POLICY_VERSIONS,
    SPACES,
    TOP,
    VERSION,
    Section,
    walk,
)

DESCRIPTION = """\
TT Desk interchange document: a whole database, or a selection of cases and deals, that \
another TT Desk (SQLite or PostgreSQL) imports back to the same data.
Values: money and percentages are decimal strings ("1234.50", "33.3333"); dates ISO 8601 \
("2026-03-01"), date-times with a time-zone offset; enums by their code names (domain.md); \
binary content base64. Absent and null mean the same: the field's default.
References: never database ids. Records point at others by natural keys (case_no, deal_no, \
staff_no, credit_code, department code, username, IP application_no, filing serial_no) or, \
for records without one (rights grants, publicities, receipts, distributions, demands, \
matchmaking activities), by a `key` that only means something inside the document. A \
reference resolves to a record of the document or, for natural keys, of the importing \
database. Deadlines and attachments name their subject by type plus key (subject_key / \
entity_key); for a subject type that is not a record (e.g. "year") subject_key is the plain \
integer value. In a generated deadline's rule_key, "{subject}" stands for the subject's id.
Import: everything is validated first (shape, codes, R1 shares sum to exactly 100, R8 credit \
codes, R11 money and percentages, R12 date order, duplicate keys in the document and against \
the database, dangling references) and every problem is reported with its location; then \
all records are written in one transaction, or none. Statuses are taken as given (the \
workflow is not replayed). Departments, users, people and companies that already exist \
identically are reused; any other existing key is refused. Into a database without business \
records, the document's institution profile, policy versions, holiday calendar and \
generated deadlines replace the seeded ones; otherwise they must agree with the database.
Not part of the format: the audit trail (the importing database records the import in its \
own hash-chained trail), the automatic created_at / updated_at stamps and the \
optimistic-locking version counters. A selection export carries the chosen cases and deals \
with their children, receipts, costs, distributions, equity events and matches, plus all \
departments, users, people and companies; it leaves out company milestones, cap tables, \
deadlines, filings and attachments."""

_DECIMAL2 = r"^[0-9]+(\.[0-9]{1,2})?$"
_DECIMAL4 = r"^[0-9]+(\.[0-9]{1,4})?$"


def _base(f: Field) -> dict[str, Any]:
    k = f.kind
    if k in (Kind.STR, Kind.TEXT):
        return {"type": "string"} | ({"maxLength": f.max_len} if f.max_len else {})
    if k is Kind.INT:
        out: dict[str, Any] = {"type": "integer"}
        if f.minimum is not None:
            out["minimum"] = f.minimum
        if f.maximum is not None:
            out["maximum"] = f.maximum
        return out
    if k is Kind.BOOL:
        return {"type": "boolean"}
    if k is Kind.DATE:
        return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    if k is Kind.DATETIME:
        return {"type": "string", "format": "date-time"}
    if k is Kind.MONEY:
        return {"type": "string", "pattern": _DECIMAL2, "description": "CNY, 2 places (R11)"}
    if k in (Kind.PERCENT, Kind.SHARE):
        return {"type": "string", "pattern": _DECIMAL4, "description": "percent, 0-100"}
    if k is Kind.ENUM:
        assert f.enum is not None
        return {"type": "string", "enum": [m.value for m in f.enum]}
    if k is Kind.JSON:
        return {"type": ["object", "array"]}
    if k is Kind.BYTES:
        return {"type": "string", "contentEncoding": "base64"}
    if k is Kind.CREDIT_CODE:
        return {"type": "string", "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$",
                "description": "unified social credit code, check character verified (R8)"}
    if k in (Kind.KEY, Kind.REF):
        return {"type": "string", "minLength": 1, "maxLength": f.max_len or 60}
    return {"type": ["string", "integer"]}  # ENTITY


def _describe(f: Field) -> str | None:
    if f.kind is Kind.REF:
        sp = SPACES[f.space or ""]
        target = f"{sp.table.name}.{sp.column}" if sp.column else f"the `key` of a {f.space}"
        return f"reference to {target}"
    if f.kind is Kind.KEY:
        return "key of this record inside the document"
    if f.kind is Kind.ENTITY:
        return f"key of the record that `{f.space}` names (or a plain integer value)"
    return None


def _field_schema(f: Field) -> dict[str, Any]:
    out = _base(f)
    if not f.required:
        if "enum" in out:
            out["enum"] = [*out["enum"], None]
        types = out["type"] if isinstance(out["type"], list) else [out["type"]]
        out["type"] = [*types, "null"]
    if f.default is not None:
        out["default"] = f.default.value if hasattr(f.default, "value") else f.default
    text = _describe(f)
    if text:
        out["description"] = text
    return out


def _section_schema(sec: Section, path: str) -> dict[str, Any]:
    props: dict[str, Any] = {f.name: _field_schema(f) for f in sec.fields}
    for link in sec.links:
        sp = SPACES[link.space]
        props[link.name] = {"type": "array", "uniqueItems": True,
                            "items": {"type": "string", "minLength": 1},
                            "description": f"references to {sp.table.name}.{sp.column}"}
    for child in sec.children:
        props[child.name] = {"type": "array", "items": {"$ref": f"#/$defs/{path}.{child.name}"}}
    return {
        "type": "object",
        "description": f"one row of table `{sec.table.name}`",
        "properties": props,
        "required": [f.name for f in sec.fields if f.required],
        "additionalProperties": False,
    }


def build_schema() -> dict[str, Any]:
    defs = {path: _section_schema(sec, path) for path, sec in walk()}
    defs["institution"] = _section_schema(INSTITUTION, "institution")
    defs["policy.versions"] = _section_schema(POLICY_VERSIONS, "policy.versions")
    defs["calendar"] = _section_schema(CALENDAR, "calendar")

    def array(name: str) -> dict[str, Any]:
        return {"type": ["array", "null"], "items": {"$ref": f"#/$defs/{name}"}}

    props: dict[str, Any] = {
        "format": {"const": FORMAT},
        "version": {"const": VERSION},
        "exported_at": {"type": ["string", "null"], "format": "date-time"},
        "app_version": {"type": ["string", "null"]},
        "selection": {"type": ["object", "null"], "description": "what a partial export chose"},
        "personal": {"enum": ["masked", "included", None],
                     "description": "personal data (ID numbers, phones, e-mails) written "
                                    "masked (the default) or in clear (an admin's export); "
                                    "masked values are never imported"},
        "institution": {"anyOf": [{"$ref": "#/$defs/institution"}, {"type": "null"}]},
        "policy": {"type": ["object", "null"], "additionalProperties": False,
                   "properties": {"versions": array("policy.versions")}},
        "calendar": array("calendar"),
    }
    props |= {sec.name: array(sec.name) for sec in TOP}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:ttdesk:{FORMAT}:{VERSION}",
        "title": f"TT Desk interchange format, version {VERSION}",
        "description": DESCRIPTION,
        "type": "object",
        "required": ["format", "version"],
        "properties": props,
        "additionalProperties": False,
        "$defs": defs,
    }


def schema_text() -> str:
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
