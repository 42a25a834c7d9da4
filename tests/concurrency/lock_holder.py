"""Run as a subprocess by test_reads_beside_writer.py: another program holding the database.

`python lock_holder.py sqlite PATH` takes SQLite's write lock (BEGIN IMMEDIATE and a write);
`python lock_holder.py ttdesk PATH` does the same through TT Desk's own unit of work;
`python lock_holder.py postgres URL` takes the audit trail's advisory lock in an open
transaction. Either prints `held` and keeps the lock until its stdin closes, then rolls back.
"""

from __future__ import annotations

import sqlite3
import sys


def hold_sqlite(path: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE achievement SET title = title")
    print("held", flush=True)
    sys.stdin.read()
    conn.execute("ROLLBACK")
    conn.close()


def hold_ttdesk(path: str) -> None:
    """TT Desk itself writing: a unit of work that has not ended yet."""
    from sqlalchemy import text

    from ttdesk.core.office.setup import open_context

    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    with ctx.write() as s:
        s.execute(text("UPDATE achievement SET title = title"))
        print("held", flush=True)
        sys.stdin.read()
        raise SystemExit(0)  # rolls back


def hold_postgres(url: str) -> None:
    import psycopg

    from ttdesk.core.base.audit import _PG_LOCK_KEY

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_LOCK_KEY,))
        print("held", flush=True)
        sys.stdin.read()
        conn.rollback()


if __name__ == "__main__":
    {"sqlite": hold_sqlite, "ttdesk": hold_ttdesk, "postgres": hold_postgres}[sys.argv[1]](
        sys.argv[2])
