"""Master data by hand: departments, people and companies created, edited, found by pinyin
initials, refused when duplicated or invalid, merged (references move, audit records it) and
deactivated instead of deleted when referenced."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.builders import make_achievement, make_deal, make_distribution
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import NotFound, RuleViolation
from ttdesk.core.companies import companies
from ttdesk.core.people import departments, persons
from ttdesk.core.rules.credit_code import compute_check_char, make_credit_code
from ttdesk.core.views import choices
from ttdesk.db import models as M


def _dept(ctx: AppContext, code: str = "D01", name: str = "材料科学与工程学院") -> str:
    return departments.create(ctx, departments.DepartmentIn(code=code, name=name))


def _person(ctx: AppContext, staff_no: str | None, name: str, dept: str | None = "D01") -> str:
    return persons.create(ctx, persons.PersonIn(name=name, staff_no=staff_no, department=dept,
                                                title="教授"))


def _row(ctx: AppContext, model: type, **where: object) -> object:
    with ctx.read() as s:
        stmt = select(model)
        for k, v in where.items():
            stmt = stmt.where(getattr(model, k) == v)
        return s.execute(stmt).scalar_one()


def test_department_create_edit_and_duplicate_refused_naming_the_existing(ctx: AppContext):
    assert _dept(ctx) == "D01"
    with pytest.raises(RuleViolation) as err:
        _dept(ctx, "D01", "化学学院")
    assert err.value.problems[0].field == "code"
    assert "材料科学与工程学院（D01）" in err.value.messages("zh")[0]
    with pytest.raises(RuleViolation) as err:
        departments.create(ctx, departments.DepartmentIn(code="D09", name="材料科学与工程学院"))
    assert err.value.problems[0].field == "name"
    departments.edit(ctx, "D01", {"name": "材料学院", "kind": "institute"})
    dept = _row(ctx, M.Department, code="D01")
    assert (dept.name, dept.kind.value) == ("材料学院", "institute")
    assert choices.find_departments(ctx, "clxy") == [("D01", "材料学院")]
    with pytest.raises(RuleViolation) as err:
        departments.edit(ctx, "D01", {"kind": "faculty"})
    assert err.value.problems[0].field == "kind"


def test_person_found_by_name_initials_full_pinyin_and_staff_no(ctx: AppContext):
    _dept(ctx)
    _person(ctx, "T1001", "张伟")
    _person(ctx, "T1002", "王芳")
    _person(ctx, "T1003", "张小伟")
    assert [p.staff_no for p in choices.find_people(ctx, "zw")] == ["T1001"]
    assert [p.staff_no for p in choices.find_people(ctx, "zhang")] == ["T1001", "T1003"]
    assert [p.staff_no for p in choices.find_people(ctx, "ZXW")] == ["T1003"]
    assert [p.staff_no for p in choices.find_people(ctx, "t1002")] == ["T1002"]
    assert [p.staff_no for p in choices.find_people(ctx, "张 伟")] == ["T1001", "T1003"]
    found = choices.find_people(ctx, "王芳")[0]
    assert (found.name, found.department) == ("王芳", "材料科学与工程学院")
    assert choices.find_people(ctx, "%") == []  # a typed wildcard is just a character


def test_duplicate_staff_no_refused_naming_the_person_and_nothing_written(ctx: AppContext):
    _dept(ctx)
    _person(ctx, "T1001", "张伟")
    with pytest.raises(RuleViolation) as err:
        _person(ctx, "T1001", "李娜")
    problem = err.value.problems[0]
    assert (problem.rule, problem.field) == ("DUP", "staff_no")
    assert "张伟" in problem.zh and "材料科学与工程学院" in problem.zh
    assert choices.find_people(ctx, "李娜") == []
    with pytest.raises(RuleViolation) as err:
        persons.create(ctx, persons.PersonIn(name="李娜", staff_no="T2", email="not-a-mail"))
    assert err.value.problems[0].field == "email"
    with pytest.raises(NotFound):
        _person(ctx, "T3", "李娜", dept="NOPE")


def test_external_without_staff_no_gets_one_and_edit_changes_fields(ctx: AppContext):
    first = persons.create(ctx, persons.PersonIn(name="Alice Chen", is_external=True))
    second = persons.create(ctx, persons.PersonIn(name="赵六", is_external=True))
    assert (first, second) == ("EXT-00001", "EXT-00002")
    persons.edit(ctx, second, {"name": "赵陆", "entrepreneurship": "off_post",
                               "leader_level": "other"})
    p = _row(ctx, M.Person, staff_no=second)
    assert (p.name, p.entrepreneurship.value, p.leader_level.value) == ("赵陆", "off_post",
                                                                        "other")
    assert [c.staff_no for c in choices.find_people(ctx, "zl")] == [second]
    assert [c.staff_no for c in choices.find_people(ctx, "alice")] == [first]


def test_company_credit_code_checked_region_from_code_duplicate_named(ctx: AppContext):
    rng = random.Random(7)
    tianjin = make_credit_code(rng, "120116")
    code = companies.create(ctx, companies.CompanyIn(name="天津锂源科技有限公司",
                                                     credit_code=tianjin.lower()))
    company = _row(ctx, M.Company, credit_code=code)
    assert (company.region.value, company.province_code) == ("tianjin", "120116")
    guangdong = make_credit_code(rng, "440305")
    companies.create(ctx, companies.CompanyIn(name="深圳某某公司", credit_code=guangdong))
    assert _row(ctx, M.Company, credit_code=guangdong).region.value == "other_province"

    wrong = tianjin[:17] + ("0" if tianjin[17] != "0" else "1")
    with pytest.raises(RuleViolation) as err:
        companies.create(ctx, companies.CompanyIn(name="错码公司", credit_code=wrong))
    assert err.value.rule == "R8"
    assert f"应为“{compute_check_char(wrong[:17])}”" in err.value.problems[0].zh
    with pytest.raises(RuleViolation) as err:
        companies.create(ctx, companies.CompanyIn(name="重复公司", credit_code=tianjin))
    assert "天津锂源科技有限公司" in err.value.problems[0].zh
    assert [c for c, _ in choices.find_companies(ctx, "tjly")] == [tianjin]

    companies.edit(ctx, tianjin, {"region": "abroad", "legal_representative": "周杰"})
    company = _row(ctx, M.Company, credit_code=tianjin)
    assert (company.region.value, company.province_code) == ("abroad", None)
    assert [c for c, _ in choices.find_companies(ctx, "zj")] == [tianjin]


def test_merging_people_moves_contributions_and_allocations_and_is_audited(ctx: AppContext):
    _dept(ctx)
    _person(ctx, "T1", "张伟")
    _person(ctx, "T1-dup", "张伟")
    kept, dup = (_row(ctx, M.Person, staff_no=k) for k in ("T1", "T1-dup"))
    both = make_achievement(ctx, contributors=[(dup, "60"), (kept, "40")])
    alone = make_achievement(ctx, contributors=[(dup, "100")])
    deal = make_deal(ctx, [alone])
    make_distribution(ctx, deal, allocations=[(dup, "100", "70000.00")])

    assert persons.merge(ctx, "T1-dup", "T1") == 3
    with ctx.read() as s:
        rows = s.execute(select(M.Contribution.achievement_id, M.Contribution.person_id,
                                M.Contribution.share, M.Contribution.role)).all()
        assert sorted((a, p, sh, r.value) for a, p, sh, r in rows) == [
            (both.id, kept.id, Decimal("100"), "lead"), (alone.id, kept.id, Decimal(100), "lead")]
        assert s.execute(select(M.Allocation.person_id)).scalars().all() == [kept.id]
        merged = s.get(M.Person, dup.id)
        assert (merged.is_active, merged.merged_into_id) == (False, kept.id)
        event = s.execute(select(M.AuditEvent).where(M.AuditEvent.entity == "person",
                                                     M.AuditEvent.entity_id == dup.id)
                          .order_by(M.AuditEvent.id.desc())).scalars().first()
        assert event.changes["merged_into_id"] == {"before": None, "after": kept.id}
    assert [p.staff_no for p in choices.find_people(ctx, "张伟")] == ["T1"]
    with pytest.raises(RuleViolation) as err:
        persons.merge(ctx, "T1-dup", "T1")
    assert err.value.rule == "MERGE"
    with pytest.raises(RuleViolation):
        persons.set_active(ctx, "T1-dup", True)


def test_referenced_person_cannot_be_deleted_but_can_be_deactivated(ctx: AppContext):
    _dept(ctx)
    _person(ctx, "T1", "张伟")
    _person(ctx, "T2", "王芳")
    make_achievement(ctx, contributors=[(_row(ctx, M.Person, staff_no="T1"), "100")])
    with pytest.raises(RuleViolation) as err:
        persons.delete(ctx, "T1")
    assert err.value.rule == "REF" and "完成人 1" in err.value.problems[0].zh
    persons.set_active(ctx, "T1", False)
    assert choices.find_people(ctx, "zw") == []
    persons.set_active(ctx, "T1", True)
    assert [p.staff_no for p in choices.find_people(ctx, "zw")] == ["T1"]
    persons.delete(ctx, "T2")
    with pytest.raises(NotFound):
        persons.edit(ctx, "T2", {"name": "x"})
    with pytest.raises(RuleViolation) as err:
        departments.delete(ctx, "D01")
    assert "人员 1" in err.value.problems[0].zh
    departments.set_active(ctx, "D01", False)
    assert choices.find_departments(ctx, "D01") == []
    with pytest.raises(RuleViolation) as err:
        _person(ctx, "T3", "李娜", dept="D01")
    assert err.value.problems[0].field == "department"


def test_merging_companies_moves_the_deals(ctx: AppContext):
    rng = random.Random(3)
    a, b = make_credit_code(rng), make_credit_code(rng)
    companies.create(ctx, companies.CompanyIn(name="北京锂源科技有限公司", credit_code=a))
    companies.create(ctx, companies.CompanyIn(name="北京锂源科技公司", credit_code=b))
    dup = _row(ctx, M.Company, credit_code=b)
    deal = make_deal(ctx, counterparty=dup)
    with pytest.raises(RuleViolation):
        companies.delete(ctx, b)
    assert companies.merge(ctx, b, a) == 1
    kept = _row(ctx, M.Company, credit_code=a)
    assert _row(ctx, M.Deal, id=deal.id).counterparty_id == kept.id
    assert [c for c, _ in choices.find_companies(ctx, "bjly")] == [a]
