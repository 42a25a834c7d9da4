"""Counts for the dashboard and the first-start check, each in one short read transaction."""

from __future__ import annotations

from sqlalchemy import func, select

from ttdesk.core.base.context import AppContext
from ttdesk.db.models import Achievement


def count_achievements(ctx: AppContext) -> int:
    """How many achievements (cases) the database holds; 0 means a fresh, empty database."""
    with ctx.read() as session:
        return int(session.execute(select(func.count()).select_from(Achievement)).scalar_one())
