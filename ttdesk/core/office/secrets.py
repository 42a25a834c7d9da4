"""Password and API-key hashes: argon2id (argon2-cffi's defaults, RFC 9106 low-memory).

A hash string carries its own parameters and salt, so raising the cost later keeps old
hashes verifiable (`needs_rehash` says when to store a stronger one at the next login).
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()  # argon2id
# verified against when the user does not exist, so both answers take the same time
_DUMMY = _HASHER.hash("ttdesk: no such user")


def hash_secret(secret: str) -> str:
    return _HASHER.hash(secret)


def verify_secret(stored: str | None, secret: str) -> bool:
    """Whether `secret` matches `stored`; a missing stored hash costs the same time."""
    try:
        return _HASHER.verify(stored or _DUMMY, secret) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _HASHER.check_needs_rehash(stored)


def new_token() -> str:
    """A random secret for an API key (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)
