"""Personal data: which fields are personal, how they are masked, and who sees them.

The one place that knows (issue 13 §3, interfaces.md "Users and roles"):

- **Which fields.** `PERSONAL` maps (table, column) to a kind: a person's ID number, phone and
  e-mail. No table stores a bank account today (distributions pay people, not accounts); a
  table that adds one registers it here with the kind `bank_account`, and every reader below
  masks it. A company's legal representative is on the public business register and is not
  personal data in this sense.
- **How masked.** `mask(kind, value)`: ID number `110***********1234`, phone `138****5678`,
  e-mail `z***@pku.edu.cn`, bank account `**** **** **** 1234`. Masked values are for reading
  only; `looks_masked` recognises them so an import never stores one as a real value.
- **Who sees them.** `sees_personal(ctx)`: everyone but the `viewer` role, read from the
  logged-in user of the context (`ctx.user`, `core.base.access`); the single user of a file
  with logins off holds every role and sees them; nobody logged in sees them masked.
  Exporting them in clear is the act `EXPORT_PERSONAL` of `access.ROLES` (admins).
- **Logs** are written through `RedactingFormatter`, which masks anything shaped like an ID
  number, a mobile number or an e-mail address (and the engine hides SQL parameters).
- **Audit events keep keyed hashes** (`protect`): the value of a personal field in an event is
  `hmac:` + HMAC-SHA256 (hex, 128 bits) under a key kept outside the database
  (`personal_key`), so an event proves what was stored without holding it in clear text, and
  `check` compares the hash of the stored value with the recorded one.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# (table, column) -> kind of personal data
PERSONAL: dict[tuple[str, str], str] = {
    ("person", "id_number"): "id_number",
    ("person", "phone"): "phone",
    ("person", "email"): "email",
    # not personal data but secrets: kept out of audit events the same way (keyed hashes)
    ("app_user", "password_hash"): "secret",
    ("app_user", "api_key_hash"): "secret",
}
# table -> its personal columns (the audit listener's one dict lookup per event)
PERSONAL_COLUMNS: dict[str, frozenset[str]] = {}
for _table, _column in PERSONAL:
    PERSONAL_COLUMNS[_table] = PERSONAL_COLUMNS.get(_table, frozenset()) | {_column}

VIEWER = "viewer"
ADMIN = "admin"
HASH_PREFIX = "hmac:"
KEY_ENV = "TTDESK_PERSONAL_KEY_FILE"
KEY_BYTES = 32
_MASK_CHARS = re.compile(r"\*{2,}")


# -- masking ---------------------------------------------------------------------------

def mask_id_number(value: str) -> str:
    """First 3 and last 4 characters (110***********1234); a short one entirely."""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_phone(value: str) -> str:
    """First 3 and last 4 digits of a mobile number (138****5678)."""
    digits = value.strip()
    if len(digits) <= 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_email(value: str) -> str:
    """The first character of the local part and the whole domain (z***@pku.edu.cn)."""
    local, at, domain = value.partition("@")
    if not at:
        return "***"
    return (local[:1] or "") + "***@" + domain


def mask_bank_account(value: str) -> str:
    """Only the last 4 digits (**** **** **** 1234)."""
    digits = "".join(ch for ch in value if ch.isalnum())
    return "**** **** **** " + digits[-4:] if len(digits) > 4 else "****"


_MASKERS = {"id_number": mask_id_number, "phone": mask_phone, "email": mask_email,
            "bank_account": mask_bank_account, "secret": lambda _value: "******"}


def mask(kind: str, value: str | None) -> str | None:
    """The masked form of a personal value of `kind` (None and "" stay as they are)."""
    if not value:
        return value
    return _MASKERS[kind](str(value))


def looks_masked(value: Any) -> bool:
    """A value that is a mask, not data (no ID number, phone or address holds `**`)."""
    return isinstance(value, str) and bool(_MASK_CHARS.search(value))


def kind_of(table: str, column: str) -> str | None:
    return PERSONAL.get((table, column))


def masked_values(table: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """`values` (a row as a dict) with the personal columns of `table` masked."""
    cols = PERSONAL_COLUMNS.get(table)
    if not cols:
        return dict(values)
    return {k: (mask(PERSONAL[(table, k)], v) if k in cols else v) for k, v in values.items()}


# -- who sees them --------------------------------------------------------------------

def role_of(ctx: Any) -> str | None:
    """The role of the logged-in user of a context, as its code; None: nobody logged in."""
    role = getattr(getattr(ctx, "user", None), "role", None)
    return None if role is None else str(getattr(role, "value", role))


def sees_personal(ctx: Any) -> bool:
    """Whether this context's user sees personal data in clear: all roles but `viewer` (the
    single user of a file with logins off holds every role); nobody logged in does not."""
    user = getattr(ctx, "user", None)
    if user is None:
        return False
    return bool(getattr(user, "all_roles", False)) or role_of(ctx) != VIEWER


def may_export_personal(ctx: Any) -> bool:
    """Whether this context's user may export personal data in clear (admins; the service
    refuses through `access.require(ctx, Act.EXPORT_PERSONAL)`)."""
    from ttdesk.core.base.access import Act, may

    return may(ctx, Act.EXPORT_PERSONAL)


def shown(ctx: Any, kind: str, value: str | None) -> str | None:
    """`value` as this context's user may see it."""
    return value if sees_personal(ctx) else mask(kind, value)


