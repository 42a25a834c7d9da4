"""A context acting in a role (issue 13): the same database, another logged-in user."""

from __future__ import annotations

from typing import Any

from ttdesk.codes import UserRole
from ttdesk.core.base.access import CurrentUser


def as_role(ctx: Any, role: str) -> Any:
    return ctx.as_user(CurrentUser(None, f"{role}_user", UserRole(role)))
