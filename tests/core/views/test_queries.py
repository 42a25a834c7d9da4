"""List and detail queries on a real database (SQLite and PostgreSQL): Chinese substring
search with two-character words, literal % and _, filters, sorting both ways, paging, and
the detail of a case and a deal with their history."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

import ttdesk.core.base.audit  # noqa: F401  (registers the audit listener that history reads)
from ttdesk.codes import (
    AchievementKind,
    AchievementStatus,
    ContributorRole,
    DayKind,
    DeadlineKind,
    DealMode,
    DealStatus,
    DistributionStatus,
    FunderType,
    GrantForm,
    GrantStatus,
    IPKind,
    PricingMethod,
    PublicitySubject,
    ReceiptKind,
    Recommendation,
)
from ttdesk.core import views as q
from ttdesk.core.base.errors import NotFound
from ttdesk.core.rules.credit_code import make_credit_code
from ttdesk.db.models import (
    Achievement,
    Allocation,
    Assessment,
    Company,
    Contribution,
    Deadline,
    Deal,
    Department,
    Distribution,
    FundingSource,
    IPAsset,
    Objection,
    Person,
    Publicity,
    Receipt,
    RightsGrant,
    User,
)

TODAY = date(2026, 3, 10)

# case_no -> (title, department code, disclosure date, status, field, kind)
CASES = {
    "CG-2025-0001": ("固态电池电解质界面稳定化技术", "MSE", date(2025, 3, 5),
                     AchievementStatus.MARKETING, "新能源", AchievementKind.INVENTION_PATENT),
    "CG-2025-0002": ("低功耗AI/ML芯片架构", "CS", date(2025, 6, 1),
                     AchievementStatus.DISCLOSED, "集成电路", AchievementKind.IC_LAYOUT),
    "CG-2026-0001": ("废旧锂电池回收工艺", "MSE", date(2026, 1, 10),
                     AchievementStatus.CONVERTING, "新能源", AchievementKind.INVENTION_PATENT),
    "CG-2026-0002": ("纳米发电机 50%效率_提升方法", "CS", date(2026, 2, 1),
                     AchievementStatus.DISCLOSED, None, AchievementKind.UTILITY_MODEL),
    "CG-2026-0003": ("胶质瘤靶向药物递送系统", None, date(2026, 2, 15),
                     AchievementStatus.RELEASED, "生物医药", AchievementKind.TECHNICAL_SECRET),
}


@dataclass
class World:
    ctx: object
    case: dict[str, int]
    deal: dict[str, int]
    company: dict[str, int]
    dept: dict[str, int]
    officer: dict[str, int]


def build(ctx) -> World:
    """Five cases, three companies, three deals and five deadlines, through the ORM."""
    ctx.today = lambda: TODAY
    rng = random.Random(11)
    with ctx.write() as s:
        depts = {"MSE": Department(code="MSE", name="材料科学与工程学院"),
                 "CS": Department(code="CS", name="计算机学院")}
        officers = {"liu": User(username="liu", display_name="刘晨"),
                    "wang": User(username="wang", display_name="王芳")}
        people = [Person(staff_no=f"T{i:03d}", name=n, department=depts["MSE"])
                  for i, n in enumerate(["王海燕", "李志强", "张晓明"], start=1)]
        s.add_all([*depts.values(), *officers.values(), *people])
        cases = {}
        for i, (no, (title, dept, disclosed, status, fld, kind)) in enumerate(CASES.items()):
            cases[no] = Achievement(
                case_no=no, title=title, kind=kind, field=fld, disclosure_date=disclosed,
                department=depts.get(dept), status=status,
                officer=officers["liu" if i % 2 == 0 else "wang"],
            )
        cases["CG-2025-0001"].title_en = "Solid-State Battery Electrolyte Interface"
        cases["CG-2025-0001"].contributions = [
            Contribution(person=people[0], share=Decimal("60"), role=ContributorRole.MEMBER),
            Contribution(person=people[1], share=Decimal("40"), role=ContributorRole.LEAD),
        ]
        cases["CG-2026-0001"].contributions = [
            Contribution(person=people[2], share=Decimal("100"), role=ContributorRole.LEAD),
        ]
        companies = {
            "lithium": Company(name="北京锂源新能源科技有限公司",
                               credit_code=make_credit_code(rng)),
            "spinoff": Company(name="京华固态电池有限公司", credit_code=make_credit_code(rng),
                               is_spinoff=True, registration_date=date(2025, 9, 1)),
            "chip": Company(name="天津芯片设计有限公司",
                            credit_code=make_credit_code(rng, "120101"), region="tianjin"),
        }
        s.add_all([*cases.values(), *companies.values()])
        s.flush()
        deals = {
            "JY-2026-0001": Deal(deal_no="JY-2026-0001", title="锂电池回收工艺独占许可",
                                 mode=DealMode.LICENSE_EXCLUSIVE,
                                 counterparty_id=companies["lithium"].id,
                                 pricing_method=PricingMethod.NEGOTIATED,
                                 price=Decimal("640000.00"), status=DealStatus.IN_PUBLICITY),
            "JY-2026-0002": Deal(deal_no="JY-2026-0002", title="固态电池电解质作价投资",
                                 mode=DealMode.EQUITY, counterparty_id=companies["spinoff"].id,
                                 pricing_method=PricingMethod.NEGOTIATED,
                                 price=Decimal("9500000.00"), status=DealStatus.SIGNED,
                                 signing_date=date(2026, 3, 1)),
            "JY-2025-0001": Deal(deal_no="JY-2025-0001", title="芯片验证技术开发",
                                 mode=DealMode.DEVELOPMENT, status=DealStatus.DRAFT),
        }
        deals["JY-2026-0001"].achievements = [cases["CG-2026-0001"]]
        deals["JY-2026-0002"].achievements = [cases["CG-2025-0001"]]
        deals["JY-2025-0001"].achievements = [cases["CG-2025-0002"], cases["CG-2025-0001"]]
        s.add_all(deals.values())
        s.add_all([
            Deadline(due_date=date(2026, 3, 1), kind=DeadlineKind.MANUAL, title="逾期待办",
                     subject_ref="CG-2025-0001"),
            Deadline(due_date=date(2026, 3, 20), kind=DeadlineKind.PUBLICITY_END,
                     title="公示期结束：JY-2026-0001", subject_ref="JY-2026-0001"),
            Deadline(due_date=date(2026, 9, 1), kind=DeadlineKind.PATENT_ANNUITY,
                     title="专利年费", subject_ref="CG-2026-0001"),
            Deadline(due_date=date(2026, 2, 1), kind=DeadlineKind.MANUAL, title="已办待办",
                     done=True, done_on=date(2026, 2, 1)),
            Deadline(due_date=date(2026, 3, 5), kind=DeadlineKind.MANUAL, title="暂缓待办",
                     snoozed_until=date(2026, 4, 1)),
        ])
        s.flush()
        return World(
            ctx=ctx,
            case={no: a.id for no, a in cases.items()},
            deal={no: d.id for no, d in deals.items()},
            company={k: c.id for k, c in companies.items()},
            dept={k: d.id for k, d in depts.items()},
            officer={k: u.id for k, u in officers.items()},
        )


@pytest.fixture
def world(any_ctx) -> World:
    return build(any_ctx)


def case_nos(w: World, f: q.CaseFilter) -> list[str]:
    return [r.case_no for r in q.case_rows(w.ctx, q.case_ids(w.ctx, f))]


def found(w: World, text: str) -> set[str]:
    return set(case_nos(w, q.CaseFilter(search=text)))


# ---- search -------------------------------------------------------------------------------

def test_two_character_chinese_words_inside_longer_titles(world):
    assert found(world, "电池") == {"CG-2025-0001", "CG-2026-0001"}
    assert found(world, "芯片") == {"CG-2025-0002"}
    assert found(world, "靶向") == {"CG-2026-0003"}
    assert found(world, "疫苗") == set()


def test_search_by_case_number_and_english_title_ignores_case(world):
    assert found(world, "CG-2026-0002") == {"CG-2026-0002"}
    assert found(world, "cg-2026") == {"CG-2026-0001", "CG-2026-0002", "CG-2026-0003"}
    assert found(world, "solid-state battery") == {"CG-2025-0001"}
    assert found(world, "ai/ml") == {"CG-2025-0002"}


def test_every_word_of_the_search_must_occur(world):
    assert found(world, "电池 回收") == {"CG-2026-0001"}
    assert found(world, "  电池   ") == {"CG-2025-0001", "CG-2026-0001"}
    assert found(world, "电池 芯片") == set()
    assert len(found(world, "   ")) == len(CASES)


def test_like_wildcards_and_the_escape_character_are_literal(world):
    assert found(world, "%") == {"CG-2026-0002"}
    assert found(world, "_") == {"CG-2026-0002"}
    assert found(world, "50%效率_") == {"CG-2026-0002"}
    assert found(world, "电%池") == set()
    assert found(world, "固_电") == set()
    assert found(world, "/") == {"CG-2025-0002"}
    assert found(world, "//") == set()


# ---- filters ------------------------------------------------------------------------------

@pytest.mark.parametrize(("f", "expected"), [
    (q.CaseFilter(status=AchievementStatus.DISCLOSED), {"CG-2025-0002", "CG-2026-0002"}),
    (q.CaseFilter(status="released"), {"CG-2026-0003"}),
    (q.CaseFilter(status=("marketing", "converting")), {"CG-2025-0001", "CG-2026-0001"}),
    (q.CaseFilter(field="新能源"), {"CG-2025-0001", "CG-2026-0001"}),
    (q.CaseFilter(year=2025), {"CG-2025-0001", "CG-2025-0002"}),
    (q.CaseFilter(kind=AchievementKind.INVENTION_PATENT), {"CG-2025-0001", "CG-2026-0001"}),
    (q.CaseFilter(year=2026, search="电池"), {"CG-2026-0001"}),
    (q.CaseFilter(status="disclosed", search="芯片"), {"CG-2025-0002"}),
])
def test_filters(world, f, expected):
    assert set(case_nos(world, f)) == expected
    assert q.count_cases(world.ctx, f) == len(expected)


def test_filters_by_department_and_officer(world):
    mse = q.CaseFilter(department_id=world.dept["MSE"])
    assert set(case_nos(world, mse)) == {"CG-2025-0001", "CG-2026-0001"}
    liu = q.CaseFilter(officer_id=world.officer["liu"])
    assert set(case_nos(world, liu)) == {"CG-2025-0001", "CG-2026-0001", "CG-2026-0003"}


def test_unknown_status_code_is_refused():
    with pytest.raises(ValueError):
        q.CaseFilter(status="nonsense")


# ---- sorting and paging -------------------------------------------------------------------

def test_default_order_is_newest_disclosure_first(world):
    assert case_nos(world, q.CaseFilter()) == sorted(
        CASES, key=lambda no: CASES[no][2], reverse=True)


@pytest.mark.parametrize("sort", ["case_no", "disclosure_date", "title", "id"])
def test_sorting_both_ways(world, sort):
    up = case_nos(world, q.CaseFilter(sort=sort, descending=False))
    down = case_nos(world, q.CaseFilter(sort=sort, descending=True))
    assert down == list(reversed(up))
    if sort == "case_no":
        assert up == sorted(CASES)


def test_status_sorts_in_workflow_order(world):
    up = q.case_rows(world.ctx, q.case_ids(world.ctx, q.CaseFilter(sort="status",
                                                                   descending=False)))
    order = list(AchievementStatus)
    assert [order.index(r.status) for r in up] == sorted(order.index(r.status) for r in up)
    assert [r.case_no for r in up][:2] == ["CG-2025-0002", "CG-2026-0002"]  # id breaks ties


def test_missing_department_sorts_last_both_ways(world):
    for descending in (False, True):
        rows = q.case_rows(world.ctx, q.case_ids(
            world.ctx, q.CaseFilter(sort="department", descending=descending)))
        assert rows[-1].case_no == "CG-2026-0003"
        names = [r.department for r in rows[:-1]]
        assert names == sorted(names, reverse=descending)


def test_every_sort_key_runs_both_ways(world):
    for sort in q.CaseSort:
        for descending in (False, True):
            ids = q.case_ids(world.ctx, q.CaseFilter(sort=sort, descending=descending))
            assert sorted(ids) == sorted(world.case.values())


def test_pages_of_rows_keep_the_order_of_the_ids(world):
    ids = q.case_ids(world.ctx, q.CaseFilter(sort="case_no", descending=False))
    pages = [q.case_rows(world.ctx, ids[i:i + 2]) for i in range(0, len(ids), 2)]
    assert [r.case_no for page in pages for r in page] == sorted(CASES)
    backwards = q.case_rows(world.ctx, list(reversed(ids)))
    assert [r.case_no for r in backwards] == sorted(CASES, reverse=True)
    assert q.case_rows(world.ctx, [ids[0], 999_999, ids[1]])[1].id == ids[1]
    assert q.case_rows(world.ctx, []) == []


def test_list_cases_pages_with_limit_and_offset(world):
    f = q.CaseFilter(sort="case_no", descending=False)
    first = q.list_cases(world.ctx, f, limit=2)
    rest = q.list_cases(world.ctx, f, limit=10, offset=2)
    assert [r.case_no for r in first + rest] == sorted(CASES)


def test_case_row_carries_names_not_ids(world):
    (row,) = q.list_cases(world.ctx, q.CaseFilter(search="CG-2025-0001"))
    assert row.department == "材料科学与工程学院"
    assert row.officer == "刘晨"
    assert row.lead_inventor == "李志强"  # the lead, although the smaller share
    assert row.deal_count == 2
    assert row.status is AchievementStatus.MARKETING
    assert row.kind is AchievementKind.INVENTION_PATENT
    (released,) = q.list_cases(world.ctx, q.CaseFilter(search="胶质瘤"))
    assert (released.department, released.lead_inventor, released.deal_count) == (None, None, 0)


# ---- deals, companies, deadlines ----------------------------------------------------------

def deal_nos(w: World, f: q.DealFilter) -> list[str]:
    return [r.deal_no for r in q.list_deals(w.ctx, f)]


def test_deal_search_covers_title_number_and_counterparty(world):
    assert set(deal_nos(world, q.DealFilter(search="电池"))) == {"JY-2026-0001", "JY-2026-0002"}
    assert deal_nos(world, q.DealFilter(search="锂源")) == ["JY-2026-0001"]
    assert deal_nos(world, q.DealFilter(search="jy-2025")) == ["JY-2025-0001"]
    assert q.count_deals(world.ctx, q.DealFilter(search="电池")) == 2


def test_deal_filters_and_sorting(world):
    assert deal_nos(world, q.DealFilter(status="signed")) == ["JY-2026-0002"]
    assert deal_nos(world, q.DealFilter(mode=DealMode.DEVELOPMENT)) == ["JY-2025-0001"]
    assert deal_nos(world, q.DealFilter(year=2026)) == ["JY-2026-0002"]
    covering = q.DealFilter(achievement_id=world.case["CG-2025-0001"])
    assert set(deal_nos(world, covering)) == {"JY-2026-0002", "JY-2025-0001"}
    assert deal_nos(world, q.DealFilter()) == ["JY-2026-0002", "JY-2026-0001", "JY-2025-0001"]
    by_price = q.DealFilter(sort="price", descending=True)
    assert deal_nos(world, by_price) == ["JY-2026-0002", "JY-2026-0001", "JY-2025-0001"]
    by_price_up = q.DealFilter(sort="price", descending=False)
    assert deal_nos(world, by_price_up) == ["JY-2026-0001", "JY-2026-0002", "JY-2025-0001"]
    for sort in q.DealSort:
        assert len(q.deal_ids(world.ctx, q.DealFilter(sort=sort))) == 3


def test_deal_rows(world):
    ids = q.deal_ids(world.ctx, q.DealFilter(sort="deal_no", descending=False))
    rows = q.deal_rows(world.ctx, ids)
    assert [r.deal_no for r in rows] == ["JY-2025-0001", "JY-2026-0001", "JY-2026-0002"]
    dev, lic, equity = rows
    assert dev.case_nos == ("CG-2025-0001", "CG-2025-0002")
    assert dev.counterparty is None and dev.price is None
    assert lic.counterparty == "北京锂源新能源科技有限公司"
    assert lic.price == Decimal("640000.00")
    assert equity.signing_date == date(2026, 3, 1) and equity.status is DealStatus.SIGNED


def test_companies(world):
    rows = q.list_companies(world.ctx, q.CompanyFilter(search="芯片"))
    assert [r.name for r in rows] == ["天津芯片设计有限公司"]
    code = rows[0].credit_code
    assert [r.credit_code for r in q.list_companies(world.ctx, q.CompanyFilter(
        search=code.lower()))] == [code]
    spinoffs = q.list_companies(world.ctx, q.CompanyFilter(is_spinoff=True))
    assert [(r.name, r.deal_count) for r in spinoffs] == [("京华固态电池有限公司", 1)]
    assert q.count_companies(world.ctx, q.CompanyFilter(region="tianjin")) == 1
    for sort in q.CompanySort:
        for descending in (False, True):
            ids = q.company_ids(world.ctx, q.CompanyFilter(sort=sort, descending=descending))
            assert len(ids) == 3


# Setting up a database may add deadlines of its own (the annual report): keep to ours.
OURS = (DeadlineKind.MANUAL, DeadlineKind.PUBLICITY_END, DeadlineKind.PATENT_ANNUITY)


def titles(w: World, f: q.DeadlineFilter) -> list[str]:
    return [r.title for r in q.list_deadlines(w.ctx, replace(f, kind=OURS))]


def test_deadlines_relative_to_today(world):
    assert titles(world, q.DeadlineFilter(state="overdue")) == ["逾期待办"]
    assert titles(world, q.DeadlineFilter(state="upcoming")) == ["公示期结束：JY-2026-0001"]
    assert titles(world, q.DeadlineFilter(state="snoozed")) == ["暂缓待办"]
    assert titles(world, q.DeadlineFilter(state="done")) == ["已办待办"]
    assert titles(world, q.DeadlineFilter(state="open")) == [
        "逾期待办", "暂缓待办", "公示期结束：JY-2026-0001", "专利年费"]
    alerts = q.DeadlineFilter(state=("overdue", "upcoming"))
    assert titles(world, alerts) == ["逾期待办", "公示期结束：JY-2026-0001"]
    later = q.DeadlineFilter(state="overdue", today=date(2026, 9, 2))
    assert titles(world, later) == ["逾期待办", "暂缓待办", "公示期结束：JY-2026-0001", "专利年费"]
    assert titles(world, q.DeadlineFilter(search="jy-2026")) == ["公示期结束：JY-2026-0001"]


def test_deadline_rows_carry_state_and_days_left(world):
    rows = {r.title: r for r in q.list_deadlines(world.ctx, q.DeadlineFilter(kind=OURS))}
    assert rows["逾期待办"].state is q.DeadlineState.OVERDUE
    assert rows["逾期待办"].days_left == -9
    assert rows["公示期结束：JY-2026-0001"].state is q.DeadlineState.UPCOMING
    assert rows["专利年费"].state is q.DeadlineState.OPEN
    assert rows["暂缓待办"].state is q.DeadlineState.SNOOZED
    assert rows["已办待办"].state is q.DeadlineState.DONE
    assert q.count_deadlines(world.ctx, q.DeadlineFilter(state="open", kind=OURS)) == 4


# ---- detail -------------------------------------------------------------------------------

def enrich(w: World) -> None:
    """Children of CG-2026-0001 and JY-2026-0001, then some edits that history must show."""
    case_id, deal_id = w.case["CG-2026-0001"], w.deal["JY-2026-0001"]
    with w.ctx.write() as s:
        s.add_all([
            FundingSource(achievement_id=case_id, programme="国家重点研发计划",
                          funder_type=FunderType.NATIONAL, project_no="2023YFB1234"),
            IPAsset(achievement_id=case_id, kind=IPKind.INVENTION_PATENT,
                    application_no="CN202610012345.6", filing_date=date(2026, 1, 20)),
            Assessment(achievement_id=case_id, assessed_on=date(2026, 1, 25), assessor="专家组",
                       technical_score=8, market_score=7, recommendation=Recommendation.PURSUE),
        ])
        grant = RightsGrant(achievement_id=case_id, form=GrantForm.CO_OWNERSHIP,
                            team_share=Decimal("70"), application_date=date(2026, 1, 15),
                            status=GrantStatus.IN_PUBLICITY)
        s.add(grant)
        s.flush()
        s.add(Publicity(subject=PublicitySubject.RIGHTS_GRANT, rights_grant_id=grant.id,
                        channel="学校官网", start_date=date(2026, 1, 20), days=15,
                        day_kind=DayKind.CALENDAR, end_date=date(2026, 2, 3)))
        pub = Publicity(subject=PublicitySubject.DEAL, deal_id=deal_id, channel="学校官网",
                        start_date=date(2026, 3, 2), days=15, day_kind=DayKind.WORKING,
                        end_date=date(2026, 3, 20))
        pub.objections = [Objection(raised_by="某教师", raised_on=date(2026, 3, 4),
                                    content="定价偏低")]
        s.add(pub)
        receipt = Receipt(deal_id=deal_id, received_on=date(2026, 3, 5),
                          amount=Decimal("100000.00"), kind=ReceiptKind.UPFRONT)
        s.add(receipt)
        dist = Distribution(
            deal_id=deal_id, gross_income=Decimal("100000.00"), deductible_costs=Decimal("0.00"),
            net_income=Decimal("100000.00"), team_share_pct=Decimal("70"),
            team_amount=Decimal("70000.00"), department_amount=Decimal("10000.00"),
            tto_amount=Decimal("10000.00"), university_amount=Decimal("10000.00"),
            status=DistributionStatus.DRAFT)
        person = s.execute(select(Person).where(Person.staff_no == "T003")).scalar_one()
        dist.allocations = [Allocation(person_id=person.id, contribution_pct=Decimal("100"),
                                       amount=Decimal("70000.00"),
                                       taxable_amount=Decimal("35000.00"))]
        s.add(dist)
    with w.ctx.write() as s:
        case = s.get(Achievement, case_id)
        case.abstract = "从废旧锂电池中回收钴、镍、锂。"
        case.contributions[0].role = ContributorRole.MEMBER
        deal = s.get(Deal, deal_id)
        deal.price = Decimal("650000.00")
    with w.ctx.write() as s:
        s.get(Achievement, case_id).trl = 5


def test_case_detail_has_everything_about_the_case(world):
    enrich(world)
    d = q.case_detail(world.ctx, "CG-2026-0001")
    assert (d.case_no, d.title, d.department, d.officer) == (
        "CG-2026-0001", "废旧锂电池回收工艺", "材料科学与工程学院", "刘晨")
    assert d.status is AchievementStatus.CONVERTING and d.trl == 5
    assert [(c.staff_no, c.name, c.share) for c in d.contributors] == [
        ("T003", "张晓明", Decimal("100"))]
    assert [f.project_no for f in d.funding] == ["2023YFB1234"]
    assert [a.application_no for a in d.ip_assets] == ["CN202610012345.6"]
    assert d.assessments[0].recommendation is Recommendation.PURSUE
    (grant,) = d.rights_grants
    assert grant.team_share == Decimal("70") and grant.publicities[0].channel == "学校官网"
    (deal,) = d.deals
    assert (deal.deal_no, deal.status, deal.counterparty) == (
        "JY-2026-0001", DealStatus.IN_PUBLICITY, "北京锂源新能源科技有限公司")
    assert deal.publicities[0].objections[0].content == "定价偏低"


def test_case_history_holds_the_case_and_its_children_in_order(world):
    enrich(world)
    d = q.case_detail(world.ctx, "CG-2026-0001")
    updates = [(h.entity, set(h.changes)) for h in d.history if h.action == "update"]
    assert any(e == "achievement" and "abstract" in c for e, c in updates)
    assert ("contribution", {"role"}) in updates
    assert updates[-1][0] == "achievement" and "trl" in updates[-1][1]
    assert [h.id for h in d.history] == sorted(h.id for h in d.history)
    assert all(h.entity != "deal" for h in d.history)  # the deal's history is its own


def test_case_history_starts_with_its_creation(world):
    d = q.case_detail(world.ctx, "CG-2026-0001")
    assert (d.history[0].entity, d.history[0].action) == ("achievement", "insert")


def test_deal_detail_has_everything_about_the_deal(world):
    enrich(world)
    d = q.deal_detail(world.ctx, "JY-2026-0001")
    assert (d.deal_no, d.mode, d.price) == ("JY-2026-0001", DealMode.LICENSE_EXCLUSIVE,
                                            Decimal("650000.00"))
    assert d.counterparty is not None and d.counterparty.name == "北京锂源新能源科技有限公司"
    assert [a.case_no for a in d.achievements] == ["CG-2026-0001"]
    assert d.publicities[0].objections[0].raised_by == "某教师"
    assert [r.amount for r in d.receipts] == [Decimal("100000.00")]
    (dist,) = d.distributions
    assert dist.allocations[0].name == "张晓明" and dist.allocations[0].staff_no == "T003"
    assert ("deal", "update") in {(h.entity, h.action) for h in d.history}
    price = next(h for h in d.history if h.entity == "deal" and h.action == "update")
    assert price.changes["price"] == {"before": "640000.00", "after": "650000.00"}


def test_unknown_keys_raise_not_found(world):
    with pytest.raises(NotFound):
        q.case_detail(world.ctx, "CG-1999-0001")
    with pytest.raises(NotFound):
        q.deal_detail(world.ctx, "CG-2026-0001")
