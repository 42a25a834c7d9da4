"""No F02/F04/F07 over demo data ends with a page holding only the signature block: the
signatures keep with the opinion box before them (keep-with-previous)."""

from __future__ import annotations

from tests.core.deals.test_diligence import page_bodies
from ttdesk.core import filing_data
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.rules import policy
from ttdesk.filings.service import generate


def _subjects(ctx) -> dict[str, list[str]]:
    from sqlalchemy import select

    from ttdesk.db.models import Achievement, Deal, Distribution, RightsGrant
    with ctx.read() as s:
        return {
            "F02": sorted(set(s.execute(select(Achievement.case_no).join(
                RightsGrant, RightsGrant.achievement_id == Achievement.id)).scalars())),
            "F04": list(s.execute(select(Deal.deal_no).where(
                Deal.approval_date.is_not(None))).scalars()),
            "F07": sorted(set(s.execute(select(Deal.deal_no).join(
                Distribution, Distribution.deal_id == Deal.id)).scalars())),
        }


def without_signatures(text: str) -> str:
    """A page's body text less everything a signature block draws."""
    for word in [*policy.DEFAULT_POLICY["signature_roles"], "签字：", "日期：", "年月日",
                 "（盖章）"]:
        text = text.replace(word, "")
    return text


def test_no_signature_block_alone_on_a_page_over_demo_data(demo_ctx):
    made = 0
    for kind, subjects in _subjects(demo_ctx).items():
        for subject in subjects:
            with demo_ctx.read() as s:
                try:
                    filing_data.build(s, kind, subject)
                except ValidationFailed:
                    continue  # incomplete records get no filing
            pdf = generate(demo_ctx, kind, subject).content
            last = page_bodies(pdf)[-1]
            assert "（盖章）" in last, (kind, subject)  # the signatures end the form
            assert without_signatures(last), (kind, subject, last)
            made += 1
    assert made >= 20
