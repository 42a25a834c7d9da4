"""The holiday calendar kept in the database (editable; seeded from the shipped file)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from ttdesk.core.base import changes
from ttdesk.core.rules.workdays import HolidayCalendar
from ttdesk.db.models import CalendarDay


def load(session: Session) -> HolidayCalendar:
    rows = session.execute(select(CalendarDay.day, CalendarDay.is_workday)).all()
    return HolidayCalendar.from_days(
        (d for d, work in rows if not work), (d for d, work in rows if work)
    )


def set_year(session: Session, year: int, off: Iterable[date], workdays: Iterable[date]) -> None:
    """Enter (or replace) one year's official arrangement, validated as a whole first."""
    load(session).with_year(year, off, workdays)  # raises on inconsistent input
    # through the unit of work, so that the replaced days leave their audit events
    for old in session.execute(select(CalendarDay).where(
            extract("year", CalendarDay.day) == year)).scalars():
        session.delete(old)
    session.flush()  # the deletes first: a day kept in the new arrangement is inserted again
    changes.touch(session, "calendar_day")
    session.add_all(CalendarDay(day=d, is_workday=False) for d in sorted(set(off)))
    session.add_all(CalendarDay(day=d, is_workday=True) for d in sorted(set(workdays)))
