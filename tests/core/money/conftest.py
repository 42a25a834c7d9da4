"""Fixtures of the money suites: a signed license deal with three contributors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from builders import make_achievement, make_deal, make_person

from ttdesk import codes as E
from ttdesk.core.base.context import AppContext
from ttdesk.db import models as M


@dataclass
class Licence:
    deal: M.Deal
    people: list[M.Person]


def signed_licence(ctx: AppContext, shares: tuple[str, ...] = ("50", "30", "20"),
                   **kw: object) -> Licence:
    people = [make_person(ctx) for _ in shares]
    case = make_achievement(ctx, contributors=list(zip(people, shares, strict=True)))
    values: dict[str, object] = {
        "mode": E.DealMode.LICENSE_EXCLUSIVE, "price": Decimal("1000000.00"),
        "status": E.DealStatus.PERFORMING, "approval_date": date(2026, 2, 1),
        "signing_date": date(2026, 3, 1), "royalty_rate": Decimal("3"),
        "minimum_annual_royalty": Decimal("40000.00"), "royalty_period_months": 3}
    deal = make_deal(ctx, [case], **(values | kw))
    return Licence(deal, people)


@pytest.fixture
def today() -> date:
    return date(2026, 11, 20)


@pytest.fixture
def lic(any_ctx: AppContext, today: date) -> Licence:
    any_ctx.today = lambda: today
    return signed_licence(any_ctx)
