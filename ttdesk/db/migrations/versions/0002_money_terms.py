"""Money and equity: payment milestones, licensee royalty reports, receipt links, cost
reversals, the cap table after every equity event.

Revision ID: 0002_money_terms
Revises: 0001_baseline
Create Date: 2026-11-21

Frozen: explicit operations only, never today's models. New nullable columns are added in
place (SQLite accepts `ADD COLUMN ... REFERENCES` with a NULL default), so no table is
copied and existing rows keep their ids and values.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_money_terms"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None

_HOLDER_TYPES = ("institution_amc", "team_member", "investor", "government_fund", "incubator")


def _fk_column(table: str, column: str, target: str) -> None:
    """A nullable integer column referring to `target`.id, with the conventional names."""
    name = f"fk_{table}_{column}_{target}"
    if op.get_bind().dialect.name == "sqlite":  # no ALTER of constraints: inline clause
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER "
                   f"CONSTRAINT {name} REFERENCES {target} (id)")
    else:
        op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
        op.create_foreign_key(name, table, target, [column], ["id"])


def upgrade() -> None:
    op.create_table(
        "payment_milestone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("trigger", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"],
                                name=op.f("fk_payment_milestone_deal_id_deal"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_milestone")),
    )
    op.create_index(op.f("ix_payment_milestone_deal_id"), "payment_milestone", ["deal_id"],
                    unique=False)
    op.create_table(
        "royalty_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=True),
        sa.Column("sales_base", sa.BigInteger(), nullable=False),
        sa.Column("reported_royalty", sa.BigInteger(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"],
                                name=op.f("fk_royalty_report_deal_id_deal"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_royalty_report")),
        sa.UniqueConstraint("deal_id", "period_start", name=op.f("uq_royalty_report_deal_id")),
    )
    op.create_index(op.f("ix_royalty_report_deal_id"), "royalty_report", ["deal_id"],
                    unique=False)
    op.create_table(
        "equity_position",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("holder_type", sa.Enum(*_HOLDER_TYPES, name="holdertype", native_enum=False,
                                         length=32), nullable=False),
        sa.Column("holder_name", sa.String(length=200), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("subscribed_capital", sa.BigInteger(), nullable=False),
        sa.Column("paid_in_capital", sa.BigInteger(), nullable=False),
        sa.Column("percentage", sa.BigInteger(), nullable=False),
        sa.Column("is_state_owned", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["equity_event.id"],
                                name=op.f("fk_equity_position_event_id_equity_event"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"],
                                name=op.f("fk_equity_position_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_equity_position")),
    )
    op.create_index(op.f("ix_equity_position_event_id"), "equity_position", ["event_id"],
                    unique=False)
    op.create_index(op.f("ix_equity_position_person_id"), "equity_position", ["person_id"],
                    unique=False)

    op.add_column("deal", sa.Column("royalty_period_months", sa.Integer(), nullable=True))
    _fk_column("receipt", "milestone_id", "payment_milestone")
    _fk_column("receipt", "royalty_report_id", "royalty_report")
    op.create_index(op.f("ix_receipt_milestone_id"), "receipt", ["milestone_id"], unique=False)
    op.create_index(op.f("ix_receipt_royalty_report_id"), "receipt", ["royalty_report_id"],
                    unique=False)
    _fk_column("cost", "reverses_id", "cost")
    op.add_column("distribution", sa.Column("note", sa.Text(), nullable=True))
    op.add_column("equity_event", sa.Column("holder_name", sa.String(length=200), nullable=True))
    op.add_column("equity_event",
                  sa.Column("counterparty_name", sa.String(length=200), nullable=True))
    op.add_column("equity_event", sa.Column("capital_after", sa.BigInteger(), nullable=True))
    _fk_column("equity_event", "receipt_id", "receipt")
    op.create_index(op.f("ix_equity_event_receipt_id"), "equity_event", ["receipt_id"],
                    unique=False)


def downgrade() -> None:  # pragma: no cover - TT Desk never downgrades a user's database
    raise NotImplementedError("0002_money_terms cannot be downgraded")
