"""What the disclosure form asks, once, for both of its shapes (PDF and Excel) and for reading
it back: the fields with their labels, the contributor and funding rows, and the form id.

A form id names the case it was issued for and carries a check of its own characters, so a
form for another case and an id edited by hand are told apart from a TT Desk form. The check
is a plain digest, not a secret: it catches edits, not forgers (an office that needs more
signs the returned PDF).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from enum import StrEnum

from ttdesk.codes import AchievementKind, ContributorRole, FunderType, ResearchStage, Secrecy

FORM_KIND = "TTDESK-DISCLOSURE-1"
NEW_CASE = "NEW"
CONTRIBUTOR_ROWS = 8
FUNDING_ROWS = 4


@dataclass(frozen=True)
class FormField:
    """One answer of the form. `kind`: text, multiline, date (YYYY-MM-DD), int, choice (an
    enum's label or code), check (a box)."""

    name: str
    zh: str
    en: str
    kind: str = "text"
    required: bool = False
    enum: type[StrEnum] | None = None
    hint: str = ""


CASE_FIELDS: tuple[FormField, ...] = (
    FormField("title", "成果名称", "Title", required=True),
    FormField("title_en", "英文名称", "English title"),
    FormField("kind", "成果类型", "Kind", "choice", True, AchievementKind),
    FormField("field", "技术领域", "Field"),
    FormField("department", "所属院系（名称或代码）", "Department (name or code)", required=True),
    FormField("disclosure_date", "披露日期", "Disclosure date", "date", True,
              hint="YYYY-MM-DD"),
    FormField("trl", "技术成熟度（1–9）", "TRL (1-9)", "int"),
    FormField("research_stage", "研究阶段", "Research stage", "choice", True, ResearchStage),
    FormField("secrecy", "保密情况", "Secrecy", "choice", True, Secrecy),
    FormField("abstract", "成果简介", "Abstract", "multiline"),
    FormField("prior_disclosure", "已公开发表或披露（论文、会议、展会）",
              "Publicly disclosed before", "check"),
    FormField("prior_disclosure_note", "公开情况（时间、载体）", "Disclosed when and where"),
    FormField("no_funding", "无经费资助", "No funding", "check"),
)

CONTRIBUTOR_FIELDS: tuple[FormField, ...] = (
    FormField("staff_no", "工号", "Staff no."),
    FormField("name", "姓名", "Name"),
    FormField("department", "院系", "Department"),
    FormField("share", "贡献比例（%）", "Share (%)"),
    FormField("role", "角色", "Role", "choice", enum=ContributorRole),
    FormField("consent", "本人确认", "Consent", "check"),
)

FUNDING_FIELDS: tuple[FormField, ...] = (
    FormField("programme", "项目名称", "Programme"),
    FormField("funder_type", "资助类型", "Funder type", "choice", enum=FunderType),
    FormField("project_no", "项目编号", "Project no."),
)


def row_field(group: str, index: int, name: str) -> str:
    """The name of a field of a repeated row: "c1_staff_no", "f2_programme" (1-based)."""
    return f"{group}{index + 1}_{name}"


def all_field_names() -> list[str]:
    names = ["form_id", "case_no"] + [f.name for f in CASE_FIELDS]
    names += [row_field("c", i, f.name) for i in range(CONTRIBUTOR_ROWS)
              for f in CONTRIBUTOR_FIELDS]
    names += [row_field("f", i, f.name) for i in range(FUNDING_ROWS) for f in FUNDING_FIELDS]
    return names


# ---- form ids ------------------------------------------------------------------------------

_ID = re.compile(r"^DF1-(?P<case>[A-Za-z0-9_-]+?)-(?P<nonce>[0-9A-F]{8})-(?P<check>[0-9A-F]{6})$")


def _check(case: str, nonce: str) -> str:
    return hashlib.sha256(f"{FORM_KIND}|{case}|{nonce}".encode()).hexdigest()[:6].upper()


def new_form_id(case_no: str | None) -> str:
    """A fresh id for a form issued for `case_no` (or for a new case)."""
    case = case_no or NEW_CASE
    nonce = secrets.token_hex(4).upper()
    return f"DF1-{case}-{nonce}-{_check(case, nonce)}"


def case_of_form_id(form_id: str) -> str | None:
    """The case number a well-formed, unedited form id was issued for ("" for a new case);
    None when the id is not one TT Desk made or was edited."""
    m = _ID.match(form_id.strip())
    if m is None or _check(m["case"], m["nonce"]) != m["check"]:
        return None
    return "" if m["case"] == NEW_CASE else m["case"]
