"""R10 as domain.md §6 has it: a principal leader takes no equity, with or without an
approval; a dean ("other" leader) takes equity only with an approval record (date, body,
document number), entered in the equity distribution or on the cap table; `check` finds a
stored leader's equity without its record."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from builders import make_achievement, make_company, make_deal, make_person
from sqlalchemy import select, update

from core.exchange.dbcompare import signatures
from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.companies import equity
from ttdesk.core.money import distribution as dist
from ttdesk.core.people import persons
from ttdesk.core.people.leaders import LeaderApproval
from ttdesk.core.records.money_check import leader_equity
from ttdesk.core.rules import policy
from ttdesk.db import models as M

APPROVAL = LeaderApproval(date(2026, 3, 10), "校长办公会", "校办发〔2026〕7号")


def _equity_deal(ctx: AppContext, level: E.LeaderLevel) -> tuple[M.Deal, M.Person, M.Person]:
    ctx.today = lambda: date(2026, 11, 20)
    leader, member = make_person(ctx, leader_level=level), make_person(ctx)
    case = make_achievement(ctx, contributors=[(leader, "40"), (member, "60")])
    deal = make_deal(ctx, [case], mode=E.DealMode.EQUITY, price=Decimal("5000000.00"),
                     status=E.DealStatus.SIGNED, signing_date=date(2026, 3, 1))
    return deal, leader, member


def _refused(ctx: AppContext, action, field: str) -> str:  # type: ignore[no-untyped-def]
    before = signatures(ctx)
    with pytest.raises(ValidationFailed) as exc:
        action()
    p = exc.value.problems[0]
    assert (p.rule, p.field) == ("R10", field), exc.value.problems
    assert signatures(ctx) == before
    return p.zh


def _findings(ctx: AppContext) -> list[str]:
    with ctx.read() as s:
        return [f"{p.where}: {p.en}" for p in leader_equity(s, policy.current(s))]


def test_a_deans_equity_reward_needs_the_approval_record(ctx: AppContext) -> None:
    deal, dean, member = _equity_deal(ctx, E.LeaderLevel.OTHER)
    zh = _refused(ctx, lambda: dist.save(ctx, dist.DistributionIn(deal.deal_no, is_equity=True)),
                  "leader_approval")
    assert dean.name in zh and "报批/备案" in zh
    did = dist.save(ctx, dist.DistributionIn(deal.deal_no, is_equity=True,
                                             leader_approvals={dean.staff_no: APPROVAL}))
    lines = {a.staff_no: a for a in dist.distribution_detail(ctx, did).plan.allocations}
    # 70% of ¥5,000,000 = ¥3,500,000 as reward shares, 40% of it the dean's
    assert lines[dean.staff_no].amount == Decimal("1400000.00")
    assert lines[dean.staff_no].leader_level == E.LeaderLevel.OTHER
    assert lines[dean.staff_no].leader_approval == APPROVAL
    assert lines[member.staff_no].leader_approval is None
    assert _findings(ctx) == []
    with ctx.write() as s:  # the record lost in stored data: check finds it
        s.execute(update(M.Allocation).values(leader_approval_date=None))
    assert _findings(ctx) == [f"{dean.staff_no}: a leader's equity has no approval record"]


def test_a_principal_leaders_equity_is_refused_even_with_an_approval(ctx: AppContext) -> None:
    deal, head, _member = _equity_deal(ctx, E.LeaderLevel.PRINCIPAL)
    zh = _refused(ctx, lambda: dist.save(ctx, dist.DistributionIn(
        deal.deal_no, is_equity=True, leader_approvals={head.staff_no: APPROVAL})),
        "allocations")
    assert "正职领导" in zh and "现金奖励" in zh
    # his cash reward is fine: principal leaders are refused equity only
    assert head.leader_level == E.LeaderLevel.PRINCIPAL


def test_an_incomplete_or_future_approval_is_refused(ctx: AppContext) -> None:
    deal, dean, _member = _equity_deal(ctx, E.LeaderLevel.OTHER)
    for bad in (LeaderApproval(date(2026, 3, 10), "校长办公会", " "),
                LeaderApproval(date(2026, 3, 10), "", "校办发〔2026〕7号")):
        _refused(ctx, lambda bad=bad: dist.save(ctx, dist.DistributionIn(
            deal.deal_no, is_equity=True, leader_approvals={dean.staff_no: bad})),
            "leader_approval")
    with pytest.raises(ValidationFailed) as exc:
        dist.save(ctx, dist.DistributionIn(deal.deal_no, is_equity=True, leader_approvals={
            dean.staff_no: LeaderApproval(date(2026, 12, 1), "校长办公会", "7号")}))
    assert exc.value.problems[0].rule == "R12"


def test_a_dean_on_the_cap_table_with_and_without_the_record(ctx: AppContext) -> None:
    deal, dean, member = _equity_deal(ctx, E.LeaderLevel.OTHER)
    company = make_company(ctx, is_spinoff=True, registration_date=date(2025, 1, 10))

    def holders(approval: LeaderApproval | None) -> list[equity.HolderIn]:
        return [equity.HolderIn("institution_amc", "资产公司", "3000000"),
                equity.HolderIn("team_member", dean.name, "800000", staff_no=dean.staff_no,
                                leader_approval=approval),
                equity.HolderIn("team_member", member.name, "1200000",
                                staff_no=member.staff_no)]

    _refused(ctx, lambda: equity.form_company(ctx, deal.deal_no, company.credit_code,
                                              date(2026, 4, 1), holders(None)),
             "leader_approval")
    equity.form_company(ctx, deal.deal_no, company.credit_code, date(2026, 4, 1),
                        holders(APPROVAL))
    with ctx.read() as s:
        row = s.execute(select(M.Shareholding).where(M.Shareholding.person_id == dean.id)
                        ).scalar_one()
        assert (row.leader_approval_date, row.leader_approval_body, row.leader_approval_doc
                ) == (date(2026, 3, 10), "校长办公会", "校办发〔2026〕7号")
    assert _findings(ctx) == []
    # more capital later keeps the record on his holding: no new approval asked
    equity.capital_increase(ctx, company.credit_code, date(2026, 6, 1), [
        equity.HolderIn("team_member", dean.name, "100000", staff_no=dean.staff_no)])
    assert _findings(ctx) == []
    # the dean made a principal leader later: check finds his equity
    persons.edit(ctx, dean.staff_no, {"leader_level": "principal"})
    assert _findings(ctx) == [f"{dean.staff_no}: a principal leader received equity"]


def test_leader_level_is_a_code(ctx: AppContext) -> None:
    with pytest.raises(Exception) as exc:
        persons.create(ctx, persons.PersonIn(name="赵六", leader_level="head"))
    assert "principal" in str(exc.value.problems[0].en)  # type: ignore[attr-defined]
    staff_no = persons.create(ctx, persons.PersonIn(name="赵六", leader_level="other"))
    with ctx.read() as s:
        assert s.execute(select(M.Person.leader_level).where(M.Person.staff_no == staff_no)
                         ).scalar_one() == E.LeaderLevel.OTHER


def test_an_older_document_flagging_unit_heads_imports_as_principal_leaders(
        ctx: AppContext, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from ttdesk.core.exchange import export_json, import_json
    from ttdesk.core.office.setup import open_context

    head, other = make_person(ctx, leader_level=E.LeaderLevel.PRINCIPAL), make_person(ctx)
    export_json(ctx, tmp_path / "x.json")
    doc = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    for p in doc["people"]:  # as a document of schema 0006 wrote it
        p["is_unit_head"] = p.pop("leader_level") == "principal"
    (tmp_path / "old.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    target = open_context(f"sqlite:///{tmp_path / 'target.db'}", migrate_backup=False)
    try:
        import_json(target, tmp_path / "old.json")
        with target.read() as s:
            levels = dict(s.execute(select(M.Person.staff_no, M.Person.leader_level)).all())
        assert levels == {head.staff_no: E.LeaderLevel.PRINCIPAL,
                          other.staff_no: E.LeaderLevel.NONE}
    finally:
        target.db.dispose()
