"""Money and percentages as exact decimals (domain rule R11), contribution shares (R1).

Money is CNY held as `decimal.Decimal` with exactly two places (the fen, 分) and stored as an
integer number of fen. Percentages are exact decimals with at most four places, stored as an
integer number of ten-thousandths of a percent (`PCT_SCALE`). Input is never rounded silently:
a value the office typed with too many places is refused, so nobody loses a fen unnoticed.
Only computed values are rounded, by `round_fen` (half up) or `largest_remainder` (splits).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ttdesk.core.base.errors import RuleViolation

FEN = Decimal("0.01")
MAX_MONEY = Decimal("999999999999.99")
PCT_SCALE = 10000
HUNDRED = Decimal(100)

_MINUS_SIGNS = ("-", "\u2212")
_CURRENCY_PREFIXES = ("¥", "CNY", "RMB")
# ASCII digits only: `\d` would also admit Arabic-Indic and other scripts' digits.
_NUMBER = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


@dataclass(frozen=True)
class _Kind:
    """Words and rule used in the messages of one kind of number."""

    zh: str
    en: str
    rule: str = "R11"


_MONEY = _Kind("金额", "amount")
_PERCENT = _Kind("百分比", "percentage")
_WEIGHT = _Kind("分配权重", "weight")
_SHARE = _Kind("贡献份额", "share", rule="R1")


def _refuse(kind: _Kind, field: str, zh: str, en: str) -> RuleViolation:
    return RuleViolation(kind.rule, zh, en, field=field)


def _normalize_text(text: str) -> str:
    """Fold full-width forms (１２３４，￥，％) to ASCII and trim whitespace, incl. U+3000."""
    return unicodedata.normalize("NFKC", text).strip()


def _finite(value: Decimal, kind: _Kind, field: str) -> Decimal:
    if not value.is_finite():
        raise _refuse(kind, field, f"{kind.zh}不是有限数值：{value}",
                      f"The {kind.en} is not a finite number: {value}")
    return value.copy_abs() if value.is_zero() else value  # fold -0 into 0


def _coerce_non_text(value: object, kind: _Kind, field: str) -> Decimal:
    """Decimal and int are exact; float is refused because 0.1 is not 0.1 in binary."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, float)):
        raise _refuse(kind, field, f"无法识别的{kind.zh}类型：{type(value).__name__}",
                      f"Unsupported {kind.en} type: {type(value).__name__}")
    if isinstance(value, float):
        raise _refuse(
            kind, field,
            f"{kind.zh}不接受浮点数（二进制小数会带来误差），请以文本或 Decimal 提供，如“1234.50”",
            f"Floats are not accepted as {kind.en} (binary fractions are inexact); "
            "pass text or a Decimal such as '1234.50'")
    return _finite(Decimal(value), kind, field)


def _strip_negative(text: str) -> tuple[bool, str]:
    for sign in _MINUS_SIGNS:
        if text.startswith(sign):
            return True, text[len(sign):].strip()
    return False, text


def _text_to_decimal(raw: str, body: str, negative: bool, pattern: re.Pattern[str],
                     kind: _Kind, field: str) -> Decimal:
    """Turn the numeric body of a text value into a Decimal, or refuse it by name."""
    if not body:
        raise _refuse(kind, field, f"{kind.zh}不能为空", f"The {kind.en} is empty")
    if not pattern.fullmatch(body):
        raise _refuse(kind, field, f"无法识别的{kind.zh}：“{raw}”",
                      f"Not a valid {kind.en}: {raw!r}")
    number = Decimal(body.replace(",", ""))
    if negative and not number.is_zero():
        raise _negative(kind, field, raw)
    return number


def _negative(kind: _Kind, field: str, shown: object) -> RuleViolation:
    return _refuse(kind, field, f"{kind.zh}不能为负数：{shown}",
                   f"The {kind.en} must not be negative: {shown}")


def _check_places(value: Decimal, places: int, kind: _Kind, field: str, shown: object) -> None:
    """Refuse (never round) a value that carries more decimal places than allowed."""
    try:
        exact = value.quantize(Decimal(1).scaleb(-places))
    except InvalidOperation:  # more digits than the context holds: far beyond any real value
        raise _refuse(kind, field, f"{kind.zh}超出可处理范围：{shown}",
                      f"The {kind.en} is out of range: {shown}") from None
    if exact != value:
        raise _refuse(
            kind, field,
            f"{kind.zh}最多保留 {places} 位小数，“{shown}”不会被自动四舍五入",
            f"The {kind.en} may have at most {places} decimal places; "
            f"{shown} is not rounded automatically")


