"""The matchmaking ledger's services, one rule and one refusal at a time, on SQLite and
PostgreSQL: demands, the promotion list (a secret case refused), the match machine with its
stage dates, activities with what they showed to whom, and the lists reading them back."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from tests import builders as b
from ttdesk.codes import AchievementStatus, MatchOutcome, Secrecy
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, RuleViolation, TransitionRefused, ValidationFailed
from ttdesk.core.market import activities, demands, matches, promotion
from ttdesk.core.views import market as v
from ttdesk.db import models as M

TODAY = date(2026, 6, 30)


@pytest.fixture
def mctx(any_ctx: AppContext) -> AppContext:
    any_ctx.today = lambda: TODAY
    return any_ctx


def _count(ctx: AppContext, model: type) -> int:
    with ctx.read() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_a_demand_is_recorded_with_its_company_and_listed(mctx: AppContext) -> None:
    co = b.make_company(mctx)
    did = demands.add_demand(mctx, demands.DemandIn(
        need="寻求高能量密度固态电池技术", raised_on=date(2026, 3, 1), source="park_list",
        credit_code=co.credit_code, field="新能源", park="中关村科学城"))
    row = v.demand_rows(mctx, v.demand_ids(mctx, v.DemandFilter(park="中关村科学城")))[0]
    assert (row.id, row.company, row.source, row.match_count) == (did, co.name, "park_list", 0)
    assert v.demand_ids(mctx, v.DemandFilter(search="固态电池")) == [did]
    assert v.demand_ids(mctx, v.DemandFilter(search="光伏")) == []


def test_a_demand_without_need_or_with_an_unknown_company_is_refused(mctx: AppContext) -> None:
    with pytest.raises(RuleViolation) as exc:
        demands.add_demand(mctx, demands.DemandIn(need="  ", raised_on=date(2026, 3, 1)))
    assert exc.value.problems[0].field == "need"
    with pytest.raises(RuleViolation):
        demands.add_demand(mctx, demands.DemandIn(need="x", raised_on=date(2026, 3, 1),
                                                  source="rumour"))
    with pytest.raises(NotFound):
        demands.add_demand(mctx, demands.DemandIn(need="x", raised_on=date(2026, 3, 1),
                                                  credit_code="91110108MA01ABCD1X"))
    assert _count(mctx, M.Demand) == 0


def test_many_demands_are_all_or_nothing_with_located_problems(mctx: AppContext) -> None:
    co = b.make_company(mctx)
    items = [("需求!2", demands.DemandIn(need="储能", raised_on=date(2026, 1, 2),
                                        credit_code=co.credit_code)),
             ("需求!3", demands.DemandIn(need="", raised_on=date(2026, 1, 3))),
             ("需求!4", demands.DemandIn(need="芯片", raised_on=date(2026, 1, 4),
                                        credit_code="91110000000000000X"))]
    with pytest.raises(ValidationFailed) as exc:
        demands.add_demands(mctx, items)
    assert [(p.where, p.field) for p in exc.value.problems] == [
        ("需求!3", "need"), ("需求!4", "credit_code")]
    assert _count(mctx, M.Demand) == 0
    assert len(demands.add_demands(mctx, items[:1])) == 1


def test_promotion_list_refuses_a_secret_case_and_a_second_listing(mctx: AppContext) -> None:
    case = b.make_achievement(mctx, status=AchievementStatus.MARKETING, field="新能源")
    secret = b.make_achievement(mctx, secrecy=Secrecy.SECRET_OR_SECURITY)
    with pytest.raises(RuleViolation) as exc:
        promotion.promote(mctx, secret.case_no, "公开简介")
    assert (exc.value.rule, exc.value.problems[0].field) == ("M1", "secrecy")
    with pytest.raises(RuleViolation) as exc:
        promotion.promote(mctx, case.case_no, "   ")
    assert exc.value.problems[0].field == "public_summary"
    assert _count(mctx, M.Promotion) == 0
    pid = promotion.promote(mctx, case.case_no, "高安全固态电解质，可用于动力电池", park="亦庄")
    with pytest.raises(RuleViolation) as exc:
        promotion.promote(mctx, case.case_no, "again")
    assert exc.value.rule == "DUP"
    rows = v.supply_rows(mctx, v.supply_ids(mctx, v.SupplyFilter(park="亦庄", field="新能源")))
    assert [(r.id, r.case_no, r.public_summary) for r in rows] == [
        (pid, case.case_no, "高安全固态电解质，可用于动力电池")]
    assert v.supply_ids(mctx, v.SupplyFilter(park="怀柔")) == []  # targeted at another park
    with pytest.raises(RuleViolation) as exc:  # before it was listed
        promotion.delist(mctx, case.case_no, date(2026, 6, 1))
    assert exc.value.rule == "M3"
    promotion.delist(mctx, case.case_no, TODAY)
    assert v.supply_ids(mctx) == []
    assert promotion.promote(mctx, case.case_no, "再次推广") == pid  # back on the list


def test_a_closed_case_is_neither_promoted_nor_matched(mctx: AppContext) -> None:
    gone = b.make_achievement(mctx, status=AchievementStatus.RELEASED)
    co = b.make_company(mctx)
    with pytest.raises(RuleViolation) as exc:
        promotion.promote(mctx, gone.case_no, "简介")
    assert exc.value.rule == "M4"
    with pytest.raises(RuleViolation) as exc:
        matches.add_match(mctx, matches.MatchIn(gone.case_no, credit_code=co.credit_code))
    assert exc.value.rule == "M4"


def test_a_match_needs_a_demand_or_a_company(mctx: AppContext) -> None:
    case = b.make_achievement(mctx)
    with pytest.raises(RuleViolation) as exc:
        matches.add_match(mctx, matches.MatchIn(case.case_no))
    assert exc.value.rule == "M2"
    assert _count(mctx, M.Match) == 0


def test_a_match_walks_its_stages_with_dates_and_refuses_the_rest(mctx: AppContext) -> None:
    officer = b.make_user(mctx)
    co = b.make_company(mctx)
    case = b.make_achievement(mctx)
    did = demands.add_demand(mctx, demands.DemandIn(need="储能", raised_on=date(2026, 1, 2),
                                                    credit_code=co.credit_code))
    mid = matches.add_match(mctx, matches.MatchIn(case.case_no, demand_id=did,
                                                  officer=officer.username,
                                                  on=date(2026, 2, 1)))
    with pytest.raises(TransitionRefused):  # a deal needs negotiating first
        matches.move(mctx, mid, MatchOutcome.DEAL, date(2026, 2, 5))
    with pytest.raises(RuleViolation) as exc:  # before the previous stage
        matches.move(mctx, mid, MatchOutcome.NDA, date(2026, 1, 20))
    assert (exc.value.rule, exc.value.problems[0].field) == ("M3", "nda_on")
    with pytest.raises(RuleViolation) as exc:  # in the future
        matches.move(mctx, mid, MatchOutcome.NDA, date(2026, 7, 1))
    assert exc.value.rule == "M3"
    matches.move(mctx, mid, "nda", date(2026, 2, 10))
    matches.move(mctx, mid, "negotiating", date(2026, 3, 1))
    matches.move(mctx, mid, "deal", date(2026, 4, 1))
    with pytest.raises(TransitionRefused):  # final
        matches.move(mctx, mid, "declined", date(2026, 4, 2))
    row = v.match_rows(mctx, [mid])[0]
    assert (row.outcome, row.company, row.officer, row.demand_need) == (
        MatchOutcome.DEAL, co.name, officer.display_name, "储能")
    assert (row.contacted_on, row.nda_on, row.negotiating_on, row.deal_on, row.updated_on) == (
        date(2026, 2, 1), date(2026, 2, 10), date(2026, 3, 1), date(2026, 4, 1),
        date(2026, 4, 1))
    pre = v.deal_prefill(mctx, mid)
    assert pre is not None and (pre.case_no, pre.credit_code) == (case.case_no, co.credit_code)
    deal = b.make_deal(mctx, [case], counterparty=co)
    matches.link_deal(mctx, mid, deal.deal_no)
    assert v.match_rows(mctx, [mid])[0].deal_no == deal.deal_no


def test_one_demand_matched_to_two_cases_in_one_action(mctx: AppContext) -> None:
    co = b.make_company(mctx)
    cases = [b.make_achievement(mctx), b.make_achievement(mctx)]
    did = demands.add_demand(mctx, demands.DemandIn(need="储能", raised_on=date(2026, 1, 2),
                                                    credit_code=co.credit_code))
    with pytest.raises(NotFound):
        matches.add_matches(mctx, did, [cases[0].case_no, "CG-NONE"])
    assert _count(mctx, M.Match) == 0
    ids = matches.add_matches(mctx, did, [c.case_no for c in cases], on=date(2026, 2, 1))
    assert sorted(v.match_ids(mctx, v.MatchFilter(demand_id=did))) == sorted(ids)
    assert v.demand_rows(mctx, [did])[0].match_count == 2
    assert v.match_ids(mctx, v.MatchFilter(outcome=MatchOutcome.DEAL)) == []


def test_an_activity_links_what_it_showed_whom_and_its_matches(mctx: AppContext) -> None:
    cases = [b.make_achievement(mctx), b.make_achievement(mctx)]
    cos = [b.make_company(mctx), b.make_company(mctx)]
    aid = activities.add_activity(mctx, activities.ActivityIn(
        kind="roadshow", held_on=date(2026, 5, 1), title="新能源成果专场路演",
        place="中关村会展中心", participants=120, case_nos=[c.case_no for c in cases],
        credit_codes=[cos[0].credit_code]))
    matches.add_match(mctx, matches.MatchIn(cases[0].case_no, credit_code=cos[0].credit_code,
                                            activity_id=aid, on=date(2026, 5, 1)))
    row = v.activity_rows(mctx, [aid])[0]
    assert (row.title, row.place, row.shown_count, row.met_count, row.match_count) == (
        "新能源成果专场路演", "中关村会展中心", 2, 1, 1)
    with pytest.raises(RuleViolation) as exc:
        activities.add_activity(mctx, activities.ActivityIn(
            kind="roadshow", held_on=date(2026, 5, 1), title="x", participants=-3))
    assert exc.value.problems[0].field == "participants"
    with pytest.raises(NotFound):
        activities.add_activity(mctx, activities.ActivityIn(
            kind="salon", held_on=date(2026, 5, 1), title="x", case_nos=["CG-NONE"]))
    assert _count(mctx, M.MatchActivity) == 1
    activities.edit_activity(mctx, aid, activities.ActivityIn(
        kind="salon", held_on=date(2026, 5, 2), title="沙龙", credit_codes=[
            c.credit_code for c in cos]))
    row = v.activity_rows(mctx, [aid])[0]
    assert (row.kind, row.shown_count, row.met_count) == ("salon", 0, 2)


def test_market_writes_report_the_market_kind(mctx: AppContext) -> None:
    case = b.make_achievement(mctx)
    promotion.promote(mctx, case.case_no, "简介")
    assert "market" in mctx.last_changes.kinds
