"""One module per group of forms; `document(snapshot, lang)` picks the form by its code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ttdesk.filings.blocks import Document
from ttdesk.filings.forms import case_forms, deal_forms, licence_forms, report_forms

FORMS: dict[str, Callable[[dict[str, Any], str], Document]] = {
    "F01": case_forms.f01,
    "F02": case_forms.f02,
    "F03": deal_forms.f03,
    "F04": deal_forms.f04,
    "F05": case_forms.f05,
    "F06": deal_forms.f06,
    "F07": deal_forms.f07,
    "F08": report_forms.f08,
    "F09": report_forms.f09,
    "F10": licence_forms.f10,  # open-licence offer (law2, domain.md §6)
}

TITLES = {
    "F01": ("职务科技成果披露表", "Disclosure of a job-related achievement"),
    "F02": ("职务科技成果赋权申请审批表", "Rights grant application and approval"),
    "F03": ("公示及公示结果报告", "Publicity notice and closing report"),
    "F04": ("科技成果转化审批表", "Conversion approval form"),
    "F05": ("职务科技成果单列管理登记表", "Separate-management registration"),
    "F06": ("作价投资及国有股权登记表", "Equity investment and state-owned equity registration"),
    "F07": ("科技成果转化收益分配审批表", "Income distribution approval"),
    "F08": ("职务科技成果单列管理台账", "Separate-management ledger"),
    "F09": ("年度科技成果转化报告", "Annual report"),
    "F10": ("专利开放许可声明", "Open licence offer"),
}


def document(snapshot: dict[str, Any], lang: str = "zh") -> Document:
    return FORMS[snapshot["form"]](snapshot, lang)
