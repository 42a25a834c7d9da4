"""Long content flows onto further pages: very long titles, 50 contributors, 50 recipients,
a long abstract; no two characters overlap, nothing leaves the printable area or is lost."""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import date
from decimal import Decimal

import pdfplumber
from sqlalchemy import select

from tests.builders import (
    full_checklist,
    make_achievement,
    make_company,
    make_deal,
    make_department,
    make_distribution,
    make_person,
)
from tests.filings.pdftext import missing_values
from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.records import filing_archive
from ttdesk.db import models as M
from ttdesk.filings import forms
from ttdesk.filings.pdf import MARGIN_X
from ttdesk.filings.service import generate

LONG_TITLE = ("基于多模态大模型与知识图谱融合的脑胶质瘤靶向药物智能筛选、"
              "三维打印颅骨植入物个性化设计及心理健康数字疗法协同平台"
              "关键技术研究与产业化应用示范") * 2  # about 150 characters


def _overlaps(chars: list[dict]) -> list[tuple[str, str]]:
    """Pairs of characters whose boxes overlap by more than a quarter of the smaller one."""
    buckets: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for c in chars:
        if c["text"].strip():
            buckets[(int(c["top"] // 10), int(c["x0"] // 40))].append(c)
    found = []
    for (row, col), members in buckets.items():
        near = [o for dr in (-1, 0, 1) for dc in (-1, 0, 1)
                for o in buckets.get((row + dr, col + dc), [])]
        for a in members:
            for b in near:
                if a is b or id(a) > id(b):
                    continue
                w = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                if w > 0 and h > 0:
                    smaller = min((a["x1"] - a["x0"]) * (a["bottom"] - a["top"]),
                                  (b["x1"] - b["x0"]) * (b["bottom"] - b["top"]))
                    if w * h > 0.25 * smaller:
                        found.append((a["text"], b["text"]))
    return found


def _check_pages(pdf: bytes) -> int:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            chars = page.chars
            assert chars
            assert _overlaps(chars) == [], f"page {page.page_number}"
            outside = [c["text"] for c in chars
                       if c["x0"] < MARGIN_X - 1 or c["x1"] > page.width - MARGIN_X + 1
                       or c["top"] < 0 or c["bottom"] > page.height]
            assert outside == [], f"page {page.page_number}"
        return len(doc.pages)


def _institution(ctx: AppContext) -> None:
    with ctx.write() as s:
        s.add(M.Institution(name="京华理工大学", tto_name="技术转移中心", address="北京市海淀区"))


def test_fifty_contributors_and_a_long_title_flow_over_pages(ctx: AppContext) -> None:
    _institution(ctx)
    dept = make_department(ctx, name="智能医学工程与脑机接口交叉研究院（筹）附属临床转化中心")
    people = [make_person(ctx, dept, name=f"欧阳{i:02d}号研究员") for i in range(50)]
    shares = ["2"] * 50
    case = make_achievement(ctx, contributors=list(zip(people, shares, strict=True)),
                            title=LONG_TITLE, department_id=dept.id, no_funding=True,
                            abstract="本发明公开了一种" + "多模态数据融合与靶点预测方法，" * 200)
    gen = generate(ctx, "F01", case.case_no)
    doc = forms.document(filing_archive.snapshot(ctx, gen.record.id), "zh")
    assert missing_values(doc, gen.content) == []
    assert _check_pages(gen.content) >= 3


def test_fifty_recipients_flow_with_repeated_headers(ctx: AppContext) -> None:
    _institution(ctx)
    people = [make_person(ctx, name=f"司马{i:02d}") for i in range(50)]
    case = make_achievement(ctx, contributors=[(p, "2") for p in people], title=LONG_TITLE)
    buyer = make_company(ctx, name="北京" + "智能医疗器械与数字健康" * 6 + "有限公司")
    deal = make_deal(ctx, [case], buyer, title=LONG_TITLE, approval_body="技术转移中心",
                     approval_date=date(2026, 4, 1), due_diligence=full_checklist(),
                     status=E.DealStatus.PERFORMING)
    make_distribution(ctx, deal, allocations=[(p, "2", "1400.00") for p in people],
                      approval_date=date(2026, 7, 1), approval_body="技术转移中心",
                      team_amount=Decimal("70000.00"))
    for kind in ("F04", "F07"):
        gen = generate(ctx, kind, deal.deal_no)
        doc = forms.document(filing_archive.snapshot(ctx, gen.record.id), "zh")
        assert missing_values(doc, gen.content) == []
        pages = _check_pages(gen.content)
        if kind == "F07":
            assert pages >= 2
            with pdfplumber.open(io.BytesIO(gen.content)) as pdf:
                heads = [p.extract_text().count("贡献比例") for p in pdf.pages]
            assert sum(1 for n in heads if n) >= 2  # the header row repeats on the next page


def test_the_overlap_check_sees_overlapping_characters() -> None:
    box = {"text": "字", "x0": 10.0, "x1": 20.0, "top": 10.0, "bottom": 20.0}
    moved = dict(box, x0=14.0, x1=24.0)
    apart = dict(box, x0=20.5, x1=30.5)
    assert _overlaps([box, moved]) == [("字", "字")]
    assert _overlaps([box, apart]) == []


def test_an_opinion_longer_than_a_page_continues_on_the_next(ctx: AppContext) -> None:
    from tests.builders import make_rich_dataset

    data = make_rich_dataset(ctx)
    opinion = ("经院系学术委员会审议，" + "该成果技术路线清晰、转化前景良好，团队分工明确；" * 120
               + "同意。")
    terms = "分期支付：" + "合同生效后十个工作日内支付百分之三十，" * 60
    with ctx.write() as s:
        grant = s.execute(select(M.RightsGrant).where(
            M.RightsGrant.achievement_id == data["case"].id)).scalar_one()
        grant.college_review_date = date(2026, 2, 20)
        grant.tto_review_date = date(2026, 2, 25)
        grant.college_opinion = opinion
        deal = s.get(M.Deal, data["deal"].id)
        deal.approval_body = "技术转移中心"
        deal.payment_terms = terms
    for kind, key in (("F02", data["case"].case_no), ("F04", data["deal"].deal_no)):
        gen = generate(ctx, kind, key)
        doc = forms.document(filing_archive.snapshot(ctx, gen.record.id), "zh")
        assert missing_values(doc, gen.content) == []
        assert _check_pages(gen.content) >= 2
