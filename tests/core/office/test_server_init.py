"""`server init` on a real PostgreSQL database: three roles with least privilege, the schema
made by the owner, the app role able to work but not to change the schema or rewrite the
audit trail, the read-only role only reading; running it again is safe."""

from __future__ import annotations

import uuid

import pytest
from builders import make_achievement, signed_in
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from ttdesk.cli.main import main
from ttdesk.core import demo
from ttdesk.core.base.errors import RuleViolation
from ttdesk.core.office import server
from ttdesk.core.office.setup import open_context
from ttdesk.core.views import case_detail
from ttdesk.db import migrate
from ttdesk.db.engine import connect

pytestmark = pytest.mark.postgres


def _as(url: str, role: str) -> str:
    return make_url(url).set(username=role).render_as_string(hide_password=False)


def _refused(url: str, sql: str) -> str:
    db = connect(url)
    try:
        with pytest.raises(ProgrammingError) as refused, db.engine.begin() as conn:
            conn.execute(text(sql))
        return str(refused.value.orig)
    finally:
        db.dispose()


@pytest.fixture
def prefix() -> str:
    return f"t{uuid.uuid4().hex[:8]}"  # roles are cluster-wide: one set per test


def test_init_makes_least_privilege_roles(pg_url: str, prefix: str, capsys) -> None:
    assert main(["server", "init", pg_url, "--role-prefix", prefix]) == 0
    out = capsys.readouterr().out
    assert f"{prefix}_app" in out and migrate.HEAD_REVISION in out
    app, ro, owner = (_as(pg_url, f"{prefix}_{r}") for r in ("app", "readonly", "owner"))

    ctx = signed_in(open_context(app, migrate_backup=False))  # the app works as the app role
    try:
        case = make_achievement(ctx, title="高通量基因测序样本制备方法")
        assert case_detail(ctx, case.case_no).title == "高通量基因测序样本制备方法"
    finally:
        ctx.db.dispose()

    assert "permission denied" in _refused(app, "CREATE TABLE extra (i integer)")
    assert "permission denied" in _refused(app, "UPDATE audit_event SET actor = 'x'")
    assert "permission denied" in _refused(app, "DELETE FROM audit_event")
    assert "permission denied" in _refused(app, "UPDATE alembic_version SET version_num='x'")
    assert "permission denied" in _refused(ro, "INSERT INTO department (code, name) "
                                               "VALUES ('X', 'x')")
    db = connect(ro)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM achievement")).scalar() == 1
            assert conn.execute(text("SELECT count(*) FROM audit_event")).scalar() > 0
    finally:
        db.dispose()
    db = connect(owner)
    try:
        with db.engine.connect() as conn:
            owners = set(conn.execute(text(
                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"
            )).scalars())
    finally:
        db.dispose()
    assert owners == {f"{prefix}_owner"}


def test_init_again_is_safe_and_adopts_tables_made_before(pg_url: str, prefix: str) -> None:
    open_context(pg_url, migrate_backup=False).db.dispose()  # a database opened as postgres
    first = server.init(pg_url, prefix)
    again = server.init(pg_url, prefix)
    assert first.revision == again.revision == migrate.HEAD_REVISION
    assert first.passwords != again.passwords  # new passwords each run
    ctx = signed_in(open_context(_as(pg_url, f"{prefix}_app"), migrate_backup=False))
    try:  # the bulk writer (ids given, sequences moved with setval) works as the app too
        assert demo.generate(ctx, cases=5, seed=1)
    finally:
        ctx.db.dispose()


def test_the_app_role_cannot_migrate_and_says_who_can(pg_url: str, prefix: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    server.init(pg_url, prefix)
    monkeypatch.setattr(migrate, "HEAD_REVISION", "0007_next_release")
    db = connect(_as(pg_url, f"{prefix}_app"))
    try:
        with pytest.raises(migrate.SchemaGateError, match="server init"):
            migrate.upgrade(db)
    finally:
        db.dispose()


def test_init_refuses_a_sqlite_url_and_a_bad_prefix(tmp_path) -> None:
    with pytest.raises(RuleViolation, match="PostgreSQL"):
        server.init(f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(RuleViolation):
        server.Roles.named("Robert'); DROP")


def test_init_makes_the_first_admin_once(pg_url: str, prefix: str, capsys,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    users = pytest.importorskip("ttdesk.core.office.users")
    monkeypatch.setenv("TTDESK_PASSWORD", "Zhuren-2026-mima!")
    args = ["server", "init", pg_url, "--role-prefix", prefix, "--admin", "wang",
            "--admin-name", "王主任"]
    assert main(args) == 0
    assert "first admin: wang" in capsys.readouterr().out
    ctx = open_context(_as(pg_url, f"{prefix}_app"), migrate_backup=False)
    try:
        assert users.has_admin(ctx)
    finally:
        ctx.db.dispose()
    assert main(args) == 0  # again: the admin exists, none is added
    assert "first admin" not in capsys.readouterr().out
