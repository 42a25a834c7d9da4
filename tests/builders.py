"""Test data builders: `make_person(ctx, name="张伟")`, `make_achievement(ctx, ...)` and so on.

Each builder inserts through the ORM in its own `ctx.write()` unit of work (so audit events
are recorded as in real use) and returns the saved object, detached but readable. Unique
numbers (staff_no, case_no, credit codes...) come from a counter, so builders can be called
any number of times in one database. `make_rich_dataset` fills every business table.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from ttdesk import codes as E
from ttdesk.core.base.access import CurrentUser
from ttdesk.core.base.context import AppContext
from ttdesk.core.rules import policy
from ttdesk.core.rules.credit_code import make_credit_code
from ttdesk.db import models as M

T = TypeVar("T")
_seq = itertools.count(1)


# The tests' way in on a database that requires logins (PostgreSQL): a user holding every
# role, as a local file's single user does. Role checks are tested with real users
# (tests/core/office/test_users.py); in-process only, nothing a person can reach.
TESTER = CurrentUser(None, "tester", E.UserRole.ADMIN, all_roles=True)


def signed_in(ctx: AppContext) -> AppContext:
    """`ctx` itself if someone acts in it (a local file's single user), else as TESTER."""
    return ctx if ctx.user is not None else ctx.as_user(TESTER)


def cli_login(ctx: AppContext, monkeypatch: Any, role: E.UserRole = E.UserRole.OFFICER
              ) -> str:
    """Let `ttdesk-cli` (run in-process) log in to `ctx`'s database: a user of `role` with a
    password, named in TTDESK_USER / TTDESK_PASSWORD. Needed where logins are required (a
    server database); a local file with logins off runs as its single user anyway."""
    from ttdesk.core.office import users

    name = f"cli_{role.value}_{_next()}"
    users.create_user(signed_in(ctx), name, name, role, "cli test password")
    monkeypatch.setenv("TTDESK_USER", name)
    monkeypatch.setenv("TTDESK_PASSWORD", "cli test password")
    return name


def _next() -> int:
    return next(_seq)


def _save(ctx: AppContext, obj: T) -> T:
    with ctx.write() as session:
        session.add(obj)
        session.flush()
    return obj


def _get(session: Any, model: type[T], obj: Any) -> T | None:
    """The row behind `obj` (an ORM object from an earlier unit of work) in this session."""
    return None if obj is None else session.get(model, obj.id)


def make_department(ctx: AppContext, **kw: Any) -> M.Department:
    n = _next()
    values = {"code": f"D{n:03d}", "name": f"材料科学与工程学院{n}", "name_en": f"School {n}"}
    return _save(ctx, M.Department(**(values | kw)))


def make_user(ctx: AppContext, **kw: Any) -> M.User:
    n = _next()
    values = {"username": f"officer{n}", "display_name": f"经办人{n}",
              "role": E.UserRole.OFFICER}
    return _save(ctx, M.User(**(values | kw)))


def make_person(ctx: AppContext, department: M.Department | None = None,
                **kw: Any) -> M.Person:
    n = _next()
    values = {"staff_no": f"S{n:06d}", "name": f"张伟{n}", "title": "教授",
              "department_id": department.id if department else None}
    return _save(ctx, M.Person(**(values | kw)))


def make_company(ctx: AppContext, **kw: Any) -> M.Company:
    n = _next()
    values = {"name": f"北京智源科技有限公司{n}",
              "credit_code": make_credit_code(random.Random(n)),
              "region": E.Region.BEIJING, "province_code": "110000"}
    return _save(ctx, M.Company(**(values | kw)))


def make_achievement(ctx: AppContext, *, contributors: Sequence[tuple[M.Person, str]] | None
                     = None, **kw: Any) -> M.Achievement:
    """A case; `contributors` as (person, share) pairs; by default one new person at 100%."""
    n = _next()
    if contributors is None:
        contributors = [(make_person(ctx), "100")]
    values = {"case_no": f"CG-2026-{n:04d}", "title": f"固态电池电解质材料{n}",
              "kind": E.AchievementKind.INVENTION_PATENT, "disclosure_date": date(2026, 1, 5)}
    ach = M.Achievement(**(values | kw))
    ach.contributions = [
        M.Contribution(person_id=p.id, share=Decimal(share),
                       role=E.ContributorRole.LEAD if i == 0 else E.ContributorRole.MEMBER)
        for i, (p, share) in enumerate(contributors)
    ]
    return _save(ctx, ach)


def full_checklist(on: date = date(2026, 3, 20), by: str = "刘晨") -> dict[str, Any]:
    """Every due-diligence item of the default policy ticked (what F04 needs)."""
    return {i["key"]: {"on": on.isoformat(), "by": by, "note": "已核查"}
            for i in policy.DEFAULT_POLICY["due_diligence_items"]}


def make_deal(ctx: AppContext, achievements: Sequence[M.Achievement] = (),
              counterparty: M.Company | None = None, **kw: Any) -> M.Deal:
    n = _next()
    values = {"deal_no": f"HT-2026-{n:04d}", "title": f"专利转让合同{n}",
              "mode": E.DealMode.TRANSFER, "pricing_method": E.PricingMethod.NEGOTIATED,
              "price": Decimal("460000.00"),
              "counterparty_id": counterparty.id if counterparty else None}
    with ctx.write() as session:
        deal = M.Deal(**(values | kw))
        deal.achievements = [_get(session, M.Achievement, a) for a in achievements]
        session.add(deal)
        session.flush()
    return deal


def make_receipt(ctx: AppContext, deal: M.Deal, **kw: Any) -> M.Receipt:
    values = {"deal_id": deal.id, "received_on": date(2026, 6, 1),
              "amount": Decimal("100000.00"), "kind": E.ReceiptKind.UPFRONT}
    return _save(ctx, M.Receipt(**(values | kw)))


def make_distribution(ctx: AppContext, deal: M.Deal, receipts: Sequence[M.Receipt] = (),
                      allocations: Sequence[tuple[M.Person, str, str]] = (),
                      **kw: Any) -> M.Distribution:
    """A distribution; `allocations` as (person, contribution_pct, amount)."""
    values = {"deal_id": deal.id, "gross_income": Decimal("100000.00"),
              "deductible_costs": Decimal("0.00"), "net_income": Decimal("100000.00"),
              "team_share_pct": Decimal(70), "team_amount": Decimal("70000.00"),
              "department_amount": Decimal("10000.00"), "tto_amount": Decimal("10000.00"),
              "university_amount": Decimal("10000.00")}
    with ctx.write() as session:
        dist = M.Distribution(**(values | kw))
        dist.allocations = [
            M.Allocation(person_id=p.id, contribution_pct=Decimal(pct), amount=Decimal(amount),
                         taxable_amount=Decimal(amount))
            for p, pct, amount in allocations
        ]
        session.add(dist)
        session.flush()
        for r in receipts:
            session.execute(M.distribution_receipt.insert().values(
                distribution_id=dist.id, receipt_id=r.id))
    return dist


def _publicity(subject: E.PublicitySubject, start: date, **kw: Any) -> M.Publicity:
    pub = M.Publicity(subject=subject, channel="校内网公示栏", start_date=start, days=15,
                      day_kind=E.DayKind.CALENDAR, end_date=date.fromordinal(
                          start.toordinal() + 14), result=E.PublicityResult.NO_OBJECTION,
                      closed_on=date.fromordinal(start.toordinal() + 15), policy_number=1, **kw)
    pub.objections = [M.Objection(raised_by="李明", raised_on=start, content="价格偏低",
                                  resolution="已说明定价依据", resolved_on=start, upheld=False)]
    return pub


def _rich_case(ctx: AppContext, people: list[M.Person], dept: M.Department,
               officer: M.User) -> M.Achievement:
    ach = make_achievement(
        ctx, contributors=[(people[0], "33.3334"), (people[1], "33.3333"), (people[2], "33.3333")],
        title_en="Solid electrolyte", field="新能源", department_id=dept.id, abstract="摘要",
        trl=5, research_stage=E.ResearchStage.DEVELOPMENT, secrecy=E.Secrecy.SENSITIVE,
        officer_id=officer.id, intended_mode="license_exclusive",
        source=E.AchievementSource.JOINT_LAB, status=E.AchievementStatus.CONVERTING,
        tags="电池,材料", no_funding=False, is_imported=True)
    with ctx.write() as session:
        a = session.get(M.Achievement, ach.id)
        assert a is not None
        a.funding_sources = [M.FundingSource(programme="国家重点研发计划",
                                             funder_type=E.FunderType.NATIONAL,
                                             project_no="2023YFB001", ip_terms_note="无约定")]
        a.ip_assets = [M.IPAsset(kind=E.IPKind.INVENTION_PATENT, jurisdiction="CN",
                                 application_no=f"CN2024{ach.id:07d}.X",
                                 filing_date=date(2024, 3, 1), publication_no="CN1170001A",
                                 publication_date=date(2024, 9, 1), grant_no="ZL2024001",
                                 grant_date=date(2025, 6, 1), status=E.IPStatus.GRANTED,
                                 owners="某大学")]
        session.flush()
        session.add(M.PatentReview(ip_asset_id=a.ip_assets[0].id, grade=E.PatentGrade.B,
                                   decision=E.PatentDecision.PROMOTE, reviewer="王芳",
                                   reviewed_on=date(2026, 2, 5), note="拟重点推广"))
        a.assessments = [M.Assessment(assessed_on=date(2026, 2, 1), assessor="王芳",
                                      technical_score=8, market_score=7,
                                      recommendation=E.Recommendation.PURSUE, notes="可转化")]
        a.supports = [M.SupportReceived(kind=E.SupportKind.INNOVATION_VOUCHER,
                                        provider="海淀区科委", received_on=date(2026, 2, 10),
                                        amount=Decimal("50000.00"))]
        grant = M.RightsGrant(achievement=a, form=E.GrantForm.CO_OWNERSHIP,
                              team_share=Decimal("70"), representative_id=people[0].id,
                              application_date=date(2026, 2, 15), plan_attached=True,
                              consent_recorded=True, decision_body="成果转化领导小组",
                              decision_date=date(2026, 3, 20), agreement_no="FQ-2026-01",
                              agreement_date=date(2026, 3, 25),
                              status=E.GrantStatus.AGREEMENT_SIGNED, policy_number=1)
        session.add(grant)
        session.flush()
        session.add(_publicity(E.PublicitySubject.RIGHTS_GRANT, date(2026, 3, 1),
                               rights_grant_id=grant.id))
    return ach


def make_rich_dataset(ctx: AppContext) -> dict[str, Any]:
    """At least one row in every business table, with every kind of reference."""
    with ctx.write() as session:
        session.add(M.Institution(name="某某大学", name_en="Some University",
                                  tto_name="技术转移中心", address="北京市海淀区",
                                  logo=b"\x89PNG fake logo", asset_company="某大学资产经营公司"))
        session.add(M.CalendarDay(day=date(2027, 1, 1), is_workday=False, note="元旦"))
        policy.update(session, ctx.actor, {"publicity_days": 20}, note="第二版")
    depts = [make_department(ctx), make_department(ctx)]
    officer, _admin = make_user(ctx), make_user(ctx, role=E.UserRole.ADMIN, is_active=False,
                                                password_hash="$argon2id$v=19$fake")
    people = [make_person(ctx, depts[0], email="a@example.edu.cn", id_number="110101199001011234",
                          leader_level=E.LeaderLevel.OTHER),
              make_person(ctx, depts[1], is_student=True, phone="010-62750000"),
              make_person(ctx, None, is_external=True)]
    # a duplicate merged into the first person (master data), and a closed department
    make_person(ctx, depts[0], is_active=False, merged_into_id=people[0].id,
                entrepreneurship=E.EmploymentStatus.OFF_POST)
    make_department(ctx, is_active=False, kind=E.DepartmentKind.HOSPITAL)
    buyer, spinoff = make_company(ctx), make_company(ctx, is_spinoff=True, is_zjtx=True,
                                                     registered_capital=Decimal("1000000.00"))
    with ctx.write() as session:
        session.add(M.PersonInterest(person_id=people[1].id, company_id=buyer.id, nature="股东"))
    case = _rich_case(ctx, people, depts[0], officer)
    plain_case = make_achievement(ctx, contributors=[(people[2], "100")])
    with ctx.write() as session:
        grant = session.query(M.RightsGrant).filter_by(achievement_id=case.id).one()
        ip = session.query(M.IPAsset).filter_by(achievement_id=case.id).one()
        grant_id, ip_id = grant.id, ip.id
    deal = make_deal(ctx, [case, plain_case], buyer, rights_grant_id=grant_id,
                     approval_date=date(2026, 4, 1), signing_date=date(2026, 4, 20),
                     due_diligence=full_checklist(), royalty_rate=Decimal("3.5"),
                     status=E.DealStatus.PERFORMING, upfront_amount=Decimal("100000.00"))
    equity = make_deal(ctx, [plain_case], spinoff, mode=E.DealMode.EQUITY,
                       pricing_method=E.PricingMethod.LISTING, exchange_reference="BJ-2026-77",
                       signing_date=date(2026, 5, 1), status=E.DealStatus.SIGNED)
    with ctx.write() as session:
        session.execute(M.deal_ip_asset.insert().values(deal_id=deal.id, ip_asset_id=ip_id))
        session.add(M.Valuation(deal_id=equity.id, appraised=True, firm="中联评估",
                                report_no="PG-01", base_date=date(2026, 3, 31),
                                approach=E.ValuationApproach.INCOME,
                                appraised_value=Decimal("9500000.00"),
                                agreed_value=Decimal("9500000.00"), filing_date=date(2026, 4, 5)))
        session.add(_publicity(E.PublicitySubject.DEAL, date(2026, 4, 2), deal_id=deal.id))
        session.add(M.CompanyMilestone(company_id=spinoff.id, kind=E.MilestoneKind.FIRST_ORDER,
                                       happened_on=date(2026, 7, 1), amount=Decimal("20000.00")))
        session.add(M.Shareholding(company_id=spinoff.id, holder_type=E.HolderType.INSTITUTION_AMC,
                                   holder_name="某大学资产经营公司", subscribed_capital=Decimal(
                                       "300000.00"), paid_in_capital=Decimal("300000.00"),
                                   percentage=Decimal(30), is_state_owned=True))
        session.add(M.Shareholding(company_id=spinoff.id, holder_type=E.HolderType.TEAM_MEMBER,
                                   holder_name=people[0].name, person_id=people[0].id,
                                   employment_status=E.EmploymentStatus.OFF_POST,
                                   subscribed_capital=Decimal("200000.00"),
                                   paid_in_capital=Decimal("0.00"), percentage=Decimal("20"),
                                   leader_approval_date=date(2026, 4, 28),
                                   leader_approval_body="校长办公会",
                                   leader_approval_doc="校办发〔2026〕12号"))
        session.add(M.OperatingProfit(deal_id=equity.id, year=2026,
                                      amount=Decimal("2000000.00"),
                                      source_document="2026 年度审计报告", note="示例"))
        session.add(M.EquityEvent(company_id=spinoff.id, deal_id=equity.id,
                                  kind=E.EquityEventKind.FORMATION, happened_on=date(2026, 5, 2),
                                  amount=Decimal("9500000.00"), percentage=Decimal(30)))
        demand = M.Demand(company_id=buyer.id, need="高能量密度电池", field="新能源",
                          raised_on=date(2026, 1, 2), source=E.DemandSource.PARK_LIST,
                          park="中关村科学城", note="园区 2026 年第一批需求清单")
        activity = M.MatchActivity(kind=E.ActivityKind.ROADSHOW, held_on=date(2026, 1, 20),
                                   title="成果路演", participants=40, place="中关村会展中心",
                                   note="新能源专场")
        activity.shown = [session.get(M.Achievement, case.id)]
        activity.met = [session.get(M.Company, buyer.id)]
        session.add_all([demand, activity])
        session.flush()
        session.add(M.Match(demand_id=demand.id, achievement_id=case.id, activity_id=activity.id,
                            company_id=buyer.id, outcome=E.MatchOutcome.DEAL,
                            updated_on=date(2026, 3, 1), officer_id=officer.id,
                            contacted_on=date(2026, 1, 20), nda_on=date(2026, 1, 25),
                            negotiating_on=date(2026, 2, 1), deal_on=date(2026, 3, 1),
                            declined_on=None, deal_id=deal.id, note="路演后接洽"))
        session.add(M.Match(achievement_id=case.id, company_id=buyer.id,
                            outcome=E.MatchOutcome.DECLINED, updated_on=date(2026, 2, 1),
                            contacted_on=date(2026, 1, 21), declined_on=date(2026, 2, 1)))
        session.add(M.Promotion(achievement_id=case.id, listed_on=date(2026, 1, 10),
                                public_summary="高能量密度固态电解质，可用于动力电池",
                                park="中关村科学城", delisted_on=date(2026, 3, 2)))
    r1 = make_receipt(ctx, deal, invoice_no="INV-1")
    r2 = make_receipt(ctx, deal, kind=E.ReceiptKind.ROYALTY, amount=Decimal("12345.67"),
                      sales_base=Decimal("352733.43"), received_on=date(2026, 9, 30))
    make_receipt(ctx, deal, kind=E.ReceiptKind.OTHER, amount=Decimal("12345.67"),
                 reverses_id=r2.id, note="冲销", received_on=date(2026, 10, 8))
    with ctx.write() as session:
        session.add(M.Cost(achievement_id=case.id, incurred_on=date(2025, 1, 1),
                           amount=Decimal("950.00"), category=E.CostCategory.PATENT_FEES))
        session.add(M.Cost(deal_id=deal.id, incurred_on=date(2026, 4, 2), amount=Decimal("3000.00"),
                           category=E.CostCategory.LEGAL, deductible=False, note="律师费"))
    dist = make_distribution(ctx, deal, [r1, r2], [(people[0], "50", "35000.00"),
                                                   (people[1], "50", "35000.00")],
                             status=E.DistributionStatus.PAID, approval_date=date(2026, 7, 1),
                             approval_body="技术转移中心", payment_date=date(2026, 8, 1),
                             policy_number=2)
    with ctx.write() as session:
        session.add(_publicity(E.PublicitySubject.DISTRIBUTION, date(2026, 7, 2),
                               distribution_id=dist.id))
        # Generated deadlines embed their subject's id in the rule key, as core.deadlines does.
        session.add(M.Deadline(due_date=date(2026, 5, 20),
                               kind=E.DeadlineKind.CONTRACT_REGISTRATION, subject_type="deal",
                               subject_id=deal.id, subject_ref=deal.deal_no, title="合同登记",
                               rule_key=f"deal:{deal.id}:registration"))
        session.add(M.Deadline(due_date=date(2027, 3, 31), kind=E.DeadlineKind.ANNUAL_REPORT,
                               subject_type="year", subject_id=2026, subject_ref="2026",
                               title="2026 年度报告", rule_key="annual_report:2026"))
        session.add(M.Deadline(due_date=date(2026, 12, 1), kind=E.DeadlineKind.MANUAL,
                               title="回访企业", done=True, done_on=date(2026, 11, 30),
                               snoozed_until=date(2026, 11, 1)))
        session.add(M.Filing(serial_no="F04-2026-0001", kind="F04", subject=deal.deal_no,
                             version=1, created_at=datetime(2026, 4, 2, 8, 30, tzinfo=UTC),
                             created_by="officer", sha256="a" * 64, snapshot_sha256="b" * 64,
                             snapshot={"deal_no": deal.deal_no, "price": "460000.00"},
                             content=b"%PDF-1.4 fake"))
        session.add(M.RegistrationEvent(deal_id=deal.id, kind=E.RegistrationEventKind.SUBMITTED,
                                        event_date=date(2026, 4, 22),
                                        contract_amount=Decimal("460000.00"), note="首次提交"))
        session.add(M.Attachment(entity_type="achievement", entity_id=case.id,
                                 filename="技术交底书.pdf", sha256="c" * 64, description="交底",
                                 content=b"%PDF-1.4 attachment"))
        session.add(M.Note(entity_type="achievement", entity_id=case.id,
                           written_on=date(2026, 3, 2), author="officer",
                           body="与企业电话沟通，对方有意许可"))
    data = {"case": case, "plain_case": plain_case, "deal": deal, "equity": equity,
            "people": people, "companies": [buyer, spinoff], "distribution": dist}
    _add_money_rows(ctx, data)
    return data


def _add_money_rows(ctx: AppContext, data: dict[str, Any]) -> None:
    """A row in every money / equity table of schema 0002 (milestones, royalty reports,
    receipt links, cost reversals, cap-table positions)."""
    deal, equity = data["deal"], data["equity"]
    spinoff, people = data["companies"][1], data["people"]
    with ctx.write() as s:
        s.get(M.Deal, deal.id).royalty_period_months = 6  # type: ignore[union-attr]
        ms = M.PaymentMilestone(deal_id=deal.id, seq=1, title="中试完成",
                                amount=Decimal("200000.00"), due_date=date(2026, 12, 31),
                                trigger="中试报告验收", note="第二期")
        rep = M.RoyaltyReport(deal_id=deal.id, period_start=date(2026, 4, 20),
                              period_end=date(2026, 10, 19), reported_on=date(2026, 10, 30),
                              sales_base=Decimal("800000.00"),
                              reported_royalty=Decimal("28000.00"), note="半年报")
        s.add_all([ms, rep])
        s.flush()
        paid = M.Receipt(deal_id=deal.id, received_on=date(2026, 11, 2),
                         amount=Decimal("28000.00"), kind=E.ReceiptKind.ROYALTY,
                         sales_base=Decimal("800000.00"), royalty_report_id=rep.id)
        node = M.Receipt(deal_id=deal.id, received_on=date(2026, 11, 3),
                         amount=Decimal("200000.00"), kind=E.ReceiptKind.MILESTONE,
                         milestone_id=ms.id)
        cost = M.Cost(deal_id=deal.id, incurred_on=date(2026, 5, 1), amount=Decimal("800.00"),
                      category=E.CostCategory.TAXES)
        s.add_all([paid, node, cost])
        s.flush()
        s.add(M.Cost(deal_id=deal.id, incurred_on=date(2026, 5, 3), amount=Decimal("800.00"),
                     category=E.CostCategory.TAXES, reverses_id=cost.id, note="冲销"))
        proceeds = M.Receipt(deal_id=equity.id, received_on=date(2026, 10, 1),
                             amount=Decimal("500000.00"), kind=E.ReceiptKind.EQUITY_PROCEEDS)
        s.add(proceeds)
        s.flush()
        ev = M.EquityEvent(company_id=spinoff.id, deal_id=equity.id, kind=E.EquityEventKind.EXIT,
                           happened_on=date(2026, 10, 1), amount=Decimal("500000.00"),
                           percentage=Decimal("10"), holder_name="某大学资产经营公司",
                           counterparty_name="北京启航创业投资有限公司",
                           capital_after=Decimal("1000000.00"), receipt_id=proceeds.id,
                           note="部分退出")
        ev.positions = [
            M.EquityPosition(holder_type=E.HolderType.INSTITUTION_AMC,
                             holder_name="某大学资产经营公司",
                             subscribed_capital=Decimal("200000.00"),
                             paid_in_capital=Decimal("200000.00"), percentage=Decimal(20),
                             is_state_owned=True),
            M.EquityPosition(holder_type=E.HolderType.TEAM_MEMBER, holder_name=people[0].name,
                             person_id=people[0].id, subscribed_capital=Decimal("200000.00"),
                             paid_in_capital=Decimal("0.00"), percentage=Decimal(20))]
        s.add(ev)
        s.get(M.Distribution, data["distribution"].id).note = "第一次分配"  # type: ignore
