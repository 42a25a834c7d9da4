"""R12 across steps (domain.md §6): each pair is refused when entered, the message naming
both dates, and found by `check` in imported data; R5: a stored publicity end that
contradicts its count is found."""

from __future__ import annotations

from datetime import date

import pytest

from tests import builders as B
from tests.core.cases.test_workflow import _converting_case, _deal_in_approval
from ttdesk import codes as E
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.cases import rights
from ttdesk.core.cases.rights import GrantIn
from ttdesk.core.deals import deals
from ttdesk.core.records.check import run_check

D = date


def refused(fn, *args) -> str:
    with pytest.raises(ValidationFailed) as err:
        fn(*args)
    p = err.value.problems[0]
    assert p.rule == "R12", err.value.messages("zh")
    return p.zh + " | " + p.en


def test_deal_approval_before_disclosure_refused_naming_both(world):
    deal_no = _deal_in_approval(world, method="listing")  # disclosed 2026-03-05
    msg = refused(deals.record_approval, world, deal_no, "技术转移中心", D(2026, 3, 1))
    assert "2026-03-01" in msg and "2026-03-05" in msg and "披露日期" in msg


def test_deal_publicity_before_approval_refused_naming_both(world):
    deal_no = _deal_in_approval(world)
    deals.record_approval(world, deal_no, "技术转移中心", D(2026, 10, 30))
    msg = refused(deals.start_publicity, world, deal_no, D(2026, 10, 20), "学校官网")
    assert "2026-10-20" in msg and "2026-10-30" in msg


def test_deal_signing_before_approval_refused_naming_both(world):
    deal_no = _deal_in_approval(world, method="listing")
    deals.record_approval(world, deal_no, "技术转移中心", D(2026, 10, 30))
    deals.update_terms(world, deal_no, {"exchange_reference": "BJTE-2026-0815"})
    msg = refused(deals.sign, world, deal_no, D(2026, 10, 29))
    assert "2026-10-29" in msg and "2026-10-30" in msg and "签约日期" in msg


def _grant(ctx) -> int:
    case_no = _converting_case(ctx)
    return rights.apply(ctx, case_no, GrantIn("co_ownership", D(2026, 5, 1), team_share="75",
                                              representative="T001", plan_attached=True,
                                              consent_recorded=True))


def test_grant_steps_each_refused_before_the_one_they_follow(world):
    gid = _grant(world)
    assert "2026-05-01" in refused(rights.college_review, world, gid, D(2026, 4, 30), "同意")
    rights.college_review(world, gid, D(2026, 5, 10), "同意")
    assert "2026-05-10" in refused(rights.tto_review, world, gid, D(2026, 5, 9), "同意")
    rights.tto_review(world, gid, D(2026, 5, 20), "同意")
    msg = refused(rights.start_publicity, world, gid, D(2026, 5, 19), "学校官网")
    assert "2026-05-19" in msg and "2026-05-20" in msg and "转移机构审核" in msg
    rights.start_publicity(world, gid, D(2026, 6, 1), "学校官网")
    rights.approve(world, gid, "校长办公会", D(2026, 6, 20), "2026-07")
    msg = refused(rights.sign_agreement, world, gid, "FQ-1", D(2026, 6, 19))
    assert "2026-06-19" in msg and "2026-06-20" in msg
    rights.sign_agreement(world, gid, "FQ-1", D(2026, 6, 25))
    assert "2026-06-25" in refused(rights.change_title, world, gid, D(2026, 6, 24))


def test_check_finds_each_pair_in_imported_data(ctx):
    case = B.make_achievement(ctx, disclosure_date=D(2026, 12, 3), is_imported=True,
                              status=E.AchievementStatus.CONVERTED, no_funding=True)
    deal = B.make_deal(ctx, [case], is_imported=True, status=E.DealStatus.REGISTERED,
                       pricing_method=E.PricingMethod.LISTING, exchange_reference="X-1",
                       approval_date=D(2026, 11, 10), signing_date=D(2026, 11, 5),
                       registration_date=D(2026, 11, 1))
    found = {(p.field, p.where): p.zh for p in run_check(ctx).findings if p.rule == "R12"}
    assert "2026-11-10" in found[("approval_date", deal.deal_no)]
    assert "2026-12-03" in found[("approval_date", deal.deal_no)]
    assert "2026-11-05" in found[("signing_date", deal.deal_no)]
    assert "2026-11-01" in found[("registration_date", deal.deal_no)]


def test_check_finds_grant_publicity_before_its_review_and_a_wrong_end(ctx):
    case = B.make_achievement(ctx, disclosure_date=D(2026, 1, 5), no_funding=True,
                              status=E.AchievementStatus.MARKETING)
    with ctx.write() as s:
        g = B.M.RightsGrant(achievement_id=case.id, form=E.GrantForm.CO_OWNERSHIP,
                            team_share=70, application_date=D(2026, 2, 1),
                            tto_review_date=D(2026, 3, 10), status=E.GrantStatus.IN_PUBLICITY,
                            consent_recorded=True, plan_attached=True, policy_number=1)
        s.add(g)
        s.flush()
        s.add(B.M.Publicity(subject=E.PublicitySubject.RIGHTS_GRANT, rights_grant_id=g.id,
                            channel="校内网", start_date=D(2026, 3, 1), days=15,
                            day_kind=E.DayKind.CALENDAR, end_date=D(2026, 3, 12),
                            policy_number=1))
    findings = [p for p in run_check(ctx).findings if p.where == case.case_no]
    r12 = [p.zh for p in findings if p.rule == "R12"]
    assert any("2026-03-01" in m and "2026-03-10" in m for m in r12), r12
    r5 = [p.zh for p in findings if p.rule == "R5"]
    assert any("2026-03-12" in m and "2026-03-15" in m for m in r5), r5


def test_check_recounts_a_working_day_publicity(ctx):
    """15 working days from Monday 2026-09-21 run over the National Day holiday
    (1-7 Oct off; Sun 27 Sep and Sat 10 Oct worked): an end stored by calendar days is found."""
    case = B.make_achievement(ctx, disclosure_date=D(2026, 1, 5), no_funding=True,
                              status=E.AchievementStatus.CONVERTING)
    deal = B.make_deal(ctx, [case], status=E.DealStatus.IN_PUBLICITY,
                       approval_date=D(2026, 9, 18), is_imported=True)
    with ctx.write() as s:
        s.add(B.M.Publicity(subject=E.PublicitySubject.DEAL, deal_id=deal.id, channel="官网",
                            start_date=D(2026, 9, 21), days=15, day_kind=E.DayKind.WORKING,
                            end_date=D(2026, 10, 5), policy_number=1))
    r5 = [p for p in run_check(ctx).findings if p.rule == "R5" and p.where == deal.deal_no]
    assert len(r5) == 1 and "2026-10-05" in r5[0].zh and "2026-10-16" in r5[0].zh, r5
