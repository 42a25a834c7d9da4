"""The column mapping: which sheet holds what, where its header row is, which column is which
field and in which unit. Detected from the headers, adjustable by the user, saved as JSON so
the next year's ledger of the same office imports without adjusting again."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.ledger.catalog import FIELD_BY_NAME, SHEET_KINDS
from ttdesk.core.ledger.cells import WAN

FORMAT = "ttdesk-ledger-mapping"


def get_column_letter(index: int) -> str:
    """1 → A, 27 → AA (no openpyxl import needed)."""
    out = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_index_from_string(letters: str) -> int:
    if not letters.isascii() or not letters.isalpha():
        raise ValueError(f"not a column letter: {letters!r}")
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


@dataclass
class Column:
    index: int  # 1-based
    header: str
    field: str | None
    unit: Decimal | None = None  # None: yuan unless the cell says otherwise

    @property
    def letter(self) -> str:
        return get_column_letter(self.index)


@dataclass
class SheetMap:
    kind: str
    sheet: str
    header_row: int
    columns: list[Column] = field(default_factory=list)

    def fields(self) -> dict[str, Column]:
        return {c.field: c for c in self.columns if c.field}


@dataclass
class Mapping:
    sheets: dict[str, SheetMap] = field(default_factory=dict)
    # True: the sheets listed are all there is (no detection of the others by name)
    exclusive: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": 1, "exclusive": self.exclusive, "sheets": {
            kind: {"sheet": m.sheet, "header_row": m.header_row,
                   "columns": {c.letter: c.field for c in m.columns},
                   "headers": {c.letter: c.header for c in m.columns},
                   "units": {c.letter: ("wan" if c.unit == WAN else "yuan")
                             for c in m.columns if c.unit is not None}}
            for kind, m in self.sheets.items()}}

    def save(self, path: str | Path) -> None:
        from ttdesk.core.office.output import write_bytes

        text = json.dumps(self.to_json(), ensure_ascii=False, indent=2)
        write_bytes(path, text.encode("utf-8"), private=False)


def _bad(zh: str, en: str, where: str) -> RuleViolation:
    return RuleViolation("MAPPING", zh, en, field="mapping", where=where)


def load_mapping(path: str | Path) -> Mapping:
    """Read a saved mapping; refuse (located) anything that is not one."""
    where = Path(path).name
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad(f"无法读取映射文件：{exc}", f"cannot read the mapping file: {exc}",
                   where) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(
            doc.get("sheets"), dict):
        raise _bad("不是台账列映射文件", "not a ledger column-mapping file", where)
    out = Mapping(exclusive=bool(doc.get("exclusive", False)))
    for kind, spec in doc["sheets"].items():
        if kind not in SHEET_KINDS:
            raise _bad(f"未知的表类型：{kind}", f"unknown sheet kind: {kind}", where)
        try:
            m = SheetMap(kind, str(spec["sheet"]), int(spec.get("header_row", 1)))
            units = spec.get("units", {})
            headers = spec.get("headers", {})
            for letter, name in spec.get("columns", {}).items():
                if name is not None and name not in FIELD_BY_NAME[kind]:
                    raise _bad(f"{kind} 表没有字段 {name}（列 {letter}）",
                               f"sheet kind {kind} has no field {name} (column {letter})",
                               f"{where}:{kind}!{letter}")
                unit = {"wan": WAN, "yuan": Decimal(1)}.get(units.get(letter, ""))
                m.columns.append(Column(column_index_from_string(letter),
                                        str(headers.get(letter, "")), name, unit))
        except (KeyError, TypeError, ValueError) as exc:
            raise _bad(f"映射文件格式错误：{exc}", f"malformed mapping file: {exc}",
                       f"{where}:{kind}") from None
        m.columns.sort(key=lambda c: c.index)
        out.sheets[kind] = m
    return out
