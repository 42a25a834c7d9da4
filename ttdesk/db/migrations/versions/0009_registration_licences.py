"""Contract registration under the measures of 2026, licence terms, the frozen annual report
(domain.md §6, issue 19 §5/§6/§8).

- deal: the submission date of the registration, whether the contract is disputed, the
  certificate's two amounts (成交额 and 技术交易额), a licence's term end and the date a deal
  was terminated (the end of a licence's period when it ends early);
- registration_event: submitted / certified / changed / deregistered, with the certificate
  number and amounts of each;
- annual_report_submission: the F09 filing submitted for a year (frozen from then on).

Revision ID: 0009_registration_licences
Revises: 0008_market

Frozen: explicit operations only, never today's models. Existing registered deals keep their
number and date; their amounts stay empty (unknown), nothing is guessed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_registration_licences"
down_revision = "0008_market"
branch_labels = None
depends_on = None

_DEAL_COLUMNS = (
    ("registration_submitted_on", sa.Date()),
    ("registration_contract_amount", sa.BigInteger()),
    ("registration_tech_amount", sa.BigInteger()),
    ("term_end", sa.Date()),
    ("terminated_on", sa.Date()),
)


def upgrade() -> None:
    for name, type_ in _DEAL_COLUMNS:
        op.add_column("deal", sa.Column(name, type_, nullable=True))
    op.add_column("deal", sa.Column("registration_disputed", sa.Boolean(), nullable=False,
                                    server_default=sa.false()))
    op.create_table(
        "registration_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("submitted", "certified", "changed", "deregistered",
                                  name="registrationeventkind", native_enum=False,
                                  create_constraint=False, length=32), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("certificate_no", sa.String(length=60), nullable=True),
        sa.Column("contract_amount", sa.BigInteger(), nullable=True),
        sa.Column("tech_amount", sa.BigInteger(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"], ondelete="CASCADE",
                                name=op.f("fk_registration_event_deal_id_deal")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration_event")),
    )
    op.create_index(op.f("ix_registration_event_deal_id"), "registration_event", ["deal_id"])
    op.create_table(
        "annual_report_submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("filing_id", sa.Integer(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("submitted_by", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["filing_id"], ["filing.id"],
                                name=op.f("fk_annual_report_submission_filing_id_filing")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annual_report_submission")),
        sa.UniqueConstraint("year", name=op.f("uq_annual_report_submission_year")),
    )


def downgrade() -> None:
    op.drop_table("annual_report_submission")
    op.drop_index(op.f("ix_registration_event_deal_id"), table_name="registration_event")
    op.drop_table("registration_event")
    with op.batch_alter_table("deal") as batch:
        batch.drop_column("registration_disputed")
        for name, _type in reversed(_DEAL_COLUMNS):
            batch.drop_column(name)
