"""Cell parsers for real-world ledger values: dates, amounts, percentages, name lists.

Each parser takes what openpyxl gives for a cell (str, int, float, datetime, None) and returns
the domain value, or raises `CellError` with a Chinese and an English message. Money goes
through `ttdesk.core.rules.money.parse_money` at the end, so rule R11 (non-negative, 2 places, no
silent rounding) is the same as everywhere else; percentages through `parse_percent`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.rules.money import parse_money, parse_percent

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (Lotus 1900 leap-year quirk)
WAN = Decimal(10000)
TOTAL_WORDS = frozenset({"合计", "小计", "总计", "共计", "总和", "total", "subtotal", "sum"})
_DATE_TEXT = re.compile(
    r"(\d{4})\s*(?:年|\.|/|-)\s*(\d{1,2})\s*(?:月|\.|/|-)\s*(\d{1,2})\s*日?(?:\s+[\d:]+)?")
_DATE_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_NAME_SEP = re.compile(r"[、，,；;/\s]+")
_KEY_SEP = re.compile(r"[、，,；;\s]+")
_NUMBER_SEP = re.compile(r"[、；;\n]+")
_SHARE_SUFFIX = re.compile(
    r"^(?P<name>.+?)\s*(?:[(\[]\s*(?P<a>[0-9.]+)\s*%?\s*[)\]]|[:]\s*(?P<b>[0-9.]+)\s*%?)$")
_SPACE_BEFORE_MARK = re.compile(r"\s*([(\[:])\s*")
_LEAD_MARK = re.compile(r"^(.+?)[(\[](?:项目)?(?:负责人|第一完成人|lead)[)\]]$", re.IGNORECASE)


class CellError(ValueError):
    """A cell that cannot be read; `rule` names the data rule it breaks."""

    def __init__(self, zh: str, en: str, rule: str = "LEDGER") -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en
        self.rule = rule


def norm(text: str) -> str:
    """Full-width forms to ASCII (１２３，（）％), trimmed; U+3000 and NBSP become spaces."""
    return unicodedata.normalize("NFKC", text).strip()


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: object) -> str | None:
    """A text cell, trimmed; numbers typed into text columns come back without '.0'."""
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return " ".join(str(value).split())


_TOTAL_FIRST = frozenset("合小总共TtSs")
_SPACES = re.compile(r"\s+")
_BRACKETED = re.compile(r"[(\[][^)\]]*[)\]]")


def is_total_row(values: tuple[object, ...]) -> bool:
    """合计/小计/总计 rows (in any of the first text cells) are not records."""
    for value in values:
        if isinstance(value, str) and len(value) <= 16:
            short = value.strip()
            if short and short[0] in _TOTAL_FIRST:
                folded = _SPACES.sub("", norm(short)).casefold().rstrip(":")
                if folded in TOTAL_WORDS:
                    return True
    return False


def _from_serial(serial: float) -> date:
    if not 1 <= serial < 2958466:
        raise CellError(f"日期序列值超出范围：{serial}", f"Date serial out of range: {serial}",
                        "R12")
    return EXCEL_EPOCH + timedelta(days=int(serial))


def _checked(year: int, month: int, day: int, shown: object) -> date:
    try:
        found = date(year, month, day)
    except ValueError:
        raise CellError(f"日期不存在：“{shown}”", f"No such date: {shown!r}", "R12") from None
    if not 1900 <= found.year <= 2200:
        raise CellError(f"日期年份不合理：“{shown}”", f"Implausible year in date {shown!r}", "R12")
    return found


def parse_date(value: object) -> date:
    """Excel date cells, serials (45356), and text 2024-3-5, 2024/03/05, 2024.3.5,
    2024年3月5日, 20240305 (full-width digits too)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellError(f"不是日期：{value}", f"Not a date: {value}", "R12")
    if isinstance(value, int | float | Decimal):
        return _from_serial(float(value))
    raw = norm(str(value))
    m = _DATE_TEXT.fullmatch(raw) or _DATE_COMPACT.fullmatch(raw)
    if m:
        return _checked(int(m.group(1)), int(m.group(2)), int(m.group(3)), value)
    if re.fullmatch(r"\d{5}(\.\d+)?", raw):  # a serial stored as text
        return _from_serial(float(raw))
    raise CellError(f"无法识别的日期：“{value}”（可写作 2024-03-05、2024年3月5日、2024.3.5）",
                    f"Not a date: {value!r} (write e.g. 2024-03-05, 2024年3月5日 or 2024.3.5)",
                    "R12")


def _decimal(number: str, shown: object) -> Decimal:
    try:
        return Decimal(number)
    except InvalidOperation:
        raise CellError(f"无法识别的金额：“{shown}”", f"Not an amount: {shown!r}", "R11") from None


