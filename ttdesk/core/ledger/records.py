"""Rows of each sheet turned into plain records, every unreadable cell a located Problem.

Nothing here looks at the database: `plan` resolves the records against it afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from ttdesk import codes as E
from ttdesk.core.base import labels
from ttdesk.core.base.errors import Problem
from ttdesk.core.ledger import cells
from ttdesk.core.ledger.catalog import (
    BOOL,
    DATE,
    FIELD_BY_NAME,
    INT,
    MONEY,
    NAMES,
    PCT,
)
from ttdesk.core.ledger.mapping import SheetMap

E_ = TypeVar("E_", bound=StrEnum)

_EXTRA: dict[type[StrEnum], dict[str, StrEnum]] = {
    E.AchievementKind: {
        "发明": E.AchievementKind.INVENTION_PATENT, "专利": E.AchievementKind.INVENTION_PATENT,
        "发明专利申请": E.AchievementKind.INVENTION_PATENT,
        "实用新型专利": E.AchievementKind.UTILITY_MODEL,
        "外观设计专利": E.AchievementKind.DESIGN, "软著": E.AchievementKind.SOFTWARE_COPYRIGHT,
        "软件": E.AchievementKind.SOFTWARE_COPYRIGHT,
        "计算机软件著作权": E.AchievementKind.SOFTWARE_COPYRIGHT,
        "集成电路布图": E.AchievementKind.IC_LAYOUT, "专有技术": E.AchievementKind.TECHNICAL_SECRET,
        "技术诀窍": E.AchievementKind.TECHNICAL_SECRET,
    },
    E.DealMode: {
        "许可": E.DealMode.LICENSE_NONEXCLUSIVE, "技术许可": E.DealMode.LICENSE_NONEXCLUSIVE,
        "专利许可": E.DealMode.LICENSE_NONEXCLUSIVE, "独占": E.DealMode.LICENSE_EXCLUSIVE,
        "排他": E.DealMode.LICENSE_SOLE, "技术转让": E.DealMode.TRANSFER,
        "专利转让": E.DealMode.TRANSFER, "作价入股": E.DealMode.EQUITY,
        "入股": E.DealMode.EQUITY, "股权投资": E.DealMode.EQUITY, "合作": E.DealMode.JOINT,
        "开发": E.DealMode.DEVELOPMENT, "咨询": E.DealMode.CONSULTING,
        "服务": E.DealMode.SERVICE, "license": E.DealMode.LICENSE_NONEXCLUSIVE,
    },
    E.DealStatus: {
        "已签订": E.DealStatus.SIGNED, "签约": E.DealStatus.SIGNED,
        "履行中": E.DealStatus.PERFORMING, "执行中": E.DealStatus.PERFORMING,
        "终止": E.DealStatus.TERMINATED, "完成": E.DealStatus.COMPLETED,
        "已结束": E.DealStatus.COMPLETED,
    },
    E.AchievementStatus: {
        "未转化": E.AchievementStatus.DISCLOSED, "待转化": E.AchievementStatus.MARKETING,
        "已签约": E.AchievementStatus.CONVERTED, "已转让": E.AchievementStatus.CONVERTED,
        "已许可": E.AchievementStatus.CONVERTED, "已作价投资": E.AchievementStatus.CONVERTED,
        "转化完成": E.AchievementStatus.CONVERTED, "放弃": E.AchievementStatus.RELEASED,
    },
    E.Secrecy: {"公开": E.Secrecy.NONE, "非密": E.Secrecy.NONE, "无": E.Secrecy.NONE,
                "秘密": E.Secrecy.SECRET_OR_SECURITY, "机密": E.Secrecy.SECRET_OR_SECURITY,
                "涉密": E.Secrecy.SECRET_OR_SECURITY},
    E.ResearchStage: {"研究阶段": E.ResearchStage.RESEARCH,
                      "开发阶段": E.ResearchStage.DEVELOPMENT},
    E.Region: {"北京": E.Region.BEIJING, "北京市": E.Region.BEIJING, "天津": E.Region.TIANJIN,
               "天津市": E.Region.TIANJIN, "河北": E.Region.HEBEI, "河北省": E.Region.HEBEI,
               "境外": E.Region.ABROAD, "国外": E.Region.ABROAD},
}


_FOUND: dict[tuple[type[StrEnum], str], StrEnum] = {}


def enum_cell(enum_cls: type[E_], value: str) -> E_:
    """A code from its code name, its label, or a common ledger wording; CellError if none.
    (A ledger repeats a handful of wordings thousands of times: found ones are remembered.)"""
    found = _FOUND.get((enum_cls, value))
    if found is None:
        found = _FOUND[(enum_cls, value)] = _enum_cell(enum_cls, value)
    return found  # type: ignore[return-value]


def _enum_cell(enum_cls: type[E_], value: str) -> E_:
    key = cells.norm(value)
    extra = _EXTRA.get(enum_cls, {}).get(key) or _EXTRA.get(enum_cls, {}).get(key.casefold())
    if extra is not None:
        return extra  # type: ignore[return-value]
    try:
        return labels.parse(enum_cls, key)
    except ValueError:
        valid = "、".join(zh for _code, zh in labels.choices(enum_cls, "zh"))
        valid_en = ", ".join(code for code, _ in labels.choices(enum_cls, "en"))
        raise cells.CellError(f"无法识别的取值“{value}”（可选：{valid}）",
                              f"unknown value {value!r} (one of: {valid_en})") from None


_PARSERS: dict[str, Callable[[Any], Any]] = {
    DATE: cells.parse_date, PCT: cells.parse_pct, NAMES: cells.parse_names,
    INT: cells.parse_int, BOOL: cells.parse_bool,
}


_NO_BAD: frozenset[str] = frozenset()
EXCEL_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                          "#GETTING_DATA", "#SPILL!", "#CALC!"})


@dataclass(slots=True)
class Cells:
    """One row's parsed values by field; `letters` (shared by the sheet's rows) says which
    column each field is in, so a cell's place is computed only when a message needs it."""

    sheet: str
    row: int
    values: dict[str, Any]
    letters: dict[str, str]
    bad: frozenset[str] = _NO_BAD  # fields whose cell could not be read (reported)

    def at(self, name: str | None = None) -> str:
        if name and name in self.letters:
            return f"{self.sheet}!{self.letters[name]}{self.row}"
        return f"{self.sheet}!{self.row}"

    def get(self, name: str) -> Any:
        return self.values.get(name)


