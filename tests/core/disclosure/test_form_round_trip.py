"""The disclosure form out and back (issue 18): a form generated, filled as a PDF reader (or
Excel) saves it, imported, and the case equals what was filled; a form for a case updates it;
forms that are not ours, for another case or with an edited id are refused; every bad answer
is listed by its field and nothing is written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from builders import make_department, make_person

from ttdesk import codes as E
from ttdesk.core.activity import attachments
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.disclosure import form_spec as spec
from ttdesk.core.disclosure import form_xlsx, intake
from ttdesk.core.views.case_detail import case_detail
from ttdesk.db import models as M
from ttdesk.filings.disclosure_pdf import blank_form, filled, issued_form

TODAY = date(2026, 11, 20)


@pytest.fixture
def world(ctx: AppContext) -> dict:
    ctx.today = lambda: TODAY
    dept = make_department(ctx, code="D07", name="材料学院")
    wang = make_person(ctx, dept, staff_no="T1001", name="王芳")
    li = make_person(ctx, dept, staff_no="T1002", name="李雷")
    return {"dept": dept, "wang": wang, "li": li}


def _answers(form_id: str, **over: str | bool) -> dict[str, str | bool]:
    values: dict[str, str | bool] = {
        "form_id": form_id, "title": "一种柔性钙钛矿太阳能电池", "title_en": "Flexible cell",
        "kind": "发明专利", "field": "新能源", "department": "材料学院",
        "disclosure_date": "2026-09-01", "trl": "4", "research_stage": "研究阶段",
        "secrecy": "不涉密", "abstract": "第一行\n第二行", "prior_disclosure": True,
        "prior_disclosure_note": "2026-06 国际会议海报",
        "c1_staff_no": "T1001", "c1_name": "王芳", "c1_share": "60", "c1_role": "负责人",
        "c1_consent": True,
        "c2_staff_no": "T1002", "c2_name": "李雷", "c2_share": "40", "c2_role": "成员",
        "f1_programme": "国家自然科学基金面上项目", "f1_funder_type": "国家级",
        "f1_project_no": "52070001"}
    return values | over


def _choice_labels(values: dict[str, str | bool]) -> dict[str, str | bool]:
    """The labels in the test are the Chinese ones the form lists; map them to whatever the
    catalogue calls them so the test does not hard-code a translation."""
    from ttdesk.core.base.labels import label

    names = {"kind": E.AchievementKind.INVENTION_PATENT, "research_stage": E.ResearchStage.RESEARCH,
             "secrecy": E.Secrecy.NONE, "c1_role": E.ContributorRole.LEAD,
             "c2_role": E.ContributorRole.MEMBER, "f1_funder_type": E.FunderType.NATIONAL}
    return values | {k: label(v) for k, v in names.items() if k in values}


def _pdf(tmp_path: Path, values: dict[str, str | bool], name: str = "returned.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(filled(blank_form(), _choice_labels(values)))
    return path


def _case_count(ctx: AppContext) -> int:
    with ctx.read() as s:
        return s.query(M.Achievement).count()


def test_a_pdf_form_comes_back_as_a_new_case(ctx: AppContext, world: dict,
                                             tmp_path: Path) -> None:
    form_id = spec.new_form_id(None)
    path = _pdf(tmp_path, _answers(form_id))
    case_no = intake.accept(ctx, path)
    c = case_detail(ctx, case_no)
    assert (c.title, c.title_en, c.kind, c.field) == (
        "一种柔性钙钛矿太阳能电池", "Flexible cell", E.AchievementKind.INVENTION_PATENT, "新能源")
    assert (c.disclosure_date, c.trl, c.abstract) == (date(2026, 9, 1), 4, "第一行\n第二行")
    assert [(p.staff_no, p.share) for p in c.contributors] == [
        ("T1001", Decimal("60.00")), ("T1002", Decimal("40.00"))]
    with ctx.read() as s:
        a = s.query(M.Achievement).filter_by(case_no=case_no).one()
        assert [(f.programme, f.funder_type, f.project_no) for f in a.funding_sources] == [
            ("国家自然科学基金面上项目", E.FunderType.NATIONAL, "52070001")]
        notes = [n.body for n in s.query(M.Note).filter_by(entity_id=a.id)]
    assert any("国际会议海报" in n for n in notes) and any("王芳" in n for n in notes)
    kept = attachments.listing(ctx, case_no)
    assert [k.filename for k in kept] == ["returned.pdf"] and form_id in (kept[0].note or "")


def test_the_xlsx_template_comes_back_as_a_new_case(ctx: AppContext, world: dict,
                                                    tmp_path: Path) -> None:
    form_id = spec.new_form_id(None)
    book = openpyxl.load_workbook(__import__("io").BytesIO(form_xlsx.template(form_id)))
    values = _choice_labels(_answers(form_id))
    main = book[form_xlsx.MAIN]
    for row in main.iter_rows(min_row=3):
        name = row[0].value
        if name in values:
            v = values[name]
            row[2].value = ("是" if v else "否") if isinstance(v, bool) else v
    for title, group, fields in ((form_xlsx.PEOPLE, "c", spec.CONTRIBUTOR_FIELDS),
                                 (form_xlsx.FUNDING, "f", spec.FUNDING_FIELDS)):
        ws = book[title]
        for i in range(3):
            for col, f in enumerate(fields, start=1):
                v = values.get(spec.row_field(group, i, f.name))
                if v is not None:
                    ws.cell(3 + i, col).value = ("是" if v else "") if isinstance(v, bool) else v
    # Excel turns a typed date and a number into typed cells
    for row in main.iter_rows(min_row=3):
        if row[0].value == "disclosure_date":
            row[2].value = date(2026, 9, 1)
    book[form_xlsx.PEOPLE].cell(3, 4).value = 60
    path = tmp_path / "returned.xlsx"
    book.save(path)
    case_no = intake.accept(ctx, path)
    c = case_detail(ctx, case_no)
    assert (c.title, c.kind, c.disclosure_date) == (
        "一种柔性钙钛矿太阳能电池", E.AchievementKind.INVENTION_PATENT, date(2026, 9, 1))
    assert [(p.staff_no, p.share) for p in c.contributors] == [
        ("T1001", Decimal("60.00")), ("T1002", Decimal("40.00"))]


def test_a_form_issued_for_a_case_updates_it_and_only_it(ctx: AppContext, world: dict,
                                                         tmp_path: Path) -> None:
    first = intake.accept(ctx, _pdf(tmp_path, _answers(spec.new_form_id(None))))
    form_id, values = intake.issue_values(ctx, first)
    assert values["title"] == "一种柔性钙钛矿太阳能电池" and values["c1_staff_no"] == "T1001"
    assert values["form_id"] == form_id and spec.case_of_form_id(form_id) == first
    issued = tmp_path / "issued.pdf"
    issued.write_bytes(issued_form(values))
    assert intake.read_file(issued)["case_no"] == first
    back = dict(values) | {"title": "柔性钙钛矿电池及其制备方法", "c1_share": "70",
                           "c2_share": "30"}
    returned = tmp_path / "back.pdf"
    returned.write_bytes(filled(issued.read_bytes(), {k: v for k, v in back.items()
                                                      if k in ("title", "c1_share",
                                                               "c2_share")}))
    review = intake.review(ctx, returned)
    assert review.case_no == first and review.current["title"] != review.returned["title"]
    assert intake.accept(ctx, returned, first) == first
    c = case_detail(ctx, first)
    assert c.title == "柔性钙钛矿电池及其制备方法"
    assert [p.share for p in c.contributors] == [Decimal("70.00"), Decimal("30.00")]
    assert _case_count(ctx) == 1
    other = intake.accept(ctx, _pdf(tmp_path, _answers(spec.new_form_id(None)), "2.pdf"))
    with pytest.raises(ValidationFailed, match=first):
        intake.accept(ctx, returned, other)  # dropped on the wrong case


def test_not_our_form_or_an_edited_id_is_refused(ctx: AppContext, world: dict,
                                                 tmp_path: Path) -> None:
    good = spec.new_form_id(None)
    edited = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(ValidationFailed) as refused:
        intake.review(ctx, _pdf(tmp_path, _answers(edited)))
    assert "无效或被改动" in refused.value.messages("zh")[0]
    from reportlab.pdfgen.canvas import Canvas

    other = tmp_path / "other.pdf"
    c = Canvas(str(other))
    c.drawString(100, 700, "a letter")
    c.save()
    with pytest.raises(ValidationFailed) as refused:
        intake.review(ctx, other)
    assert "不是 TT Desk 披露表" in refused.value.messages("zh")[0]
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(ValidationFailed) as refused:
        intake.review(ctx, text)
    assert "不是 TT Desk 披露表" in refused.value.messages("zh")[0]
    assert _case_count(ctx) == 0


def test_every_bad_answer_is_listed_by_its_field_and_nothing_is_written(
        ctx: AppContext, world: dict, tmp_path: Path) -> None:
    bad = _answers(spec.new_form_id(None), c2_share="30", department="",
                   disclosure_date="2026-02-30", title="",
                   c3_staff_no="T9999", c3_name="王芳", c3_share="0")
    path = _pdf(tmp_path, bad)
    review = intake.review(ctx, path)
    fields = {p.field for p in review.problems}
    assert {"title", "department", "disclosure_date", "staff_no"} <= fields
    messages = " ".join(p.message("zh") for p in review.problems)
    assert "成果名称" in messages and "所属院系" in messages and "2026-02-30" in messages
    assert "T9999" in messages
    assert review.unknown_people == [(3, "T9999", "王芳", "王芳（T1001）")]
    with pytest.raises(ValidationFailed):
        intake.accept(ctx, path)
    assert _case_count(ctx) == 0
    # shares that sum to 90 are R1, named on the contributors
    short = intake.review(ctx, _pdf(tmp_path, _answers(spec.new_form_id(None),
                                                       c2_share="30"), "short.pdf"))
    assert [p.rule for p in short.problems] == ["R1"]
    assert "100" in short.problems[0].message("zh")
