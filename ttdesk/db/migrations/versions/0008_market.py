"""The matchmaking ledger (issue 17 §1): a demand's park and note; a match's officer, the
date each stage was reached and the deal it became; an activity's place and note, the
achievements it showed and the companies it met; the promotion (supply) list.

Revision ID: 0008_market
Revises: 0007_spinoff_managers
Create Date: 2026-12-03

Frozen: explicit operations only, never today's models. Existing matches get the date of
their present stage from `updated_on` (the one date they had).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_market"
down_revision = "0007_spinoff_managers"
branch_labels = None
depends_on = None

_STAGE_DATES = ("contacted_on", "nda_on", "negotiating_on", "deal_on", "declined_on")


def _fk_column(table: str, column: str, target: str) -> None:
    """A nullable integer column referring to `target`.id, with the conventional names."""
    name = f"fk_{table}_{column}_{target}"
    if op.get_bind().dialect.name == "sqlite":  # no ALTER of constraints: inline clause
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER "
                   f"CONSTRAINT {name} REFERENCES {target} (id)")
    else:
        op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
        op.create_foreign_key(name, table, target, [column], ["id"])


def _link_table(name: str, other: str, other_col: str) -> None:
    op.create_table(
        name,
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column(other_col, sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["match_activity.id"], ondelete="CASCADE",
                                name=f"fk_{name}_activity_id_match_activity"),
        sa.ForeignKeyConstraint([other_col], [f"{other}.id"], ondelete="CASCADE",
                                name=f"fk_{name}_{other_col}_{other}"),
        sa.PrimaryKeyConstraint("activity_id", other_col, name=f"pk_{name}"),
    )


def upgrade() -> None:
    op.add_column("demand", sa.Column("park", sa.String(length=200), nullable=True))
    op.add_column("demand", sa.Column("note", sa.Text(), nullable=True))
    op.create_index("ix_demand_park", "demand", ["park"])
    op.create_index("ix_demand_raised", "demand", ["raised_on", "id"])
    op.add_column("match_activity", sa.Column("place", sa.String(length=200), nullable=True))
    op.add_column("match_activity", sa.Column("note", sa.Text(), nullable=True))
    op.create_index("ix_match_activity_held", "match_activity", ["held_on", "id"])
    _fk_column("match", "officer_id", "app_user")
    for col in _STAGE_DATES:
        op.add_column("match", sa.Column(col, sa.Date(), nullable=True))
    _fk_column("match", "deal_id", "deal")
    op.add_column("match", sa.Column("note", sa.Text(), nullable=True))
    op.create_index("ix_match_updated", "match", ["updated_on", "id"])
    for col in _STAGE_DATES:
        stage = col.removesuffix("_on")
        op.execute(f"UPDATE match SET {col} = updated_on WHERE outcome = '{stage}'")
    _link_table("activity_achievement", "achievement", "achievement_id")
    _link_table("activity_company", "company", "company_id")
    op.create_table(
        "promotion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("achievement_id", sa.Integer(), nullable=False),
        sa.Column("listed_on", sa.Date(), nullable=False),
        sa.Column("public_summary", sa.Text(), nullable=False),
        sa.Column("park", sa.String(length=200), nullable=True),
        sa.Column("delisted_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["achievement_id"], ["achievement.id"], ondelete="CASCADE",
                                name="fk_promotion_achievement_id_achievement"),
        sa.PrimaryKeyConstraint("id", name="pk_promotion"),
        sa.UniqueConstraint("achievement_id", name="uq_promotion_achievement_id"),
    )
    op.create_index("ix_promotion_park", "promotion", ["park"])


def downgrade() -> None:
    op.drop_index("ix_promotion_park", table_name="promotion")
    op.drop_table("promotion")
    op.drop_table("activity_company")
    op.drop_table("activity_achievement")
    op.drop_index("ix_match_updated", table_name="match")
    with op.batch_alter_table("match") as batch:
        for col in ("note", "deal_id", *_STAGE_DATES, "officer_id"):
            batch.drop_column(col)
    op.drop_index("ix_match_activity_held", table_name="match_activity")
    with op.batch_alter_table("match_activity") as batch:
        batch.drop_column("note")
        batch.drop_column("place")
    op.drop_index("ix_demand_raised", table_name="demand")
    op.drop_index("ix_demand_park", table_name="demand")
    with op.batch_alter_table("demand") as batch:
        batch.drop_column("note")
        batch.drop_column("park")
