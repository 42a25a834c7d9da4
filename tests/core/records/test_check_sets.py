"""`check` reads deals (R4-R9) with a few set-based queries and pairs licences (R13) by a
sweep. What it reads must be what the services hand the same rule functions: for every deal
the `DealFacts` and publicities equal `deal_facts` / `publicity_facts` of the ORM records, the
findings equal the rules run over those ORM-built facts, and the sweep meets every pair of
licences that overlap, in the order of all pairs."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from itertools import combinations
from typing import Any

from sqlalchemy import select

from tests.builders import make_achievement, make_company, make_deal, make_person
from ttdesk.codes import (
    DayKind,
    DealMode,
    DealStatus,
    GrantForm,
    GrantStatus,
    PricingMethod,
    PublicityResult,
    PublicitySubject,
    Secrecy,
)
from ttdesk.core.base.context import AppContext
from ttdesk.core.records import check
from ttdesk.core.records.licence_check import overlapping_pairs
from ttdesk.core.rules import licences, policy
from ttdesk.core.rules.checks import approval_problems, deal_facts, publicity_facts
from ttdesk.db import models as M


def _grant(ctx: AppContext, status: GrantStatus) -> int:
    ach = make_achievement(ctx)
    with ctx.write() as s:
        g = M.RightsGrant(achievement_id=ach.id, form=GrantForm.CO_OWNERSHIP,
                          team_share=Decimal(70), application_date=date(2026, 2, 15),
                          consent_recorded=True, status=status, policy_number=1)
        s.add(g)
        s.flush()
        return g.id


def _deal_pub(ctx: AppContext, deal: M.Deal, start: date,
              result: PublicityResult | None = PublicityResult.NO_OBJECTION,
              open_objection: bool = False) -> None:
    """A 15-day publicity of the deal from `start`; its objection resolved unless
    `open_objection`."""
    with ctx.write() as s:
        s.add(M.Publicity(
            subject=PublicitySubject.DEAL, deal_id=deal.id, channel="校内网公示栏",
            start_date=start, days=15, day_kind=DayKind.CALENDAR,
            end_date=start + timedelta(days=14), result=result, policy_number=1,
            closed_on=None if result is None else start + timedelta(days=15),
            objections=[M.Objection(raised_by="王强", raised_on=start, content="价格偏低",
                                    resolved_on=None if open_objection else start)]))


def _world(ctx: AppContext) -> dict[str, M.Deal]:
    """Deals past approval, each breaking other rules; a draft and an imported one that
    `check` leaves out."""
    plain, secret = make_achievement(ctx), make_achievement(
        ctx, secrecy=Secrecy.SECRET_OR_SECURITY)
    insider = make_person(ctx)
    interested_case = make_achievement(ctx, contributors=[(insider, "100")])
    company = make_company(ctx)
    with ctx.write() as s:
        s.add(M.PersonInterest(person_id=insider.id, company_id=company.id, nature="股东"))
    approved, signed = date(2026, 4, 1), date(2026, 5, 10)
    d: dict[str, M.Deal] = {
        "equity": make_deal(ctx, [plain], mode=DealMode.EQUITY, pricing_method=None,
                            status=DealStatus.SIGNED, approval_body="党委常委会",
                            approval_date=approved, signing_date=signed),
        "secret": make_deal(ctx, [secret], status=DealStatus.SIGNED, approval_date=approved,
                            approval_body="成果转化领导小组", signing_date=date(2026, 3, 1)),
        "valued": make_deal(ctx, [plain], mode=DealMode.EQUITY, status=DealStatus.PERFORMING,
                            pricing_method=PricingMethod.LISTING, exchange_reference="BJ-1",
                            approval_date=approved, signing_date=signed,
                            rights_grant_id=_grant(ctx, GrantStatus.IN_PUBLICITY)),
        "running": make_deal(ctx, [plain], status=DealStatus.IN_PUBLICITY,
                             approval_date=approved),
        "listing": make_deal(ctx, [plain], status=DealStatus.COMPLETED,
                             pricing_method=PricingMethod.LISTING, approval_date=approved,
                             signing_date=signed,
                             rights_grant_id=_grant(ctx, GrantStatus.AGREEMENT_SIGNED)),
        "self": make_deal(ctx, [plain], mode=DealMode.SELF, status=DealStatus.PERFORMING,
                          price=None, pricing_method=None),
        "interested": make_deal(ctx, [interested_case], company, status=DealStatus.SIGNED,
                                pricing_method=PricingMethod.AUCTION, exchange_reference="P-7",
                                approval_date=approved, signing_date=signed),
        "draft": make_deal(ctx, [secret], status=DealStatus.DRAFT, price=None),
        "imported": make_deal(ctx, [secret], status=DealStatus.SIGNED, is_imported=True),
    }
    with ctx.write() as s:
        s.add(M.Valuation(deal_id=d["valued"].id, appraised=False,
                          no_appraisal_reason="挂牌交易定价"))
    _deal_pub(ctx, d["secret"], date(2026, 4, 5), open_objection=True)
    _deal_pub(ctx, d["secret"], date(2026, 2, 1), result=PublicityResult.TERMINATED_BY_OBJECTION)
    _deal_pub(ctx, d["running"], date(2026, 4, 5), PublicityResult.TERMINATED_BY_OBJECTION)
    _deal_pub(ctx, d["valued"], date(2026, 4, 5), result=None)
    return d


def test_deal_facts_read_in_sets_are_the_services_facts_and_give_their_findings(
        any_ctx: AppContext) -> None:
    deals = _world(any_ctx)
    with any_ctx.read() as s:
        pol = policy.current(s)
        rows = list(check.deal_rows(s))
        pubs = check.publicities(s, M.Publicity.deal_id)
        interested = check._interested_deals(s)
        expected = []
        for deal_id, status, signing, grant, facts in rows:
            orm = s.get(M.Deal, deal_id)
            assert orm is not None
            assert facts == deal_facts(orm)
            assert (status, signing) == (orm.status, orm.signing_date)
            assert grant == (orm.rights_grant.status if orm.rights_grant else None)
            orm_pubs = publicity_facts(_pubs_of(s, deal_id))
            assert pubs.get(deal_id, []) == orm_pubs
            expected += approval_problems(deal_facts(orm), pol, deal_id in interested)
            expected += check._stage_problems(deal_facts(orm), orm.status, orm.signing_date,
                                              grant, orm_pubs)
        found = check._deals(s, pol)
    assert [r[0] for r in rows] == sorted(
        v.id for k, v in deals.items() if k not in ("draft", "imported"))
    assert found == expected
    named = {(p.rule, p.where, p.field) for p in found}
    no = {k: v.deal_no for k, v in deals.items()}
    assert {("R8", no["equity"], "valuation"), ("R5", no["equity"], "pricing_method"),
            ("R6", no["equity"], "approval_body"), ("R9", no["secret"], "supervising_approval"),
            ("R12", no["secret"], "signing_date"), ("R5", no["secret"], "publicity"),
            ("R4", no["valued"], "rights_grant"), ("STATUS", no["running"], "publicity"),
            ("R5", no["listing"], "exchange_reference"), ("R6", no["self"], "approval_date"),
            ("R7", no["interested"], "related_party")} <= named
    assert ("R4", no["listing"], "rights_grant") not in named  # its grant is exercisable
    assert not [p for p in found if p.where in (no["draft"], no["imported"])]
    assert not [p for p in found if p.where == no["self"] and p.rule != "R6"]


def _pubs_of(s: Any, deal_id: int) -> list[M.Publicity]:
    return list(s.execute(select(M.Publicity).where(M.Publicity.deal_id == deal_id)
                          .order_by(M.Publicity.id)).scalars())


def _spans(rnd: random.Random, n: int) -> list[licences.LicenceSpan]:
    """Random licences on one asset; some end before they start (bad data), some run on."""
    modes = [*sorted(licences.EXCLUDING), DealMode.LICENSE_OPEN, DealMode.LICENSE_NONEXCLUSIVE]
    out = []
    for i in range(n):
        start = date(2020, 1, 1) + timedelta(days=rnd.randrange(2000))
        end = None if rnd.random() < 0.2 else start + timedelta(days=rnd.randrange(-60, 900))
        out.append(licences.LicenceSpan(f"HT-{rnd.randrange(10 * n):05d}-{i}", rnd.choice(modes),
                                        start, end))
    return out


def test_the_sweep_meets_every_overlapping_pair_in_the_order_of_all_pairs() -> None:
    rnd = random.Random(14)
    met = 0
    for n in (0, 1, 2, 3, 8, 40, 200):
        for _ in range(20):
            spans = _spans(rnd, n)
            ordered = sorted(spans, key=lambda x: (x.start, x.deal_no))
            every = [(a, b) for a, b in combinations(ordered, 2) if licences.overlap(a, b)]
            swept = [(a, b) for a, b in overlapping_pairs(spans) if licences.overlap(a, b)]
            assert swept == every
            met += len(every)
            assert len(list(overlapping_pairs(spans))) <= len(list(combinations(spans, 2)))
    assert met > 1000  # the spans do overlap: the comparison is not of empty lists


def test_the_sweep_skips_pairs_that_cannot_overlap() -> None:
    """Licences one after another: n - 1 neighbours looked at, not n(n-1)/2 pairs."""
    spans = [licences.LicenceSpan(f"HT-{i:03d}", DealMode.LICENSE_EXCLUSIVE,
                                  date(2000 + i, 1, 1), date(2000 + i, 12, 31))
             for i in range(50)]
    assert list(overlapping_pairs(spans)) == []
    spans[10] = licences.LicenceSpan("HT-010", DealMode.LICENSE_EXCLUSIVE, date(2010, 1, 1),
                                     date(2011, 6, 30))
    assert [(a.deal_no, b.deal_no) for a, b in overlapping_pairs(spans)] == [
        ("HT-010", "HT-011")]