# -- keyed hashes for the audit trail -------------------------------------------------

_keys: dict[str, bytes] = {}


def key_path() -> Path:
    """Where the personal-data key is: TTDESK_PERSONAL_KEY_FILE, else `keys/personal.key`
    in the user's data folder (created on first use, readable by the owner only)."""
    configured = os.environ.get(KEY_ENV)
    if configured:
        return Path(configured)
    from ttdesk.paths import data_dir

    return data_dir() / "keys" / "personal.key"


def _create_key(path: Path) -> None:
    from ttdesk.filemodes import private_dir

    private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process made it first: use theirs
    with os.fdopen(fd, "wb") as out:
        out.write(os.urandom(KEY_BYTES).hex().encode("ascii"))
    os.chmod(path, 0o600)


def personal_key() -> bytes:
    """The HMAC key for personal fields in audit events, kept outside the database.

    In order: the file TTDESK_PERSONAL_KEY_FILE names; else, where the office server's chain
    key is configured (TTDESK_CHAIN_KEY_FILE, the same file on every client), a key derived
    from it, so that `check` agrees on every client without a second file; else this
    installation's own `keys/personal.key` in its data folder (a single-user file)."""
    from ttdesk.core.base.chain_key import ChainKeyUnusable, configured, load

    derive = not os.environ.get(KEY_ENV) and configured() is not None
    path = Path(configured() or "") if derive else key_path()
    cached = _keys.get(str(path))
    if cached is not None:
        return cached
    if not derive and not path.exists() and not os.environ.get(KEY_ENV):
        _create_key(path)
    try:
        key = load(str(path))
    except ChainKeyUnusable as exc:
        if not derive:
            exc.zh = exc.zh.replace("审计链密钥文件", "个人信息密钥文件")
        raise
    if derive:
        key = hmac.new(key, b"ttdesk personal data v1", hashlib.sha256).digest()
    _keys[str(path)] = key
    return key


def forget_key() -> None:
    """Drop the cached key (tests that switch data folders)."""
    _keys.clear()


def keyed_hash(value: Any, key: bytes | None = None) -> Any:
    """`hmac:<hex>` for a personal value; None, "" and values already hashed stay."""
    if value is None or value == "" or (isinstance(value, str)
                                        and value.startswith(HASH_PREFIX)):
        return value
    digest = hmac.new(key or personal_key(), str(value).encode("utf-8"), hashlib.sha256)
    return HASH_PREFIX + digest.hexdigest()[:32]


def is_hashed(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(HASH_PREFIX)


def _protect_values(values: Any, cols: frozenset[str], key: bytes) -> Any:
    if not isinstance(values, dict):
        return values
    return {k: (keyed_hash(v, key) if k in cols else v) for k, v in values.items()}


def protect(entity: str, changes: dict[str, Any]) -> dict[str, Any]:
    """An audit event's `changes` with the personal fields of `entity` as keyed hashes.

    Insert and delete events hold {"after"|"before": {column: value}}, updates
    {column: {"before": v, "after": v}}; both shapes are handled. Anything else is returned
    as it is (one dict lookup for the tables without personal data)."""
    cols = PERSONAL_COLUMNS.get(entity)
    if not cols:
        return changes
    key = personal_key()
    out: dict[str, Any] = {}
    for name, part in changes.items():
        if name in ("after", "before") and isinstance(part, dict) and name not in cols:
            out[name] = _protect_values(part, cols, key)
        elif name in cols and isinstance(part, dict):
            out[name] = {k: keyed_hash(v, key) for k, v in part.items()}
        else:
            out[name] = part
    return out


# -- logs -----------------------------------------------------------------------------

_ID_NUMBER = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def redact(text: str) -> str:
    """`text` with anything shaped like an ID number, a mobile number or an e-mail address
    masked: what a log line may say about a person."""
    text = _ID_NUMBER.sub(lambda m: mask_id_number(m.group()), text)
    text = _MOBILE.sub(lambda m: mask_phone(m.group()), text)
    return _EMAIL.sub(lambda m: mask_email(m.group()), text)


class RedactingFormatter(logging.Formatter):
    """A log formatter that masks personal data in the whole formatted record, traceback
    and exception messages included (`redact`): no log file holds an ID number."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))
