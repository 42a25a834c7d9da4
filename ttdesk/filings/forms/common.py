"""Helpers the form modules share: reading snapshot values back into words of one language."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Any

from ttdesk.core.base.labels import field_label, label, yes_no
from ttdesk.filings import blocks as b
from ttdesk.filings import text as t

# The default signature roles of the policy, for English filings (others print as set).
ROLE_EN = {"经办人": "Officer in charge", "部门负责人": "Head of office",
           "分管校领导": "University leader in charge"}


class Words:
    """Formatting bound to a language: `w.tr("是", "yes")`, `w.code(DealMode, "equity")`."""

    def __init__(self, lang: str) -> None:
        self.lang = "zh" if lang == "zh" else "en"

    def tr(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def field(self, name: str) -> str:
        return field_label(name, self.lang)

    def code(self, enum_cls: type[StrEnum], value: str | None) -> str:
        if value is None or value == "":
            return ""
        try:
            return label(enum_cls(value), self.lang)
        except ValueError:
            return str(value)

    def codes(self, enum_cls: type[StrEnum], values: list[str]) -> str:
        return "、".join(self.code(enum_cls, v) for v in values) if self.lang == "zh" \
            else ", ".join(self.code(enum_cls, v) for v in values)

    def date(self, iso: str | None) -> str:
        return t.cn_date(t.parse_iso(iso), self.lang)

    def money(self, value: str | None) -> str:
        return "" if value is None else t.money(Decimal(value))

    def money_caps(self, value: str | None) -> str:
        return "" if value is None else t.money_with_capitals(Decimal(value), self.lang)

    def pct(self, value: str | None) -> str:
        return "" if value is None else t.percent(Decimal(value))

    def yes_no(self, value: bool | None) -> str:
        return yes_no(value, self.lang)

    def text(self, value: Any) -> str:
        return "" if value is None else str(value)


def new_document(snap: dict[str, Any], title_zh: str, title_en: str, subject_ref: str,
                 lang: str, landscape: bool = False) -> b.Document:
    inst = snap["institution"]
    name = inst.get("name") or ""
    if lang != "zh" and inst.get("name_en"):
        name = inst["name_en"]
    return b.Document(code=snap["form"], version=1, title=title_zh if lang == "zh" else title_en,
                      subject_ref=subject_ref, institution=name, lang=lang,
                      landscape=landscape)


def signatures(snap: dict[str, Any], lang: str) -> b.Signatures:
    roles = snap["policy"]["signature_roles"]
    if lang != "zh":
        roles = [ROLE_EN.get(r, r) for r in roles]
    return b.Signatures(list(roles))
