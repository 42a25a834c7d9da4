"""待办 (issue 12 §5): "my tasks" by the responsible officer, snooze with a date, hand-made
tasks with due date and subject, done with a note."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tests.builders import make_achievement, make_deal, make_user
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.office import deadlines
from ttdesk.core.views.deadlines import DeadlineFilter, DeadlineState, list_deadlines
from ttdesk.db.models import AuditEvent

TODAY = date(2026, 11, 21)


def titles(ctx, **kw) -> list[str]:
    return [r.title for r in list_deadlines(ctx, DeadlineFilter(today=TODAY, **kw))]


def test_my_tasks_snooze_manual_and_done_with_note(ctx) -> None:
    ctx.today = lambda: TODAY
    me, other = make_user(ctx), make_user(ctx)
    mine = make_achievement(ctx, officer_id=me.id)
    theirs = make_achievement(ctx, officer_id=other.id)
    deal = make_deal(ctx, [mine])
    with pytest.raises(ValidationFailed):  # the subject must exist
        deadlines.add_manual(ctx, date(2026, 12, 1), "催收首付款", "HT-0000-9999")
    a = deadlines.add_manual(ctx, date(2026, 12, 1), "催收首付款", deal.deal_no)
    b = deadlines.add_manual(ctx, date(2026, 11, 25), "补交发明人声明", mine.case_no)
    deadlines.add_manual(ctx, date(2026, 11, 30), "约谈受让方", theirs.case_no)
    deadlines.add_manual(ctx, date(2026, 11, 30), "整理档案柜")
    assert sorted(titles(ctx, officer_id=me.id)) == ["催收首付款", "补交发明人声明"]
    row = next(r for r in list_deadlines(ctx, DeadlineFilter(today=TODAY)) if r.id == a)
    assert (row.subject_type, row.subject_ref) == ("deal", deal.deal_no)
    with pytest.raises(ValidationFailed):  # a snooze goes forward
        deadlines.snooze(ctx, b, TODAY)
    assert "补交发明人声明" in titles(ctx, state=DeadlineState.UPCOMING, officer_id=me.id)
    deadlines.snooze(ctx, b, date(2026, 12, 10))
    assert "补交发明人声明" not in titles(ctx, state=DeadlineState.UPCOMING, officer_id=me.id)
    assert "补交发明人声明" in titles(ctx, state=DeadlineState.SNOOZED)
    deadlines.complete(ctx, a, "已收到 20 万元首付款")
    with pytest.raises(ValidationFailed):
        deadlines.snooze(ctx, a, date(2026, 12, 10))
    with ctx.read() as s:
        notes = [c.get("cause") for c in s.execute(select(AuditEvent.changes).where(
            AuditEvent.entity == "deadline", AuditEvent.entity_id == a)).scalars()]
    assert {"note": "已收到 20 万元首付款"} in notes
