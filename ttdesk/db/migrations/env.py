"""Alembic environment, driven from code (`ttdesk.db.migrate`), never from an ini file.

The caller hands over an open connection in `config.attributes["connection"]`.
Revisions are frozen: they use explicit operations and never import today's models.
"""

from __future__ import annotations

from alembic import context

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only from the alembic command line
    raise RuntimeError("run migrations through ttdesk.db.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=config.attributes.get("target_metadata"),
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
