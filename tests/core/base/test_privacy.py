"""Masking, roles, keyed hashes and log redaction (core.base.privacy, issue 13 §3)."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest
from roles import as_role

from ttdesk.core.base import privacy
from ttdesk.core.base.context import AppContext


@pytest.mark.parametrize(("kind", "value", "masked"), [
    ("id_number", "110101199001011234", "110***********1234"),
    ("id_number", "11010119900101123X", "110***********123X"),
    ("id_number", "12345", "*****"),
    ("phone", "13812345678", "138****5678"),
    ("phone", "010-62750000", "010*****0000"),
    ("email", "zhang@pku.edu.cn", "z***@pku.edu.cn"),
    ("email", "no-at-sign", "***"),
    ("bank_account", "6222 0202 0001 2345 678", "**** **** **** 5678"),
    ("id_number", None, None),
    ("phone", "", ""),
])
def test_mask(kind: str, value: str | None, masked: str | None) -> None:
    assert privacy.mask(kind, value) == masked
    if value and len(value) > 4:
        assert value not in (masked or "")


def test_masks_are_recognised_and_data_is_not() -> None:
    for kind, value in (("id_number", "110101199001011234"), ("phone", "13812345678"),
                        ("email", "zhang@pku.edu.cn")):
        assert privacy.looks_masked(privacy.mask(kind, value))
        assert not privacy.looks_masked(value)


def test_personal_fields_are_the_persons_id_phone_and_email() -> None:
    assert privacy.PERSONAL_COLUMNS["person"] == {"id_number", "phone", "email"}
    assert privacy.PERSONAL_COLUMNS["app_user"] == {"password_hash", "api_key_hash"}
    assert privacy.kind_of("company", "legal_representative") is None


def test_only_the_viewer_is_masked(ctx: AppContext) -> None:
    assert privacy.sees_personal(ctx)  # the one user of a file with logins off
    assert not privacy.sees_personal(ctx.as_user(None))  # nobody logged in
    for role in ("officer", "reviewer", "director", "admin"):
        assert privacy.sees_personal(as_role(ctx, role))
    viewer = as_role(ctx, "viewer")
    assert not privacy.sees_personal(viewer)
    assert privacy.shown(viewer, "phone", "13812345678") == "138****5678"
    assert privacy.shown(ctx, "phone", "13812345678") == "13812345678"


def test_only_admins_export_personal_data(ctx: AppContext) -> None:
    assert privacy.may_export_personal(as_role(ctx, "admin"))
    for role in ("viewer", "officer", "reviewer", "director"):
        assert not privacy.may_export_personal(as_role(ctx, role))


def test_protect_hashes_every_shape_of_event(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTDESK_HOME", str(tmp_path))
    privacy.forget_key()
    number = "110101199001011234"
    insert = privacy.protect("person", {"after": {"name": "张伟", "id_number": number,
                                                  "phone": None}})
    update = privacy.protect("person", {"id_number": {"before": number, "after": "X"},
                                        "name": {"before": "a", "after": "b"}})
    delete = privacy.protect("person", {"before": {"email": "a@b.cn"}})
    assert insert["after"]["name"] == "张伟" and insert["after"]["phone"] is None
    assert privacy.is_hashed(insert["after"]["id_number"])
    assert update["id_number"]["before"] == insert["after"]["id_number"]
    assert update["name"] == {"before": "a", "after": "b"}
    assert privacy.is_hashed(delete["before"]["email"])
    assert number not in repr((insert, update, delete))
    # idempotent, and other tables untouched
    assert privacy.protect("person", insert) == insert
    other = {"after": {"id_number": number}}
    assert privacy.protect("company", other) is other


def test_key_file_is_made_once_owner_only(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(privacy.KEY_ENV, raising=False)
    privacy.forget_key()
    first = privacy.personal_key()
    path = privacy.key_path()
    assert path.is_file() and len(first) >= 32
    privacy.forget_key()
    assert privacy.personal_key() == first  # read back, not made again
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    # a different key gives different hashes: the hash is keyed
    other = tmp_path / "other.key"
    other.write_bytes(os.urandom(32).hex().encode())
    monkeypatch.setenv(privacy.KEY_ENV, str(other))
    privacy.forget_key()
    assert privacy.keyed_hash("110101199001011234") != privacy.keyed_hash(
        "110101199001011234", first)
    privacy.forget_key()


def test_a_short_configured_key_is_refused(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from ttdesk.core.base.chain_key import ChainKeyUnusable

    short = tmp_path / "short.key"
    short.write_bytes(b"too short")
    monkeypatch.setenv(privacy.KEY_ENV, str(short))
    privacy.forget_key()
    with pytest.raises(ChainKeyUnusable) as err:
        privacy.personal_key()
    assert "个人信息密钥文件" in err.value.messages("zh")[0]
    privacy.forget_key()


def test_redact_masks_what_looks_personal() -> None:
    line = ("导入失败：身份证号110101199001011234，手机 13812345678，邮箱 zhang@pku.edu.cn；"
            "案号 2026-0012，金额 1234567.89，信用代码 91110108MA01ABCD2X")
    out = privacy.redact(line)
    for secret in ("110101199001011234", "13812345678", "zhang@pku.edu.cn"):
        assert secret not in out
    assert "110***********1234" in out and "138****5678" in out and "z***@pku.edu.cn" in out
    assert "2026-0012" in out and "1234567.89" in out and "91110108MA01ABCD2X" in out


def test_redacting_formatter_covers_the_traceback() -> None:
    formatter = privacy.RedactingFormatter("%(message)s")
    try:
        raise ValueError("bad row ('110101199001011234',)")
    except ValueError:
        import sys

        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "row %s", ("13812345678",),
                                   sys.exc_info())
    text = formatter.format(record)
    assert "110101199001011234" not in text and "13812345678" not in text
    assert "ValueError" in text and "138****5678" in text


def test_server_clients_derive_the_key_from_the_chain_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two clients with the same chain-key file (and different data folders) hash alike."""
    chain = tmp_path / "chain.key"
    chain.write_bytes(os.urandom(32).hex().encode())
    monkeypatch.delenv(privacy.KEY_ENV, raising=False)
    monkeypatch.setenv("TTDESK_CHAIN_KEY_FILE", str(chain))
    hashes = []
    for client in ("a", "b"):
        monkeypatch.setenv("TTDESK_HOME", str(tmp_path / client))
        privacy.forget_key()
        hashes.append(privacy.keyed_hash("110101199001011234"))
        assert not (tmp_path / client / "keys").exists()  # no second file needed
    assert hashes[0] == hashes[1]
    assert privacy.personal_key() != chain.read_bytes().strip()  # derived, not the chain key
    privacy.forget_key()
