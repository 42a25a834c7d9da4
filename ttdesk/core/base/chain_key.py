"""The key of a keyed audit chain (server mode), kept outside the database.

On the office server (PostgreSQL) everyone with a database login could otherwise rewrite
the audit trail and re-hash it. There the chain is an HMAC-SHA256 chain whose key lives in a
file on the clients, named by TTDESK_CHAIN_KEY_FILE (at least 32 bytes, e.g. `head -c 32
/dev/urandom > chain.key`, copied to every client of that database, never into it). Without
the file the chain is plain SHA-256 and `check` says so. A single-user SQLite file is not
keyed: whoever can write the file can also read a key kept beside it; its protection is the
anchors printed on filings.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.orm import Session

from ttdesk.core.base.errors import TTDeskError

ENV = "TTDESK_CHAIN_KEY_FILE"
MIN_BYTES = 32
_cache: dict[tuple[str, float], bytes] = {}


class ChainKeyUnusable(TTDeskError):
    def __init__(self, path: str, why_zh: str, why_en: str) -> None:
        super().__init__(f"audit chain key {path}: {why_en}")
        self.zh = f"审计链密钥文件 {path}：{why_zh}"

    def messages(self, lang: str = "zh") -> list[str]:
        return [self.zh if lang == "zh" else str(self)]


def configured() -> str | None:
    return os.environ.get(ENV) or None


def load(path: str) -> bytes:
    file = Path(path)
    try:
        stamp = (str(file), file.stat().st_mtime)
        if stamp not in _cache:
            _cache[stamp] = file.read_bytes().strip()
    except OSError as exc:
        raise ChainKeyUnusable(path, f"无法读取（{exc.strerror}）",
                               f"cannot be read ({exc.strerror})") from None
    key = _cache[stamp]
    if len(key) < MIN_BYTES:
        raise ChainKeyUnusable(path, f"至少需要 {MIN_BYTES} 字节", f"must hold at least "
                               f"{MIN_BYTES} bytes")
    return key


def key_for(session: Session) -> bytes | None:
    """The key for this session's database: only in server mode, and only when configured
    (None: the chain is plain SHA-256)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    path = configured()
    return load(path) if path else None
