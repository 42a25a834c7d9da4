"""技术合同认定登记 under the measures of 2026 (domain.md §6, issue 19 §5): the submission
deadline after signing, the office's answer 15 / 30 working days after the submission, the
certificate with both amounts, change and deregistration; shown in `check`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.builders import make_deal
from ttdesk.codes import DeadlineKind, DealMode, DealStatus, RegistrationEventKind
from ttdesk.core.base.errors import RuleViolation, ValidationFailed
from ttdesk.core.deals import deals, registration
from ttdesk.core.records import check
from ttdesk.db.models import Deadline, Deal, RegistrationEvent

TODAY = date(2026, 12, 1)


@pytest.fixture
def octx(ctx):
    ctx.today = lambda: TODAY
    return ctx


def _signed(ctx, price: str, signed: date = date(2026, 9, 25)) -> str:
    d = make_deal(ctx, mode=DealMode.LICENSE_NONEXCLUSIVE, price=Decimal(price),
                  status=DealStatus.SIGNED, signing_date=signed,
                  approval_date=date(2026, 9, 1), approval_body="技术转移中心")
    return d.deal_no


def _answer(ctx, deal_no: str) -> Deadline:
    with ctx.read() as s:
        deal = s.execute(select(Deal).where(Deal.deal_no == deal_no)).scalar_one()
        return s.execute(select(Deadline).where(
            Deadline.rule_key == f"deal:{deal.id}:registration_answer")).scalar_one()


def test_a_1m_contract_gets_its_answer_15_working_days_after_submission(octx):
    no = _signed(octx, "1000000.00")
    got = registration.submit(octx, no, date(2026, 9, 28))
    # 29, 30 Sep; 8, 9 Oct; Sat 10 Oct (make-up workday); 12-16, 19-23 Oct: the 15th is 23 Oct
    assert (got.working_days, got.answer_due) == (15, date(2026, 10, 23))
    dl = _answer(octx, no)
    assert (dl.kind, dl.due_date, dl.done) == (DeadlineKind.REGISTRATION_ANSWER,
                                               date(2026, 10, 23), False)


def test_a_6m_contract_waits_30_working_days(octx):
    no = _signed(octx, "6000000.00")
    got = registration.submit(octx, no, date(2026, 9, 28))
    assert (got.working_days, got.answer_due) == (30, date(2026, 11, 13))


def test_a_disputed_small_contract_waits_30_and_the_declared_value_decides(octx):
    no = _signed(octx, "1000000.00")
    assert registration.submit(octx, no, date(2026, 11, 2), disputed=True).working_days == 30
    no2 = _signed(octx, "1000000.00")
    got = registration.submit(octx, no2, date(2026, 11, 2), contract_amount="5000000.00")
    assert (got.working_days, got.answer_due) == (30, date(2026, 12, 14))


def test_the_submission_deadline_follows_signing_by_the_policy_days(octx):
    d = make_deal(octx, mode=DealMode.TRANSFER, price=Decimal("100000.00"),
                  pricing_method=None, status=DealStatus.APPROVAL,
                  approval_date=date(2026, 11, 2), approval_body="技术转移中心")
    with octx.write() as s:
        s.get(Deal, d.id).pricing_method = None
    from ttdesk.codes import PricingMethod

    with octx.write() as s:
        s.get(Deal, d.id).pricing_method = PricingMethod.LISTING
        s.get(Deal, d.id).exchange_reference = "BJTE-2026-001"
    deals.sign(octx, d.deal_no, date(2026, 11, 3))
    with octx.read() as s:
        dl = s.execute(select(Deadline).where(
            Deadline.rule_key == f"deal:{d.id}:registration")).scalar_one()
        assert (dl.due_date, dl.kind) == (date(2026, 12, 3), DeadlineKind.CONTRACT_REGISTRATION)
    registration.submit(octx, d.deal_no, date(2026, 11, 20))
    with octx.read() as s:
        assert s.get(Deadline, dl.id).done is True


def test_the_certificate_keeps_both_amounts_and_closes_the_reminder(octx):
    no = _signed(octx, "1000000.00")
    registration.submit(octx, no, date(2026, 9, 28))
    deals.register(octx, no, "2026110108000123", date(2026, 10, 20),
                   contract_amount="1000000.00", tech_amount="850000.00")
    with octx.read() as s:
        deal = s.execute(select(Deal).where(Deal.deal_no == no)).scalar_one()
        assert (deal.status, deal.registration_contract_amount,
                deal.registration_tech_amount) == (DealStatus.REGISTERED, Decimal("1000000.00"),
                                                   Decimal("850000.00"))
        kinds = [e.kind for e in registration.events(s, deal.id)]
        assert kinds == [RegistrationEventKind.SUBMITTED, RegistrationEventKind.CERTIFIED]
    assert _answer(octx, no).done is True


def test_a_tech_amount_above_the_contract_value_is_refused(octx):
    no = _signed(octx, "1000000.00")
    with pytest.raises(ValidationFailed) as err:
        deals.register(octx, no, "2026110108000124", date(2026, 10, 20),
                       contract_amount="1000000.00", tech_amount="1200000.00")
    assert "技术交易额 ¥1,200,000.00 不得超过成交额 ¥1,000,000.00" in err.value.messages("zh")[0]
    with octx.read() as s:
        assert s.execute(select(RegistrationEvent)).first() is None


def test_a_certificate_before_its_submission_is_refused(octx):
    no = _signed(octx, "1000000.00")
    registration.submit(octx, no, date(2026, 10, 8))
    with pytest.raises(ValidationFailed) as err:
        deals.register(octx, no, "X1", date(2026, 10, 1), "1000000.00", "900000.00")
    assert "不得早于提交日期（2026-10-08）" in " ".join(err.value.messages("zh"))


def test_change_and_deregistration_are_events_with_new_amounts(octx):
    no = _signed(octx, "1000000.00")
    deals.register(octx, no, "C-1", date(2026, 10, 20), "1000000.00", "800000.00")
    registration.change(octx, no, date(2026, 11, 10), "补充协议增加金额", "1200000.00",
                        "1000000.00", certificate_no="C-1-B")
    registration.deregister(octx, no, date(2026, 11, 30), "合同解除")
    with octx.read() as s:
        deal = s.execute(select(Deal).where(Deal.deal_no == no)).scalar_one()
        assert (deal.registration_no, deal.registration_contract_amount,
                deal.registration_tech_amount) == ("C-1-B", Decimal("1200000.00"),
                                                   Decimal("1000000.00"))
        assert [e.kind.value for e in registration.events(s, deal.id)] == [
            "certified", "changed", "deregistered"]
    with pytest.raises(RuleViolation) as err:
        registration.change(octx, no, date(2026, 12, 1), "再变更", "1.00", "1.00")
    assert "已注销" in err.value.messages("zh")[0]


def test_a_self_implementation_is_not_registered(octx):
    d = make_deal(octx, mode=DealMode.SELF, price=None, pricing_method=None,
                  status=DealStatus.PERFORMING, approval_date=date(2026, 9, 1))
    with pytest.raises(RuleViolation) as err:
        registration.submit(octx, d.deal_no, date(2026, 10, 8))
    assert "无需认定登记" in err.value.messages("zh")[0]


def test_check_finds_a_stored_tech_amount_above_the_contract_value(octx):
    no = _signed(octx, "1000000.00")
    with octx.write() as s:
        deal = s.execute(select(Deal).where(Deal.deal_no == no)).scalar_one()
        deal.status, deal.registration_no, deal.registration_date = (
            DealStatus.REGISTERED, "C-9", date(2026, 10, 1))
        deal.registration_contract_amount = Decimal("100.00")
        deal.registration_tech_amount = Decimal("200.00")
    found = [p for p in check.run_check(octx).findings if p.rule == "R14"]
    assert [(p.where, p.field) for p in found] == [(no, "registration_tech_amount")]
