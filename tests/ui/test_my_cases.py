"""An officer's case list and 待办 open on their own cases and tasks ("my cases"); other
roles and the single user see all; the officer picker finds a user by part of the name."""

from __future__ import annotations

from builders import make_achievement, make_user

from ttdesk.codes import UserRole
from ttdesk.core.base.context import AppContext
from ttdesk.core.office import logins, users
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.lists.page import ListPage
from ttdesk.ui.lists.specs import CASES

PW = "my cases password"


def _page(qtbot, ctx: AppContext, ui_settings) -> ListPage:  # type: ignore[no-untyped-def]
    page = ListPage(ctx, DataBus(), CASES, ui_settings)
    qtbot.addWidget(page)
    return page


def test_an_officer_sees_my_cases_first(qtbot, ctx: AppContext, ui_settings) -> None:  # type: ignore[no-untyped-def]
    users.create_user(ctx, "li", "李经办", UserRole.OFFICER, PW)
    users.create_user(ctx, "wang", "王主任", UserRole.DIRECTOR, PW)
    li = logins.login(ctx, "li", PW)
    other = make_user(ctx)
    with ctx.read() as s:
        from sqlalchemy import select

        from ttdesk.db.models import User

        li_user = s.execute(select(User).where(User.username == "li")).scalar_one()
    make_achievement(ctx, title="李的成果", officer_id=li_user.id)
    make_achievement(ctx, title="别人的成果", officer_id=other.id)
    mine = _page(qtbot, li, ui_settings)
    assert mine.mine == li.user.id
    qtbot.waitUntil(lambda: mine.model.rowCount() == 1)
    assert mine.model.filter.officer_id == li.user.id
    mine.load_filter_choices()
    assert mine.filters["officer_id"].currentData() == li.user.id
    everyone = _page(qtbot, logins.login(ctx, "wang", PW), ui_settings)
    assert everyone.mine is None
    qtbot.waitUntil(lambda: everyone.model.rowCount() == 2)
    single = _page(qtbot, ctx, ui_settings)  # the single user: every role, every case
    assert single.mine is None


def test_the_officer_picker_finds_by_part_of_a_name(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from ttdesk.ui.case.disclosure_form import DisclosureForm

    users.create_user(ctx, "li", "李经办", UserRole.OFFICER, PW)
    form = DisclosureForm(ctx)
    qtbot.addWidget(form)
    combo = form.inputs["officer"]
    assert combo.isEditable()
    completer = combo.completer()
    completer.setCompletionPrefix("经办")
    assert completer.completionCount() >= 1
    assert completer.currentCompletion() == "李经办"