def _strip_currency(text: str) -> str:
    for prefix in _CURRENCY_PREFIXES:
        if text.upper().startswith(prefix):
            return text[len(prefix):].strip()
    return text


def _money_text(text: str, field: str) -> Decimal:
    """Text amount: "¥1,234.50", "-¥5" / "¥-5" (refused as negative), "1234元"."""
    negative, body = _strip_negative(_normalize_text(text))
    body = _strip_currency(body)
    if not negative:
        negative, body = _strip_negative(body)
    body = body.removesuffix("元").strip()
    wan = body.endswith("万")  # "50万", "50 万元": an amount in units of ten thousand yuan
    if wan:
        body = body[:-1].strip()
    number = _text_to_decimal(text, body, negative, _NUMBER, _MONEY, field)
    return number.scaleb(4) if wan else number


def parse_money(value: object, field: str = "amount") -> Decimal:
    """Read an amount of CNY typed or imported by a person; refuse anything doubtful (R11).

    Accepts Decimal, int, and text such as "1234.5", "1,234,567.89", "¥1,234.00", "１２３４",
    "50万", "50 万元" (ten-thousands of yuan, exact).
    Refuses floats, negatives, NaN/infinity, more than two decimal places, empty or garbled
    text, and amounts above `MAX_MONEY`. Returns the amount quantized to the fen.
    """
    if isinstance(value, str):
        number = _money_text(value, field)
    else:
        number = _coerce_non_text(value, _MONEY, field)
        if number < 0:
            raise _negative(_MONEY, field, value)
    if number > MAX_MONEY:
        raise _refuse(_MONEY, field, f"金额超过上限 {format_money(MAX_MONEY)}：{value}",
                      f"The amount exceeds the maximum of {format_money(MAX_MONEY)}: {value}")
    _check_places(number, 2, _MONEY, field, value)
    return number.quantize(FEN)


def round_fen(x: Decimal) -> Decimal:
    """Round a computed amount to the fen, half up.

    Chinese financial practice rounds 四舍五入: a half fen goes up (away from zero), unlike
    Python's default banker's rounding (ROUND_HALF_EVEN), which would surprise an accountant
    checking a distribution by hand.
    """
    if not isinstance(x, Decimal) or not x.is_finite():
        raise _refuse(_MONEY, "amount", f"无法取整的金额：{x!r}", f"Cannot round amount {x!r}")
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def to_fen(amount: Decimal) -> int:
    """Exact integer fen for storage; refuses an amount that is not a whole number of fen."""
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise _refuse(_MONEY, "amount", f"无法换算为分的金额：{amount!r}",
                      f"Cannot convert amount {amount!r} to fen")
    _check_places(amount, 2, _MONEY, "amount", amount)
    return int(amount.scaleb(2))


