"""Unified social credit code (统一社会信用代码, GB 32100-2015) of a company (domain rule R8).

Layout of the 18 characters: 1 registration authority (9 = market regulation), 2 entity type
(1 = enterprise), 3-8 administrative division, 9-17 organization code (GB 11714), 18 check
character. The alphabet has 31 characters: digits and upper-case letters without I, O, Z, S, V
(easily confused with 1, 0, 2, 5, U). Position i (1-based) carries weight 3^(i-1) mod 31;
the check character is 31 − (Σ value × weight mod 31), with 31 written as 0.

Because 31 is prime and every weight is a non-zero residue, changing any one character of a
valid code always changes the sum mod 31: every single-character error is caught.

The embedded organization code has its own GB 11714 check character. `is_valid_credit_code`
deliberately does not require it: the GB 32100 check already catches every single-character
error, and refusing a real company's code over the inner digit (should some issuer not have
applied it) would be worse than the nothing it adds. `has_valid_org_code` reports it for
callers that want a second opinion, and `make_credit_code` always produces valid ones.
"""

from __future__ import annotations

import random
import unicodedata

from ttdesk.core.base.errors import RuleViolation

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
LENGTH = 18
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}

# GB 11714-1997 organization code: 8 body characters (digits, A-Z valued 10-35) + check.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_SLICE = slice(8, 17)


def _refuse(field: str, zh: str, en: str) -> RuleViolation:
    return RuleViolation("R8", zh, en, field=field)


def _weighted_sum(chars: str) -> int:
    return sum(_VALUE[ch] * w for ch, w in zip(chars, WEIGHTS, strict=True))


def compute_check_char(first17: str) -> str:
    """The 18th character for the first 17 (which must be upper-case alphabet characters)."""
    if len(first17) != LENGTH - 1 or any(ch not in _VALUE for ch in first17):
        raise _refuse("credit_code", f"无法计算校验位：“{first17}”须为 17 位合法字符",
                      f"Cannot compute a check character: {first17!r} must be 17 valid "
                      "characters")
    return ALPHABET[(31 - _weighted_sum(first17) % 31) % 31]


def normalize_credit_code(code: str) -> str:
    """Trim and upper-case; full-width forms (ＡＢ１２) fold to ASCII."""
    return unicodedata.normalize("NFKC", code).strip().upper()


def _check_length(code: str, field: str) -> None:
    if len(code) != LENGTH:
        raise _refuse(field, f"统一社会信用代码应为 18 位，实为 {len(code)} 位：“{code}”",
                      f"A unified social credit code has 18 characters, got {len(code)}: "
                      f"{code!r}")


def _check_alphabet(code: str, field: str) -> None:
    for position, ch in enumerate(code, start=1):
        if ch not in _VALUE:
            raise _refuse(
                field,
                f"统一社会信用代码第 {position} 位字符“{ch}”不合法"
                "（只允许数字和除 I、O、Z、S、V 以外的大写字母）",
                f"Illegal character {ch!r} at position {position} of the credit code "
                "(only digits and capital letters except I, O, Z, S, V)")


def _check_check_char(code: str, field: str) -> None:
    expected = compute_check_char(code[:17])
    if code[17] != expected:
        raise _refuse(field,
                      f"统一社会信用代码校验位错误：第 18 位应为“{expected}”，实为“{code[17]}”",
                      f"Wrong check character in the credit code: position 18 should be "
                      f"{expected!r}, not {code[17]!r}")


def validate_credit_code(code: object, field: str = "credit_code") -> str:
    """Normalized code, or RuleViolation R8 naming the first problem found."""
    if not isinstance(code, str):
        raise _refuse(field, f"统一社会信用代码须为文本：{code!r}",
                      f"The credit code must be text: {code!r}")
    normalized = normalize_credit_code(code)
    if not normalized:
        raise _refuse(field, "统一社会信用代码不能为空", "The credit code is empty")
    _check_length(normalized, field)
    _check_alphabet(normalized, field)
    _check_check_char(normalized, field)
    return normalized


def is_valid_credit_code(code: str) -> bool:
    """True when `code` (after trimming and upper-casing) passes `validate_credit_code`."""
    try:
        validate_credit_code(code)
    except RuleViolation:
        return False
    return True


def _org_char_value(ch: str) -> int:
    return int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10


def org_code_check_char(body8: str) -> str:
    """GB 11714 check character of an 8-character organization code body: 0-9 or X."""
    total = sum(_org_char_value(ch) * w for ch, w in zip(body8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def has_valid_org_code(code: str) -> bool:
    """Whether positions 9-17 of a (valid) credit code form a GB 11714-valid organization code."""
    org = normalize_credit_code(code)[_ORG_SLICE]
    if len(org) != 9 or not all(ch.isascii() and ch.isalnum() for ch in org):
        return False
    return org_code_check_char(org[:8]) == org[8]


def make_credit_code(rng: random.Random, region_code: str = "110108") -> str:
    """A valid code for demo data: "91" (enterprise) + region + organization code + check.

    The default region 110108 is Beijing's Haidian district, home of most university spin-offs.
    """
    if len(region_code) != 6 or not region_code.isascii() or not region_code.isdigit():
        raise _refuse("region_code", f"行政区划代码须为 6 位数字：“{region_code}”",
                      f"The region code must be 6 digits: {region_code!r}")
    body = "".join(rng.choice("0123456789") for _ in range(8))
    first17 = "91" + region_code + body + org_code_check_char(body)
    return first17 + compute_check_char(first17)


# Province-level divisions of GB/T 2260 that a credit code can name in characters 3-4.
_PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82",
})
_REGION_BY_PROVINCE = {"11": "beijing", "12": "tianjin", "13": "hebei"}


def region_of(code: str) -> tuple[str, str | None]:
    """(region code name, 6-digit division) read from a valid credit code's characters 3-8.

    Beijing, Tianjin and Hebei by their province prefix 11 / 12 / 13; any other Chinese
    province is `other_province`; a division that names no province (e.g. 000000 used by
    some national registrations) gives `other_province` without a division.
    """
    division = normalize_credit_code(code)[2:8]
    if len(division) != 6 or not division.isdigit() or division[:2] not in _PROVINCES:
        return "other_province", None
    return _REGION_BY_PROVINCE.get(division[:2], "other_province"), division
