"""The law as it stands (issue 19 §1–§4): leader levels instead of the unit-head flag, the
approval record of an "other" leader's equity, the public-interest flag of an achievement,
and the operating-profit base of self / joint implementation rewards.

- person.leader_level (none / principal / other) replaces person.is_unit_head: every person
  flagged as a unit head becomes a principal leader (the only kind the old rule meant).
- allocation and shareholding: the approval / filing record (date, body, document number)
  an "other" leader's equity needs (R10).
- achievement.public_interest (关系国计民生和重大公共利益): refused a rights grant (R3).
- deal.production_start_date, operating_profit (one row per deal and year, with its source
  document), distribution.profit_year: a self / joint deal's reward is a share of the year's
  operating profit.

Revision ID: 0010_leaders_profit
Revises: 0009_registration_licences

Frozen: explicit operations only, never today's models.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_leaders_profit"
down_revision = "0009_registration_licences"
branch_labels = None
depends_on = None

_APPROVAL_TABLES = ("allocation", "shareholding")


def _drop_column(table: str, column: str) -> None:
    """SQLite ≥ 3.35 drops an unindexed, unconstrained column in place (no table copy, so
    the foreign keys pointing at the table are left alone)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        op.drop_column(table, column)


def upgrade() -> None:
    op.add_column("person", sa.Column("leader_level", sa.String(length=32), nullable=False,
                                      server_default="none"))
    op.execute("UPDATE person SET leader_level = 'principal' WHERE is_unit_head")
    _drop_column("person", "is_unit_head")

    for table in _APPROVAL_TABLES:
        op.add_column(table, sa.Column("leader_approval_date", sa.Date(), nullable=True))
        op.add_column(table, sa.Column("leader_approval_body", sa.String(length=100),
                                       nullable=True))
        op.add_column(table, sa.Column("leader_approval_doc", sa.String(length=60),
                                       nullable=True))

    op.add_column("achievement", sa.Column("public_interest", sa.Boolean(), nullable=False,
                                           server_default=sa.false()))
    op.add_column("deal", sa.Column("production_start_date", sa.Date(), nullable=True))
    op.add_column("distribution", sa.Column("profit_year", sa.Integer(), nullable=True))
    op.create_table(
        "operating_profit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("source_document", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"],
                                name="fk_operating_profit_deal_id_deal", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_operating_profit"),
        sa.UniqueConstraint("deal_id", "year", name="uq_operating_profit_deal_id"),
    )
    op.create_index("ix_operating_profit_deal_id", "operating_profit", ["deal_id"])


def downgrade() -> None:
    op.drop_index("ix_operating_profit_deal_id", table_name="operating_profit")
    op.drop_table("operating_profit")
    _drop_column("distribution", "profit_year")
    _drop_column("deal", "production_start_date")
    _drop_column("achievement", "public_interest")
    for table in _APPROVAL_TABLES:
        for column in ("leader_approval_doc", "leader_approval_body", "leader_approval_date"):
            _drop_column(table, column)
    op.add_column("person", sa.Column("is_unit_head", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.execute("UPDATE person SET is_unit_head = TRUE WHERE leader_level = 'principal'")
    _drop_column("person", "leader_level")
