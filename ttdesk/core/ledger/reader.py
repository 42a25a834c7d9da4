"""Opening a ledger workbook and finding its sheets, header rows and columns.

Read-only mode throughout (a 100,000-row ledger streams instead of loading whole). In that
mode merged cells read as empty except their top-left cell, so a header is composed from two
rows: a blank header cell takes the cell above it (merged vertically), and a group heading
spanning several columns above (合同信息 → 金额 / 日期) is tried as a prefix of the sub-heading.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ttdesk.core.base.errors import Problem
from ttdesk.core.ledger.catalog import (
    ACHIEVEMENTS,
    FIELD_BY_NAME,
    REQUIRED,
    SHEET_KINDS,
    SHEET_LABELS,
    recognise,
    sheet_kind,
)
from ttdesk.core.ledger.cells import is_blank
from ttdesk.core.ledger.mapping import Column, Mapping, SheetMap

HEADER_SCAN = 12
# An xlsx is a zip: a few hundred KB can unpack to gigabytes (a "zip bomb"). A 100,000-row
# ledger unpacks to about 100 MB; more than this is refused before openpyxl reads a byte.
# The declared sizes are also the streaming guard: Python's zipfile never yields more than
# an entry's declared size (it stops there and the CRC check fails), so a file that lies
# about them is refused as damaged instead of filling the memory.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024


class LedgerFileError(Exception):
    """The file cannot be read as a ledger at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.en)
        self.problem = problem


def _file_problem(path: Path, zh: str, en: str) -> LedgerFileError:
    return LedgerFileError(Problem("LEDGER", zh, en, "file", path.name))


def open_workbook(path: str | Path) -> Any:
    """The workbook in read-only mode, or LedgerFileError saying why it cannot be read."""
    import openpyxl  # lazily: only the ledger commands need it

    path = Path(path)
    if not path.is_file():
        raise _file_problem(path, f"找不到文件：{path}", f"file not found: {path}")
    with path.open("rb") as fh:
        head = fh.read(8)
    if not head:
        raise _file_problem(path, "文件为空（0 字节），不是 Excel 工作簿",
                            "the file is empty (0 bytes), not an Excel workbook")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _file_problem(path, "这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入",
                            "this is an old .xls file: save it as .xlsx in Excel, then import")
    if not head.startswith(b"PK"):
        raise _file_problem(path, "文件不是 Excel 工作簿（.xlsx）", "the file is not an Excel "
                            "workbook (.xlsx)")
    _check_unpacked_size(path)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise _file_problem(path, f"无法读取 Excel 工作簿：{exc}",
                            f"cannot read the Excel workbook: {exc}") from None
    except Exception as exc:  # openpyxl's InvalidFileException and friends
        raise _file_problem(path, f"无法读取 Excel 工作簿：{exc}",
                            f"cannot read the Excel workbook: {exc}") from None


