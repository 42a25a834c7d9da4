"""Working days under China's official holiday calendar, and publicity periods (rule R5).

A working day is Monday to Friday, less the official days off, plus the make-up workdays
(调休上班, weekend days worked to bridge a holiday). The calendar is published each year by the
State Council General Office; 2025 and 2026 ship in `resources/holidays-cn.json`, later years
are entered by the user. A computation that reaches a year with no calendar refuses instead of
guessing: a guessed weekday could be in the middle of next year's National Day holiday.
"""

from __future__ import annotations

import calendar as _cal
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

from ttdesk.core.base.errors import RuleViolation
from ttdesk.paths import resource_path

DayKind = Literal["calendar", "working"]
HOLIDAY_FILE = "holidays-cn.json"
_ONE_DAY = timedelta(days=1)


def _refuse(zh: str, en: str, field: str | None = None) -> RuleViolation:
    return RuleViolation("R5", zh, en, field=field)


def _parse_day(text: object, year: int) -> date:
    """An ISO date that must fall inside `year` (the key it is listed under)."""
    try:
        day = date.fromisoformat(str(text))
    except ValueError:
        raise _refuse(f"节假日安排中的日期无法识别：“{text}”",
                      f"Unreadable date in the holiday calendar: {text!r}") from None
    if day.year != year:
        raise _refuse(f"日期 {day} 不属于 {year} 年的节假日安排",
                      f"Date {day} is not in the {year} holiday calendar")
    return day


def _parse_year(key: object) -> int:
    try:
        return int(str(key))
    except ValueError:
        raise _refuse(f"节假日安排中的年份无法识别：“{key}”",
                      f"Unreadable year in the holiday calendar: {key!r}") from None


def _read_year(year: int, entry: object) -> tuple[set[date], set[date]]:
    """Days off and make-up workdays of one year's entry {"off": [...], "workdays": [...]}."""
    if not isinstance(entry, Mapping):
        raise _refuse(f"{year} 年节假日安排格式错误", f"Malformed holiday calendar for {year}")
    off = {_parse_day(t, year) for t in entry.get("off", [])}
    workdays = {_parse_day(t, year) for t in entry.get("workdays", [])}
    return off, workdays


@dataclass(frozen=True)
class HolidayCalendar:
    """Official days off and make-up workdays for the `years` whose arrangement is known."""

    off: frozenset[date]
    workdays: frozenset[date]
    years: frozenset[int]
    about: str = ""

    def __post_init__(self) -> None:
        stray = sorted(d for d in self.off | self.workdays if d.year not in self.years)
        if stray:
            raise _refuse(f"日期 {stray[0]} 所在年份未列入节假日安排",
                          f"Date {stray[0]} lies outside the calendar's years")
        both = sorted(self.off & self.workdays)
        if both:
            raise _refuse(f"{both[0]} 不能既是休息日又是调休上班日",
                          f"{both[0]} cannot be both a day off and a make-up workday")
        weekday = sorted(d for d in self.workdays if d.weekday() < 5)
        if weekday:
            raise _refuse(f"调休上班日须为周六或周日：{weekday[0]} 是工作日",
                          f"A make-up workday must be a Saturday or Sunday: {weekday[0]} is not")

    @classmethod
    def from_days(cls, off: Iterable[date], workdays: Iterable[date],
                  years: Iterable[int] | None = None) -> HolidayCalendar:
        """Calendar from loose days (e.g. database rows); years default to those seen."""
        off_set, work_set = frozenset(off), frozenset(workdays)
        seen = {d.year for d in off_set | work_set}
        return cls(off_set, work_set, frozenset(seen if years is None else years))

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> HolidayCalendar:
        """Read the `holidays-cn.json` layout: {"about": ..., "years": {"2026": {...}}}."""
        years = data.get("years")
        if not isinstance(years, Mapping):
            raise _refuse("节假日安排缺少 years 部分", "The holiday calendar has no 'years' part")
        off: set[date] = set()
        workdays: set[date] = set()
        for key, entry in years.items():
            year_off, year_work = _read_year(_parse_year(key), entry)
            off |= year_off
            workdays |= year_work
        return cls(frozenset(off), frozenset(workdays), frozenset(map(_parse_year, years)),
                   str(data.get("about", "")))

    def to_json(self) -> dict[str, Any]:
        """The same layout as `from_json` reads, dates sorted (ISO strings)."""
        return {
            "about": self.about,
            "years": {
                str(year): {
                    "off": sorted(d.isoformat() for d in self.off if d.year == year),
                    "workdays": sorted(d.isoformat() for d in self.workdays if d.year == year),
                }
                for year in sorted(self.years)
            },
        }

    def with_year(self, year: int, off: Iterable[date],
                  workdays: Iterable[date]) -> HolidayCalendar:
        """A new calendar with `year`'s arrangement entered (or replaced) by the user."""
        new_off = frozenset(off)
        new_work = frozenset(workdays)
        for day in new_off | new_work:
            _parse_day(day.isoformat(), year)
        return HolidayCalendar(
            frozenset(d for d in self.off if d.year != year) | new_off,
            frozenset(d for d in self.workdays if d.year != year) | new_work,
            self.years | {year},
            self.about,
        )

    def require_year(self, year: int) -> None:
        """Refuse to count days of a year whose official arrangement is not entered."""
        if year not in self.years:
            raise _refuse(f"未录入 {year} 年节假日安排，无法计算工作日",
                          f"No holiday calendar for {year}: enter that year's official holiday "
                          "arrangement before counting working days")

    def is_working_day(self, d: date) -> bool:
        """Mon-Fri not off, or a make-up workday; refuses a year without a calendar."""
        self.require_year(d.year)
        if d in self.workdays:
            return True
        return d.weekday() < 5 and d not in self.off


