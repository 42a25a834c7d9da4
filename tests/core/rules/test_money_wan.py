"""Money input as officers type it (issue 12 §6): "50万", "50 万元", "¥500,000"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.rules.money import parse_money


@pytest.mark.parametrize(("text", "amount"), [
    ("50万", "500000.00"), ("50 万元", "500000.00"), ("¥500,000", "500000.00"),
    ("12.5万", "125000.00"), ("１２万", "120000.00"), ("0.0001万", "1.00"),
    ("1.234567万", "12345.67"), ("500000元", "500000.00"),
])
def test_accepted(text: str, amount: str) -> None:
    assert parse_money(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["万", "50万万", "-5万", "1.2345678万", "五十万", "50 千元"])
def test_refused(text: str) -> None:
    with pytest.raises(ValidationFailed) as err:
        parse_money(text, field="price")
    assert err.value.problems[0].rule == "R11" and err.value.problems[0].field == "price"