def parse_amount(value: object, unit: Decimal = Decimal(1)) -> Decimal:
    """An amount in yuan. `unit` is 10000 when the column header says 万元; a text cell that
    names its own unit ("12.5万", "3,000元") wins. Thousands separators, ¥/￥/RMB, full-width
    digits are accepted; negatives, NaN and more than 2 places (after conversion) are refused."""
    if isinstance(value, bool):
        raise CellError(f"不是金额：{value}", f"Not an amount: {value}", "R11")
    if isinstance(value, float):
        number = _decimal(repr(value), value)
    elif isinstance(value, int | Decimal):
        number = Decimal(value)
    else:
        raw = re.sub(r"\s+", "", norm(str(value)))
        for prefix in ("人民币", "RMB", "CNY", "¥"):
            if raw.upper().startswith(prefix):
                raw = raw[len(prefix):]
        if raw.endswith("万元") or raw.endswith("万"):
            raw, unit = raw.removesuffix("元").removesuffix("万"), WAN
        elif raw.endswith("元"):
            raw, unit = raw.removesuffix("元"), Decimal(1)
        if raw.startswith(("-", "\u2212")):
            raise CellError(f"金额不能为负数：“{value}”", f"The amount must not be negative: "
                            f"{value!r}", "R11")
        if not re.fullmatch(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?", raw):
            raise CellError(f"金额栏中不是数字：“{value}”", f"Not a number in an amount column: "
                            f"{value!r}", "R11")
        number = _decimal(raw.replace(",", ""), value)
    try:
        return parse_money(number * unit if unit != 1 else number)
    except ValidationFailed as exc:
        p = exc.problems[0]
        raise CellError(p.zh, p.en, p.rule) from None


def parse_pct(value: object) -> Decimal:
    """A percentage 0-100: 0.7 and "0.7" (a fraction, as Excel stores 70%), 70, "70", "70%".
    A number of at most 1 is read as a fraction (1 = 100%)."""
    if isinstance(value, bool):
        raise CellError(f"不是百分比：{value}", f"Not a percentage: {value}", "R11")
    if isinstance(value, str):
        raw = _SPACES.sub("", norm(value))
        if raw.endswith("%"):
            number = _pct_number(raw[:-1], value)
        else:
            number = _pct_number(raw, value)
            number = number * 100 if number <= 1 else number
    else:
        number = _pct_number(repr(value) if isinstance(value, float) else str(value), value)
        number = number * 100 if number <= 1 else number
    try:
        return parse_percent(number.normalize() if number else number, field="share")
    except ValidationFailed as exc:
        p = exc.problems[0]
        raise CellError(p.zh, p.en, p.rule) from None


def _pct_number(raw: str, shown: object) -> Decimal:
    if not re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", raw):
        raise CellError(f"无法识别的百分比：“{shown}”", f"Not a percentage: {shown!r}", "R11")
    return Decimal(raw)


def parse_names(value: object) -> list[tuple[str, Decimal | None]]:
    """Names separated by 、，,；; / or spaces, each optionally with a share: 张伟(50%)、李娜:50.
    Returns (name, share or None) in order."""
    raw = norm(str(value))
    if " " in raw or "\t" in raw:
        raw = _SPACE_BEFORE_MARK.sub(r"\1", raw)
        raw = _BRACKETED.sub(lambda m: _SPACES.sub("", m.group(0)), raw)
    out: list[tuple[str, Decimal | None]] = []
    for item in _NAME_SEP.split(raw):
        if not item:
            continue
        lead = _LEAD_MARK.match(item)
        if lead:  # 张伟(负责人): the lead goes first (the first contributor leads)
            out.insert(0, (lead.group(1).strip(), None))
            continue
        m = _SHARE_SUFFIX.match(item)
        if m:
            share_text = m.group("a") or m.group("b")
            if "%" in item:
                share_text += "%"
            out.append((m.group("name").strip(), parse_pct(share_text)))
        else:
            if re.search(r"[0-9%()]", item):
                raise CellError(f"无法识别的完成人：“{item}”（可写作 张伟(60%)、李娜(40%)）",
                                f"Cannot read contributor {item!r} "
                                "(write e.g. 张伟(60%)、李娜(40%))")
            out.append((item, None))
    return out


def split_list(value: object, spaces: bool = True) -> list[str]:
    """Several keys in one cell: case numbers separated by 、，,；; or spaces; with
    `spaces=False` (application numbers such as "US 17/123,456") only by 、；; and new lines."""
    sep = _KEY_SEP if spaces else _NUMBER_SEP
    return [item.strip() for item in sep.split(norm(str(value))) if item.strip()]


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    folded = norm(str(value)).casefold()
    if folded in ("是", "y", "yes", "true", "1", "√", "✓", "有"):
        return True
    if folded in ("否", "n", "no", "false", "0", "×", "无", ""):
        return False
    raise CellError(f"应填“是”或“否”：“{value}”", f"Expected yes or no: {value!r}")


def parse_int(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raw = norm(str(value))
    if re.fullmatch(r"[0-9]+", raw):
        return int(raw)
    raise CellError(f"应为整数：“{value}”", f"Expected a whole number: {value!r}")


def same_name_key(name: str) -> str:
    """Key under which two spellings count as the same name: NFKC, no spaces, casefolded."""
    return re.sub(r"\s+", "", norm(name)).casefold()
