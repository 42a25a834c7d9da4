"""Pinyin order for Chinese text on PostgreSQL: the collation `ttdesk_pinyin`.

SQLite sorts Chinese columns through the `pinyin_key` function every connection registers
(ttdesk.db.collation); PostgreSQL cannot call Python, so the lists order those columns
`COLLATE ttdesk_pinyin`, an ICU collation with the pinyin tailoring of Chinese (安 < 北 < 成 < 张).
A server built without ICU gets the same name as a copy of "C" (code-point order): the lists
still work there, in the old order. Nothing to do on SQLite.

Revision ID: 0006_pinyin_collation
Revises: 0005_audit_compact
"""

from __future__ import annotations

from alembic import op

revision = "0006_pinyin_collation"
down_revision = "0005_audit_compact"
branch_labels = None
depends_on = None

CREATE = """
DO $$
BEGIN
    CREATE COLLATION IF NOT EXISTS ttdesk_pinyin (provider = icu, locale = 'zh-u-co-pinyin');
EXCEPTION WHEN others THEN
    CREATE COLLATION IF NOT EXISTS ttdesk_pinyin FROM "C";
END
$$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(CREATE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP COLLATION IF EXISTS ttdesk_pinyin")
