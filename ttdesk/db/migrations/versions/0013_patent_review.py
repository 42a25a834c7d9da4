"""存量专利盘活 (issue 19 §7): the inventory review of each valid, unconverted patent.

Revision ID: 0013_patent_review
Revises: 0012_logins

Frozen: explicit operations only. Existing patents get no review row: the workbench lists
them as not yet reviewed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_patent_review"
down_revision = "0012_logins"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "patent_review",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("ip_asset_id", sa.Integer(),
                  sa.ForeignKey("ip_asset.id", ondelete="CASCADE"), nullable=False),
        sa.Column("grade", sa.String(32), nullable=True),
        sa.Column("decision", sa.String(32), nullable=True),
        sa.Column("reviewer", sa.String(100), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("ip_asset_id", name="uq_patent_review_ip_asset_id"),
    )
    op.create_index("ix_patent_review_decision", "patent_review", ["decision"])


def downgrade() -> None:
    op.drop_index("ix_patent_review_decision", table_name="patent_review")
    op.drop_table("patent_review")
