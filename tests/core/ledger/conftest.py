"""Fixtures of the ledger tests: counting rows to prove that a refused import wrote nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from ttdesk.core.base.context import AppContext
from ttdesk.db import models as M

TABLES = [M.Achievement, M.Contribution, M.Person, M.Department, M.Deal, M.Receipt,
          M.Company, M.EquityEvent, M.AuditEvent]


def counts(ctx: AppContext) -> dict[str, int]:
    with ctx.read() as s:
        return {m.__tablename__: s.execute(select(func.count()).select_from(m)).scalar_one()
                for m in TABLES}


@pytest.fixture
def row_counts() -> Callable[[AppContext], dict[str, int]]:
    return counts