@lru_cache(maxsize=1)
def shipped_holiday_calendar() -> HolidayCalendar:
    """The calendar shipped with TT Desk (2025-2026), read once from `resources/`."""
    with resource_path(HOLIDAY_FILE).open(encoding="utf-8") as f:
        return HolidayCalendar.from_json(json.load(f))


def _require_count(n: int, field: str) -> None:
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise _refuse(f"天数须为正整数：{n!r}",
                      f"The number of days must be a positive integer: {n!r}", field=field)


def add_months(d: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (Jan 31 + 1 → Feb 28)."""
    month = d.month - 1 + months
    year, month = d.year + month // 12, month % 12 + 1
    return date(year, month, min(d.day, _cal.monthrange(year, month)[1]))


def add_working_days(start: date, n: int, calendar: HolidayCalendar) -> date:
    """The n-th working day after `start`, not counting `start` itself.

    Used for deadlines such as the Ministry of Finance filing within 15 working days (R9).
    """
    _require_count(n, "days")
    day = start
    while n:
        day += _ONE_DAY
        if calendar.is_working_day(day):
            n -= 1
    return day


def publicity_end(start: date, days: int, kind: DayKind,
                  calendar: HolidayCalendar | None = None) -> date:
    """Last day of a publicity of `days` days starting on `start` (R5).

    `start` counts if it is a counted day; then following days are counted until `days` are.
    Calendar days need no calendar; working days do.
    """
    _require_count(days, "publicity_days")
    if kind == "calendar":
        return start + timedelta(days=days - 1)
    if kind != "working":
        raise _refuse(f"公示天数类型无法识别：“{kind}”（应为自然日或工作日）",
                      f"Unknown publicity day kind {kind!r} (calendar or working)",
                      field="publicity_day_kind")
    if calendar is None:
        raise _refuse("按工作日计算公示期需要节假日安排",
                      "Counting a publicity in working days needs a holiday calendar")
    if calendar.is_working_day(start):
        return start if days == 1 else add_working_days(start, days - 1, calendar)
    return add_working_days(start, days, calendar)


def earliest_signing_date(end: date) -> date:
    """Signing is allowed from the day after the publicity's last day (R5)."""
    return end + _ONE_DAY


def days_left(end: date, today: date) -> int:
    """Calendar days of a period still to run, today included; 0 once `end` has passed.

    On the last day it is 1 ("尚余 1 天"): the publicity still runs until that day ends.
    """
    return max(0, (end - today).days + 1)
