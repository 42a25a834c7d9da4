"""The matchmaking ledger in Excel: a park's list of enterprise demands read in (the ledger's
own reader and its located problems, "需求!7 提出日期: …"), and the supply list written out
per park or field.

A park's list is one sheet whose header (in the first rows) has at least a 需求 column; the
other columns are found by their usual names (企业名称, 统一社会信用代码, 技术领域, 提出日期,
需求来源, 备注). A company not yet registered is registered from its name and credit code.
Everything is checked first; one bad row refuses the whole list and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ttdesk.codes import DemandSource
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import Problem, ValidationFailed
from ttdesk.core.base.labels import field_label
from ttdesk.core.base.spreadsheet import finish_sheet, start_sheet, typed_cell
from ttdesk.core.ledger import cells
from ttdesk.core.ledger.catalog import DEMANDS
from ttdesk.core.ledger.mapping import SheetMap
from ttdesk.core.ledger.reader import (
    HEADER_SCAN,
    LedgerFileError,
    data_rows,
    detect_header,
    open_workbook,
)
from ttdesk.core.market.demands import DemandIn, add_demands
from ttdesk.core.office.output import atomic_file, check_output
from ttdesk.core.views import market as views

# what a park's list may write in its 来源 column
_SOURCE_WORDS = {
    "园区": DemandSource.PARK_LIST, "园区清单": DemandSource.PARK_LIST,
    "揭榜挂帅": DemandSource.ENTERPRISE_CHALLENGE, "揭榜": DemandSource.ENTERPRISE_CHALLENGE,
    "对接会": DemandSource.FAIR, "交易会": DemandSource.FAIR, "展会": DemandSource.FAIR,
    "走访": DemandSource.VISIT, "其他": DemandSource.OTHER,
}


@dataclass(frozen=True)
class DemandImport:
    path: Path
    sheet: str
    ids: list[int]


def _sheet(wb: Any) -> SheetMap:
    for name in wb.sheetnames:
        rows = [tuple(r) for r in wb[name].iter_rows(max_row=HEADER_SCAN, values_only=True)]
        found = detect_header(DEMANDS, rows)
        if found is not None:
            return SheetMap(DEMANDS, name, found[0], found[1])
    raise ValidationFailed([Problem(
        "LEDGER", f"找不到需求表：前 {HEADER_SCAN} 行中没有“需求内容”（或“技术需求”“需求”）列",
        f"no demand sheet: no 需求 / Need column in the first {HEADER_SCAN} rows",
        "header", f"{wb.sheetnames[0]}!1" if wb.sheetnames else None)])


def _source(value: object) -> DemandSource:
    raw = cells.text(value)
    if raw is None:
        return DemandSource.PARK_LIST
    if raw in _SOURCE_WORDS:
        return _SOURCE_WORDS[raw]
    try:
        return DemandSource(raw)
    except ValueError:
        raise cells.CellError(
            f"无法识别的需求来源：“{raw}”（可写：园区清单、揭榜挂帅、对接会、走访、其他）",
            f"unknown source {raw!r} (write park_list, enterprise_challenge, fair, visit or "
            "other)", "INPUT") from None


def _row(values: tuple[Any, ...], cols: dict[str, int], park: str,
         default_day: date) -> DemandIn:
    def cell(name: str) -> Any:
        i = cols.get(name)
        return values[i - 1] if i is not None and i - 1 < len(values) else None

    raised = cell("raised_on")
    try:
        day = default_day if cells.is_blank(raised) else cells.parse_date(raised)
    except cells.CellError as exc:
        exc.field = "raised_on"  # type: ignore[attr-defined]
        raise
    try:
        source = _source(cell("source"))
    except cells.CellError as exc:
        exc.field = "source"  # type: ignore[attr-defined]
        raise
    return DemandIn(
        need=cells.text(cell("need")) or "", raised_on=day,
        source=source, credit_code=cells.text(cell("credit_code")),
        company_name=cells.text(cell("company")), field=cells.text(cell("field")),
        park=park, note=cells.text(cell("note")))


Located = list[tuple[str, DemandIn]]


def read_park_demands(path: str | Path, park: str,
                      today: date) -> tuple[str, Located, list[Problem]]:
    """(sheet, [(where, demand)], problems) of a park's list: a cell that cannot be read is
    a located problem, its row left out."""
    try:
        wb = open_workbook(path)
    except LedgerFileError as exc:
        raise ValidationFailed([exc.problem]) from None
    try:
        m = _sheet(wb)
        cols = {c.field: c.index for c in m.columns if c.field}
        items: list[tuple[str, DemandIn]] = []
        problems: list[Problem] = []
        for n, values in data_rows(wb, m):
            if all(cells.is_blank(v) for v in values) or cells.is_total_row(values):
                continue
            where = f"{m.sheet}!{n}"
            try:
                items.append((where, _row(values, cols, park, today)))
            except cells.CellError as exc:
                problems.append(Problem(exc.rule, exc.zh, exc.en, getattr(exc, "field", None),
                                        where))
        return m.sheet, items, problems
    finally:
        wb.close()


def import_park_demands(ctx: AppContext, path: str | Path, park: str) -> DemandImport:
    """Read a park's demand list and record every demand in one unit of work."""
    park = (park or "").strip()
    if not park:
        raise ValidationFailed([Problem("INPUT", "请填写园区名称", "the park is required",
                                        "park")])
    sheet, items, problems = read_park_demands(path, park, ctx.today())
    return DemandImport(Path(path), sheet, add_demands(ctx, items, problems))