def _check_unpacked_size(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            total = sum(max(0, i.file_size) for i in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _file_problem(path, f"无法读取 Excel 工作簿：{exc}",
                            f"cannot read the Excel workbook: {exc}") from None
    if total > MAX_UNPACKED_BYTES:
        mb, cap = total // 2**20, MAX_UNPACKED_BYTES // 2**20
        raise _file_problem(path, f"工作簿解压后有 {mb} MB，超过台账允许的 {cap} MB"
                            "（可能是恶意文件）",
                            f"the workbook unpacks to {mb} MB, more than the {cap} MB a ledger "
                            "may take (it may be a malicious file)")


def _head_rows(ws: Any, upto: int = HEADER_SCAN) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in ws.iter_rows(max_row=max(upto, HEADER_SCAN), values_only=True)]


def _header_columns(kind: str, rows: list[tuple[Any, ...]], r: int) -> list[Column]:
    own = rows[r]
    prev = rows[r - 1] if r > 0 else ()
    width = max(len(own), len(prev))
    group: list[Any] = []
    last = None
    for c in range(width):
        cell = prev[c] if c < len(prev) else None
        if not is_blank(cell):
            last = cell
        group.append(last)
    out: list[Column] = []
    taken: set[str] = set()
    for c in range(width):
        cell = own[c] if c < len(own) else None
        above = prev[c] if c < len(prev) else None
        tries: list[Any] = []
        if not is_blank(cell):
            tries.append(cell)
            if group[c] is not None and not is_blank(group[c]):
                tries.append(f"{group[c]}{cell}")
        elif not is_blank(above):
            tries.append(above)
        name, unit, shown = None, None, str(tries[0]) if tries else ""
        for t in tries:
            name, unit = recognise(kind, t)
            if name:
                if t is not tries[0]:
                    shown = f"{group[c]} / {cell}"
                break
        if name in taken:
            name = None
        if name:
            taken.add(name)
        if shown or name:
            out.append(Column(c + 1, " ".join(shown.split()), name, unit))
    return out


def detect_header(kind: str, rows: list[tuple[Any, ...]]) -> tuple[int, list[Column]] | None:
    """(1-based header row, columns) with the most recognised fields, if any row has the
    sheet kind's required fields."""
    best: tuple[int, int, list[Column]] | None = None
    for r in range(len(rows)):
        cols = _header_columns(kind, rows, r)
        names = {c.field for c in cols if c.field}
        if not set(REQUIRED[kind]) <= names:
            continue
        if best is None or len(names) > best[0]:
            best = (len(names), r + 1, cols)
    return None if best is None else (best[1], best[2])


@dataclass
class Layout:
    """Where every sheet kind lives in one workbook."""

    mapping: Mapping
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    sheet_names: list[str] = field(default_factory=list)


def _label(kind: str) -> str:
    zh, en = SHEET_LABELS[kind]
    return f"{zh} / {en}"


Hints = dict[str, tuple[str | None, int | None]]


def _take_given(layout: Layout, kind: str, m: SheetMap, names: list[str]) -> None:
    """A sheet the saved mapping names: taken when the workbook has it, else a problem."""
    if m.sheet in names:
        layout.mapping.sheets[kind] = m
        return
    layout.problems.append(Problem(
        "LEDGER", f"映射指定的工作表“{m.sheet}”不存在（现有：{'、'.join(names)}）",
        f"the mapping's sheet {m.sheet!r} is not in the workbook (it has: "
        f"{', '.join(names)})", "sheet", m.sheet))


def _no_header(kind: str, name: str) -> Problem:
    zh_req = "、".join(FIELD_BY_NAME[kind][f].zh for f in REQUIRED[kind])
    en_req = ", ".join(FIELD_BY_NAME[kind][f].en for f in REQUIRED[kind])
    return Problem(
        "LEDGER", f"工作表“{name}”（{_label(kind)}）前 {HEADER_SCAN} 行中找不到表头"
        f"（至少需要：{zh_req}）", f"sheet {name!r} ({_label(kind)}): no header row in "
        f"the first {HEADER_SCAN} rows (needs at least: {en_req})",
        "header", f"{name}!1")


def find_layout(wb: Any, given: Mapping | None = None, hints: Hints | None = None) -> Layout:
    """Detect each sheet kind's sheet, header row and columns. A given mapping wins; `hints`
    (kind → (sheet or None for "no such sheet", header row or None to detect)) are what the
    user chose in the wizard."""
    names = list(wb.sheetnames)
    layout = Layout(Mapping(exclusive=bool(given and given.exclusive)), sheet_names=names)
    given = given or Mapping()
    by_name: dict[str, str] = {}
    for name in names:
        kind = sheet_kind(name)
        if kind and kind not in by_name:
            by_name[kind] = name
    heads: dict[str, list[tuple[Any, ...]]] = {}
    missing_reported = ACHIEVEMENTS in given.sheets

    def head(name: str, upto: int = HEADER_SCAN) -> list[tuple[Any, ...]]:
        if name not in heads or len(heads[name]) < upto <= (wb[name].max_row or upto):
            heads[name] = _head_rows(wb[name], upto)
        return heads[name]

    hints = hints or {}
    for kind in SHEET_KINDS:
        if kind in hints and kind not in given.sheets:
            sheet, row = hints[kind]
            if sheet is None or sheet not in names:
                continue
            if row is not None:
                rows = head(sheet, row)
                cols = _header_columns(kind, rows, row - 1) if row <= len(rows) else []
                layout.mapping.sheets[kind] = SheetMap(kind, sheet, row, cols)
                continue
            by_name[kind] = sheet
        if kind in given.sheets:
            _take_given(layout, kind, given.sheets[kind], names)
            continue
        if given.exclusive:
            continue
        name = by_name.get(kind)
        if name is None and kind == ACHIEVEMENTS:
            name = _achievements_by_content(layout, names, set(by_name.values()), head)
        if name is None:
            continue
        found = detect_header(kind, head(name))
        if found is None:
            missing_reported = missing_reported or kind == ACHIEVEMENTS
            layout.problems.append(_no_header(kind, name))
            continue
        row, cols = found
        layout.mapping.sheets[kind] = SheetMap(kind, name, row, cols)
    if ACHIEVEMENTS not in layout.mapping.sheets and not missing_reported:
        layout.problems.append(Problem(
            "LEDGER", f"找不到成果表：工作表名应为“成果”“科技成果”“成果台账”等，或表头含“成果名称”"
            f"（现有工作表：{'、'.join(names)}）",
            f"no achievements sheet: name it 成果 / Achievements (or give it a 成果名称 / Title "
            f"header); the workbook has: {', '.join(names)}", "sheet", names[0] if names else ""))
    return layout


def _achievements_by_content(layout: Layout, names: list[str], claimed: set[str],
                             head: Any) -> str | None:
    scored = []
    for name in names:
        if name in claimed:
            continue
        found = detect_header(ACHIEVEMENTS, head(name))
        if found and sum(1 for c in found[1] if c.field) >= 3:
            scored.append((sum(1 for c in found[1] if c.field), name))
    if not scored:
        return None
    name = max(scored)[1]
    layout.notes.append(Problem(
        "LEDGER", f"工作表“{name}”按表头识别为成果表", f"sheet {name!r} taken as the "
        "achievements sheet from its headers", "sheet", name))
    return name


def data_rows(wb: Any, m: SheetMap) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(1-based row number, values) of every row below the header."""
    ws = wb[m.sheet]
    yield from enumerate(ws.iter_rows(min_row=m.header_row + 1, values_only=True),
                         start=m.header_row + 1)


def sheet_rows_estimate(wb: Any, m: SheetMap) -> int:
    try:
        return max(0, int(wb[m.sheet].max_row or 0) - m.header_row)
    except (TypeError, ValueError):
        return 0
