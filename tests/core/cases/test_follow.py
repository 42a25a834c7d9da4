"""A case follows its deals (domain.md §6): each deal step moves the case, with an audit
event naming the deal; archived cases are read-only until reopened; `check` finds cases that
contradict their deals."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from tests.core.cases.test_workflow import _converting_case
from ttdesk.codes import AchievementStatus as A
from ttdesk.codes import DealStatus as D
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.cases import achievements, follow
from ttdesk.core.deals import deals
from ttdesk.core.deals.deals import DealIn
from ttdesk.core.records.check import run_check
from ttdesk.db.models import Achievement, AuditEvent


def status(ctx, case_no: str) -> A:
    with ctx.read() as s:
        return s.execute(select(Achievement.status).where(
            Achievement.case_no == case_no)).scalar_one()


def causes(ctx, case_no: str) -> list[dict]:
    with ctx.read() as s:
        rows = s.execute(select(AuditEvent.changes).where(
            AuditEvent.entity == "achievement", AuditEvent.entity_ref == case_no)
            .order_by(AuditEvent.id)).scalars()
        return [c["cause"] for c in rows if "cause" in c]


def new_deal(ctx, case_no: str, method: str = "listing") -> str:
    return deals.create(ctx, DealIn(title="固态电解质技术转让", mode="transfer",
                                    achievements=[case_no], counterparty=ctx.codes[0],
                                    pricing_method=method, price="800000.00",
                                    upfront_amount="800000.00"))


def to_signed(ctx, deal_no: str) -> None:
    deals.start_due_diligence(ctx, deal_no)
    deals.submit_for_approval(ctx, deal_no)
    deals.record_approval(ctx, deal_no, "技术转移中心", date(2026, 10, 30))
    deals.update_terms(ctx, deal_no, {"exchange_reference": "BJTE-2026-0815"})
    deals.sign(ctx, deal_no, date(2026, 11, 2))


@pytest.mark.parametrize(("current", "deals_", "goal"), [
    (A.ASSESSING, [D.DRAFT], A.CONVERTING),
    (A.MARKETING, [D.SIGNED], A.CONVERTED),
    (A.CONVERTING, [D.SIGNED, D.APPROVAL], None),
    (A.CONVERTING, [D.SIGNED, D.TERMINATED], A.CONVERTED),
    (A.CONVERTING, [D.TERMINATED, D.TERMINATED], A.MARKETING),
    (A.ASSESSING, [D.TERMINATED], None),
    (A.DISCLOSED, [D.DRAFT], None),
    (A.CONVERTED, [D.TERMINATED], None),
    (A.ARCHIVED, [D.DRAFT], None),
])
def test_followed_status(current, deals_, goal):
    assert follow.followed_status(current, deals_) == goal


def test_signed_deal_converts_the_case_with_the_deal_as_cause(world):
    case_no = _converting_case(world)
    assert status(world, case_no) == A.ASSESSING
    deal_no = new_deal(world, case_no)
    assert status(world, case_no) == A.CONVERTING
    to_signed(world, deal_no)
    assert status(world, case_no) == A.CONVERTED
    got = causes(world, case_no)
    assert [(c["deal"], c["deal_status"], c["from"]) for c in got] == [
        (deal_no, "draft", "assessing"), (deal_no, "signed", "converting")]


def test_every_deal_terminated_moves_back_to_marketing(world):
    case_no = _converting_case(world)
    first, second = new_deal(world, case_no), new_deal(world, case_no)
    deals.terminate(world, first, "受让方放弃")
    assert status(world, case_no) == A.CONVERTING  # the second is still open
    deals.terminate(world, second, "价格未谈妥")
    assert status(world, case_no) == A.MARKETING
    assert causes(world, case_no)[-1]["deal"] == second


def test_signed_waits_for_the_other_deal_then_converts(world):
    case_no = _converting_case(world)
    signed, other = new_deal(world, case_no), new_deal(world, case_no)
    to_signed(world, signed)
    assert status(world, case_no) == A.CONVERTING  # `other` still in progress
    deals.terminate(world, other, "重复立项")
    assert status(world, case_no) == A.CONVERTED


def test_archived_case_is_read_only_until_reopened_with_a_reason(world):
    case_no = _converting_case(world)
    to_signed(world, new_deal(world, case_no))
    achievements.transition(world, case_no, "archived")
    with pytest.raises(RuleViolation) as err:
        achievements.update(world, case_no, {"abstract": "补充摘要"})
    assert "已归档" in err.value.messages("zh")[0]
    with pytest.raises(RuleViolation):
        new_deal(world, case_no)
    with pytest.raises(RuleViolation):
        achievements.reopen(world, case_no, "  ")
    assert status(world, case_no) == A.ARCHIVED
    achievements.reopen(world, case_no, "补录许可合同附件")
    assert status(world, case_no) == A.CONVERTED
    assert causes(world, case_no)[-1] == {"reopen": "补录许可合同附件"}
    achievements.update(world, case_no, {"abstract": "补充摘要"})


def test_check_finds_a_case_that_contradicts_its_deals(world):
    case_no = _converting_case(world)
    to_signed(world, new_deal(world, case_no))
    assert not [p for p in run_check(world).findings if p.where == case_no]
    with world.write() as s:  # behind the app's back: the case says 评估中 again
        s.execute(update(Achievement).where(Achievement.case_no == case_no)
                  .values(status=A.ASSESSING))
    found = [p for p in run_check(world).findings if p.where == case_no]
    assert len(found) == 1 and "已转化" in found[0].zh and "评估中" in found[0].zh
