"""How values read on a filing: money with its Chinese capitals (大写), dates, percentages.

Pure functions without reportlab, so the CLI, tests and the UI can use them cheaply.

Capitals follow the People's Bank rules for filling in financial documents
(正确填写票据和结算凭证的基本规定):
- digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 within a group of four, groups 万 and 亿;
- a run of zeros at the start or inside a group of four is read as one 零; zeros at the end
  of a group (万位, 元位...) are not read, as the rules allow ("可以不写零字"):
  100,010,000 -> 壹亿零壹万元整, 107,000.53 -> 壹拾万柒仟元伍角叁分 (the rules' own example);
- 整 follows 元 when there are no 角 and 分, and follows 角 when there is no 分; never 分;
- 角 zero but 分 non-zero: 零 after 元 (壹元零伍分); below one yuan the 元 is left out
  (0.05 -> 伍分, 0.10 -> 壹角整); zero itself is 零元整;
- a leading ten keeps its 壹 (10.00 -> 壹拾元整), as the rules require on financial forms.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_IN_GROUP = ("仟", "佰", "拾", "")
_GROUPS = ("亿", "万", "")
MAX_CAPITALS = Decimal("999999999999.99")  # below 1万亿: three groups suffice
BEIJING = timezone(timedelta(hours=8), "CST")


def _fen(amount: Decimal) -> int:
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise ValueError(f"not an amount: {amount!r}")
    rounded = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if rounded != amount:
        raise ValueError(f"an amount has at most two decimal places: {amount}")
    if rounded < 0 or rounded > MAX_CAPITALS:
        raise ValueError(f"amount out of range for capitals: {amount}")
    return int(rounded.scaleb(2))


def _integer_capitals(yuan: int) -> str:
    """Yuan part read group by group (亿, 万, units): one 零 for a run of leading or inner
    zeros of a group, nothing for the zeros a group ends with."""
    digits = f"{yuan:012d}"
    out: list[str] = []
    pending_zero = False
    for g, group_unit in enumerate(_GROUPS):
        group = digits[4 * g: 4 * g + 4]
        for d, unit in zip(group, _IN_GROUP, strict=True):
            if d == "0":
                pending_zero = bool(out)
                continue
            if pending_zero:
                out.append("零")
                pending_zero = False
            out.append(DIGITS[int(d)] + unit)
        if group_unit and int(group):
            out.append(group_unit)
        pending_zero = False  # the zeros a group ends with are not read
    return "".join(out)


def money_capitals(amount: Decimal) -> str:
    """"¥1,234,567.89" -> 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分 (see the module's rules)."""
    fen = _fen(amount)
    yuan, jiao, fen_digit = fen // 100, fen // 10 % 10, fen % 10
    if fen == 0:
        return "零元整"
    text = _integer_capitals(yuan) + "元" if yuan else ""
    if jiao:
        text += DIGITS[jiao] + "角"
    elif fen_digit and yuan:
        text += "零"
    if fen_digit:
        text += DIGITS[fen_digit] + "分"
    else:
        text += "整"
    return text


def money(amount: Decimal | None) -> str:
    """¥1,234,567.89 (empty for None)."""
    if amount is None:
        return ""
    value = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{'-' if value < 0 else ''}¥{abs(value):,.2f}"


def money_with_capitals(amount: Decimal | None, lang: str = "zh") -> str:
    """¥1,234.00（大写：壹仟贰佰叁拾肆元整）— the form for approved or paid sums."""
    if amount is None:
        return ""
    label = "大写" if lang == "zh" else "in words"
    return f"{money(amount)}（{label}：{money_capitals(amount)}）"


def percent(value: Decimal | None) -> str:
    """Exact percentage: 33.3333%, 70%, 3.5% (no rounding, no trailing zeros)."""
    if value is None:
        return ""
    if value == value.to_integral_value():
        return f"{value.quantize(Decimal(1))}%"
    return f"{format(value.normalize(), 'f')}%"


def cn_date(day: date | None, lang: str = "zh") -> str:
    """2026年11月21日 (zh) or 2026-11-21 (en); empty for None."""
    if day is None:
        return ""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return day.isoformat()


def parse_iso(value: str | None) -> date | None:
    return None if not value else date.fromisoformat(value)


def local_time(moment: datetime, lang: str = "zh") -> str:
    """A UTC timestamp shown in Beijing time: 2026年11月21日 08:30 / 2026-11-21 08:30 CST."""
    here = moment.astimezone(BEIJING)
    if lang == "zh":
        return f"{here.year}年{here.month}月{here.day}日 {here:%H:%M}"
    return f"{here:%Y-%m-%d %H:%M} CST"
