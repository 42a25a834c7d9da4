"""The stage stepper's facts: where a case stands and what it lacks, as of "today"."""

from __future__ import annotations

from datetime import date

from tests.ui.test_case_world import make_case, make_case_deal, make_world
from ttdesk.codes import AchievementStatus, DealMode, DealStatus, GrantStatus
from ttdesk.core.base.context import AppContext
from ttdesk.core.cases import achievements
from ttdesk.core.cases.achievements import ContributorIn
from ttdesk.core.deals import deals
from ttdesk.core.views import history
from ttdesk.core.views import stepper as next_step
from ttdesk.core.views.case_detail import case_detail
from ttdesk.core.views.deal_detail import deal_detail


def stage(steps: list[next_step.StepInfo], key: str) -> next_step.StepInfo:
    return next(s for s in steps if s.key == key)


def test_a_fresh_complete_disclosure_may_start_assessment(ctx: AppContext) -> None:
    make_world(ctx)
    case_no = make_case(ctx)
    steps = next_step.next_steps(ctx, case_no)
    assert [s.key for s in steps] == ["disclosure", "assessment", "grant", "deal", "company"]
    assert [s.state for s in steps] == ["current", "todo", "optional", "todo", "todo"]
    assert "可开始评估" in stage(steps, "disclosure").detail.zh
    assert next_step.current_step(steps) == steps[0]


def test_missing_funding_is_named_with_its_rule(ctx: AppContext) -> None:
    make_world(ctx)
    case_no = make_case(ctx, funding=[])
    detail = stage(next_step.next_steps(ctx, case_no), "disclosure").detail
    assert "[R2]" in detail.zh and "经费来源" in detail.zh
    assert "funding" in detail.en


def test_publicity_days_left_and_when_it_ends(ctx: AppContext) -> None:
    codes = make_world(ctx, today=date(2026, 12, 2))
    case_no, deal_no = make_case_deal(ctx, codes[0])
    deals.submit_for_approval(ctx, deal_no)
    deals.record_approval(ctx, deal_no, "技术转移中心", date(2026, 11, 20))
    end = deals.start_publicity(ctx, deal_no, date(2026, 11, 21), "学校官网")
    assert end == date(2026, 12, 5)
    step = stage(next_step.next_steps(ctx, case_no), "deal")
    assert step.state == "current"
    assert "公示期至 2026-12-05 · 尚余 4 天" in step.detail.zh
    assert "4 day(s) left" in step.detail.en
    hint = next_step.deal_hint(deal_detail(ctx, deal_no), date(2026, 12, 6))
    assert "2026-12-06 起" in hint.zh


def test_deal_hints_follow_the_status(ctx: AppContext) -> None:
    codes = make_world(ctx)
    _case, deal_no = make_case_deal(ctx, codes[0], mode="equity")
    d = deal_detail(ctx, deal_no)
    assert "R8" in next_step.deal_hint(d, date(2026, 11, 21)).zh
    assert DealStatus.APPROVAL in next_step.deal_targets(DealMode.EQUITY, d.status)
    assert next_step.deal_targets(DealMode.DEVELOPMENT, DealStatus.DRAFT) == {
        DealStatus.APPROVAL, DealStatus.TERMINATED}


def test_grant_hint_names_missing_consent() -> None:
    from ttdesk.codes import GrantForm
    from ttdesk.core.views.parts import GrantRow

    g = GrantRow(1, GrantForm.CO_OWNERSHIP, None, None, None, date(2026, 5, 1), False, False,
                 None, None, None, None, None, None, None, None, GrantStatus.COLLEGE_REVIEWED,
                 None, ())
    note = next_step.grant_hint(g, date(2026, 5, 2))
    assert "转移机构审核" in note.zh and "R3" in note.zh


def test_released_case_stops_every_open_stage(ctx: AppContext) -> None:
    make_world(ctx)
    case_no = make_case(ctx)
    achievements.transition(ctx, case_no, "released", reason="无转化前景")
    steps = next_step.next_steps(ctx, case_no)
    assert [s.state for s in steps] == ["done"] + ["stopped"] * 4
    assert "无转化前景" in steps[1].detail.zh
    assert next_step.achievement_targets(AchievementStatus.RELEASED) == frozenset()


def test_history_includes_deal_events_in_words(ctx: AppContext) -> None:
    codes = make_world(ctx)
    case_no, _deal_no = make_case_deal(ctx, codes[0])
    achievements.set_contributors(ctx, case_no, [ContributorIn("T001", "60", "lead"),
                                                 ContributorIn("T002", "40")])
    events = history.case_history(ctx, case_detail(ctx, case_no))
    entities = {e.entity for e in events}
    assert {"achievement", "contribution", "deal"} <= entities
    rows = history.lines(events, "zh")
    assert rows[0].at >= rows[-1].at
    assert any(r.what.startswith("转化项目") and "尽职调查" in r.changes for r in rows)


def test_deal_stage_names_what_approval_needs(ctx: AppContext) -> None:
    make_world(ctx)
    case_no = make_case(ctx)
    deals.create(ctx, deals.DealIn(title="许可", mode="license_sole", achievements=[case_no]))
    detail = stage(next_step.next_steps(ctx, case_no), "deal").detail
    assert "草拟" in detail.zh and "R6" in detail.zh and "R5" in detail.zh


def test_suggested_approval_body_follows_the_tier_table(ctx: AppContext) -> None:
    from decimal import Decimal

    assert next_step.suggested_approval_body(ctx, None) == ""
    small = next_step.suggested_approval_body(ctx, Decimal("460000"))
    large = next_step.suggested_approval_body(ctx, Decimal("9000000"))
    assert small and large and small != large
