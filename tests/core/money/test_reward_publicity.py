"""Publicity per subject (domain.md §6): the cash reward's runs 15 working days on the holiday
calendar, the pricing and rights-grant ones 15 calendar days; payment before the reward
publicity has ended is refused; each payment raises the reward's tax filing deadline."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from core.money.conftest import Licence
from ttdesk.codes import DeadlineKind
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import RuleViolation, ValidationFailed
from ttdesk.core.money import distribution as dist
from ttdesk.core.money import receipts
from ttdesk.core.records.check import run_check
from ttdesk.core.rules import policy
from ttdesk.db import models as M


def _approved(ctx: AppContext, lic: Licence) -> int:
    receipts.add_receipt(ctx, receipts.ReceiptIn(lic.deal.deal_no, date(2026, 8, 3),
                                                 "1000000.00", "upfront", invoice_no="F1"))
    did = dist.save(ctx, dist.DistributionIn(lic.deal.deal_no))
    dist.approve(ctx, did, date(2026, 9, 18), "技术转移中心")
    return did


def test_reward_publicity_counts_15_working_days_over_the_holidays(any_ctx: AppContext,
                                                                    lic: Licence) -> None:
    did = _approved(any_ctx, lic)
    # 9-21..24 (4), Mid-Autumn 9-25 off, 9-28..30 (7), National Day 10-1..7 off, 10-8, 10-9
    # (9), the make-up Saturday 10-10 (10), 10-12..16 (15)
    end = dist.start_publicity(any_ctx, did, date(2026, 9, 21), "学校信息公开网")
    assert end == date(2026, 10, 16)
    pub = dist.distribution_detail(any_ctx, did).publicity
    assert pub is not None and (pub.days, pub.day_kind) == (15, "working")
    with pytest.raises(RuleViolation) as exc:
        dist.record_payment(any_ctx, did, date(2026, 10, 16))
    assert exc.value.rule == "R10" and "2026-10-16" in exc.value.problems[0].zh
    assert dist.record_payment(any_ctx, did, date(2026, 10, 19)) == []
    with any_ctx.read() as s:
        due = s.execute(select(M.Deadline.due_date, M.Deadline.kind).where(
            M.Deadline.rule_key == f"distribution:{did}:tax_filing")).one()
    assert due == (date(2026, 11, 15), DeadlineKind.REWARD_TAX_FILING)
    assert [p for p in run_check(any_ctx).findings if p.field == "end_date"] == []


def test_pricing_and_grant_publicities_keep_calendar_days(ctx: AppContext) -> None:
    pol = policy.Policy(1, dict(policy.DEFAULT_POLICY))
    assert pol.publicity_for("deal") == (15, "calendar")
    assert pol.publicity_for("rights_grant") == (15, "calendar")
    assert pol.publicity_for("distribution") == (15, "working")


def test_tax_filing_due_is_the_15th_of_the_next_month() -> None:
    from ttdesk.core.rules.checks import reward_tax_filing_due

    pol = policy.Policy(1, dict(policy.DEFAULT_POLICY))
    assert reward_tax_filing_due(date(2026, 10, 19), pol) == date(2026, 11, 15)
    assert reward_tax_filing_due(date(2026, 12, 31), pol) == date(2027, 1, 15)
    pol31 = policy.Policy(2, dict(policy.DEFAULT_POLICY, reward_tax_filing_day=31))
    assert reward_tax_filing_due(date(2027, 1, 5), pol31) == date(2027, 2, 28)


@pytest.mark.parametrize("changes", [{"reward_publicity_days": 10},
                                     {"reward_publicity_day_kind": "calendar"},
                                     {"team_share_min_self_profit": "4"},
                                     {"self_reward_due": "13-01"},
                                     {"grant_publicity_day_kind": "weekdays"}])
def test_policy_floors_of_the_law(ctx: AppContext, changes: dict[str, object]) -> None:
    with pytest.raises(ValidationFailed) as exc, ctx.write() as s:
        policy.update(s, "officer", changes)
    assert exc.value.problems[0].field == next(iter(changes)).replace(
        "reward_publicity_day_kind", "reward_publicity_days")
    with ctx.write() as s:  # more than the floor is the office's own choice
        assert policy.update(s, "officer", {"reward_publicity_days": 20}).publicity_for(
            "distribution") == (20, "working")
