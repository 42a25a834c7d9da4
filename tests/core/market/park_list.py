"""A park's demand list as parks send them: a title row above the header, a merged-looking
blank, Chinese headings, dates in several spellings, a total row at the end."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any


def write_park_list(path: Path, rows: list[list[Any]]) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "需求"
    ws.append(["中关村科学城 2026 年第二批企业技术需求清单"])
    ws.append(["序号", "企业名称", "统一社会信用代码", "技术需求", "技术领域", "发布日期",
               "需求来源", "备注"])
    for i, r in enumerate(rows, start=1):
        ws.append([i, *r])
    ws.append(["合计", f"{len(rows)} 项"])
    wb.save(path)
    return path


def good_rows(credit_codes: list[str]) -> list[list[Any]]:
    return [
        ["北京储能科技有限公司", credit_codes[0], "寻求高安全固态电池电解质技术", "新能源",
         date(2026, 5, 12), "园区清单", "联系人 王经理"],
        ["北京芯视微电子有限公司", credit_codes[1], "车规级图像传感器低噪声读出电路", "集成电路",
         "2026年5月20日", "揭榜挂帅", None],
    ]
