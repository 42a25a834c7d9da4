"""A returned disclosure form (PDF or xlsx) read, checked with the case rules, shown beside
the current case, and accepted in one unit of work with the file kept as an attachment.

Every problem is listed at once, by the label the inventor saw (R1 shares, R2 completeness,
dates, choices, unknown staff numbers); nothing is written while any remains.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ttdesk.core.activity import attachments, notes
from ttdesk.core.base.access import Act, require
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import Problem, ValidationFailed
from ttdesk.core.base.labels import label, parse
from ttdesk.core.cases import achievements as cases
from ttdesk.core.cases.achievements import ContributorIn, DisclosureIn, FundingIn
from ttdesk.core.disclosure import form_spec as spec
from ttdesk.core.disclosure import form_xlsx
from ttdesk.core.rules.checks import shares_problems
from ttdesk.db.models import Achievement, Department, Person

RULE = "FORM"


def _p(rule: str, zh: str, en: str, name: str, where: str = "") -> Problem:
    return Problem(rule, zh, en, field=name, where=where)


def _not_ours(path: Path, why_zh: str, why_en: str) -> ValidationFailed:
    return ValidationFailed([_p(RULE, f"{path.name} 不是 TT Desk 披露表：{why_zh}",
                                f"{path.name} is not a TT Desk disclosure form: {why_en}",
                                "file")])


# ---- reading ------------------------------------------------------------------------------

def read_file(path: str | Path) -> dict[str, str]:
    """The answers of a returned PDF or xlsx by field name (ticked boxes "1")."""
    path = Path(path)
    if not path.is_file():
        raise ValidationFailed([_p("INPUT", f"找不到文件：{path}", f"file not found: {path}",
                                   "file")])
    head = path.read_bytes()[:8]
    if head.startswith(b"%PDF"):
        return _read_pdf(path)
    if head.startswith(b"PK"):
        return _read_xlsx(path)
    raise _not_ours(path, "既不是 PDF 也不是 Excel 工作簿", "neither a PDF nor an Excel workbook")


def _read_pdf(path: Path) -> dict[str, str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    try:
        fields = PdfReader(io.BytesIO(path.read_bytes())).get_fields() or {}
    except (PyPdfError, DependencyError, ValueError, KeyError, TypeError) as exc:
        raise _not_ours(path, f"无法读取 PDF（{exc}）", f"cannot read the PDF ({exc})") from None
    if "form_id" not in fields:
        raise _not_ours(path, "没有表单编号字段", "it has no form id field")
    out: dict[str, str] = {}
    for name, f in fields.items():
        value = f.get("/V")
        if f.get("/FT") == "/Btn":
            out[name] = "1" if str(value or "/Off") not in ("/Off", "Off", "") else ""
        else:
            out[name] = "" if value is None else str(value).strip()
    return out


def _read_xlsx(path: Path) -> dict[str, str]:
    from ttdesk.core.ledger.reader import LedgerFileError, open_workbook

    try:
        book = open_workbook(path)
    except LedgerFileError as exc:
        raise ValidationFailed([exc.problem]) from None
    try:
        return form_xlsx.read_values(book)
    except (KeyError, IndexError):
        raise _not_ours(path, "缺少披露表的工作表", "the form's sheets are missing") from None
    finally:
        book.close()


# ---- checking -----------------------------------------------------------------------------

@dataclass
class Review:
    """What a returned form says, what is wrong with it, and the case it would change."""

    form_id: str
    case_no: str  # "" for a new case
    disclosure: DisclosureIn | None
    problems: list[Problem] = field(default_factory=list)
    unknown_people: list[tuple[int, str, str, str]] = field(default_factory=list)
    prior_disclosure: str = ""
    consents: list[str] = field(default_factory=list)
    returned: dict[str, str] = field(default_factory=dict)
    current: dict[str, str] = field(default_factory=dict)


_LABELS = {f.name: (f.zh, f.en) for f in spec.CASE_FIELDS}


def _missing(name: str, where: str = "") -> Problem:
    zh, en = _LABELS.get(name, (name, name))
    return _p("R2", f"“{zh}”未填写", f"“{en}” is not filled in", name, where)


def _date(values: dict[str, str], name: str, problems: list[Problem]) -> date | None:
    text = values.get(name, "")
    try:
        return date.fromisoformat(text)
    except ValueError:
        zh, en = _LABELS[name]
        problems.append(_p("INPUT", f"“{zh}”不是有效日期：{text}（应写作 2026-09-01）",
                           f"“{en}” is not a valid date: {text} (write 2026-09-01)", name))
        return None


def _choice(values: dict[str, str], f: spec.FormField, problems: list[Problem],
            where: str = "", key: str | None = None) -> str | None:
    text = values.get(key or f.name, "")
    if not text:
        return None
    assert f.enum is not None
    try:
        return parse(f.enum, text).value
    except ValueError:
        problems.append(_p("INPUT", f"“{f.zh}”的取值“{text}”不在选项中",
                           f"“{f.en}”: {text!r} is not one of the choices", f.name, where))
        return None


def _case_answers(values: dict[str, str], problems: list[Problem]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in spec.CASE_FIELDS:
        text = values.get(f.name, "")
        if f.required and not text:
            problems.append(_missing(f.name))
            continue
        if f.kind == "choice":
            out[f.name] = _choice(values, f, problems)
        elif f.kind == "date":
            out[f.name] = _date(values, f.name, problems) if text else None
        elif f.kind == "int":
            out[f.name] = None
            if text:
                if not text.isdigit() or not 1 <= int(text) <= 9:
                    problems.append(_p("INPUT", f"“{f.zh}”须为 1–9 的整数：{text}",
                                       f"“{f.en}” must be a whole number 1-9: {text}", f.name))
                else:
                    out[f.name] = int(text)
        elif f.kind == "check":
            out[f.name] = text == "1"
        else:
            out[f.name] = text or None
    return out


def _row_where(group: str, i: int) -> str:
    return f"{'完成人' if group == 'c' else '经费来源'} 第 {i + 1} 行"


def _contributors(s: Any, values: dict[str, str], review: Review,
                  problems: list[Problem]) -> list[ContributorIn]:
    out: list[ContributorIn] = []
    shares: list[Decimal] = []
    role_field = spec.CONTRIBUTOR_FIELDS[4]
    for i in range(spec.CONTRIBUTOR_ROWS):
        row = {f.name: values.get(spec.row_field("c", i, f.name), "")
               for f in spec.CONTRIBUTOR_FIELDS}
        if not any(v for k, v in row.items() if k != "consent"):
            continue
        where = _row_where("c", i)
        staff_no, share_text = row["staff_no"], row["share"].rstrip("%").strip()
        if not staff_no:
            problems.append(_p("R2", f"{where}：“工号”未填写", f"{where}: staff no. missing",
                               "staff_no", where))
        try:
            share = Decimal(share_text)
            shares.append(share)
        except InvalidOperation:
            problems.append(_p("R1", f"{where}：“贡献比例”不是数字：{share_text}",
                               f"{where}: the share is not a number: {share_text!r}",
                               "share", where))
            share = Decimal(0)
        role = _choice(row, role_field, problems, where, "role") or "member"
        if staff_no:
            person = s.execute(select(Person).where(Person.staff_no == staff_no)).scalar()
            if person is None:
                review.unknown_people.append((i + 1, staff_no, row["name"],
                                              _near(s, row["name"])))
                problems.append(_p("INPUT", f"{where}：未找到工号 {staff_no}（{row['name']}），"
                                   "请先在基础数据中新建此人",
                                   f"{where}: no person with staff no. {staff_no} "
                                   f"({row['name']}); add them in master data first",
                                   "staff_no", where))
            out.append(ContributorIn(staff_no, share, role))
        if row["consent"] == "1":
            review.consents.append(f"{row['name'] or staff_no}")
    if not out and not any(p.field == "staff_no" for p in problems):
        problems.append(_p("R2", "至少需要一名完成人", "at least one contributor is required",
                           "contributors"))
    elif shares and len(shares) == len(out):
        problems += [_p(p.rule, p.zh, p.en, "share", "完成人") for p in shares_problems(shares)]
    return out


def _near(s: Any, name: str) -> str:
    """A hint for an unknown staff number: people of the same name already recorded."""
    if not name:
        return ""
    found = s.execute(select(Person.staff_no, Person.name).where(Person.name == name)
                      .limit(3)).all()
    return "、".join(f"{n}（{no}）" for no, n in found)


def _funding(values: dict[str, str], problems: list[Problem]) -> list[FundingIn]:
    out = []
    kind_field = spec.FUNDING_FIELDS[1]
    for i in range(spec.FUNDING_ROWS):
        row = {f.name: values.get(spec.row_field("f", i, f.name), "")
               for f in spec.FUNDING_FIELDS}
        if not any(row.values()):
            continue
        where = _row_where("f", i)
        if not row["programme"]:
            problems.append(_p("R2", f"{where}：“项目名称”未填写", f"{where}: programme missing",
                               "programme", where))
        kind = _choice(row, kind_field, problems, where, "funder_type")
        if not row["funder_type"]:
            problems.append(_p("R2", f"{where}：“资助类型”未填写",
                               f"{where}: funder type missing", "funder_type", where))
        if row["programme"] and kind:
            out.append(FundingIn(row["programme"], kind, row["project_no"] or None))
    return out


def _department(s: Any, text: str, problems: list[Problem]) -> None:
    if not text:
        return
    found = s.execute(select(Department.id).where(
        (Department.code == text) | (Department.name == text))).first()
    if found is None:
        problems.append(_p("INPUT", f"未找到院系“{text}”", f"no department {text!r}",
                           "department"))


def review(ctx: AppContext, path: str | Path, case_no: str | None = None) -> Review:
    """Read and check a returned form; `case_no` is the case the officer drops it on (a
    form issued for another case is refused)."""
    path = Path(path)
    values = read_file(path)
    form_id = values.get("form_id", "")
    issued_for = spec.case_of_form_id(form_id)
    if issued_for is None:
        raise _not_ours(path, f"表单编号“{form_id}”无效或被改动",
                        f"the form id {form_id!r} is invalid or was edited")
    if values.get("case_no", "") not in ("", issued_for):
        raise _not_ours(path, "表单编号与成果编号不符", "the form id and the case no. disagree")
    if case_no and issued_for != case_no:
        raise ValidationFailed([_p(RULE, f"此表单是为 {issued_for or '新成果'} 签发的，"
                                   f"不是 {case_no}", f"this form was issued for "
                                   f"{issued_for or 'a new case'}, not {case_no}", "form_id")])
    problems: list[Problem] = []
    result = Review(form_id, issued_for, None, returned=values)
    answers = _case_answers(values, problems)
    with ctx.read() as s:
        _department(s, values.get("department", ""), problems)
        people = _contributors(s, values, result, problems)
        if issued_for:
            a = s.execute(select(Achievement).where(Achievement.case_no == issued_for)).scalar()
            if a is None:
                problems.append(_p("INPUT", f"成果 {issued_for} 不存在",
                                   f"case {issued_for} does not exist", "case_no"))
            else:
                result.current = current_answers(a)
    funding = _funding(values, problems)
    if funding and answers.get("no_funding"):
        problems.append(_p("R2", "已列出经费来源，不能同时勾选“无经费资助”",
                           "funding listed: cannot also tick “no funding”", "no_funding"))
    if answers.get("disclosure_date") and answers["disclosure_date"] > ctx.today():
        problems.append(_p("R12", "披露日期不能晚于今天", "the disclosure date cannot be in "
                           "the future", "disclosure_date"))
    if answers.get("prior_disclosure"):
        result.prior_disclosure = answers.get("prior_disclosure_note") or "是 / yes"
    result.problems = problems
    if not problems:
        result.disclosure = DisclosureIn(
            title=answers["title"], kind=answers["kind"], department=values["department"],
            disclosure_date=answers["disclosure_date"], contributors=people, funding=funding,
            no_funding=bool(answers.get("no_funding")), title_en=answers.get("title_en"),
            field=answers.get("field"), abstract=answers.get("abstract"),
            trl=answers.get("trl"), research_stage=answers["research_stage"],
            secrecy=answers["secrecy"])
    return result


def current_answers(a: Achievement) -> dict[str, str]:
    """A case's answers in the form's field names, for the side-by-side view and for a form
    issued for the case."""
    out = {"title": a.title, "title_en": a.title_en or "", "kind": label(a.kind),
           "field": a.field or "", "department": a.department.name if a.department else "",
           "disclosure_date": a.disclosure_date.isoformat(), "trl": str(a.trl or ""),
           "research_stage": label(a.research_stage), "secrecy": label(a.secrecy),
           "abstract": a.abstract or "", "no_funding": "1" if a.no_funding else ""}
    for i, c in enumerate(a.contributions[:spec.CONTRIBUTOR_ROWS]):
        p = c.person
        out |= {spec.row_field("c", i, "staff_no"): p.staff_no,
                spec.row_field("c", i, "name"): p.name,
                spec.row_field("c", i, "department"): p.department.name if p.department else "",
                spec.row_field("c", i, "share"): f"{c.share.normalize():f}",
                spec.row_field("c", i, "role"): label(c.role)}
    for i, f in enumerate(a.funding_sources[:spec.FUNDING_ROWS]):
        out |= {spec.row_field("f", i, "programme"): f.programme,
                spec.row_field("f", i, "funder_type"): label(f.funder_type),
                spec.row_field("f", i, "project_no"): f.project_no or ""}
    return out


# ---- accepting ----------------------------------------------------------------------------

def accept(ctx: AppContext, path: str | Path, case_no: str | None = None) -> str:
    """Create or update the case from a returned form, keep the file with it, and note the
    inventors' statements; one unit of work. Returns the case number."""
    require(ctx, Act.CASE_WORK)
    result = review(ctx, path, case_no)
    if result.problems or result.disclosure is None:
        raise ValidationFailed(result.problems)
    d = result.disclosure
    cases.check_disclosure(d, ctx.today())
    stored = attachments.store_file(ctx, path)
    with ctx.write() as s:
        if result.case_no:
            a = cases.revise(s, result.case_no, _changes(d), d.contributors, d.funding,
                             d.no_funding)
        else:
            a = cases.new_case(s, d)
        attachments.record(s, ctx.actor, "achievement", a.id, stored,
                           f"披露表 {result.form_id}")
        for text in _statements(result):
            notes.add_in(s, "achievement", a.id, text, ctx.today(), ctx.actor)
        return a.case_no


def _changes(d: DisclosureIn) -> dict[str, Any]:
    return {"title": d.title, "title_en": d.title_en, "kind": d.kind, "field": d.field,
            "department": d.department, "disclosure_date": d.disclosure_date,
            "trl": d.trl, "research_stage": d.research_stage, "secrecy": d.secrecy,
            "abstract": d.abstract}


def _statements(r: Review) -> list[str]:
    out = []
    if r.prior_disclosure:
        out.append(f"披露表声明已公开发表或披露：{r.prior_disclosure}")
    if r.consents:
        out.append("披露表中确认的完成人：" + "、".join(r.consents))
    return out


def issue_values(ctx: AppContext, case_no: str | None) -> tuple[str, dict[str, str]]:
    """A new form id and the answers to print into a form issued for `case_no` (none for a
    new case); the CLI and the app write them into the PDF or the template."""
    from ttdesk.core.base import lookup

    answers: dict[str, str] = {}
    if case_no:
        with ctx.read() as s:
            answers = current_answers(lookup.achievement(s, case_no))
    form_id = spec.new_form_id(case_no)
    return form_id, {"form_id": form_id, "case_no": case_no or ""} | answers
