"""created_at / updated_at stored as integers of microseconds on SQLite (B1).

Revision ID: 0015_integer_stamps
Revises: 0014_audit_segments
Create Date: 2026-12-03

The stamps of every business row were 26 characters of text each ("YYYY-MM-DD HH:MM:SS.ffffff",
SQLAlchemy's SQLite form), a tenth of a 100k database. From this revision they are integers
of microseconds since 1970-01-01 UTC (`ttdesk.db.types.Stamp`); the columns keep their
declared type (SQLite stores what it is given). Existing text values are converted in place,
exactly (seconds by strftime, microseconds from the text). PostgreSQL keeps its timestamps.

Frozen: the tables are named below as they were at 0014.
"""

from __future__ import annotations

from alembic import op

revision = "0015_integer_stamps"
down_revision = "0014_audit_segments"
branch_labels = None
depends_on = None

_TABLES = ("achievement", "app_user", "attachment", "company", "cost", "deadline", "deal",
           "distribution", "institution", "note", "operating_profit", "patent_review",
           "payment_milestone", "person", "publicity", "receipt", "rights_grant",
           "royalty_report")


def _micros(col: str) -> str:
    return (f"CAST(strftime('%s', substr({col}, 1, 19)) AS INTEGER) * 1000000 + "
            f"CAST(substr({col} || '.000000', 21, 6) AS INTEGER)")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in _TABLES:
        for col in ("created_at", "updated_at"):
            op.execute(f"UPDATE {table} SET {col} = {_micros(col)} "
                       f"WHERE typeof({col}) = 'text'")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in _TABLES:
        for col in ("created_at", "updated_at"):
            op.execute(f"UPDATE {table} SET {col} = strftime('%Y-%m-%d %H:%M:%S', {col} / "
                       f"1000000, 'unixepoch') || '.' || substr('000000' || ({col} % 1000000), "
                       f"-6) WHERE typeof({col}) = 'integer'")
