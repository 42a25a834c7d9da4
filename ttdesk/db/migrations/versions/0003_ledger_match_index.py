"""An index for matching ledger rows without a case number (title + disclosure date).

Revision ID: 0003_ledger_match_index
Revises: 0002_money_terms
Create Date: 2026-11-21

Re-importing an Excel ledger matches a row by case number, else by title and disclosure
date; on a 100k database that second lookup was a table scan per chunk of rows.
Frozen: explicit operations only.
"""

from __future__ import annotations

from alembic import op

revision = "0003_ledger_match_index"
down_revision = "0002_money_terms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_achievement_title_date", "achievement", ["title", "disclosure_date"])


def downgrade() -> None:
    op.drop_index("ix_achievement_title_date", table_name="achievement")
