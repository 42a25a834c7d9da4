"""Spin-off follow-up and technology managers (issue 17 §2–4).

- `company_milestone`: the investors of a financing round and whether a government fund took
  part (拨投联动).
- `person`: technology manager (技术经理人) level and certificate number.
- `achievement`, `deal`, `match`: the responsible manager (`manager_id` → person).

Revision ID: 0007_spinoff_managers
Revises: 0006_pinyin_collation

Frozen: explicit operations only, never today's models.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_spinoff_managers"
down_revision = "0006_pinyin_collation"
branch_labels = None
depends_on = None

_MANAGED = ("achievement", "deal", "match")


def _fk_column(table: str, column: str, target: str) -> None:
    """A nullable integer column referring to `target`.id, with the conventional names."""
    name = f"fk_{table}_{column}_{target}"
    if op.get_bind().dialect.name == "sqlite":  # no ALTER of constraints: inline clause
        op.execute(f'ALTER TABLE "{table}" ADD COLUMN {column} INTEGER '
                   f"CONSTRAINT {name} REFERENCES {target} (id)")
    else:
        op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
        op.create_foreign_key(name, table, target, [column], ["id"])
    op.create_index(f"ix_{table}_{column}", table, [column])


def upgrade() -> None:
    op.add_column("company_milestone",
                  sa.Column("investors", sa.String(length=300), nullable=True))
    op.add_column("company_milestone",
                  sa.Column("government_fund", sa.Boolean(), nullable=False,
                            server_default=sa.false()))
    op.add_column("person", sa.Column("tech_manager_level", sa.String(length=32), nullable=True))
    op.add_column("person", sa.Column("tech_manager_cert_no", sa.String(length=60),
                                      nullable=True))
    for table in _MANAGED:
        _fk_column(table, "manager_id", "person")


def downgrade() -> None:
    for table in _MANAGED:
        op.drop_index(f"ix_{table}_manager_id", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("manager_id")
    with op.batch_alter_table("person") as batch:
        batch.drop_column("tech_manager_cert_no")
        batch.drop_column("tech_manager_level")
    with op.batch_alter_table("company_milestone") as batch:
        batch.drop_column("government_fund")
        batch.drop_column("investors")
