"""Setting up the office server: roles with least privilege, the schema, the first admin.

`init(url)` runs once per office database, as a PostgreSQL login that may create roles (the
`postgres` superuser, or a login with CREATEROLE that owns the database). It makes three
roles, all LOGIN with their own password:

- `<prefix>_owner` owns every table: migrations run as it (`server init` again, or any
  TT Desk opening the database as it). Nobody works as it day to day.
- `<prefix>_app` is what every installation connects as (the settings page's user): SELECT,
  INSERT, UPDATE, DELETE on the tables, sequences usable — no DDL, and on the audit tables
  (`audit_event`, `audit_segment`, `audit_locator`) SELECT and INSERT only, so even a stolen
  app password cannot rewrite the audit trail (and new events are not sealed there).
  `alembic_version` is read-only to it as well: only the owner changes the schema.
- `<prefix>_readonly` reads (reports, BI tools, an auditor): SELECT on the tables.

The grants follow new tables by default privileges of the owner, and are re-applied on each
run, so running it again (new passwords, after a migration) is safe. The schema is created by
the ordinary migrations, run as the owner; the first admin is made by the user service.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL, make_url

from ttdesk.core.base.errors import RuleViolation
from ttdesk.db import migrate
from ttdesk.db.engine import connect, normalize_url

AUDIT_TABLE = "audit_event"
SCHEMA_TABLE = "alembic_version"
APPEND_ONLY = (AUDIT_TABLE, "audit_segment", "audit_locator")


@dataclass(frozen=True)
class Roles:
    owner: str
    app: str
    readonly: str

    @classmethod
    def named(cls, prefix: str) -> Roles:
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,40}", prefix):
            raise RuleViolation("SERVER", "角色前缀只能包含小写字母、数字和下划线",
                                "the role prefix may hold lower-case letters, digits and "
                                "underscores only", field="role_prefix")
        return cls(f"{prefix}_owner", f"{prefix}_app", f"{prefix}_readonly")


@dataclass(frozen=True)
class InitResult:
    url: URL                      # the database, as the init login saw it
    roles: Roles
    passwords: dict[str, str]     # role -> password set by this run
    revision: str

    def role_url(self, role: str) -> str:
        """The URL an installation uses to connect as `role` (with its password)."""
        return self.url.set(username=role, password=self.passwords.get(role)) \
            .render_as_string(hide_password=False)


def _ensure_role(conn: Connection, role: str, password: str) -> None:
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar()
    verb = "ALTER" if exists else "CREATE"
    # role names are checked above; a password cannot be a bind parameter in DDL
    quoted = password.replace("'", "''")
    conn.execute(text(f'{verb} ROLE "{role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE '
                      f"PASSWORD '{quoted}'"))


def _database_grants(conn: Connection, roles: Roles, database: str) -> None:
    conn.execute(text(f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC'))
    conn.execute(text("REVOKE ALL ON SCHEMA public FROM PUBLIC"))
    for role in (roles.owner, roles.app, roles.readonly):
        conn.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO "{role}"'))
        conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{role}"'))
    conn.execute(text(f'GRANT CREATE ON SCHEMA public TO "{roles.owner}"'))


def table_grants(conn: Connection, roles: Roles) -> None:
    """What the app and the read-only role may do with the tables, now and in the future
    (run as the owner: default privileges are the owner's)."""
    app, ro = f'"{roles.app}"', f'"{roles.readonly}"'
    conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                      f"TO {app}"))
    conn.execute(text(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {app}"))
    conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {ro}"))
    conn.execute(text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, "
                      f"UPDATE, DELETE ON TABLES TO {app}"))
    conn.execute(text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE "
                      f"ON SEQUENCES TO {app}"))
    conn.execute(text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES "
                      f"TO {ro}"))
    for table in APPEND_ONLY:
        conn.execute(text(f'REVOKE UPDATE, DELETE ON "{table}" FROM {app}'))
    conn.execute(text(f'REVOKE INSERT, UPDATE, DELETE ON "{SCHEMA_TABLE}" FROM {app}'))


def _check_server_url(url: str) -> URL:
    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() != "postgresql":
        raise RuleViolation("SERVER", "server init 需要 PostgreSQL 地址（postgresql+psycopg://…）",
                            "server init needs a PostgreSQL URL (postgresql+psycopg://...)",
                            field="url")
    return parsed


def init(url: str, prefix: str = "ttdesk",
         passwords: dict[str, str] | None = None) -> InitResult:
    """Roles, grants and the schema of the office database at `url` (see the module)."""
    parsed = _check_server_url(url)
    roles = Roles.named(prefix)
    chosen = dict(passwords or {})
    for role in (roles.owner, roles.app, roles.readonly):
        chosen.setdefault(role, secrets.token_urlsafe(18))
    db = connect(parsed.render_as_string(hide_password=False))
    try:
        with db.engine.begin() as conn:
            for role in (roles.owner, roles.app, roles.readonly):
                _ensure_role(conn, role, chosen[role])
            _database_grants(conn, roles, parsed.database or "postgres")
            # the init login acts as the owner, so that the owner owns what migrations make
            conn.execute(text(f'GRANT "{roles.owner}" TO CURRENT_USER'))
        with db.engine.begin() as conn:
            conn.execute(text(f'SET ROLE "{roles.owner}"'))
            _adopt_tables(conn, roles)
            migrate.run_migrations(conn)
            table_grants(conn, roles)
            revision = migrate.current_revision(conn) or ""
    finally:
        db.dispose()
    return InitResult(parsed, roles, chosen, revision)


def _adopt_tables(conn: Connection, roles: Roles) -> None:
    """Tables made before the roles existed (a database opened by TT Desk as `postgres`)
    pass to the owner: `REASSIGN OWNED` needs the superuser, so the statement runs as the
    init login (RESET ROLE) and the owner role is taken again afterwards."""
    found = conn.execute(text("SELECT tablename, tableowner FROM pg_tables "
                              "WHERE schemaname = 'public'")).all()
    strangers = [t for t, owner in found if owner != roles.owner]
    if not strangers:
        return
    conn.execute(text("RESET ROLE"))
    for table in strangers:
        conn.execute(text(f'ALTER TABLE "{table}" OWNER TO "{roles.owner}"'))
    conn.execute(text(f'SET ROLE "{roles.owner}"'))
