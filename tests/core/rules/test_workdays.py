"""Working days under the official holiday calendar, and publicity periods (R5, R9).

Expected dates below were counted by hand from resources/holidays-cn.json and a wall calendar
(2026-01-01 is a Thursday), not produced by the code under test.
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.rules.workdays import (
    HolidayCalendar,
    add_working_days,
    days_left,
    earliest_signing_date,
    publicity_end,
    shipped_holiday_calendar,
)
from ttdesk.paths import resource_path

REPO = Path(__file__).resolve().parents[3]
RAW = json.loads((REPO / "resources" / "holidays-cn.json").read_text(encoding="utf-8"))
RAW_OFF = {date.fromisoformat(d) for y in RAW["years"].values() for d in y["off"]}
RAW_WORK = {date.fromisoformat(d) for y in RAW["years"].values() for d in y["workdays"]}

CAL = shipped_holiday_calendar()

covered_days = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31))
early_days = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 10, 31))
counts = st.integers(min_value=1, max_value=30)


def d(text: str) -> date:
    return date.fromisoformat(text)


def assert_r5(exc: pytest.ExceptionInfo[RuleViolation], *, zh_part: str = "") -> None:
    problem = exc.value.problems[0]
    assert exc.value.rule == "R5"
    assert problem.zh.strip() and problem.en.strip()
    assert zh_part in problem.zh


def working_days_between(start: date, end: date) -> int:
    """Working days in [start, end], by the oracle below."""
    return sum(oracle_working(start + timedelta(days=i)) for i in range((end - start).days + 1))


def oracle_working(day: date) -> bool:
    """Independent reading of the json: weekdays not off, plus make-up workdays."""
    return day in RAW_WORK or (day.weekday() < 5 and day not in RAW_OFF)


# --- the shipped calendar ---------------------------------------------------------------------

def test_shipped_calendar_matches_the_file() -> None:
    assert CAL.years == frozenset({2025, 2026})
    assert CAL.off == frozenset(RAW_OFF)
    assert CAL.workdays == frozenset(RAW_WORK)
    assert CAL.about == RAW["about"]


def test_to_json_round_trips_the_file_layout() -> None:
    assert CAL.to_json() == RAW
    assert HolidayCalendar.from_json(CAL.to_json()) == CAL


def test_national_day_2026() -> None:
    for day in range(1, 8):
        assert not CAL.is_working_day(date(2026, 10, day))
    assert CAL.is_working_day(d("2026-10-08"))
    assert CAL.is_working_day(d("2026-10-10"))  # Saturday, make-up workday
    assert not CAL.is_working_day(d("2026-10-11"))  # ordinary Sunday
    assert CAL.is_working_day(d("2026-09-20"))  # Sunday, make-up workday
    assert not CAL.is_working_day(d("2026-09-25"))  # Friday, Mid-Autumn Festival


@given(covered_days)
def test_is_working_day_agrees_with_the_json(day: date) -> None:
    assert CAL.is_working_day(day) == oracle_working(day)


@pytest.mark.parametrize("day", [d("2024-12-31"), d("2027-01-04"), d("2030-06-01")])
def test_year_without_calendar_is_refused(day: date) -> None:
    with pytest.raises(RuleViolation) as exc:
        CAL.is_working_day(day)
    assert_r5(exc, zh_part=f"未录入 {day.year} 年节假日安排")
    assert str(day.year) in exc.value.problems[0].en


# --- publicity periods (R5) -------------------------------------------------------------------

def test_calendar_publicity() -> None:
    assert publicity_end(d("2026-11-21"), 15, "calendar") == d("2026-12-05")
    assert publicity_end(d("2026-11-21"), 15, "calendar", CAL) == d("2026-12-05")
    assert publicity_end(d("2026-11-21"), 1, "calendar") == d("2026-11-21")
    # Calendar days need no holiday calendar, even in a year without one.
    assert publicity_end(d("2027-03-01"), 15, "calendar", CAL) == d("2027-03-15")


def test_working_publicity_over_national_day_2026() -> None:
    # Counted: 9-28 29 30 | 10-01..07 off | 10-08 09 10(Sat, make-up) | 11 Sun |
    # 12 13 14 15 16 | 19 20 21 22  -> the 15th counted day is Thursday 2026-10-22.
    end = publicity_end(d("2026-09-28"), 15, "working", CAL)
    assert end == d("2026-10-22")
    assert earliest_signing_date(end) == d("2026-10-23")


@pytest.mark.parametrize(("start", "n", "end"), [
    # Spring Festival 2026: 2-09..13, 2-14 (Sat, make-up), 2-15..23 off, 2-24..27,
    # 2-28 (Sat, make-up), 3-02..05.
    ("2026-02-09", 15, "2026-03-05"),
    # Across the year: 12-29 30 31, 1-01..03 off, 1-04 (Sun, make-up), 1-05.
    ("2025-12-29", 5, "2026-01-05"),
    # National Day 2025 starting on its make-up Sunday 9-28: 9-28 29 30, 10-01..08 off, 10-09 10.
    ("2025-09-28", 5, "2025-10-10"),
    # A start that is not a working day does not count: the first counted day follows it.
    ("2026-10-03", 1, "2026-10-08"),
    ("2026-10-11", 1, "2026-10-12"),
    ("2026-10-10", 1, "2026-10-10"),
    ("2026-10-10", 2, "2026-10-12"),
    # December 2026 without reaching 2027: 12-10 11, 14..18, 21..25, 28 29 30.
    ("2026-12-10", 15, "2026-12-30"),
])
def test_working_publicity_examples(start: str, n: int, end: str) -> None:
    assert publicity_end(d(start), n, "working", CAL) == d(end)


def test_working_publicity_into_an_unknown_year_is_refused() -> None:
    with pytest.raises(RuleViolation) as exc:
        publicity_end(d("2026-12-20"), 15, "working", CAL)
    assert_r5(exc, zh_part="未录入 2027 年节假日安排")


@pytest.mark.parametrize(("days", "kind", "calendar"), [
    (0, "calendar", CAL), (-3, "working", CAL), (True, "working", CAL), (1.5, "calendar", CAL),
    (15, "natural", CAL), (15, "working", None),
])
def test_publicity_end_refuses(days: object, kind: str, calendar: HolidayCalendar | None) -> None:
    with pytest.raises(RuleViolation) as exc:
        publicity_end(d("2026-03-02"), days, kind, calendar)  # type: ignore[arg-type]
    assert_r5(exc)


@given(early_days, counts)
def test_working_publicity_ends_on_a_counted_working_day(start: date, n: int) -> None:
    end = publicity_end(start, n, "working", CAL)
    assert oracle_working(end)
    assert working_days_between(start, end) == n
    assert end >= publicity_end(start, n, "calendar")


def test_earliest_signing_date() -> None:
    assert earliest_signing_date(d("2026-12-05")) == d("2026-12-06")
    assert earliest_signing_date(d("2026-12-31")) == d("2027-01-01")


@pytest.mark.parametrize(("today", "left"), [
    ("2026-11-21", 15), ("2026-12-01", 5), ("2026-12-05", 1), ("2026-12-06", 0),
    ("2027-01-01", 0),
])
def test_days_left(today: str, left: int) -> None:
    assert days_left(d("2026-12-05"), d(today)) == left


# --- working-day deadlines (R9) ---------------------------------------------------------------

def test_mof_filing_deadline() -> None:
    # Not counting the trigger day 9-28: 9-29 30, 10-08 09 10 12..16 19..23 -> 15th is 10-23.
    assert add_working_days(d("2026-09-28"), 15, CAL) == d("2026-10-23")


@pytest.mark.parametrize(("start", "n", "end"), [
    ("2026-10-09", 1, "2026-10-10"),  # Friday -> make-up Saturday
    ("2026-09-30", 1, "2026-10-08"),
    ("2026-10-01", 1, "2026-10-08"),  # from a holiday
    ("2025-12-31", 1, "2026-01-04"),  # into the next calendar year's make-up Sunday
])
def test_add_working_days_examples(start: str, n: int, end: str) -> None:
    assert add_working_days(d(start), n, CAL) == d(end)


@pytest.mark.parametrize("n", [0, -1, True, 2.0])
def test_add_working_days_refuses_bad_count(n: object) -> None:
    with pytest.raises(RuleViolation) as exc:
        add_working_days(d("2026-03-02"), n, CAL)  # type: ignore[arg-type]
    assert_r5(exc)


@given(early_days, counts)
def test_add_working_days_lands_on_the_nth_working_day(start: date, n: int) -> None:
    end = add_working_days(start, n, CAL)
    assert end > start
    assert oracle_working(end)
    assert working_days_between(start + timedelta(days=1), end) == n


# --- user-entered years -----------------------------------------------------------------------

def test_with_year_extends_the_calendar() -> None:
    # A test arrangement for 2027 (only New Year's Day off), not the real one.
    cal = CAL.with_year(2027, [d("2027-01-01")], [])
    assert cal.years == frozenset({2025, 2026, 2027})
    assert CAL.years == frozenset({2025, 2026})  # immutable: the original is unchanged
    assert not cal.is_working_day(d("2027-01-01"))
    assert cal.is_working_day(d("2027-01-04"))
    # 12-21..25, 28..31, 1-01 off, 1-04..08, 1-11.
    assert publicity_end(d("2026-12-20"), 15, "working", cal) == d("2027-01-11")


def test_with_year_replaces_a_year() -> None:
    cal = CAL.with_year(2026, [], [])
    assert cal.is_working_day(d("2026-10-01"))  # a Thursday once the holiday is removed
    assert not cal.is_working_day(d("2026-10-10"))
    assert cal.off == frozenset(x for x in CAL.off if x.year == 2025)


@pytest.mark.parametrize(("off", "workdays", "zh_part"), [
    ([d("2028-01-01")], [], "2028-01-01"),
    ([], [d("2027-01-04")], "调休上班日须为周六或周日"),
    ([d("2027-01-09")], [d("2027-01-09")], "既是休息日又是调休上班日"),
])
def test_with_year_refuses(off: list[date], workdays: list[date], zh_part: str) -> None:
    with pytest.raises(RuleViolation) as exc:
        CAL.with_year(2027, off, workdays)
    assert_r5(exc, zh_part=zh_part)


def test_from_days_derives_years() -> None:
    cal = HolidayCalendar.from_days(CAL.off, CAL.workdays)
    assert cal.years == CAL.years
    assert cal.is_working_day(d("2026-10-10"))
    assert HolidayCalendar.from_days([], [], years=[2027]).is_working_day(d("2027-01-04"))


@pytest.mark.parametrize("data", [
    {},
    {"years": []},
    {"years": {"2026": ["2026-10-01"]}},
    {"years": {"twenty": {"off": []}}},
    {"years": {"2026": {"off": ["2026-13-01"]}}},
    {"years": {"2026": {"off": ["2025-10-01"]}}},
    {"years": {"2026": {"workdays": ["2026-10-09"]}}},
])
def test_from_json_refuses_malformed(data: dict[str, object]) -> None:
    with pytest.raises(RuleViolation) as exc:
        HolidayCalendar.from_json(data)
    assert_r5(exc)


# --- resource_path ----------------------------------------------------------------------------

def test_resource_path_in_a_checkout() -> None:
    path = resource_path("holidays-cn.json")
    assert path == REPO / "resources" / "holidays-cn.json"
    assert path.is_file()


def test_resource_path_when_frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("holidays-cn.json") == tmp_path / "resources" / "holidays-cn.json"
