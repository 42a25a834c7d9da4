"""A context acting in a role (issue 13): through the logged-in user once logins exist,
else through the `role` attribute `core.base.privacy.role_of` reads."""

from __future__ import annotations

import copy
from typing import Any


def as_role(ctx: Any, role: str) -> Any:
    try:
        from ttdesk.core.base.access import CurrentUser
    except ImportError:  # before logins: the role rides on a copy of the context
        other = copy.copy(ctx)
        other.role = role
        return other
    from ttdesk.codes import UserRole

    return ctx.as_user(CurrentUser(None, f"{role}_user", UserRole(role)))
