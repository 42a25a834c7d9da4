"""Money, percentages, largest-remainder splits and contribution shares (R1, R10, R11)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.rules.money import (
    FEN,
    MAX_MONEY,
    PCT_SCALE,
    check_shares_sum,
    format_money,
    from_fen,
    largest_remainder,
    parse_money,
    parse_percent,
    pct_from_int,
    pct_to_int,
    round_fen,
    to_fen,
)

D = Decimal

money_values = st.decimals(min_value=0, max_value=MAX_MONEY, places=2,
                           allow_nan=False, allow_infinity=False)
small_money = st.decimals(min_value=0, max_value=D("100000000.00"), places=2,
                          allow_nan=False, allow_infinity=False)
weights_lists = st.lists(
    st.decimals(min_value=0, max_value=1000, places=4, allow_nan=False, allow_infinity=False),
    min_size=1, max_size=12,
).filter(lambda ws: any(w > 0 for w in ws))


def assert_refused(exc: pytest.ExceptionInfo[RuleViolation], rule: str) -> None:
    """Every refusal names its rule and says why in both languages."""
    problem = exc.value.problems[0]
    assert exc.value.rule == rule
    assert problem.zh.strip()
    assert problem.en.strip()


# --- parse_money ----------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("1234.5", "1234.50"),
    ("1,234,567.89", "1234567.89"),
    ("¥1,234.00", "1234.00"),
    ("￥１，２３４．５０", "1234.50"),
    ("１２３４", "1234.00"),
    ("  42 ", "42.00"),
    ("\u300042\u3000", "42.00"),
    ("RMB 12元", "12.00"),
    ("0", "0.00"),
    ("-0", "0.00"),
    ("999,999,999,999.99", "999999999999.99"),
    (D("1.230"), "1.23"),
    (D("7"), "7.00"),
    (1234, "1234.00"),
    (0, "0.00"),
])
def test_parse_money_accepts(raw: object, expected: str) -> None:
    result = parse_money(raw)
    assert result == D(expected)
    assert result.as_tuple().exponent == -2


def test_parse_money_zero_has_no_sign() -> None:
    assert str(parse_money(D("-0.00"))) == "0.00"


@pytest.mark.parametrize("raw", [
    "0.015", "1.001", "", "   ", "abc", "1e3", "NaN", "inf", "12,34", "1,2345", "1.", ".5",
    "1 234", "¥", "1000000000000", "٣", "-5", "-¥5", "¥-5", "−3", 1.5, 0.0, True, None,
    D("NaN"), D("Infinity"), D("-1"), D("0.001"), -1, [1],
])
def test_parse_money_refuses(raw: object) -> None:
    with pytest.raises(RuleViolation) as exc:
        parse_money(raw)
    assert_refused(exc, "R11")
    assert exc.value.problems[0].field == "amount"


def test_parse_money_names_the_field() -> None:
    with pytest.raises(RuleViolation) as exc:
        parse_money("-1", field="price")
    assert exc.value.problems[0].field == "price"
    assert "负" in exc.value.problems[0].zh


def test_parse_money_does_not_round_input() -> None:
    with pytest.raises(RuleViolation) as exc:
        parse_money("0.015")
    assert "0.015" in exc.value.problems[0].zh


def test_parse_money_refuses_float_with_reason() -> None:
    with pytest.raises(RuleViolation) as exc:
        parse_money(0.1)
    assert "float" in exc.value.problems[0].en.lower()


@given(money_values)
def test_format_then_parse_round_trips(amount: Decimal) -> None:
    assert parse_money(format_money(amount)) == amount


@given(money_values)
def test_parse_plain_string_round_trips(amount: Decimal) -> None:
    assert parse_money(str(amount)) == amount


# --- fen storage and rounding -----------------------------------------------------------------

@given(money_values)
def test_fen_round_trip(amount: Decimal) -> None:
    fen = to_fen(amount)
    assert isinstance(fen, int)
    assert from_fen(fen) == amount
    assert from_fen(fen).as_tuple().exponent == -2


def test_fen_examples() -> None:
    assert to_fen(D("1234.56")) == 123456
    assert to_fen(D("0.00")) == 0
    assert str(from_fen(1)) == "0.01"
    assert str(from_fen(100)) == "1.00"
    assert str(from_fen(0)) == "0.00"


@pytest.mark.parametrize("bad", [D("0.001"), D("NaN"), 1.0, "1.00", D("1E+40")])
def test_to_fen_refuses(bad: object) -> None:
    with pytest.raises(RuleViolation) as exc:
        to_fen(bad)  # type: ignore[arg-type]
    assert_refused(exc, "R11")


@pytest.mark.parametrize("bad", [1.0, "100", True, D(1)])
def test_from_fen_refuses(bad: object) -> None:
    with pytest.raises(RuleViolation) as exc:
        from_fen(bad)  # type: ignore[arg-type]
    assert_refused(exc, "R11")


@pytest.mark.parametrize(("raw", "expected"), [
    ("0.005", "0.01"),   # half up, not banker's rounding (which gives 0.00)
    ("0.015", "0.02"),
    ("0.025", "0.03"),   # banker's rounding would give 0.02
    ("2.675", "2.68"),
    ("0.0049999", "0.00"),
    ("-0.005", "-0.01"),  # half away from zero, symmetric
    ("10", "10.00"),
])
def test_round_fen_half_up(raw: str, expected: str) -> None:
    assert str(round_fen(D(raw))) == expected


@pytest.mark.parametrize("bad", [D("NaN"), 1.5])
def test_round_fen_refuses(bad: object) -> None:
    with pytest.raises(RuleViolation) as exc:
        round_fen(bad)  # type: ignore[arg-type]
    assert_refused(exc, "R11")


@pytest.mark.parametrize(("amount", "text"), [
    (D("1234567.89"), "¥1,234,567.89"),
    (D("0"), "¥0.00"),
    (D("999.5"), "¥999.50"),
    (D("1000"), "¥1,000.00"),
    (D("0.125"), "¥0.13"),
    (D("-12.3"), "-¥12.30"),
])
def test_format_money(amount: Decimal, text: str) -> None:
    assert format_money(amount) == text


# --- percentages ------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("70", "70"), ("70%", "70"), (" 70 % ", "70"), ("７０％", "70"), ("33.3333", "33.3333"),
    ("33.3300", "33.33"), ("100", "100"), ("0.0001", "0.0001"), (D("12.5"), "12.5"),
    (50, "50"), ("100.0000", "100"),
])
def test_parse_percent_accepts(raw: object, expected: str) -> None:
    result = parse_percent(raw)
    assert result == D(expected)
    assert str(result) == expected


@pytest.mark.parametrize("raw", [
    "33.33333", "100.01", "101", "-1", "-0.5%", "0", "0%", "", "%", "abc", "70%%", "1e2",
    70.0, True, None, D("NaN"), D("0.00001"), 0,
])
def test_parse_percent_refuses(raw: object) -> None:
    with pytest.raises(RuleViolation) as exc:
        parse_percent(raw)
    assert_refused(exc, "R11")
    assert exc.value.problems[0].field == "share"


def test_parse_percent_zero_when_allowed() -> None:
    assert parse_percent("0", allow_zero=True) == 0
    assert parse_percent(0, field="rate", allow_zero=True) == 0


def test_parse_percent_max_places() -> None:
    assert parse_percent("12.5", max_places=1) == D("12.5")
    with pytest.raises(RuleViolation):
        parse_percent("12.55", max_places=1)


@given(st.integers(min_value=0, max_value=100 * PCT_SCALE))
def test_pct_int_round_trip(stored: int) -> None:
    pct = pct_from_int(stored)
    assert pct_to_int(pct) == stored
    assert parse_percent(str(pct), allow_zero=True) == pct


def test_pct_int_examples() -> None:
    assert pct_to_int(D("70")) == 700000
    assert pct_to_int(D("33.3333")) == 333333
    assert pct_to_int(5) == 50000
    assert pct_from_int(700000) == D(70)
    assert str(pct_from_int(333333)) == "33.3333"
    assert str(pct_from_int(1000000)) == "100"


@pytest.mark.parametrize("bad", [D("33.33333"), D("NaN"), 1.5, "70"])
def test_pct_to_int_refuses(bad: object) -> None:
    with pytest.raises(RuleViolation) as exc:
        pct_to_int(bad)  # type: ignore[arg-type]
    assert_refused(exc, "R11")


# --- largest remainder ------------------------------------------------------------------------

@given(small_money, weights_lists)
def test_largest_remainder_properties(total: Decimal, weights: list[Decimal]) -> None:
    parts = largest_remainder(total, weights)
    assert len(parts) == len(weights)
    assert sum(parts, D(0)) == total
    weight_sum = sum(weights, D(0))
    for part, weight in zip(parts, weights, strict=True):
        assert part >= 0
        assert part.as_tuple().exponent == -2
        exact = Fraction(total) * Fraction(weight) / Fraction(weight_sum)
        assert abs(Fraction(part) - exact) < Fraction(FEN)
        if weight == 0:
            assert part == 0


@given(small_money, weights_lists)
def test_largest_remainder_is_deterministic(total: Decimal, weights: list[Decimal]) -> None:
    assert largest_remainder(total, weights) == largest_remainder(total, list(weights))


def test_largest_remainder_examples() -> None:
    assert largest_remainder(D("100.00"), [D(1), D(1), D(1)]) == [
        D("33.34"), D("33.33"), D("33.33")]
    # Exact values 0.3333.., 0.3333.., 0.3333..: one fen, ties go to the lowest index.
    assert largest_remainder(D("0.01"), [D(1), D(1), D(1)]) == [D("0.01"), D("0"), D("0")]
    # 10.00 by 1:2 -> 3.333.. and 6.666..: floors 3.33 + 6.66, the fen goes to the larger remainder.
    assert largest_remainder(D("10.00"), [D(1), D(2)]) == [D("3.33"), D("6.67")]
    assert largest_remainder(D("1000.00"), [D(70), D(30)]) == [D("700.00"), D("300.00")]
    assert largest_remainder(D("5.00"), [D(0), D(3)]) == [D("0.00"), D("5.00")]
    assert largest_remainder(D("0.00"), [D(1), D(2)]) == [D("0.00"), D("0.00")]
    # Weights need not sum to 100 and may have any number of places.
    assert largest_remainder(D("1.00"), [D("0.125"), D("0.375")]) == [D("0.25"), D("0.75")]


@pytest.mark.parametrize(("total", "weights"), [
    (D("10.00"), []),
    (D("10.00"), [D(0), D(0)]),
    (D("10.00"), [D(1), D(-1)]),
    (D("10.00"), [D("NaN")]),
    (D("10.00"), [1.5]),
    (D("-1.00"), [D(1)]),
    (D("NaN"), [D(1)]),
    (D("1.001"), [D(1)]),
    ("10.00", [D(1)]),
])
def test_largest_remainder_refuses(total: object, weights: list[object]) -> None:
    with pytest.raises(RuleViolation) as exc:
        largest_remainder(total, weights)  # type: ignore[arg-type]
    assert_refused(exc, "R11")


# --- contribution shares (R1) -----------------------------------------------------------------

@pytest.mark.parametrize("shares", [
    [D(100)],
    [D(70), D(30)],
    [D("33.3333"), D("33.3333"), D("33.3334")],
    [D("50.00"), D("50")],
])
def test_check_shares_sum_accepts(shares: list[Decimal]) -> None:
    check_shares_sum(shares)


def test_check_shares_sum_states_the_total() -> None:
    with pytest.raises(RuleViolation) as exc:
        check_shares_sum([D(60), D(30)])
    assert_refused(exc, "R1")
    assert exc.value.problems[0].zh == "完成人贡献份额合计为 90%，须恰好为 100%"
    assert "90%" in exc.value.problems[0].en


@pytest.mark.parametrize("shares", [
    [],
    [D(90)],
    [D("33.3333"), D("33.3333"), D("33.3333")],
    [D(60), D(50)],
    [D(100), D(0)],
    [D(110), D(-10)],
    [D("NaN")],
])
def test_check_shares_sum_refuses(shares: list[Decimal]) -> None:
    with pytest.raises(RuleViolation) as exc:
        check_shares_sum(shares)
    assert_refused(exc, "R1")


def test_check_shares_sum_names_the_zero_share() -> None:
    with pytest.raises(RuleViolation) as exc:
        check_shares_sum([D(100), D(0)])
    assert "第 2 位" in exc.value.problems[0].zh


@given(st.lists(st.integers(min_value=1, max_value=100 * PCT_SCALE), min_size=1, max_size=8))
def test_check_shares_sum_matches_exact_arithmetic(stored: list[int]) -> None:
    shares = [pct_from_int(s) for s in stored]
    if sum(stored) == 100 * PCT_SCALE:
        check_shares_sum(shares)
    else:
        with pytest.raises(RuleViolation):
            check_shares_sum(shares)
