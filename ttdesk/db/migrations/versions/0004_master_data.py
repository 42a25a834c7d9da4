"""Master data that can be kept by hand: department kinds, search keys (name, pinyin
initials, full pinyin), deactivation and merge links for departments, people and companies;
people's on-post / off-post entrepreneurship; attachments stored by hash outside the row;
notes per case and deal.

Revision ID: 0004_master_data
Revises: 0003_ledger_match_index
Create Date: 2026-12-03

Frozen: explicit operations only, never today's models. The search keys of existing rows are
filled here with the same rule the services use (pypinyin, computed at write time), written
out below so that a later change of the service code cannot change what this step did.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_master_data"
down_revision = "0003_ledger_match_index"
branch_labels = None
depends_on = None

_MASTER = ("department", "person", "company")


def _fk_column(table: str, column: str, target: str) -> None:
    """A nullable integer column referring to `target`.id, with the conventional names."""
    name = f"fk_{table}_{column}_{target}"
    if op.get_bind().dialect.name == "sqlite":  # no ALTER of constraints: inline clause
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER "
                   f"CONSTRAINT {name} REFERENCES {target} (id)")
    else:
        op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
        op.create_foreign_key(name, table, target, [column], ["id"])


def _search_key(*parts: str | None) -> str:
    """Lower-case name, its pinyin initials and full pinyin, and the other keys, |-joined."""
    from pypinyin import Style, lazy_pinyin

    words = [p.strip() for p in parts if p and p.strip()]
    out: list[str] = []
    for w in words:
        out.append(w.lower())
        syllables = lazy_pinyin(w, style=Style.NORMAL, errors="ignore")
        if syllables:
            out.append("".join(s[0] for s in syllables if s).lower())
            out.append("".join(syllables).lower())
    return "|".join(out)[:400]


def _backfill(table: str, cols: tuple[str, ...]) -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(f"SELECT id, {', '.join(cols)} FROM {table}")).all()
    stmt = sa.text(f"UPDATE {table} SET search_key = :k WHERE id = :i")
    params = [{"i": r[0], "k": _search_key(*r[1:])} for r in rows]
    for start in range(0, len(params), 5000):
        bind.execute(stmt, params[start:start + 5000])


def upgrade() -> None:
    for table in _MASTER:
        op.add_column(table, sa.Column("is_active", sa.Boolean(), nullable=False,
                                       server_default=sa.true()))
        op.add_column(table, sa.Column("search_key", sa.String(length=400), nullable=True))
        _fk_column(table, "merged_into_id", table)
        op.create_index(f"ix_{table}_search_key", table, ["search_key"])
    op.add_column("department", sa.Column("kind", sa.String(length=32), nullable=False,
                                          server_default="college"))
    op.add_column("person", sa.Column("entrepreneurship", sa.String(length=32), nullable=True))
    _backfill("department", ("name", "code"))
    _backfill("person", ("name", "staff_no"))
    _backfill("company", ("name", "credit_code"))

    with op.batch_alter_table("attachment") as batch:
        batch.alter_column("content", existing_type=sa.LargeBinary(), nullable=True)
        batch.add_column(sa.Column("size", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("created_by", sa.String(length=100), nullable=True))
    op.create_index("ix_attachment_sha256", "attachment", ["sha256"])

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_type", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )
    op.create_index("ix_note_entity", "note", ["entity_type", "entity_id"])


def downgrade() -> None:
    op.drop_index("ix_note_entity", table_name="note")
    op.drop_table("note")
    op.drop_index("ix_attachment_sha256", table_name="attachment")
    with op.batch_alter_table("attachment") as batch:
        batch.drop_column("created_by")
        batch.drop_column("size")
    op.drop_column("person", "entrepreneurship")
    op.drop_column("department", "kind")
    for table in _MASTER:
        op.drop_index(f"ix_{table}_search_key", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("merged_into_id")
            batch.drop_column("search_key")
            batch.drop_column("is_active")