def from_fen(fen: int) -> Decimal:
    """Amount with exactly two places from stored integer fen."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise _refuse(_MONEY, "amount", f"分值须为整数：{fen!r}",
                      f"A fen value must be an integer: {fen!r}")
    return Decimal(fen).scaleb(-2).quantize(FEN)


def format_money(amount: Decimal) -> str:
    """Display form "¥1,234,567.89" (computed values are rounded half up to the fen)."""
    rounded = round_fen(amount)
    sign = "-" if rounded < 0 else ""
    return f"{sign}¥{abs(rounded):,.2f}"


def _tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent form (100 stays 100, not 1E+2)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _percent_text(text: str, field: str) -> Decimal:
    negative, body = _strip_negative(_normalize_text(text))
    body = body.removesuffix("%").strip()
    return _text_to_decimal(text, body, negative, _PLAIN_NUMBER, _PERCENT, field)


def _check_percent_range(number: Decimal, allow_zero: bool, field: str, shown: object) -> None:
    if number < 0:
        raise _negative(_PERCENT, field, shown)
    if number > HUNDRED:
        raise _refuse(_PERCENT, field, f"百分比不能超过 100%：{shown}",
                      f"A percentage cannot exceed 100%: {shown}")
    if number == 0 and not allow_zero:
        raise _refuse(_PERCENT, field, "百分比须大于 0", "The percentage must be greater than 0")


def parse_percent(value: object, field: str = "share", allow_zero: bool = False,
                  max_places: int = 4) -> Decimal:
    """Read an exact percentage 0..100 ("70", "70%", "33.3333", Decimal, int) (R11).

    More than `max_places` decimal places is an error, not a rounding: shares must add up to
    exactly 100, and a silently rounded share would make that impossible to check.
    """
    if isinstance(value, str):
        number = _percent_text(value, field)
    else:
        number = _coerce_non_text(value, _PERCENT, field)
    _check_percent_range(number, allow_zero, field, value)
    _check_places(number, max_places, _PERCENT, field, value)
    return _tidy(number)


def pct_to_int(p: Decimal) -> int:
    """Integer ten-thousandths of a percent for storage (70% -> 700000); exact or refused."""
    if isinstance(p, bool) or not isinstance(p, (Decimal, int)):
        raise _refuse(_PERCENT, "percent", f"无法换算的百分比：{p!r}",
                      f"Cannot convert percentage {p!r}")
    scaled = _finite(Decimal(p), _PERCENT, "percent") * PCT_SCALE
    if scaled != scaled.to_integral_value():
        raise _refuse(_PERCENT, "percent", f"百分比最多保留 4 位小数：{p}",
                      f"A stored percentage may have at most 4 decimal places: {p}")
    return int(scaled)


def pct_from_int(i: int) -> Decimal:
    """Percentage from its stored integer form (700000 -> 70)."""
    if isinstance(i, bool) or not isinstance(i, int):
        raise _refuse(_PERCENT, "percent", f"百分比存储值须为整数：{i!r}",
                      f"A stored percentage must be an integer: {i!r}")
    return _tidy(Decimal(i).scaleb(-4))


def _weights_as_ints(weights: Sequence[Decimal]) -> list[int]:
    """Scale exact decimal weights to integers so the split is done in exact integer math."""
    if not weights:
        raise _refuse(_WEIGHT, "weights", "分配权重不能为空", "No weights to split by")
    exact = [_coerce_non_text(w, _WEIGHT, "weights") for w in weights]
    if any(w < 0 for w in exact):
        raise _refuse(_WEIGHT, "weights", "分配权重不能为负数", "Weights must not be negative")
    if all(w == 0 for w in exact):
        raise _refuse(_WEIGHT, "weights", "分配权重不能全部为 0", "Weights must not all be zero")
    places = max(max(0, -int(w.as_tuple().exponent)) for w in exact)
    return [int(w.scaleb(places)) for w in exact]


def largest_remainder(total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Split `total` in proportion to `weights` so the parts add up to exactly `total` (R10).

    Each part is first floored to the fen; the fen left over (fewer than the number of parts)
    go one each to the parts with the largest remainders, ties to the lower index. Every part
    is therefore within one fen of its exact proportional value, and the result is the same
    on every machine. Weights need not add up to 100.
    """
    if not isinstance(total, Decimal) or not total.is_finite() or total < 0:
        raise _refuse(_MONEY, "total", f"待分配金额须为非负金额：{total!r}",
                      f"The total to split must be a non-negative amount: {total!r}")
    total_fen = to_fen(total)
    ints = _weights_as_ints(weights)
    weight_sum = sum(ints)
    parts = [total_fen * w // weight_sum for w in ints]
    remainders = [total_fen * w % weight_sum for w in ints]
    leftover = total_fen - sum(parts)
    by_remainder = sorted(range(len(ints)), key=lambda i: (-remainders[i], i))
    for i in by_remainder[:leftover]:
        parts[i] += 1
    return [from_fen(p) for p in parts]


def _percent_text_for(value: Decimal) -> str:
    return f"{_tidy(value)}%"


def check_shares_sum(shares: Sequence[Decimal]) -> None:
    """Contribution shares of one achievement: each > 0 and together exactly 100 (R1)."""
    exact = [_coerce_non_text(s, _SHARE, "share") for s in shares]
    for position, share in enumerate(exact, start=1):
        if share <= 0:
            raise RuleViolation(
                "R1", f"第 {position} 位完成人的贡献份额须大于 0%，实为 {_percent_text_for(share)}",
                f"Contributor {position}'s share must be greater than 0%, "
                f"got {_percent_text_for(share)}", field="share")
    total = sum(exact, Decimal(0))
    if total != HUNDRED:
        shown = _percent_text_for(total)
        raise RuleViolation("R1", f"完成人贡献份额合计为 {shown}，须恰好为 100%",
                            f"Contributor shares add up to {shown}; they must total exactly 100%",
                            field="share")