class RowReader:
    """Parses the mapped cells of one sheet's rows; collects a Problem per bad cell."""

    def __init__(self, m: SheetMap, problems: list[Problem]) -> None:
        self.m = m
        self.problems = problems
        fields = FIELD_BY_NAME[m.kind]
        self.cols = [(c.index - 1, c.letter, fields[c.field], c.unit) for c in m.columns
                     if c.field]
        self.letters = {f.name: letter for _i, letter, f, _u in self.cols}

    def read(self, row: int, values: tuple[Any, ...]) -> Cells | None:
        """None for a blank or total row."""
        if not any(v is not None and (v.__class__ is not str or v.strip()) for v in values) \
                or cells.is_total_row(values[:6]):
            return None
        out: dict[str, Any] = {}
        bad: set[str] | None = None
        width = len(values)
        for idx, letter, f, unit in self.cols:
            raw = values[idx] if idx < width else None
            if raw is None or (raw.__class__ is str and not raw.strip()):
                continue
            if raw.__class__ is str and raw in EXCEL_ERRORS:
                self.problems.append(Problem(
                    "LEDGER", f"单元格是 Excel 错误值 {raw}（公式出错），请在 Excel 中更正",
                    f"the cell holds the Excel error {raw} (a failed formula): correct it in "
                    "Excel", f.name, f"{self.m.sheet}!{letter}{row}"))
                bad = bad or set()
                bad.add(f.name)
                continue
            try:
                if f.kind == MONEY:
                    out[f.name] = cells.parse_amount(raw, unit or Decimal(1))
                elif f.kind in _PARSERS:
                    out[f.name] = _PARSERS[f.kind](raw)
                else:
                    out[f.name] = cells.text(raw)
            except cells.CellError as exc:
                self.problems.append(Problem(exc.rule, exc.zh, exc.en, f.name,
                                             f"{self.m.sheet}!{letter}{row}"))
                bad = bad or set()
                bad.add(f.name)
        if not out and not bad:
            return None
        return Cells(self.m.sheet, row, out, self.letters, frozenset(bad) if bad else _NO_BAD)


def read_rows(m: SheetMap, rows: Iterable[tuple[int, tuple[Any, ...]]],
              problems: list[Problem], tick: Callable[[], None] | None = None) -> list[Cells]:
    reader = RowReader(m, problems)
    out = []
    try:
        for n, values in rows:
            got = reader.read(n, values)
            if got is not None:
                out.append(got)
            if tick is not None and n % 500 == 0:
                tick()
    finally:
        close = getattr(rows, "close", None)
        if close is not None:  # a cancelled read: let openpyxl close the sheet's stream now
            close()
    return out


def enum_field(c: Cells, name: str, enum_cls: type[E_], problems: list[Problem]) -> E_ | None:
    value = c.get(name)
    if value is None:
        return None
    try:
        return enum_cell(enum_cls, str(value))
    except cells.CellError as exc:
        problems.append(Problem("LEDGER", exc.zh, exc.en, name, c.at(name)))
        return None


@dataclass
class Person:
    name: str
    share: Decimal | None
    staff_no: str | None = None
    department: str | None = None
    role: E.ContributorRole | None = None
    where: str = ""


@dataclass
class Case:
    cells: Cells
    case_no: str | None
    title: str | None
    disclosure_date: date | None
    people: list[Person] = field(default_factory=list)
    people_from_sheet: bool = False

    @property
    def where(self) -> str:
        return self.cells.at()
