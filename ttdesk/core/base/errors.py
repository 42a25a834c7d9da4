"""Typed errors: every refusal names its rule and the field, in Chinese and English.

A service raises `RuleViolation` (one problem) or `ValidationFailed` (several, e.g. a whole
import document). Nothing is written when either is raised: the unit of work rolls back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ttdesk.core.base.labels import field_label, half, pick, where_words


@dataclass(frozen=True)
class Problem:
    """One located problem: which rule, which field, where, and the text in both languages."""

    rule: str
    zh: str
    en: str
    field: str | None = None
    where: str | None = None

    def text(self, lang: str = "zh") -> str:
        """The rule's own words in `lang`."""
        return pick((self.zh, self.en), lang)

    def message(self, lang: str = "zh") -> str:
        """"[R03] 完成人 第 2 行 贡献比例（%）: …": rule id, place and field in words.

        In English the place and the field stay as the exchange format and the CLI name them
        ("contributors[1] share:"), which is what an English reader edits or types."""
        parts = [f"[{self.rule}]"]
        worded = lang == "zh"
        if self.where:
            parts.append(where_words(self.where, lang) if worded else self.where)
        if self.field:
            parts.append(f"{field_label(self.field, lang) if worded else self.field}:")
        parts.append(self.text(lang))
        return " ".join(parts)


class TTDeskError(Exception):
    """Base of every error TT Desk shows to a user."""

    def messages(self, lang: str = "zh") -> list[str]:
        return [str(self)]


@dataclass
class ValidationFailed(TTDeskError):
    """One or more rule violations; the action changed nothing."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.messages("en")[0] if self.problems else "validation failed")

    def messages(self, lang: str = "zh") -> list[str]:
        return [p.message(lang) for p in self.problems]

    def __str__(self) -> str:
        return "; ".join(self.messages("en"))


class RuleViolation(ValidationFailed):
    """A single rule violation (the common case)."""

    def __init__(self, rule: str, zh: str, en: str, field: str | None = None,
                 where: str | None = None) -> None:
        super().__init__([Problem(rule=rule, zh=zh, en=en, field=field, where=where)])

    @property
    def rule(self) -> str:
        return self.problems[0].rule


class TransitionRefused(RuleViolation):
    """A status change that the status machine of domain.md §3 does not list."""


class NotFound(TTDeskError):
    """A referenced record does not exist."""

    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"{what} not found: {key}")
        self.what = what
        self.key = key

    def messages(self, lang: str = "zh") -> list[str]:
        if lang == "zh":
            return [f"未找到{half(self.what, lang)}：{self.key}"]
        return [f"{half(self.what, lang)} not found: {self.key}"]


class ConflictError(TTDeskError):
    """Optimistic-locking conflict: someone else saved the same record first."""

    def __init__(self, what: str, key: object, detail: str = "") -> None:
        super().__init__(
            f"{what} {key} was changed by someone else; reload and try again. {detail}"
        )
        self.what = what
        self.key = key
        self.detail = detail

    def messages(self, lang: str = "zh") -> list[str]:
        if lang == "zh":
            return [f"{half(self.what, lang)} {self.key} 已被他人修改，请重新加载后再保存。"
                    f"{self.detail}"]
        return [str(self)]


class DatabaseBusy(TTDeskError):
    """A write gave up waiting for another session or program (PostgreSQL lock_timeout or
    statement_timeout, SQLite busy timeout); the unit of work rolled back, nothing written.
    The message names what was waited for, so the person knows it is not their input."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en

    def messages(self, lang: str = "zh") -> list[str]:
        return [pick((self.zh, self.en), lang)]
