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


def _blocks_rows(w: Words, snap: dict[str, Any]) -> list[list[Any]]:
    """The blocks of domain.md §6 as item / value rows (the same figures as the PDF)."""
    sec, co, tto, rw = snap["secret"], snap["companies"], snap["tto"], snap["rewards"]
    rows: list[list[Any]] = [
        [w.tr("涉密成果（项，单列）", "Secret achievements (apart)"), sec["achievements"]],
        [w.tr("涉密合同（项，单列）", "Secret contracts (apart)"), sec["contracts"]],
        [w.tr("签订后终止的合同（项）", "Contracts terminated after signing"),
         snap.get("terminated", 0)],
    ]
    rows += [[w.code(e.EmploymentStatus, k), v] for k, v in snap["staff"].items()]
    rows += [[w.tr("现金奖励人数", "Persons rewarded in cash"), rw.get("cash_persons", 0)],
             [w.tr("股权奖励人数", "Persons rewarded in equity"), rw.get("equity_persons", 0)],
             [w.tr("本年新创办衍生企业（家）", "Spin-offs founded"), len(co["founded"])],
             [w.tr("衍生企业累计（家）", "Spin-offs in all"), co["spinoffs_total"]],
             [w.tr("学校持股企业（家）", "Companies held"), co["held"]],
             [w.tr("持股认缴出资（元）", "Capital subscribed (CNY)"),
              _money(co["held_capital"])]]
    rows += [[w.code(e.UserRole, k), v] for k, v in tto["users"].items()]
    rows += [[w.tr("技术经理人", "Technology managers"), tto["tech_managers_total"]]]
    return rows


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
           w.field("price"), w.field("signing_date"), w.field("registration_no"),
           w.field("contract_amount"), w.field("tech_amount"), w.field("status")],
          [[p["deal_no"], p["title"], w.code(e.DealMode, p["mode"]), p.get("counterparty"),
            _money(p.get("price")), p.get("signing_date"), p.get("registration_no"),
            _money(p.get("contract_amount")), _money(p.get("tech_amount")),
            w.code(e.DealStatus, p.get("status"))]
           for p in snapshot["projects"]], money_cols=(4, 7, 8))
    if "staff" in snapshot:
        sheet(w.tr("创新创业与机构", "Staff and companies"),
              [w.tr("项目", "Item"), w.tr("数值", "Value")], _blocks_rows(w, snapshot))
    out = Path(path)
    with atomic_file(out) as temp:
        wb.save(temp)
    return out
