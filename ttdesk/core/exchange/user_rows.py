"""A document's users may not make anyone an admin or change a role unless an admin imports.

`import-json` reuses a user that exists (by user name) and creates the others, so a document
could otherwise create an admin, give a new user a password hash its author knows, or claim
another role for an existing user. Those rows need the admin role (`Act.USERS`); an admin's
import of them is recorded in the audit trail like any other insert, under their name.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ttdesk.core.base.access import ROLES, AccessRefused, Act, may
from ttdesk.core.base.context import AppContext
from ttdesk.db import models as M


def escalating_rows(session: Session, doc: dict[str, Any]) -> list[int]:
    """Indexes of `users` rows that create an admin, carry a password hash, or name an
    existing user with another role."""
    rows = doc.get("users") or []
    if not isinstance(rows, list):
        return []
    roles = {u: r.value for u, r in session.execute(select(M.User.username, M.User.role))}
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        name = str(row.get("username") or "").strip()
        role = str(row.get("role") or "officer")
        secret = row.get("password_hash") or row.get("api_key_hash")
        if secret or (name in roles and roles[name] != role) or (
                name not in roles and role == "admin"):
            out.append(i)
    return out


def check_user_rows(ctx: AppContext, session: Session, doc: dict[str, Any]) -> None:
    """Refuse (naming the admin role and the first row) unless the importer is an admin."""
    found = escalating_rows(session, doc)
    if found and not may(ctx, Act.USERS):
        user = ctx.user
        refused = AccessRefused(Act.USERS, ROLES[Act.USERS], user.role if user else None)
        problem = refused.problems[0]
        refused.problems[0] = type(problem)(problem.rule, problem.zh, problem.en,
                                            field="role", where=f"users[{found[0]}]")
        raise refused
