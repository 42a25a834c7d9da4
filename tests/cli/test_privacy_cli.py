"""The command line and personal data (issue 13 §3): a viewer's `person list` is masked,
`export-json` is masked unless an admin adds --include-personal (audited), and a failed
import leaves no ID number in the log file."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from roles import as_role

from ttdesk.cli import cmd_exchange, cmd_master
from ttdesk.cli.main import log_file, main
from ttdesk.core.office.setup import open_context
from ttdesk.core.people import persons

NUMBER = "110101199003071234"
PHONE = "13812345678"
EMAIL = "zhang.wei@pku.edu.cn"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "office.db"
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    persons.create(ctx, persons.PersonIn(name="张伟", staff_no="T0001", id_number=NUMBER,
                                         phone=PHONE, email=EMAIL))
    ctx.db.dispose()
    yield path


def acting(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    """The commands run as a user of `role` (the context they open carries it)."""
    for module in (cmd_master, cmd_exchange):
        real: Callable[..., Any] = module.open_ctx  # type: ignore[attr-defined]
        monkeypatch.setattr(module, "open_ctx",
                            lambda args, _real=real, **kw: as_role(_real(args, **kw), role))


def test_viewer_sees_person_list_masked(db: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    acting(monkeypatch, "viewer")
    for extra in ([], ["--json"]):
        assert main(["--db", str(db), "person", "list", *extra]) == 0
        out = capsys.readouterr().out
        for secret in (NUMBER, PHONE, EMAIL):
            assert secret not in out
        assert "张伟" in out
    assert main(["--db", str(db), "person", "list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["phone"], row["email"]) == ("138****5678", "z***@pku.edu.cn")


def test_officer_sees_phone_and_email(db: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    acting(monkeypatch, "officer")
    assert main(["--db", str(db), "person", "list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["phone"], row["email"]) == (PHONE, EMAIL)
    assert row["id_number_masked"] == "110***********1234"  # lists never show it whole


def test_export_json_masked_unless_an_admin_asks(db: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    acting(monkeypatch, "officer")
    masked = tmp_path / "masked.json"
    assert main(["--db", str(db), "export-json", str(masked)]) == 0
    assert NUMBER not in masked.read_text(encoding="utf-8")
    refused = tmp_path / "refused.json"
    assert main(["--db", str(db), "export-json", str(refused), "--include-personal"]) == 2
    assert "管理员" in capsys.readouterr().err and not refused.exists()
    monkeypatch.undo()
    acting(monkeypatch, "admin")
    clear = tmp_path / "clear.json"
    assert main(["--db", str(db), "export-json", str(clear), "--include-personal"]) == 0
    assert NUMBER in clear.read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(clear.stat().st_mode) == 0o600
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        events = conn.execute("SELECT actor, entity_ref FROM audit_event "
                              "WHERE action = 'export_personal'").fetchall()
    finally:
        conn.close()
    assert [ref for _, ref in events] == ["clear.json"]


def test_failed_import_keeps_personal_data_out_of_the_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """An unexpected failure while importing a person: the traceback goes to the log, the
    ID number, phone and e-mail in its message do not."""
    from ttdesk.core.exchange import importer

    monkeypatch.setenv("TTDESK_HOME", str(tmp_path / "home"))
    doc = tmp_path / "people.json"
    doc.write_text(json.dumps({"format": "ttdesk-exchange", "version": 1, "people": [
        {"staff_no": "T0002", "name": "李娜", "id_number": NUMBER, "phone": PHONE,
         "email": EMAIL}]}, ensure_ascii=False), encoding="utf-8")

    def crash(self: Any, document: dict[str, Any]) -> None:
        raise RuntimeError(f"could not write {document['people'][0]}")

    monkeypatch.setattr(importer._Writer, "run", crash)
    code = main(["--db", str(tmp_path / "new.db"), "import-json", str(doc)])
    assert code == 1
    err = capsys.readouterr().err
    log = log_file()
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "could not write" in text  # the log did get the failure
    for secret in (NUMBER, PHONE, EMAIL):
        assert secret not in text and secret not in err
    if os.name == "posix":
        assert stat.S_IMODE(log.stat().st_mode) == 0o600
        assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700



def test_real_logins_viewer_masked_admin_clear(db: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Logins switched on: the same commands, with the role of the user who logs in."""
    from builders import cli_login, signed_in

    from ttdesk.codes import UserRole
    from ttdesk.core.office import users
    from ttdesk.core.office.logins import set_logins_required

    ctx = open_context(f"sqlite:///{db}", migrate_backup=False)
    try:
        users.create_user(ctx, "boss", "主任", UserRole.ADMIN, "boss password 1")
        set_logins_required(ctx, True)
    finally:
        ctx.db.dispose()

    def log_in_as(role: UserRole) -> None:
        ctx = open_context(f"sqlite:///{db}", migrate_backup=False)
        try:
            cli_login(signed_in(ctx), monkeypatch, role)
        finally:
            ctx.db.dispose()

    log_in_as(UserRole.VIEWER)
    assert main(["--db", str(db), "person", "list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["phone"], row["email"]) == ("138****5678", "z***@pku.edu.cn")
    refused = tmp_path / "viewer.json"
    assert main(["--db", str(db), "export-json", str(refused), "--include-personal"]) == 2
    assert "管理员" in capsys.readouterr().err and not refused.exists()
    log_in_as(UserRole.ADMIN)
    clear = tmp_path / "admin.json"
    assert main(["--db", str(db), "export-json", str(clear), "--include-personal"]) == 0
    assert NUMBER in clear.read_text(encoding="utf-8")
