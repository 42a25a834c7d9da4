"""Audit events packed with zstd and a trained dictionary (B1).

Revision ID: 0011_audit_zstd
Revises: 0010_leaders_profit
Create Date: 2026-12-03

No table changes: from this revision on, an audit event's `changes` may be stored as 0x01 +
a zstd frame made with dictionary 1 of `ttdesk.db.audit_dictionary` (ttdesk.db.types
.pack_event), which a TT Desk of an older schema cannot read. The revision is the gate: an
older TT Desk refuses this database instead of failing on its history. Events written before
keep their form (plain or zlib-packed JSON) and their hashes; every form stays readable, so
nothing is re-written and the chain is not touched.

Frozen: nothing imported from today's code.
"""

from __future__ import annotations

revision = "0011_audit_zstd"
down_revision = "0010_leaders_profit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change in the tables (see the module docstring)."""


def downgrade() -> None:
    raise NotImplementedError("0011_audit_zstd cannot be undone once zstd-packed events "
                              "exist: restore the backup taken before the migration")
