"""Pinyin order for Chinese text (安 < 北 < 成 < 张), as an SQL function on SQLite.

Code-point order puts 张 before 安; an officer expects the order of a Chinese dictionary. The
key is the text's pinyin (tone-less syllables, then tone digits, then the text itself so
that homophones and equal readings still have one fixed order), computed by `pypinyin` and
cached. SQLite calls it as `pinyin_key(column)` in ORDER BY (registered on every connection).
PostgreSQL has no Python functions: there the list keeps the database's collation.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65_536)
def _reading(ch: str) -> tuple[str, str]:
    """(tone-less syllable, tone digit) of one character; other characters stand for
    themselves. Read per character, cached: a 100,000-case list sorts without calling
    pypinyin per title (a heteronym takes its most common reading)."""
    if ch < "\u3400":
        return ch.lower(), "0"
    from pypinyin import Style, lazy_pinyin

    syllable = lazy_pinyin(ch, style=Style.TONE3, neutral_tone_with_five=True,
                           errors="default")[0]
    return (syllable[:-1], syllable[-1]) if syllable[-1:].isdigit() else (syllable, "0")


@lru_cache(maxsize=262_144)
def pinyin_key(text: str | None) -> str | None:
    if text is None:
        return None
    word = text.strip()
    readings = [_reading(ch) for ch in word]
    return (" ".join(r[0] for r in readings) + "\x01" + "".join(r[1] for r in readings)
            + "\x01" + word)


def register(dbapi_connection: object) -> None:
    """Make `pinyin_key(text)` callable in this SQLite connection's SQL."""
    dbapi_connection.create_function(  # type: ignore[attr-defined]
        "pinyin_key", 1, pinyin_key, deterministic=True)
