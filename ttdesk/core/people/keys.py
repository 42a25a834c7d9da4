"""Filling the search keys of rows written in bulk (JSON and Excel imports, old databases).

The services compute a key whenever they write a record; bulk writers insert plain rows, so
they call `fill_missing` once at the end of their unit of work.
"""

from __future__ import annotations

from sqlalchemy import bindparam, update
from sqlalchemy.orm import Session

from ttdesk.core.base.search_key import search_key
from ttdesk.db.models import Company, Department, Person

_PARTS = (
    (Department, (Department.name, Department.code, Department.name_en)),
    (Person, (Person.name, Person.staff_no)),
    (Company, (Company.name, Company.credit_code, Company.legal_representative)),
)


def fill_missing(session: Session) -> int:
    """Compute the key of every master-data row that has none; returns how many."""
    done = 0
    for model, cols in _PARTS:
        rows = session.execute(
            model.__table__.select().with_only_columns(model.__table__.c.id, *cols)
            .where(model.__table__.c.search_key.is_(None))).all()
        table = model.__table__
        stmt = (update(table).where(table.c.id == bindparam("row_id"))
                .values(search_key=bindparam("key")))
        for start in range(0, len(rows), 2000):
            chunk = rows[start:start + 2000]
            session.connection().execute(stmt, [
                {"row_id": r[0], "key": search_key(*r[1:])} for r in chunk])
        done += len(rows)
    return done
