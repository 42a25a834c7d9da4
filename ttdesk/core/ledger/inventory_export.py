"""The patent inventory of the revitalisation campaign (存量专利盘活台账) as an Excel sheet,
plus a sheet of the annuity cost per college; data cells through the spreadsheet guard."""

from __future__ import annotations

from pathlib import Path

from ttdesk.core.base.context import AppContext
from ttdesk.core.base.labels import label
from ttdesk.core.base.spreadsheet import finish_sheet, start_sheet, typed_cell
from ttdesk.core.office.output import atomic_file, check_output
from ttdesk.core.views.revitalisation import cost_by_college, first_forecast_year, inventory

HEADINGS = ["申请号", "类型", "成果编号", "成果名称", "院系", "申请日", "授权日", "评级",
            "处置决定", "评估人", "评估日期", "下次年费到期", "应缴年费（减缴后）", "未缴失效日"]


def export_inventory(ctx: AppContext, target: str | Path, force: bool = False) -> int:
    """Write the inventory; returns the number of patents listed."""
    import openpyxl

    path = check_output(target, db=ctx.db, force=force)
    rows = inventory(ctx)
    book = openpyxl.Workbook(write_only=True)
    ws = start_sheet(book, "存量专利", HEADINGS, [16, 10, 14, 36, 18, 12, 12, 12, 12, 10, 12,
                                              14, 16, 12])
    for r in rows:
        ws.append([typed_cell(ws, v) for v in [
                      r.application_no, label(r.kind), r.case_no, r.title, r.department,
                      r.filing_date, r.grant_date, label(r.grade) if r.grade else "",
                      label(r.decision) if r.decision else "", r.reviewer or "",
                      r.reviewed_on, r.next_due, r.next_payable, r.lapse_date]])
    finish_sheet(ws, len(HEADINGS), len(rows))
    year = first_forecast_year(ctx.today())
    costs = cost_by_college(rows, year)
    years = list(range(year, year + 3))
    ws2 = start_sheet(book, "年费预测", ["院系", "专利数", *[f"{y} 年" for y in years], "合计"],
                      [20, 10, 14, 14, 14, 14])
    for c in costs:
        ws2.append([typed_cell(ws2, v) for v in
                    [c.department, c.patents, *[c.by_year[y] for y in years], c.total]])
    finish_sheet(ws2, len(years) + 3, len(costs))
    with atomic_file(path) as temp:
        book.save(temp)
    return len(rows)


