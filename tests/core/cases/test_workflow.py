"""The workflow services on a real database (SQLite and PostgreSQL): each rule refuses with
its message and writes nothing; each step of the happy paths works."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from ttdesk.codes import AchievementStatus, DeadlineKind, DealStatus, GrantStatus
from ttdesk.core.base.errors import ConflictError, TransitionRefused, ValidationFailed
from ttdesk.core.cases import achievements, assessments, ip_assets, rights
from ttdesk.core.cases.achievements import ContributorIn, DisclosureIn, FundingIn
from ttdesk.core.cases.rights import GrantIn
from ttdesk.core.companies import companies
from ttdesk.core.deals import deals
from ttdesk.core.deals.deals import DealIn, ValuationIn
from ttdesk.core.money import payments
from ttdesk.core.rules.credit_code import make_credit_code
from ttdesk.db.models import (
    Achievement,
    AuditEvent,
    Deadline,
    Deal,
    Department,
    Person,
    PersonInterest,
    User,
)

TODAY = date(2026, 11, 21)


def rules_of(exc: ValidationFailed) -> set[str]:
    return {p.rule for p in exc.problems}


def count(ctx, model) -> int:
    with ctx.read() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


@pytest.fixture
def world(any_ctx):
    """A department, four people, an officer and two companies."""
    ctx = any_ctx
    ctx.today = lambda: TODAY
    with ctx.write() as s:
        dept = Department(code="MSE", name="材料科学与工程学院")
        s.add(dept)
        for i, name in enumerate(["王海燕", "李志强", "张晓明", "陈静"], start=1):
            s.add(Person(staff_no=f"T{i:03d}", name=name, department=dept))
        s.add(User(username="officer1", display_name="刘晨"))
    import random

    rng = random.Random(7)
    codes = [make_credit_code(rng) for _ in range(2)]
    companies.create(ctx, companies.CompanyIn(name="北京锂源新能源科技有限公司",
                                              credit_code=codes[0]))
    companies.create(ctx, companies.CompanyIn(name="京华固态电池有限公司", credit_code=codes[1],
                                              is_spinoff=True))
    ctx.codes = codes
    return ctx


def disclosure(**kw) -> DisclosureIn:
    base = dict(
        title="固态电池电解质界面稳定化技术", kind="invention_patent",
        department="MSE", disclosure_date=date(2026, 3, 5),
        contributors=[ContributorIn("T001", "50", "lead"), ContributorIn("T002", "30"),
                      ContributorIn("T003", "20")],
        funding=[FundingIn("国家重点研发计划", "national", "2023YFB1234")],
        officer="officer1",
    )
    base.update(kw)
    return DisclosureIn(**base)


def test_disclosure_with_three_contributors(world):
    case_no = achievements.create_disclosure(world, disclosure())
    assert case_no == "CG-2026-0001"
    with world.read() as s:
        a = s.execute(select(Achievement)).scalar_one()
        assert [c.share for c in a.contributions] == [Decimal(50), Decimal(30), Decimal(20)]
        assert a.status == AchievementStatus.DISCLOSED


def test_r1_shares_summing_to_90_refused_and_nothing_written(world):
    bad = disclosure(contributors=[ContributorIn("T001", "50"), ContributorIn("T002", "40")])
    with pytest.raises(ValidationFailed) as err:
        achievements.create_disclosure(world, bad)
    assert rules_of(err.value) == {"R1"}
    assert "90" in err.value.messages("zh")[0] and "100" in err.value.messages("en")[0]
    assert count(world, Achievement) == 0


def test_r1_zero_share_and_duplicate_person_refused(world):
    with pytest.raises(ValidationFailed) as err:
        achievements.create_disclosure(world, disclosure(contributors=[
            ContributorIn("T001", "100"), ContributorIn("T001", "0")]))
    assert "R1" in rules_of(err.value)


def test_unknown_person_is_located(world):
    with pytest.raises(ValidationFailed) as err:
        achievements.create_disclosure(world, disclosure(contributors=[
            ContributorIn("NOPE", "100")]))
    assert err.value.problems[0].where == "contributors[0]"


def test_r2_assessment_needs_funding_declared(world):
    case_no = achievements.create_disclosure(world, disclosure(funding=[]))
    with pytest.raises(ValidationFailed) as err:
        achievements.transition(world, case_no, "assessing")
    assert rules_of(err.value) == {"R2"}
    achievements.set_funding(world, case_no, [], no_funding=True)
    achievements.transition(world, case_no, "assessing")


def test_forbidden_achievement_transitions_refused(world):
    case_no = achievements.create_disclosure(world, disclosure())
    for target in ("converted", "archived", "marketing", "protecting", "disclosed"):
        with pytest.raises(TransitionRefused) as err:
            achievements.transition(world, case_no, target)
        assert err.value.rule == "STATUS"
        assert "已披露" in err.value.messages("zh")[0]
    with pytest.raises(ValidationFailed):
        achievements.transition(world, case_no, "released")  # no reason
    achievements.transition(world, case_no, "released", reason="无转化前景")
    with pytest.raises(TransitionRefused):
        achievements.transition(world, case_no, "assessing")


def test_stale_version_is_a_conflict(world):
    case_no = achievements.create_disclosure(world, disclosure())
    v = achievements.update(world, case_no, {"title": "固态电池电解质界面稳定化技术（二期）"},
                            expected_version=1)
    assert v == 2
    with pytest.raises(ConflictError):
        achievements.update(world, case_no, {"abstract": "x"}, expected_version=1)


def test_fields_and_contributors_save_together_or_not_at_all(world):
    case_no = achievements.create_disclosure(world, disclosure())
    swapped = [ContributorIn("T001", "40", "lead"), ContributorIn("T002", "60")]
    with pytest.raises(ValidationFailed) as err:  # the title is refused: the list stays too
        achievements.update(world, case_no, {"title": "  "}, expected_version=1,
                            contributors=swapped)
    assert rules_of(err.value) == {"R2"}
    with world.read() as s:
        shares = sorted(c.share for c in s.execute(select(Achievement)).scalar_one()
                        .contributions)
    assert shares == [20, 30, 50]
    v = achievements.update(world, case_no, {"abstract": "界面层"}, expected_version=1,
                            contributors=swapped)
    assert v == 2
    with world.read() as s:
        a = s.execute(select(Achievement)).scalar_one()
        assert (a.abstract, sorted(c.share for c in a.contributions)) == ("界面层", [40, 60])


def _converting_case(ctx) -> str:
    case_no = achievements.create_disclosure(ctx, disclosure())
    achievements.transition(ctx, case_no, "assessing")
    assessments.add(ctx, case_no, assessments.AssessmentIn(date(2026, 4, 1), "评审专家组",
                                                           "pursue", 85, 80))
    return case_no


def _deal_in_approval(ctx, price="1000000.00", method="negotiated", mode="license_exclusive",
                      **kw) -> str:
    case_no = _converting_case(ctx)
    deal_no = deals.create(ctx, DealIn(title="固态电解质技术独占许可", mode=mode,
                                       achievements=[case_no], counterparty=ctx.codes[0],
                                       pricing_method=method, price=price, **kw))
    deals.start_due_diligence(ctx, deal_no)
    deals.submit_for_approval(ctx, deal_no)
    return deal_no


def test_negotiated_deal_to_signed_and_early_signing_refused(world):
    deal_no = _deal_in_approval(world)
    with pytest.raises(ValidationFailed) as err:
        deals.record_approval(world, deal_no, "党委常委会", date(2026, 10, 30))
    assert rules_of(err.value) == {"R6"}
    assert "技术转移中心" in err.value.messages("zh")[0]
    deals.record_approval(world, deal_no, "技术转移中心", date(2026, 10, 30), "TTO-2026-18")
    end = deals.start_publicity(world, deal_no, date(2026, 11, 1), "学校官网")
    assert end == date(2026, 11, 15)  # 15 calendar days, the start day counted
    with pytest.raises(ValidationFailed) as err:
        deals.sign(world, deal_no, date(2026, 11, 15))
    assert rules_of(err.value) == {"R5"}
    assert "2026-11-16" in err.value.messages("zh")[0]
    with world.read() as s:
        assert s.execute(select(Deal.status)).scalar_one() == DealStatus.IN_PUBLICITY
    deals.sign(world, deal_no, date(2026, 11, 16))
    deals.register(world, deal_no, "2026110108000123", date(2026, 11, 18))
    with world.read() as s:
        deal = s.execute(select(Deal)).scalar_one()
        assert deal.status == DealStatus.REGISTERED
        keys = set(s.execute(select(Deadline.rule_key, Deadline.done)).all())
    assert (f"deal:{deal.id}:registration", True) in keys


def test_objection_suspends_and_upheld_terminates(world):
    deal_no = _deal_in_approval(world)
    deals.record_approval(world, deal_no, "技术转移中心", date(2026, 10, 30))
    deals.start_publicity(world, deal_no, date(2026, 11, 1), "学校官网")
    deals.object_to(world, deal_no, "某教师", date(2026, 11, 3), "价格明显偏低")
    with pytest.raises(TransitionRefused):
        deals.sign(world, deal_no, date(2026, 11, 20))
    deals.resolve_objection(world, deal_no, "经复核，价格偏低属实", date(2026, 11, 10),
                            upheld=True)
    with world.read() as s:
        assert s.execute(select(Deal.status)).scalar_one() == DealStatus.TERMINATED


def test_listing_needs_exchange_reference(world):
    deal_no = _deal_in_approval(world, method="listing")
    deals.record_approval(world, deal_no, "技术转移中心", date(2026, 10, 30))
    with pytest.raises(ValidationFailed) as err:
        deals.sign(world, deal_no, date(2026, 11, 2))
    assert rules_of(err.value) == {"R5"}
    deals.update_terms(world, deal_no, {"exchange_reference": "BJTE-2026-0815"})
    deals.sign(world, deal_no, date(2026, 11, 2))


def test_r6_tier_for_large_price(world):
    deal_no = _deal_in_approval(world, price="9000000.00")
    with pytest.raises(ValidationFailed) as err:
        deals.record_approval(world, deal_no, "技术转移中心", date(2026, 10, 30))
    assert "党委常委会" in err.value.messages("zh")[0]
    deals.record_approval(world, deal_no, "党委常委会", date(2026, 10, 30))


def test_r7_related_party_needs_declaration(world):
    with world.write() as s:
        person = s.execute(select(Person).where(Person.staff_no == "T002")).scalar_one()
        from ttdesk.db.models import Company

        company = s.execute(select(Company).where(Company.credit_code == world.codes[0])
                            ).scalar_one()
        s.add(PersonInterest(person_id=person.id, company_id=company.id, nature="股东"))
    case_no = _converting_case(world)
    deal_no = deals.create(world, DealIn(title="关联交易", mode="transfer",
                                         achievements=[case_no], counterparty=world.codes[0],
                                         pricing_method="negotiated", price="460000"))
    deals.start_due_diligence(world, deal_no)
    with pytest.raises(ValidationFailed) as err:
        deals.submit_for_approval(world, deal_no)
    assert rules_of(err.value) == {"R7"}
    deals.declare_related_party(world, deal_no, "李志强持有受让方 5% 股权", date(2026, 10, 20))
    deals.submit_for_approval(world, deal_no)


def test_r8_equity_needs_valuation_and_valid_credit_code(world):
    case_no = _converting_case(world)
    deal_no = deals.create(world, DealIn(title="作价投资", mode="equity", achievements=[case_no],
                                         counterparty=world.codes[1],
                                         pricing_method="negotiated", price="9500000"))
    deals.start_due_diligence(world, deal_no)
    with pytest.raises(ValidationFailed) as err:
        deals.submit_for_approval(world, deal_no)
    assert rules_of(err.value) == {"R8"}
    deals.add_valuation(world, deal_no, ValuationIn(appraised=False,
                                                    no_appraisal_reason="学校决定不评估"))
    deals.submit_for_approval(world, deal_no)
    with pytest.raises(ValidationFailed) as err:
        companies.create(world, companies.CompanyIn(name="坏代码公司",
                                                    credit_code="91110108MA01234567"))
    assert rules_of(err.value) == {"R8"}


def test_r9_secret_needs_supervising_approval_and_raises_mof_deadline(world):
    case_no = achievements.create_disclosure(world, disclosure(secrecy="secret_or_security"))
    achievements.transition(world, case_no, "assessing")
    deal_no = deals.create(world, DealIn(title="涉密成果转让", mode="transfer",
                                         achievements=[case_no], counterparty=world.codes[0],
                                         pricing_method="negotiated", price="460000"))
    deals.start_due_diligence(world, deal_no)
    with pytest.raises(ValidationFailed) as err:
        deals.submit_for_approval(world, deal_no)
    assert rules_of(err.value) == {"R9"}
    deals.record_supervising_approval(world, deal_no, "工信部批复〔2026〕12号",
                                      date(2026, 9, 28))
    deals.submit_for_approval(world, deal_no)
    with world.read() as s:
        due = s.execute(select(Deadline.due_date).where(Deadline.kind == "mof_filing")
                        ).scalar_one()
    assert due == date(2026, 10, 23)  # 15 working days across the National Day holiday


def test_r4_grant_before_exercise(world):
    case_no = _converting_case(world)
    grant_id = rights.apply(world, case_no, GrantIn("co_ownership", date(2026, 5, 1),
                                                    team_share="70", consent_recorded=True,
                                                    plan_attached=True))
    deal_no = deals.create(world, DealIn(title="团队行权许可", mode="license_sole",
                                         achievements=[case_no], counterparty=world.codes[0],
                                         pricing_method="listing", price="640000",
                                         rights_grant_id=grant_id))
    deals.update_terms(world, deal_no, {"exchange_reference": "BJTE-1"})
    deals.start_due_diligence(world, deal_no)
    deals.submit_for_approval(world, deal_no)
    deals.record_approval(world, deal_no, "技术转移中心", date(2026, 10, 30))
    with pytest.raises(ValidationFailed) as err:
        deals.sign(world, deal_no, date(2026, 11, 2))
    assert rules_of(err.value) == {"R4"}


def test_r3_grant_terms_and_full_path(world):
    case_no = _converting_case(world)
    for bad, rule_field in ((GrantIn("co_ownership", date(2026, 5, 1), team_share="100"),
                             "team_share"),
                            (GrantIn("long_term_use", date(2026, 5, 1), term_years=5),
                             "term_years")):
        with pytest.raises(ValidationFailed) as err:
            rights.apply(world, case_no, bad)
        assert err.value.problems[0].rule == "R3"
        assert err.value.problems[0].field == rule_field
    gid = rights.apply(world, case_no, GrantIn("co_ownership", date(2026, 5, 1),
                                               team_share="75", representative="T001",
                                               plan_attached=True, consent_recorded=True))
    rights.college_review(world, gid, date(2026, 5, 10), "同意")
    rights.tto_review(world, gid, date(2026, 5, 20), "同意")
    rights.start_publicity(world, gid, date(2026, 6, 1), "学校官网")
    with pytest.raises(ValidationFailed) as err:  # publicity not over yet
        rights.approve(world, gid, "校长办公会", date(2026, 6, 10), "2026-07")
    assert rules_of(err.value) == {"R5"}
    rights.approve(world, gid, "校长办公会", date(2026, 6, 20), "2026-07")
    with pytest.raises(TransitionRefused):
        rights.change_title(world, gid, date(2026, 7, 1))
    rights.sign_agreement(world, gid, "FQ-2026-003", date(2026, 6, 25))
    rights.change_title(world, gid, date(2026, 7, 1))
    with world.read() as s:
        from ttdesk.db.models import RightsGrant

        assert s.get(RightsGrant, gid).status == GrantStatus.TITLE_CHANGED


def test_r3_secret_achievement_cannot_be_granted(world):
    case_no = achievements.create_disclosure(world, disclosure(secrecy="secret_or_security"))
    with pytest.raises(ValidationFailed) as err:
        rights.apply(world, case_no, GrantIn("long_term_use", date(2026, 5, 1), term_years=10))
    assert rules_of(err.value) == {"R3"}


def test_r12_ip_dates_in_order(world):
    case_no = achievements.create_disclosure(world, disclosure())
    with pytest.raises(ValidationFailed) as err:
        ip_assets.add(world, case_no, ip_assets.IPAssetIn(
            "invention_patent", "2026101234567", filing_date=date(2026, 4, 1),
            publication_date=date(2026, 3, 1)))
    assert rules_of(err.value) == {"R12"}


def test_every_change_is_audited_and_chain_verifies(world):
    from ttdesk.core.records.check import run_check

    case_no = achievements.create_disclosure(world, disclosure())
    achievements.update(world, case_no, {"abstract": "界面改性"})
    with world.read() as s:
        events = s.execute(select(AuditEvent).where(AuditEvent.entity == "achievement")
                           .order_by(AuditEvent.id)).scalars().all()
        assert [e.action.value for e in events] == ["insert", "update"]
        assert events[1].changes["abstract"] == {"before": None, "after": "界面改性"}
        assert events[1].actor == world.actor
    assert run_check(world).ok
    with world.write() as s:  # tamper with history behind the app's back
        from sqlalchemy import update

        s.execute(update(AuditEvent).where(AuditEvent.id == events[0].id)
                  .values(actor="intruder"))
    assert any(p.rule == "AUDIT" for p in run_check(world).findings)


def test_check_finds_shares_broken_behind_the_apps_back(world):
    from sqlalchemy import update

    from ttdesk.core.records.check import run_check
    from ttdesk.db.models import Contribution

    achievements.create_disclosure(world, disclosure())
    with world.write() as s:
        first = s.execute(select(Contribution).order_by(Contribution.id)).scalars().first()
        s.execute(update(Contribution).where(Contribution.id == first.id)
                  .values(share=Decimal(40)))
    findings = run_check(world).findings
    assert [(p.rule, p.where, p.field) for p in findings] == [
        ("HISTORY", f"contribution #{first.id} (id {first.id})", "share"),
        ("R1", "CG-2026-0001", "contributors")]
    assert "90" in findings[1].zh


def test_insert_events_carry_the_new_rows_id(world):
    case_no = achievements.create_disclosure(world, disclosure())
    with world.read() as s:
        case_id = s.execute(select(Achievement.id)).scalar_one()
        ev = s.execute(select(AuditEvent).where(AuditEvent.entity == "achievement")).scalar_one()
    assert (ev.entity_id, ev.entity_ref, ev.action.value) == (case_id, case_no, "insert")


def test_signing_a_royalty_licence_sets_its_first_report_deadline(world):
    deal_no = _deal_in_approval(world, method="listing")
    deals.update_terms(world, deal_no, {"exchange_reference": "BJTE-2026-0816"})
    payments.set_terms(world, deal_no, payments.PaymentTermsIn(
        upfront_amount="200000", royalty_rate="3", royalty_base="净销售额",
        royalty_period_months=3))
    deals.record_approval(world, deal_no, "技术转移中心", date(2026, 10, 30))
    with world.read() as s:
        assert s.execute(select(Deadline).where(
            Deadline.kind == DeadlineKind.ROYALTY_REPORT)).first() is None
    deals.sign(world, deal_no, date(2026, 11, 2))
    with world.read() as s:
        due = s.execute(select(Deadline.rule_key, Deadline.due_date).where(
            Deadline.kind == DeadlineKind.ROYALTY_REPORT)).one()
    assert due.rule_key.endswith(":royalty:2027-02-01")
    assert due.due_date > date(2027, 2, 1)
