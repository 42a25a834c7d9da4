"""Roles in the core services (interfaces.md "Users and roles"), on SQLite and PostgreSQL:
each role's allowed and refused actions, the refusal naming the role needed, and a scan that
every service writing data checks a role first.

An action "passes the gate" when it is not refused for the role: it may still be refused by
its own rules (a grant id that does not exist), which is checked after the role."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

import ttdesk.core
from tests.builders import make_achievement, make_deal
from ttdesk.codes import UserRole
from ttdesk.core.base.access import AccessRefused, Act
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.cases import achievements, rights
from ttdesk.core.deals import deals
from ttdesk.core.money import distribution
from ttdesk.core.office import institution, logins, users
from ttdesk.core.people import persons
from ttdesk.core.records import backup
from ttdesk.core.views import case_detail
from ttdesk.db.models import AuditEvent

PW = "role test password"
R = UserRole


@pytest.fixture
def staff(any_ctx: AppContext) -> dict[UserRole, AppContext]:
    """One logged-in context per role."""
    for role in UserRole:
        users.create_user(any_ctx, f"u_{role.value}", role.value, role, PW)
    return {role: logins.login(any_ctx, f"u_{role.value}", PW) for role in UserRole}


def gate(action: Callable[[], Any]) -> str:
    try:
        action()
    except AccessRefused:
        return "refused"
    except TTDeskError:
        return "passed"  # refused by the action's own rule, after the role check
    return "passed"


def _who_may(staff: dict[UserRole, AppContext],
             action: Callable[[AppContext], Any]) -> set[UserRole]:
    return {role for role, ctx in staff.items() if gate(lambda c=ctx: action(c)) == "passed"}


def test_case_work_is_the_officers(staff: dict[UserRole, AppContext]) -> None:
    case = make_achievement(_tester(staff))
    assert _who_may(staff, lambda c: achievements.update(c, case.case_no, {"title": "新标题"})
                    ) == {R.OFFICER}
    assert _who_may(staff, lambda c: deals.submit_for_approval(c, "HT-NONE")) == {R.OFFICER}


def test_reviews_are_the_reviewers(staff: dict[UserRole, AppContext]) -> None:
    assert _who_may(staff, lambda c: rights.college_review(c, 999_999, date(2026, 12, 1),
                                                           "同意")) == {R.REVIEWER}
    assert _who_may(staff, lambda c: rights.tto_review(c, 999_999, date(2026, 12, 1),
                                                       "同意")) == {R.REVIEWER}


def test_approvals_are_the_directors_not_the_admins(staff: dict[UserRole, AppContext]) -> None:
    deal = make_deal(_tester(staff))
    assert _who_may(staff, lambda c: deals.record_approval(
        c, deal.deal_no, "校长办公会", date(2026, 12, 1), "2026-12")) == {R.DIRECTOR}
    assert _who_may(staff, lambda c: rights.approve(c, 999_999, "校长办公会",
                                                    date(2026, 12, 1), "1")) == {R.DIRECTOR}
    assert _who_may(staff, lambda c: distribution.approve(c, 999_999, date(2026, 12, 1),
                                                          "校长办公会")) == {R.DIRECTOR}
    assert _who_may(staff, lambda c: institution.update_policy(c, {"publicity_days": 20})
                    ) == {R.DIRECTOR}
    with pytest.raises(AccessRefused) as refused:
        deals.record_approval(staff[R.ADMIN], deal.deal_no, "校长办公会", date(2026, 12, 1),
                              "2026-12")
    assert "主任" in refused.value.messages("zh")[0]
    assert "director" in refused.value.messages("en")[0].lower()


def test_users_and_backups_are_the_admins(staff: dict[UserRole, AppContext],
                                          tmp_path: Any) -> None:
    assert _who_may(staff, lambda c: users.unlock(c, "u_viewer")) == {R.ADMIN}
    may_backup = _who_may(staff, lambda c: backup.backup(c, tmp_path / f"{c.actor}.bak"))
    assert may_backup == {R.ADMIN}


def test_master_data_is_the_officers_and_the_admins(staff: dict[UserRole, AppContext]) -> None:
    assert _who_may(staff, lambda c: persons.edit(c, "NO-SUCH", {"title": "教授"})
                    ) == {R.OFFICER, R.ADMIN}


def test_a_viewer_reads_and_writes_nothing(staff: dict[UserRole, AppContext]) -> None:
    case = make_achievement(_tester(staff))
    viewer = staff[R.VIEWER]
    assert case_detail(viewer, case.case_no).title == case.title
    with pytest.raises(AccessRefused) as refused:
        achievements.update(viewer, case.case_no, {"title": "改"})
    zh = refused.value.messages("zh")[0]
    assert "经办人" in zh and "只读" in zh
    with viewer.read() as s:
        assert not s.query(AuditEvent).filter(AuditEvent.actor == "u_viewer").count()


def _tester(staff: dict[UserRole, AppContext]) -> AppContext:
    from tests.builders import TESTER

    return staff[R.ADMIN].as_user(TESTER)


# ---- every service that writes checks a role ---------------------------------------------

# Functions that write without a role on purpose: the program's own bookkeeping (seeding,
# the single user, counting failed logins), the user service's first admin (nobody can log
# in yet), and the daily automatic backup (the program protecting the data).
_UNGUARDED = {
    "ttdesk.core.office.setup.seed_defaults", "ttdesk.core.office.logins.single_user",
    "ttdesk.core.office.users.first_admin", "ttdesk.core.records.backup.auto_backup",
    # its own check (admin only), worded for the export
    "ttdesk.core.exchange.personal.record_personal_export",
}


def _service_functions() -> list[tuple[str, Any]]:
    found = []
    for info in pkgutil.walk_packages(ttdesk.core.__path__, "ttdesk.core."):
        if ".base" in info.name:
            continue
        module = importlib.import_module(info.name)
        for name, fn in vars(module).items():
            if (inspect.isfunction(fn) and not name.startswith("_")
                    and getattr(fn, "__module__", None) == info.name):
                found.append((f"{info.name}.{name}", fn))
    return found


def test_every_service_that_writes_checks_a_role() -> None:
    missing = []
    for qualified, fn in _service_functions():
        source = inspect.getsource(inspect.unwrap(fn))
        params = list(inspect.signature(fn).parameters)
        checked = hasattr(fn, "act") or "require(ctx" in source
        if (params[:1] == ["ctx"] and "ctx.write()" in source and not checked
                and qualified not in _UNGUARDED):
            missing.append(qualified)
    assert missing == []


def test_the_table_names_a_role_for_every_action() -> None:
    from ttdesk.core.base.access import ROLES

    assert set(ROLES) == set(Act) and all(ROLES.values())
    assert not any(R.ADMIN in ROLES[a] for a in (Act.APPROVE, Act.REVIEW, Act.CASE_WORK))
    assert not any(R.VIEWER in roles for roles in ROLES.values())


# ---- import-json cannot make an admin --------------------------------------------------------

def _doc_with_admin(ctx: AppContext, tmp_path: Any) -> Any:
    import json

    from ttdesk.core.exchange.export import export_json

    path = tmp_path / "doc.json"
    export_json(ctx, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc.setdefault("users", []).append({"username": "mallory", "display_name": "Mallory",
                                        "role": "admin", "password_hash": "$argon2id$x"})
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_json_escalation_refused_for_an_officer_audited_for_an_admin(
        staff: dict[UserRole, AppContext], tmp_path: Any) -> None:
    from sqlalchemy import select

    from ttdesk.core.exchange.importer import import_json
    from ttdesk.db.models import User

    path = _doc_with_admin(_tester(staff), tmp_path)
    with pytest.raises(AccessRefused) as refused:
        import_json(staff[R.OFFICER], path)
    assert "users[" in refused.value.messages("en")[0]
    assert "管理员" in refused.value.messages("zh")[0]
    admin = staff[R.ADMIN]
    import_json(admin, path)
    with admin.read() as s:
        assert s.execute(select(User.role).where(User.username == "mallory")).scalar() == \
            R.ADMIN
        actors = set(s.execute(select(AuditEvent.actor).where(
            AuditEvent.entity == "app_user", AuditEvent.entity_ref.is_(None))).scalars())
    assert "u_admin" in actors