# ---- the supply list out ------------------------------------------------------------------
SUPPLY_COLUMNS = ("case_no", "title", "field", "department", "public_summary", "park",
                  "listed_on")


def supply_rows(ctx: AppContext, park: str | None = None,
                field: str | None = None) -> list[views.SupplyRow]:
    """What is on the promotion list now, for a park (and the entries for every park) and a
    field, by case number."""
    f = views.SupplyFilter(park=park or None, field=field or None, current=True,
                           sort=views.SupplySort.CASE_NO, descending=False)
    return views.SUPPLY.page(ctx, f)


def _value(row: views.SupplyRow, name: str, lang: str) -> Any:
    if name == "park":
        return row.park or ("全部园区" if lang == "zh" else "all parks")
    return getattr(row, name)


def export_supply_xlsx(ctx: AppContext, path: str | Path, *, park: str | None = None,
                       field: str | None = None, force: bool = False) -> tuple[Path, int]:
    """The supply list as a workbook (formula-like text kept as text); returns (path, rows)."""
    import openpyxl

    rows = supply_rows(ctx, park, field)
    target = check_output(path, db=ctx.db, force=force)
    lang = ctx.lang
    headings = [field_label(c, lang) for c in SUPPLY_COLUMNS]
    book = openpyxl.Workbook(write_only=True)
    title = "推广清单" if lang == "zh" else "Supply list"
    ws = start_sheet(book, title, headings, [16, 40, 14, 22, 60, 16, 12])
    for r in rows:
        ws.append([typed_cell(ws, _value(r, c, lang)) for c in SUPPLY_COLUMNS])
    finish_sheet(ws, len(SUPPLY_COLUMNS), len(rows))
    with atomic_file(target) as temp:
        book.save(temp)
    return target, len(rows)


def supply_title(park: str | None, field: str | None, lang: str = "zh") -> str:
    """"中关村科学城 · 新能源 科技成果推广清单" (the PDF's and the sheet's heading)."""
    scope = " · ".join(x for x in (park, field) if x)
    if lang == "zh":
        return f"{scope} 科技成果推广清单".strip()
    return f"Supply list of achievements{' — ' + scope if scope else ''}"

