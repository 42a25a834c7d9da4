"""The annual report's tables (F09) as an Excel workbook, from the same archived snapshot.

Money goes in as numbers with a ¥ number format (so the office can sum them), not as text.
openpyxl is imported only when a workbook is written.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from ttdesk import codes as e
from ttdesk.core.base.spreadsheet import data_row
from ttdesk.core.office.output import atomic_file
from ttdesk.filings.forms.common import Words
from ttdesk.filings.forms.report_forms import summary_text

MONEY_FORMAT = '"¥"#,##0.00'


def _money(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def write_annual_xlsx(snapshot: dict[str, Any], path: str | Path, lang: str = "zh") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    w = Words(lang)
    wb = Workbook()
    bold = Font(bold=True)

    def sheet(title: str, headers: list[str], rows: list[list[Any]],
              money_cols: tuple[int, ...] = ()) -> None:
        ws = wb.create_sheet(title)
        ws.append(headers)
        for cell in ws[1]:
            cell.font = bold
        for row in rows:
            ws.append(data_row(ws, row))
        for col in money_cols:
            for (cell,) in ws.iter_rows(min_row=2, min_col=col + 1, max_col=col + 1):
                cell.number_format = MONEY_FORMAT
        for i, _ in enumerate(headers):
            ws.column_dimensions[chr(ord("A") + i)].width = 22 if i else 28

    wb.remove(wb.active)
    rw, cv, co = snapshot["rewards"], snapshot["conversions"], snapshot["cooperation"]
    sheet(w.tr("总体情况", "Summary"), [w.tr("项目", "Item"), w.tr("数值", "Value")], [
        [w.tr("年度", "Year"), snapshot["year"]],
        [w.tr("披露成果（项）", "Achievements"), snapshot["achievements"]["total"]],
        [w.tr("转化合同（项）", "Conversion contracts"), cv["count"]],
        [w.tr("转化合同金额（元）", "Conversion amount (CNY)"), _money(cv["amount"])],
        [w.tr("合作合同（项）", "Cooperation contracts"), co["count"]],
        [w.tr("合作合同金额（元）", "Cooperation amount (CNY)"), _money(co["amount"])],
        [w.tr("本年到账收入（元）", "Income received (CNY)"),
         _money(snapshot["income"]["total"])],
        [w.tr("批准分配（次）", "Distributions approved"), rw["distributions"]],
        [w.tr("现金奖励（元）", "Cash rewards (CNY)"), _money(rw["cash_rewards"])],
        [w.tr("其中应税部分（元）", "Taxable part (CNY)"), _money(rw["taxable_cash"])],
        [w.tr("股权奖励（次）", "Equity rewards"), rw["equity_distributions"]],
        [w.tr("获奖励人数", "Persons rewarded"), rw["persons"]],
        [w.tr("说明", "Text"), summary_text(w, snapshot)],
    ], money_cols=(1,))
    ach = snapshot["achievements"]
    sheet(w.tr("成果类型与来源", "Achievements"),
          [w.tr("分类", "Group"), w.tr("类别", "Category"), w.tr("数量（项）", "Count")],
          [[w.tr("类型", "Kind"), w.code(e.AchievementKind, m.value),
            ach["by_kind"].get(m.value, 0)] for m in e.AchievementKind]
          + [[w.tr("来源", "Source"), w.code(e.AchievementSource, m.value),
              ach["by_source"].get(m.value, 0)] for m in e.AchievementSource])
    for title, part in ((w.tr("成果转化", "Conversions"), cv),
                        (w.tr("产学研合作", "Cooperation"), co)):
        sheet(title, [w.field("mode"), w.tr("合同数（项）", "Contracts"),
                      w.tr("合同金额（元）", "Amount (CNY)"),
                      w.tr("本年到账（元）", "Received (CNY)")],
              [[w.code(e.DealMode, r["mode"]), r["count"], _money(r["amount"]),
                _money(r["income"])] for r in part["by_mode"]], money_cols=(2, 3))
    sheet(w.tr("收益分配与奖励", "Distribution"),
          [w.tr("项目", "Item"), w.tr("金额（元）", "CNY")], [
        [w.tr("分配净收入", "Net income distributed"), _money(rw["net_income"])],
        [w.tr("现金奖励", "Cash rewards"), _money(rw["cash_rewards"])],
        [w.tr("院系", "Departments"), _money(rw["department"])],
        [w.tr("技术转移机构", "TTO"), _money(rw["tto"])],
        [w.tr("学校", "University"), _money(rw["university"])],
    ], money_cols=(1,))
    sheet(w.tr("转化项目清单", "Projects"),
          [w.field("deal_no"), w.field("title"), w.field("mode"), w.field("counterparty"),
           w.field("price"), w.field("signing_date"), w.field("registration_no")],
          [[p["deal_no"], p["title"], w.code(e.DealMode, p["mode"]), p.get("counterparty"),
            _money(p.get("price")), p.get("signing_date"), p.get("registration_no")]
           for p in snapshot["projects"]], money_cols=(4,))
    out = Path(path)
    with atomic_file(out) as temp:
        wb.save(temp)
    return out
