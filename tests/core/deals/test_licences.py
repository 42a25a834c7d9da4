"""Licence conflicts on one IP asset (domain.md §6, issue 19 §6): exclusive excludes every
other licence, sole excludes other licensees, an open licence cannot run beside an exclusive
or sole one in either order; refused at signing, found by `check` in stored data. Self and
joint implementation is no sale."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.builders import make_achievement, make_deal
from ttdesk.codes import DealMode, DealStatus, IPKind, IPStatus, PricingMethod
from ttdesk.core.base.errors import TransitionRefused, ValidationFailed
from ttdesk.core.deals import deals
from ttdesk.core.records import check
from ttdesk.core.rules import policy
from ttdesk.core.rules.checks import approval_problems, deal_facts
from ttdesk.db.models import Deal, IPAsset

TODAY = date(2026, 12, 1)


@pytest.fixture
def octx(ctx):
    ctx.today = lambda: TODAY
    return ctx


@pytest.fixture
def patent(octx):
    ach = make_achievement(octx)
    with octx.write() as s:
        ip = IPAsset(achievement_id=ach.id, kind=IPKind.INVENTION_PATENT,
                     application_no="CN202610012345.6", jurisdiction="CN",
                     status=IPStatus.GRANTED, filing_date=date(2024, 3, 1))
        s.add(ip)
        s.flush()
        return ip.id


def _licence(ctx, ip_id: int, mode: DealMode, *, signed: date | None = None,
             term_end: date | None = None, status: DealStatus | None = None, **kw) -> str:
    values = dict(mode=mode, pricing_method=PricingMethod.LISTING, exchange_reference="BJ-1",
                  price=Decimal("200000.00"), approval_date=date(2026, 1, 10),
                  approval_body="技术转移中心", term_end=term_end, signing_date=signed,
                  status=status or (DealStatus.SIGNED if signed else DealStatus.APPROVAL))
    d = make_deal(ctx, **(values | kw))
    with ctx.write() as s:
        s.get(Deal, d.id).ip_assets = [s.get(IPAsset, ip_id)]
    return d.deal_no


def test_an_open_licence_is_refused_on_a_patent_under_an_exclusive_licence(octx, patent):
    excl = _licence(octx, patent, DealMode.LICENSE_EXCLUSIVE, signed=date(2026, 2, 1),
                    term_end=date(2030, 1, 31))
    open_no = _licence(octx, patent, DealMode.LICENSE_OPEN, term_end=date(2028, 6, 30),
                       payment_terms="每年许可费 5 万元")
    with pytest.raises(ValidationFailed) as err:
        deals.sign(octx, open_no, date(2026, 6, 1))
    msg = err.value.messages("zh")[0]
    assert "CN202610012345.6" in msg and excl in msg and "独占许可" in msg
    assert err.value.problems[0].rule == "R13" and err.value.problems[0].where == open_no
    with octx.read() as s:
        assert s.execute(select(Deal.status).where(Deal.deal_no == open_no)).scalar() == \
            DealStatus.APPROVAL


def test_an_exclusive_licence_is_refused_on_a_patent_under_an_open_licence(octx, patent):
    open_no = _licence(octx, patent, DealMode.LICENSE_OPEN, signed=date(2026, 2, 1),
                       term_end=date(2028, 1, 31), payment_terms="每年 5 万元")
    excl = _licence(octx, patent, DealMode.LICENSE_EXCLUSIVE, term_end=date(2031, 1, 31))
    with pytest.raises(ValidationFailed) as err:
        deals.sign(octx, excl, date(2026, 6, 1))
    assert open_no in err.value.messages("zh")[0] and "开放许可" in err.value.messages("zh")[0]


def test_sole_excludes_other_licensees_nonexclusive_ones_coexist(octx, patent):
    _licence(octx, patent, DealMode.LICENSE_NONEXCLUSIVE, signed=date(2026, 2, 1))
    second = _licence(octx, patent, DealMode.LICENSE_NONEXCLUSIVE)
    deals.sign(octx, second, date(2026, 3, 1))  # two non-exclusive licences: fine
    sole = _licence(octx, patent, DealMode.LICENSE_SOLE)
    with pytest.raises(ValidationFailed) as err:
        deals.sign(octx, sole, date(2026, 4, 1))
    assert len(err.value.problems) == 2  # both licensees named


def test_periods_that_do_not_overlap_pass_and_termination_ends_a_period(octx, patent):
    old = _licence(octx, patent, DealMode.LICENSE_EXCLUSIVE, signed=date(2026, 1, 15),
                   term_end=date(2030, 12, 31))
    deals.terminate(octx, old, "被许可方违约解除", on=date(2026, 5, 31))
    after = _licence(octx, patent, DealMode.LICENSE_OPEN, term_end=date(2027, 6, 30),
                     payment_terms="按销售额 3% 提成")
    deals.sign(octx, after, date(2026, 6, 1))
    assert [p for p in check.run_check(octx).findings if p.rule == "R13"] == []


def test_an_open_licence_needs_a_year_and_fee_terms(octx, patent):
    short = _licence(octx, patent, DealMode.LICENSE_OPEN, term_end=date(2027, 5, 31),
                     price=None, payment_terms=None)
    with pytest.raises(ValidationFailed) as err:
        deals.sign(octx, short, date(2026, 6, 1))
    text = " ".join(err.value.messages("zh"))
    assert "不得少于 12 个月" in text and "2027-06-01" in text and "许可使用费" in text


def test_check_finds_stored_overlapping_licences_once_per_pair(octx, patent):
    a = _licence(octx, patent, DealMode.LICENSE_EXCLUSIVE, signed=date(2026, 2, 1),
                 term_end=date(2029, 1, 31))
    b = _licence(octx, patent, DealMode.LICENSE_OPEN, signed=date(2026, 3, 1),
                 term_end=date(2028, 2, 28), payment_terms="每年 5 万元")
    found = [p for p in check.run_check(octx).findings if p.rule == "R13"]
    assert [(p.where, a in p.zh) for p in found] == [(b, True)]


def test_self_implementation_is_not_asked_for_price_pricing_publicity_or_signing(octx):
    ach = make_achievement(octx)
    d = make_deal(octx, [ach], mode=DealMode.SELF, price=None, pricing_method=None,
                  status=DealStatus.APPROVAL)
    with octx.read() as s:
        deal = s.get(Deal, d.id)
        assert approval_problems(deal_facts(deal), policy.current(s), False) == []
    with pytest.raises(ValidationFailed):  # its decision first
        deals.start_performing(octx, d.deal_no)
    with octx.write() as s:
        s.get(Deal, d.id).approval_date = date(2026, 10, 1)
        s.get(Deal, d.id).approval_body = "成果转化领导小组"
    from ttdesk.core.views.deal_detail import deal_detail
    from ttdesk.core.views.stepper import deal_hint

    assert deal_hint(deal_detail(octx, d.deal_no), TODAY).text("zh") == "下一步：开始实施"
    with pytest.raises(TransitionRefused):  # no counterparty signing
        deals.sign(octx, d.deal_no, date(2026, 10, 2))
    deals.start_performing(octx, d.deal_no)
    findings = [p for p in check.run_check(octx).findings if p.where == d.deal_no]
    assert findings == []


def test_a_pricing_method_for_joint_implementation_is_refused(octx):
    ach = make_achievement(octx)
    with pytest.raises(Exception) as err:
        deals.create(octx, deals.DealIn(title="合作实施", mode="joint",
                                        achievements=[ach.case_no],
                                        pricing_method="negotiated"))
    assert "不是交易" in str(err.value.messages("zh"))
