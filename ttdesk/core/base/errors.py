"""Typed errors: every refusal names its rule and the field, in Chinese and English.

A service raises `RuleViolation` (one problem) or `ValidationFailed` (several, e.g. a whole
import document). Nothing is written when either is raised: the unit of work rolls back.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One located problem: which rule, which field, where, and the text in both languages."""

    rule: str
    zh: str
    en: str
    field: str | None = None
    where: str | None = None

    def message(self, lang: str = "zh") -> str:
        text = self.zh if lang == "zh" else self.en
        parts = [f"[{self.rule}]"]
        if self.where:
            parts.append(self.where)
        if self.field:
            parts.append(f"{self.field}:")
        parts.append(text)
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
            return [f"未找到{self.what}：{self.key}"]
        return [f"{self.what} not found: {self.key}"]


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
            return [f"{self.what} {self.key} 已被他人修改，请重新加载后再保存。{self.detail}"]
        return [str(self)]
