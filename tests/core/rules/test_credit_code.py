"""Unified social credit code check (GB 32100-2015), domain rule R8."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.rules.credit_code import (
    ALPHABET,
    WEIGHTS,
    compute_check_char,
    has_valid_org_code,
    is_valid_credit_code,
    make_credit_code,
    org_code_check_char,
    validate_credit_code,
)

# Registered codes of well-known companies, as published (e.g. Huawei's on Wikipedia).
PUBLIC_CODES = {
    "华为技术有限公司": "914403001922038216",
    "腾讯（深圳）": "91440300708461136T",
    "小米科技有限责任公司": "91110108551385082Q",
    "北京百度网讯科技有限公司": "91110000802100433B",
}

seeds = st.integers(min_value=0, max_value=2**32 - 1)


def generated(seed: int) -> str:
    return make_credit_code(random.Random(seed))


def assert_r8(exc: pytest.ExceptionInfo[RuleViolation], *, zh_part: str = "",
              en_part: str = "") -> None:
    problem = exc.value.problems[0]
    assert exc.value.rule == "R8"
    assert problem.zh.strip() and problem.en.strip()
    assert zh_part in problem.zh
    assert en_part in problem.en


def test_alphabet_and_weights_follow_the_standard() -> None:
    assert len(ALPHABET) == 31
    assert not set("IOZSV") & set(ALPHABET)
    assert WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


@pytest.mark.parametrize("code", sorted(PUBLIC_CODES.values()))
def test_public_codes_are_valid(code: str) -> None:
    assert is_valid_credit_code(code)
    assert validate_credit_code(code) == code
    assert compute_check_char(code[:17]) == code[17]
    assert has_valid_org_code(code)


def test_check_char_31_is_written_as_0() -> None:
    # A weighted sum divisible by 31 gives 31 - 0 = 31, which the standard writes as "0".
    rng = random.Random(7)
    for _ in range(10_000):
        first17 = "".join(rng.choice(ALPHABET) for _ in range(17))
        total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
        if total % 31 == 0:
            assert compute_check_char(first17) == "0"
            return
    pytest.fail("no body with a sum divisible by 31 found")


def test_org_code_check_examples() -> None:
    # Organization codes embedded in the public codes above (positions 9-17).
    assert org_code_check_char("19220382") == "1"
    assert org_code_check_char("70846113") == "6"
    assert org_code_check_char("80210043") == "3"


def test_org_code_check_x_and_0() -> None:
    # Weights 3 7 9 10 5 8 4 2; check = 11 - (sum mod 11), 10 -> "X", 11 -> "0".
    assert org_code_check_char("00000000") == "0"  # sum 0 -> 11 -> "0"
    assert org_code_check_char("00000001") == "9"  # sum 2 -> 9
    assert org_code_check_char("00000006") == "X"  # sum 12 = 1 mod 11 -> 10 -> "X"
    assert org_code_check_char("MA000000") == "7"  # M=22, A=10: 66 + 70 = 136 = 4 mod 11 -> 7


def test_huawei_check_by_hand() -> None:
    # 9·1+1·3+4·9+4·27+0·19+3·26+0·16+0·17+1·20+9·29+2·25+2·13+0·8+3·24+8·10+2·30+1·28
    # = 831 = 26·31 + 25, and 31 - 25 = 6.
    assert compute_check_char("91440300192203821") == "6"


def test_validate_normalizes() -> None:
    assert validate_credit_code("  91440300708461136t ") == "91440300708461136T"
    assert validate_credit_code("９１４４０３００１９２２０３８２１６") == "914403001922038216"


@pytest.mark.parametrize(("code", "zh_part", "en_part"), [
    ("91440300708461136", "实为 17 位", "got 17"),
    ("91440300708461136TX", "实为 19 位", "got 19"),
    ("9144 300708461136T", "第 5 位", "position 5"),
    ("91440300708461I36T", "第 15 位字符“I”", "position 15"),
    ("914403007084611360", "应为“T”，实为“0”", "should be 'T'"),
    ("914403001922038215", "应为“6”", "should be '6'"),
    ("O14403001922038216", "第 1 位", "position 1"),
])
def test_validate_reasons(code: str, zh_part: str, en_part: str) -> None:
    with pytest.raises(RuleViolation) as exc:
        validate_credit_code(code, field="counterparty.credit_code")
    assert_r8(exc, zh_part=zh_part, en_part=en_part)
    assert exc.value.problems[0].field == "counterparty.credit_code"
    assert not is_valid_credit_code(code)


@pytest.mark.parametrize("bad", ["", "   ", None, 914403001922038216])
def test_validate_refuses_empty_and_non_text(bad: object) -> None:
    with pytest.raises(RuleViolation) as exc:
        validate_credit_code(bad)
    assert_r8(exc)
    assert exc.value.problems[0].field == "credit_code"


@pytest.mark.parametrize("bad", ["", "9144030070846113", "91440300708461136I", "abc" * 6])
def test_compute_check_char_refuses(bad: str) -> None:
    with pytest.raises(RuleViolation) as exc:
        compute_check_char(bad)
    assert_r8(exc)


@pytest.mark.parametrize("region", ["11010", "1101088", "11010A", "１１０１０８"])
def test_make_credit_code_refuses_bad_region(region: str) -> None:
    with pytest.raises(RuleViolation) as exc:
        make_credit_code(random.Random(1), region)
    assert_r8(exc)


@given(seeds)
def test_generated_codes_are_valid(seed: int) -> None:
    code = generated(seed)
    assert code.startswith("91110108")
    assert is_valid_credit_code(code)
    assert has_valid_org_code(code)


@given(seeds, st.sampled_from(["110105", "120116", "130100", "440300"]))
def test_generated_codes_use_the_region(seed: int, region: str) -> None:
    code = make_credit_code(random.Random(seed), region)
    assert code[2:8] == region
    assert is_valid_credit_code(code)


def test_generation_is_deterministic_per_seed() -> None:
    assert generated(42) == generated(42)
    assert len({generated(s) for s in range(200)}) == 200


@given(seeds, st.integers(min_value=0, max_value=17), st.sampled_from(ALPHABET))
def test_any_single_substitution_is_caught(seed: int, position: int, new: str) -> None:
    """Weights are non-zero mod the prime 31, so a changed value always changes the sum."""
    code = generated(seed)
    changed = code[:position] + new + code[position + 1:]
    assert is_valid_credit_code(changed) == (changed == code)


@given(seeds, st.integers(min_value=0, max_value=15))
def test_adjacent_transpositions_in_the_body_are_caught(seed: int, position: int) -> None:
    """Neighbouring weights differ mod 31, so swapping two different characters is caught."""
    code = generated(seed)
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2:]
    assert is_valid_credit_code(swapped) == (swapped == code)


@pytest.mark.parametrize("code", sorted(PUBLIC_CODES.values()))
def test_every_substitution_of_a_public_code_is_caught(code: str) -> None:
    for position in range(18):
        for new in ALPHABET.replace(code[position], ""):
            assert not is_valid_credit_code(code[:position] + new + code[position + 1:])
