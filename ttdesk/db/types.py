"""Column types that keep money, percentages and timestamps exact on SQLite and PostgreSQL.

Money is stored as integer fen and percentages as integer ten-thousandths of a percent:
SQLite's NUMERIC affinity would turn decimals into binary floats, integers stay exact and
sum exactly in SQL on both back ends.
"""

from __future__ import annotations

import json
import zlib
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, LargeBinary
from sqlalchemy.types import TypeDecorator, TypeEngine

FEN = Decimal("0.01")
PCT_SCALE = 10000


class Money(TypeDecorator[Decimal]):
    """CNY amount with 2 places, stored as integer fen."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        if value is None:
            return None
        amount = Decimal(value)
        if amount != amount.quantize(FEN):
            raise ValueError(f"money with more than 2 places: {value}")
        return int(amount * 100)

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(FEN)


class Percent(TypeDecorator[Decimal]):
    """Exact percentage (e.g. 33.3333), stored as integer ten-thousandths of a percent."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value) * PCT_SCALE
        if scaled != scaled.to_integral_value():
            raise ValueError(f"percentage with more than 4 places: {value}")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        pct = Decimal(int(value)).scaleb(-4)
        return pct.quantize(Decimal(1)) if pct == pct.to_integral_value() else pct.normalize()


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC timestamp; SQLite keeps it naive, we re-attach UTC on load."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: timestamps must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


_EPOCH = datetime(1970, 1, 1)
_MICRO = timedelta(microseconds=1)


def micros(naive_utc: datetime) -> int:
    """Microseconds since 1970-01-01 UTC of a naive UTC time (exact integer arithmetic)."""
    return (naive_utc - _EPOCH) // _MICRO


class _Micros(TypeEngine[int]):
    """A Stamp's column on SQLite: declared DATETIME, as every migration created it; the
    integer the Stamp binds is stored as it is."""

    __visit_name__ = "DATETIME"


class Stamp(UTCDateTime):
    """`created_at` / `updated_at`: on SQLite an integer of microseconds since 1970 UTC,
    8 bytes instead of 26 characters of text (the stamps were a tenth of a 100k database,
    B1); on PostgreSQL a timestamp like UTCDateTime. Text written before schema 0015 (or
    by hand) still reads."""

    cache_ok = True

    def load_dialect_impl(self, dialect: Any) -> Any:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(_Micros())
        return dialect.type_descriptor(DateTime())

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        naive = super().process_bind_param(value, dialect)
        if naive is None or dialect.name != "sqlite":
            return naive
        return micros(naive)

    def process_result_value(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, int):
            return (_EPOCH + value * _MICRO).replace(tzinfo=UTC)
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


PACK_OVER = 200  # bytes of JSON beyond which a value is stored zlib-compressed


def pack_json(value: Any) -> bytes:
    """Compact UTF-8 JSON, zlib-compressed when large (zlib output starts with 0x78, JSON
    text of an object with "{", so the stored form says which it is)."""
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                     sort_keys=True, default=str).encode("utf-8")
    return zlib.compress(raw, 6) if len(raw) > PACK_OVER else raw


def unpack_json(raw: bytes | memoryview | str) -> Any:
    if isinstance(raw, str):  # a value written before the packed form
        return json.loads(raw)
    data = bytes(raw)
    if data[:1] == b"x":
        data = zlib.decompress(data)
    elif data[:1] == EVENT_ZSTD:
        data = event_codec()[1].decompress(data[1:])
    return json.loads(data.decode("utf-8"))  # str: json need not guess the encoding


# ---- audit events (B1) -------------------------------------------------------------------
# An audit event's changes are small JSON objects (a row's values, or the changed fields)
# whose bytes are mostly the same field names and codes over and over; zstd with a trained
# dictionary shrinks them about 4×, where zlib alone gains little on records this small.
# The stored form is 0x01 + a zstd frame (magic number and dictionary id left out: the 0x01
# names dictionary 1 of `ttdesk.db.audit_dictionary`), or the plain JSON when that is not
# smaller. The chain hashes these stored bytes, so checking it never decompresses.

EVENT_ZSTD = b"\x01"
EVENT_LEVEL = 3  # level 9 saves another 7 % at 3× the time of a 100k demo build's events
_CODEC: list[Any] = []


def event_codec() -> tuple[Any, Any]:
    """(compressor, decompressor) for dictionary 1, made once (zstandard is imported only
    here: start-up never needs it)."""
    if not _CODEC:
        import base64

        import zstandard

        from ttdesk.db.audit_dictionary import DICTIONARY_1

        trained = zstandard.ZstdCompressionDict(base64.b64decode("".join(DICTIONARY_1)),
                                                dict_type=zstandard.DICT_TYPE_FULLDICT)
        trained.precompute_compress(level=EVENT_LEVEL)
        frame = zstandard.FORMAT_ZSTD1_MAGICLESS
        params = zstandard.ZstdCompressionParameters.from_level(
            EVENT_LEVEL, format=frame, write_checksum=0, write_dict_id=0,
            write_content_size=1)
        _CODEC[:] = [zstandard.ZstdCompressor(dict_data=trained, compression_params=params),
                     zstandard.ZstdDecompressor(dict_data=trained, format=frame)]
    return _CODEC[0], _CODEC[1]


# json.dumps with these options builds a new encoder per call; a million events share one
_EVENT_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True,
                                  default=str)


def event_json(value: Any) -> bytes:
    """The canonical bytes of an audit event's changes: compact UTF-8 JSON with sorted keys.
    The chain hashes these bytes (schema 0014), whatever form they are stored in."""
    return _EVENT_ENCODER.encode(value).encode("utf-8")


def pack_raw(raw: bytes) -> bytes:
    """The stored form of one loose event's canonical bytes (see above)."""
    packed = EVENT_ZSTD + event_codec()[0].compress(raw)
    return packed if len(packed) < len(raw) else raw


def unpack_raw(stored: bytes | memoryview | str) -> bytes:
    """The canonical bytes of a stored event's changes (any stored form)."""
    if isinstance(stored, str):
        return stored.encode("utf-8")
    data = bytes(stored)
    if data[:1] == EVENT_ZSTD:
        return bytes(event_codec()[1].decompress(data[1:]))
    if data[:1] == b"x":
        return zlib.decompress(data)
    return data


def pack_event(value: Any) -> bytes:
    """The stored form of an audit event's changes (see above); `unpack_json` reads it."""
    return pack_raw(event_json(value))


class PackedJSON(TypeDecorator[Any]):
    """A JSON value stored as `pack_json` bytes. Bytes passed in are stored as they are (the
    audit trail hashes exactly the stored bytes, so it packs them itself)."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> bytes | None:
        if value is None:
            return None
        return value if isinstance(value, bytes) else pack_json(value)

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        return None if value is None else unpack_json(value)
