"""Logins: a user's failed-login count and lock, the person a user is, a hashed API key; and
the database's login setting (logins on or off, the single user when off).

Revision ID: 0012_logins
Revises: 0011_audit_zstd
Create Date: 2026-12-03

Frozen: explicit operations only, never today's models.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_logins"
down_revision = "0011_audit_zstd"
branch_labels = None
depends_on = None


def _fk_column(table: str, column: str, target: str) -> None:
    """A nullable integer column referring to `target`.id, with the conventional name."""
    name = f"fk_{table}_{column}_{target}"
    if op.get_bind().dialect.name == "sqlite":  # no ALTER of constraints: inline clause
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER "
                   f"CONSTRAINT {name} REFERENCES {target} (id)")
    else:
        op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
        op.create_foreign_key(name, table, target, [column], ["id"])


def upgrade() -> None:
    op.add_column("app_user", sa.Column("failed_logins", sa.Integer(), nullable=False,
                                        server_default="0"))
    op.add_column("app_user", sa.Column("locked_until", sa.DateTime(), nullable=True))
    op.add_column("app_user", sa.Column("api_key_hash", sa.String(length=200), nullable=True))
    _fk_column("app_user", "person_id", "person")
    op.create_table(
        "login_setting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("logins_required", sa.Boolean(), nullable=False),
        sa.Column("single_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["single_user_id"], ["app_user.id"],
                                name=op.f("fk_login_setting_single_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_setting")),
    )


def downgrade() -> None:
    op.drop_table("login_setting")
    with op.batch_alter_table("app_user") as batch:
        batch.drop_column("person_id")
        batch.drop_column("api_key_hash")
        batch.drop_column("locked_until")
        batch.drop_column("failed_logins")
