"""The deadline list's terms (state, sort, filter, row) without SQLAlchemy, so the dashboard
started before the ORM (B2) can hold its deadline filters and read their first page with
sqlite3 (`views.light_dashboard.FirstDeadlines`); `views.deadlines` is the list's author."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from ttdesk.codes import DeadlineKind
from ttdesk.core.base.labels import register_labels
from ttdesk.core.views.light import coerce

UPCOMING_DAYS = 30


class DeadlineState(StrEnum):
    """Where a deadline stands on a given day. As a filter, OPEN means "not done" (snoozed
    ones included); OVERDUE and UPCOMING leave snoozed ones out."""

    OPEN = "open"
    OVERDUE = "overdue"
    UPCOMING = "upcoming"
    SNOOZED = "snoozed"
    DONE = "done"


register_labels(DeadlineState, {
    "open": ("未完成", "Open"),
    "overdue": ("已逾期", "Overdue"),
    "upcoming": ("即将到期", "Upcoming"),
    "snoozed": ("已暂缓", "Snoozed"),
    "done": ("已完成", "Done"),
})


class DeadlineSort(StrEnum):
    ID = "id"
    DUE_DATE = "due_date"
    KIND = "kind"
    TITLE = "title"
    SUBJECT_REF = "subject_ref"


@dataclass(frozen=True)
class DeadlineFilter:
    """`today` defaults to the context's today; `upcoming_days` is the UPCOMING window.
    `search`: every word must occur in the title or the subject reference."""

    state: DeadlineState | tuple[DeadlineState, ...] | None = None
    kind: DeadlineKind | tuple[DeadlineKind, ...] | None = None
    subject_type: str | None = None
    subject_id: int | None = None
    subject_ref: str | None = None
    officer_id: int | None = None  # "my tasks": of cases and deals this officer is in charge of
    manager_id: int | None = None  # of the cases and deals this technology manager carries
    search: str | None = None
    today: date | None = None
    upcoming_days: int = UPCOMING_DAYS
    sort: DeadlineSort = DeadlineSort.DUE_DATE
    descending: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "state", coerce(DeadlineState, self.state))
        object.__setattr__(self, "kind", coerce(DeadlineKind, self.kind))
        object.__setattr__(self, "sort", DeadlineSort(self.sort))


@dataclass(frozen=True)
class DeadlineRow:
    id: int
    due_date: date
    kind: DeadlineKind
    title: str
    subject_type: str | None
    subject_id: int | None
    subject_ref: str | None
    done: bool
    done_on: date | None
    snoozed_until: date | None
    state: DeadlineState
    days_left: int


def state_on(done: bool, due: date, snoozed_until: date | None, today: date,
             upcoming_days: int = UPCOMING_DAYS) -> DeadlineState:
    if done:
        return DeadlineState.DONE
    if snoozed_until is not None and snoozed_until > today:
        return DeadlineState.SNOOZED
    if due < today:
        return DeadlineState.OVERDUE
    if due <= today + timedelta(days=upcoming_days):
        return DeadlineState.UPCOMING
    return DeadlineState.OPEN
