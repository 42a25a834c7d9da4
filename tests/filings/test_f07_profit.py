"""F07 of a self-implementation reward shows its base — the year's operating profit, its
source and the team's share of it — instead of receipts; F03's reward notice names the
recipients and amounts and needs no contract registration for it."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from builders import make_achievement, make_deal, make_person

from tests.filings.pdftext import pages_text, squash
from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import profit
from ttdesk.core.office import institution
from ttdesk.filings.service import generate


@pytest.fixture
def profit_reward(ctx: AppContext) -> tuple[str, int, list[str]]:
    ctx.today = lambda: date(2026, 11, 20)
    institution.save_profile(ctx, institution.InstitutionProfile("京华理工大学"))
    people = [make_person(ctx, name="欧阳明"), make_person(ctx, name="李华")]
    case = make_achievement(ctx, contributors=[(people[0], "60"), (people[1], "40")])
    deal = make_deal(ctx, [case], mode=E.DealMode.SELF, title="固态电解质中试线自行实施",
                     pricing_method=None, price=None, status=E.DealStatus.PERFORMING,
                     approval_date=date(2025, 1, 15), approval_body="校长办公会")
    profit.set_production_start(ctx, deal.deal_no, date(2025, 3, 1))
    profit.record_operating_profit(ctx, deal.deal_no, 2025, "2000000", "2025 年度审计报告")
    did = dist.save(ctx, dist.DistributionIn(deal.deal_no, profit_year=2025))
    dist.approve(ctx, did, date(2026, 4, 1), "校长办公会")
    dist.start_publicity(ctx, did, date(2026, 4, 7), "学校信息公开网")
    return deal.deal_no, did, [p.name for p in people]


def _save(name: str, pdf: bytes) -> None:
    out = os.environ.get("TTD_FILING_OUT")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        (Path(out) / name).write_bytes(pdf)


def test_f07_shows_the_operating_profit_base(ctx: AppContext, profit_reward) -> None:
    deal_no, did, _names = profit_reward
    zh = generate(ctx, "F07", deal_no, "zh", distribution=did).content
    _save("f07_profit_zh.pdf", zh)
    text = squash("".join(pages_text(zh)))
    assert squash("2025 年度营业利润 ¥2,000,000.00 × 5% = 团队奖励 ¥100,000.00") in text
    assert "2025年度审计报告" in text and "贰佰万元整" in text and "壹拾万元整" in text
    assert "¥60,000.00" in text and "¥40,000.00" in text and "¥30,000.00" in text
    assert "收入与可扣除费用" not in text  # no receipts on this form
    en = generate(ctx, "F07", deal_no, "en", distribution=did).content
    _save("f07_profit_en.pdf", en)
    assert squash("Operating profit 2025: ¥2,000,000.00, 5% = ¥100,000.00") in squash(
        "".join(pages_text(en)))


def test_reward_notice_names_recipients_and_amounts(ctx: AppContext, profit_reward) -> None:
    deal_no, did, names = profit_reward
    pdf = generate(ctx, "F03", deal_no, "zh", "reward", distribution=did).content
    _save("f03_reward_zh.pdf", pdf)
    text = squash("".join(pages_text(pdf)))
    for name, amount in zip(names, ("¥60,000.00", "¥40,000.00"), strict=True):
        assert name in text and amount in text
    assert "2026年4月7日–2026年4月27日（15个工作日）" in text
