"""Cell parsers: the forms real ledgers hold, and round trips from formatted values."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttdesk.core.ledger import cells
from ttdesk.core.ledger.catalog import header_key, recognise, sheet_kind
from ttdesk.core.ledger.cells import CellError

FULL = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


@pytest.mark.parametrize("raw", [
    "2024-3-5", "2024-03-05", "2024/03/05", "2024.3.5", "2024年3月5日", "2024 年 3 月 5 日",
    "２０２４年３月５日", "20240305", 45356, 45356.0, "45356", datetime(2024, 3, 5, 10, 30),
    date(2024, 3, 5), "2024-03-05 00:00:00",
])
def test_dates_in_every_form(raw: object) -> None:
    assert cells.parse_date(raw) == date(2024, 3, 5)


@pytest.mark.parametrize("raw", ["2024-02-30", "三月五日", "2024年3月", "n/a", 0, "1899-1-1"])
def test_bad_dates_are_refused_with_both_languages(raw: object) -> None:
    with pytest.raises(CellError) as exc:
        cells.parse_date(raw)
    assert exc.value.zh and exc.value.en and exc.value.rule == "R12"


@pytest.mark.parametrize(("raw", "unit", "expected"), [
    ("1,234,567.89", 1, "1234567.89"), ("¥1,234.50", 1, "1234.50"), ("￥ 88", 1, "88.00"),
    ("１２３", 1, "123.00"), ("RMB 5,000", 1, "5000.00"), ("3000元", 1, "3000.00"),
    (46, 10000, "460000.00"), ("12.5", 10000, "125000.00"), ("１２.５", 10000, "125000.00"),
    ("12.5万", 1, "125000.00"), ("12.5万元", 1, "125000.00"), ("3000元", 10000, "3000.00"),
    (1234.5, 1, "1234.50"), (0.0001, 10000, "1.00"), (Decimal("7.01"), 1, "7.01"),
])
def test_amounts(raw: object, unit: int, expected: str) -> None:
    assert cells.parse_amount(raw, Decimal(unit)) == Decimal(expected)


@pytest.mark.parametrize(("raw", "unit"), [
    ("面议", 1), ("-5", 1), ("12.345", 1), ("1.2345678", 10000), (True, 1), ("1,23", 1),
    ("５万左右", 1),
])
def test_bad_amounts_are_refused_under_r11(raw: object, unit: int) -> None:
    with pytest.raises(CellError) as exc:
        cells.parse_amount(raw, Decimal(unit))
    assert exc.value.rule == "R11"


@pytest.mark.parametrize(("raw", "expected"), [
    (0.7, "70"), ("0.7", "70"), (70, "70"), ("70", "70"), ("70%", "70"), ("７０％", "70"),
    (1, "100"), ("33.3333%", "33.3333"), (0.333333, "33.3333"), ("0.5%", "0.5"),
])
def test_percentages(raw: object, expected: str) -> None:
    assert cells.parse_pct(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", ["120%", "abc", "-5%", 0])
def test_bad_percentages(raw: object) -> None:
    with pytest.raises(CellError):
        cells.parse_pct(raw)


@pytest.mark.parametrize(("raw", "expected"), [
    ("张伟、李娜", [("张伟", None), ("李娜", None)]),
    ("张伟，李娜,王芳;赵磊；孙丽", [("张伟", None), ("李娜", None), ("王芳", None), ("赵磊", None),
                           ("孙丽", None)]),
    ("张伟 李娜", [("张伟", None), ("李娜", None)]),
    ("张伟(60%)、李娜（40%）", [("张伟", Decimal(60)), ("李娜", Decimal(40))]),
    ("张伟 (60%) 李娜 (40 %)", [("张伟", Decimal(60)), ("李娜", Decimal(40))]),
    ("张伟:0.6、李娜：0.4", [("张伟", Decimal(60)), ("李娜", Decimal(40))]),
    ("  张伟  ", [("张伟", None)]),
])
def test_names_with_optional_shares(raw: str, expected: list) -> None:
    assert cells.parse_names(raw) == expected


def test_total_and_blank_rows() -> None:
    assert cells.is_total_row((None, "合计", None))
    assert cells.is_total_row(("小 计：",))
    assert cells.is_total_row(("Total",))
    assert not cells.is_total_row(("合计算法研究",))
    assert cells.is_blank("  \u3000 ") and cells.is_blank(None) and not cells.is_blank(0)


def test_headers_and_units() -> None:
    assert recognise("achievements", "合同金额（万元）") == ("price", Decimal(10000))
    assert recognise("achievements", "成交金额(元)") == ("price", Decimal(1))
    assert recognise("achievements", " 项目名称 *") == ("title", None)
    assert recognise("achievements", "Case No.")[0] == "case_no"
    assert recognise("achievements", "Title")[0] == "title"
    assert recognise("achievements", "发明人")[0] == "contributors"
    assert recognise("achievements", "院系")[0] == "department"
    assert recognise("achievements", "申报日期")[0] == "disclosure_date"
    assert recognise("achievements", "被许可方")[0] == "counterparty"
    assert recognise("achievements", "备注") == (None, None)
    assert header_key("到账金额【万元】")[1] == Decimal(10000)
    assert sheet_kind("成果台账") == "achievements" and sheet_kind(" Deals ") == "deals"
    assert sheet_kind("Sheet1") is None


# ---- property tests: formatted forms read back as the value --------------------------------

money = st.decimals(min_value=0, max_value=Decimal("99999999999.99"), places=2,
                    allow_nan=False, allow_infinity=False)


@given(money)
def test_amount_round_trips_from_formatted_text(x: Decimal) -> None:
    assert cells.parse_amount(f"{x:,.2f}") == x
    assert cells.parse_amount(f"¥{x:,.2f}") == x
    assert cells.parse_amount(f"{x:.2f}".translate(FULL)) == x
    assert cells.parse_amount(f"{x}元") == x


@given(st.decimals(min_value=0, max_value=Decimal("9999999.999999"), places=6,
                   allow_nan=False, allow_infinity=False))
def test_wan_amounts_are_exact(x: Decimal) -> None:
    yuan = x * 10000
    if yuan != yuan.quantize(Decimal("0.01")):
        with pytest.raises(CellError):
            cells.parse_amount(str(x), Decimal(10000))
    else:
        assert cells.parse_amount(str(x), Decimal(10000)) == yuan
        assert cells.parse_amount(f"{x}万") == yuan


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_dates_round_trip_from_every_format(d: date) -> None:
    serial = (d - date(1899, 12, 30)).days
    for form in (d.isoformat(), f"{d.year}-{d.month}-{d.day}",
                 f"{d.year}/{d.month:02d}/{d.day:02d}",
                 f"{d.year}.{d.month}.{d.day}", f"{d.year}年{d.month}月{d.day}日",
                 f"{d.year}年{d.month}月{d.day}日".translate(FULL), d.strftime("%Y%m%d"),
                 serial, float(serial), datetime(d.year, d.month, d.day)):
        assert cells.parse_date(form) == d, form


@given(st.decimals(min_value=Decimal("0.01"), max_value=100, places=2, allow_nan=False,
                   allow_infinity=False))
def test_percent_round_trips(p: Decimal) -> None:
    assert cells.parse_pct(f"{p}%") == p
    assert cells.parse_pct(float(p / 100)) == p  # as Excel stores a percent-formatted cell
    if p > 1:
        assert cells.parse_pct(str(p)) == p
        assert cells.parse_pct(float(p)) == p


@pytest.mark.parametrize(("enum_cls", "text", "code"), [
    ("AchievementKind", "软著", "software_copyright"),
    ("AchievementKind", "invention patent", "invention_patent"),
    ("AchievementStatus", "未转化", "disclosed"), ("AchievementStatus", "已转化", "converted"),
    ("AchievementStatus", "converting", "converting"),
    ("DealMode", "作价入股", "equity"), ("DealMode", "普通许可", "license_nonexclusive"),
    ("DealMode", "独占许可", "license_exclusive"), ("DealMode", "技术开发", "development"),
    ("Secrecy", "公开", "none"), ("Region", "北京市", "beijing"),
])
def test_ledger_wordings_of_codes(enum_cls: str, text: str, code: str) -> None:
    from ttdesk import codes as enums
    from ttdesk.core.ledger.records import enum_cell

    assert enum_cell(getattr(enums, enum_cls), text).value == code


def test_unknown_code_lists_the_choices() -> None:
    from ttdesk.codes import DealMode
    from ttdesk.core.ledger.records import enum_cell

    with pytest.raises(CellError) as exc:
        enum_cell(DealMode, "送人")
    assert "作价投资" in exc.value.zh and "equity" in exc.value.en


def test_lead_marker_puts_the_lead_first() -> None:
    assert cells.parse_names("李娜、张伟（负责人）、王芳") == [
        ("张伟", None), ("李娜", None), ("王芳", None)]
