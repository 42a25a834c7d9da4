"""Money in Chinese capitals, dates and percentages as printed on filings."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttdesk.filings.text import (
    cn_date,
    local_time,
    money,
    money_capitals,
    money_with_capitals,
    percent,
)

DIGITS = "零壹贰叁肆伍陆柒捌玖"
POSITIONS = "仟佰拾亿仟佰拾万仟佰拾元"


def reference_capitals(amount: Decimal) -> str:
    """A second, independent formulation: spell every position, then fold the zeros with
    the classic substitutions (零仟 -> 零, runs of 零, 零 before a group unit, 亿万)."""
    fen = int(amount * 100)
    yuan, jiao, fen_digit = fen // 100, fen // 10 % 10, fen % 10
    if fen == 0:
        return "零元整"
    text = ""
    if yuan:
        text = "".join(DIGITS[int(d)] + u for d, u in zip(f"{yuan:012d}", POSITIONS,
                                                          strict=True))
        text = re.sub("零[仟佰拾]", "零", text)
        text = re.sub("零+", "零", text)
        for a, b in (("零亿", "亿"), ("零万", "万"), ("亿万", "亿"), ("零元", "元")):
            text = text.replace(a, b)
        text = text.lstrip("零亿万")
    tail = ""
    if jiao:
        tail += DIGITS[jiao] + "角"
    if fen_digit:
        tail = (tail or ("零" if yuan else "")) + DIGITS[fen_digit] + "分"
    return text + (tail if fen_digit else tail + "整")


@pytest.mark.parametrize(("amount", "words"), [
    ("0", "零元整"),
    ("0.05", "伍分"),
    ("0.10", "壹角整"),
    ("0.15", "壹角伍分"),
    ("1.05", "壹元零伍分"),
    ("10.00", "壹拾元整"),
    ("15.50", "壹拾伍元伍角整"),
    ("100010.00", "壹拾万零壹拾元整"),
    ("1234567.89", "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("10001000", "壹仟万壹仟元整"),
    ("107000.53", "壹拾万柒仟元伍角叁分"),
    ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
    ("100000001", "壹亿零壹元整"),
    ("1004.56", "壹仟零肆元伍角陆分"),
    ("100010000", "壹亿零壹万元整"),
    ("100000000.01", "壹亿元零壹分"),
    ("110000000", "壹亿壹仟万元整"),
    ("1000000000", "壹拾亿元整"),
    ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
])
def test_capitals_edge_amounts(amount: str, words: str) -> None:
    assert money_capitals(Decimal(amount)) == words
    assert reference_capitals(Decimal(amount)) == words  # the oracle agrees on the edges


@given(st.integers(min_value=0, max_value=99_999_999_999_999))
def test_capitals_match_the_independent_formulation(fen: int) -> None:
    amount = Decimal(fen).scaleb(-2)
    words = money_capitals(amount)
    assert words == reference_capitals(amount)
    assert ("零零" not in words and not words.startswith("零")) or words == "零元整"
    assert words.endswith(("整", "分"))


@pytest.mark.parametrize("bad", [Decimal("-1"), Decimal("0.001"), Decimal("1000000000000"),
                                 Decimal("NaN")])
def test_capitals_refuse_what_cannot_be_written(bad: Decimal) -> None:
    with pytest.raises(ValueError):
        money_capitals(bad)


def test_money_dates_percentages() -> None:
    assert money(Decimal("1234567.8")) == "¥1,234,567.80"
    assert money_with_capitals(Decimal("1234.00")) == "¥1,234.00（大写：壹仟贰佰叁拾肆元整）"
    assert cn_date(date(2026, 11, 21)) == "2026年11月21日"
    assert cn_date(date(2026, 1, 5), "en") == "2026-01-05"
    assert percent(Decimal("33.3333")) == "33.3333%"
    assert percent(Decimal("70.0000")) == "70%"
    assert percent(Decimal("3.50")) == "3.5%"
    assert local_time(datetime(2026, 11, 21, 16, 30, tzinfo=UTC)) == "2026年11月22日 00:30"
