"""Spin-off follow-up (milestones, support received) and technology managers: the services
record and refuse as the domain says; the CLI speaks to the same services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.builders import make_achievement, make_company, make_deal, make_person
from ttdesk.cli.main import main
from ttdesk.codes import MilestoneKind
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation, ValidationFailed
from ttdesk.core.companies import milestones, support
from ttdesk.core.people import managers, persons
from ttdesk.core.rules import policy
from ttdesk.db.models import Achievement, Company

TODAY = date(2026, 12, 3)


@pytest.fixture
def day_ctx(ctx: AppContext) -> AppContext:
    ctx.today = lambda: TODAY
    return ctx


def test_milestones_recorded_listed_and_flags_follow(day_ctx: AppContext) -> None:
    co = make_company(day_ctx, is_spinoff=True, registration_date=date(2024, 3, 1))
    fin = milestones.add(day_ctx, co.credit_code, milestones.MilestoneIn(
        "financing", date(2025, 5, 6), "30000000", "北京市科技创新基金、启航创投", True, "A轮"))
    milestones.add(day_ctx, co.credit_code, milestones.MilestoneIn("first_order",
                                                                   date(2024, 9, 1)))
    milestones.add(day_ctx, co.credit_code, milestones.MilestoneIn("little_giant",
                                                                   date(2026, 7, 1)))
    rows = milestones.of_company(day_ctx, co.credit_code)
    assert [r.kind for r in rows] == [MilestoneKind.FIRST_ORDER, MilestoneKind.FINANCING,
                                      MilestoneKind.LITTLE_GIANT]
    assert rows[1].id == fin and rows[1].amount == Decimal("30000000.00")
    assert rows[1].government_fund and rows[1].investors.startswith("北京市")
    with day_ctx.read() as s:
        assert s.get(Company, co.id).is_zjtx  # a little giant is 专精特新 too
    milestones.remove(day_ctx, fin)
    assert len(milestones.of_company(day_ctx, co.credit_code)) == 2


@pytest.mark.parametrize(("m", "rule", "field"), [
    (milestones.MilestoneIn("first_order", date(2023, 1, 1)), "R12", "happened_on"),
    (milestones.MilestoneIn("first_order", date(2027, 1, 1)), "INPUT", "happened_on"),
    (milestones.MilestoneIn("zjtx", date(2025, 1, 1), investors="某基金"), "INPUT", "investors"),
    (milestones.MilestoneIn("financing", date(2025, 1, 1), amount="-5"), "R11", "amount"),
    (milestones.MilestoneIn("ipo", date(2025, 1, 1)), "INPUT", "kind"),
])
def test_a_bad_milestone_is_refused_and_nothing_written(
        day_ctx: AppContext, m: milestones.MilestoneIn, rule: str, field: str) -> None:
    co = make_company(day_ctx, is_spinoff=True, registration_date=date(2024, 3, 1))
    with pytest.raises(ValidationFailed) as err:
        milestones.add(day_ctx, co.credit_code, m)
    assert (err.value.problems[0].rule, err.value.problems[0].field) == (rule, field)
    assert milestones.of_company(day_ctx, co.credit_code) == []


def test_support_on_the_case_shows_on_the_company_of_its_deal(day_ctx: AppContext) -> None:
    ach = make_achievement(day_ctx)
    co = make_company(day_ctx, is_spinoff=True)
    make_deal(day_ctx, [ach], co, mode="equity")
    support.add(day_ctx, ach.case_no, support.SupportIn(
        "concept_verification", "北京市概念验证中心", date(2026, 4, 1), "500000"))
    support.add(day_ctx, ach.case_no, support.SupportIn(
        "incubator_service", "中关村创业孵化器", date(2026, 5, 1)))
    rows = support.of_company(day_ctx, co.credit_code)
    assert [(r.case_no, r.kind.value, r.amount) for r in rows] == [
        (ach.case_no, "concept_verification", Decimal("500000.00")),
        (ach.case_no, "incubator_service", None)]
    assert support.of_case(day_ctx, ach.case_no) == rows
    with pytest.raises(RuleViolation) as err:
        support.add(day_ctx, ach.case_no, support.SupportIn("pilot_test", " ", date(2026, 4, 1)))
    assert err.value.problems[0].field == "provider"
    with pytest.raises(RuleViolation):  # before the disclosure
        support.add(day_ctx, ach.case_no, support.SupportIn("pilot_test", "中试基地",
                                                            date(2025, 1, 1)))


def test_a_manager_is_a_person_with_a_level_and_only_managers_are_named(
        day_ctx: AppContext) -> None:
    no = persons.create(day_ctx, persons.PersonIn(
        "王经理", is_external=True, tech_manager_level="senior",
        tech_manager_cert_no="JSJL-2024-0012"))
    plain = make_person(day_ctx)
    with pytest.raises(RuleViolation) as err:
        persons.edit(day_ctx, plain.staff_no, {"tech_manager_cert_no": "X-1"})
    assert err.value.problems[0].field == "tech_manager_level"
    assert [(c.staff_no, c.level.value) for c in managers.choices(day_ctx)] == [(no, "senior")]
    ach = make_achievement(day_ctx)
    deal = make_deal(day_ctx, [ach])
    managers.assign(day_ctx, "case", ach.case_no, no)
    managers.assign(day_ctx, "deal", deal.deal_no, no)
    with pytest.raises(RuleViolation) as err:
        managers.assign(day_ctx, "case", ach.case_no, plain.staff_no)
    assert err.value.problems[0].field == "manager_id"
    managers.assign(day_ctx, "deal", deal.deal_no, None)


def test_action_plan_targets_are_validated_like_other_policy_values() -> None:
    values = dict(policy.DEFAULT_POLICY)
    policy.validate_values(values)
    for bad in ({"2026": {"zjtx": -1}}, {"2026": {"unicorns": 1}}, {"abc": {}},
                {"2026": {"zjtx": True}}, [1, 2]):
        with pytest.raises(ValidationFailed) as err:
            policy.validate_values(values | {"action_plan_targets": bad})
        assert err.value.problems[0].field == "action_plan_targets"


def test_cli_milestone_support_and_manager(ctx: AppContext, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    db = str(ctx.db.engine.url)
    co = make_company(ctx, is_spinoff=True, registration_date=date(2024, 3, 1))
    ach = make_achievement(ctx)
    make_deal(ctx, [ach], co, mode="equity")
    assert main(["--db", db, "milestone", "add", co.credit_code, "financing", "2025-06-01",
                 "--amount", "5000000", "--investors", "中关村科学城科技成长基金",
                 "--government-fund"]) == 0
    assert main(["--db", db, "milestone", "add", co.credit_code, "zjtx", "2099-01-01"]) == 2
    assert main(["--db", db, "support", "add", ach.case_no, "innovation_voucher",
                 "北京市科委", "2026-02-01", "--amount", "200000"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "milestone", "list", co.credit_code]) == 0
    out = capsys.readouterr().out
    assert "融资" in out and "5000000.00" in out and "中关村科学城科技成长基金" in out
    assert main(["--db", db, "support", "list", "--company", co.credit_code]) == 0
    assert "创新券" in capsys.readouterr().out
    assert main(["--db", db, "person", "add", "李经理", "--staff-no", "M001"]) == 0
    assert main(["--db", db, "manager", "assign", "case", ach.case_no, "M001"]) == 2
    assert main(["--db", db, "person", "edit", "M001", "--tech-manager-level",
                 "intermediate", "--tech-manager-cert-no", "JSJL-1"]) == 0
    assert main(["--db", db, "manager", "assign", "case", ach.case_no, "M001"]) == 0
    with ctx.read() as s:
        assert s.execute(select(Achievement.manager_id).where(
            Achievement.case_no == ach.case_no)).scalar_one() is not None
