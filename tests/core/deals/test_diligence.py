"""Due diligence (domain.md §6): the checklist from the policy, ticked in the service and the
CLI; F04 needs it complete; the 报批稿 (draft F02/F04/F07) prints before the decision with
the watermark and no serial; a signature block never stands alone on the last page."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from pypdf import PdfReader

from tests.core.cases.test_workflow import _deal_in_approval
from tests.filings.pdftext import squash
from ttdesk.cli.main import main as cli
from ttdesk.core.base.errors import ValidationFailed
from ttdesk.core.deals import deals, diligence
from ttdesk.core.office import institution
from ttdesk.core.rules import policy
from ttdesk.filings.pdf import MARGIN_BOTTOM, MARGIN_TOP
from ttdesk.filings.service import draft, generate

KEYS = [i["key"] for i in policy.DEFAULT_POLICY["due_diligence_items"]]


def page_bodies(pdf: bytes) -> list[str]:
    """Each page's text inside the body frame (header and footer left out)."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        top, parts = float(page.mediabox.top) - MARGIN_TOP + 2, []

        def visit(text, cm, tm, *_, top=top, parts=parts):
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if MARGIN_BOTTOM - 2 <= y <= top:
                parts.append(text)

        page.extract_text(visitor_text=visit)
        out.append(squash("".join(parts)))
    return out


def footer(pdf: bytes) -> str:
    return squash("".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))


@pytest.fixture
def office(world):
    institution.save_profile(world, institution.InstitutionProfile("北京某某大学"))
    return world


def test_tick_items_and_f04_needs_every_one(office):
    deal_no = _deal_in_approval(office)
    deals.record_approval(office, deal_no, "技术转移中心", date(2026, 10, 30))
    with pytest.raises(ValidationFailed) as err:
        generate(office, "F04", deal_no)
    msg = " ".join(err.value.messages("zh"))
    assert "尽职调查清单未完成" in msg and "保密审查" in msg and "关联关系申报" in msg
    with pytest.raises(ValidationFailed):
        diligence.tick(office, deal_no, "no_such_item", date(2026, 10, 1))
    with pytest.raises(ValidationFailed):  # R12: not in the future (today is 2026-11-21)
        diligence.tick(office, deal_no, "ip_status", date(2026, 12, 1))
    for key in KEYS[:-1]:
        diligence.tick(office, deal_no, key, date(2026, 10, 12), "刘晨", "无异常")
    with pytest.raises(ValidationFailed) as err:
        generate(office, "F04", deal_no)
    assert "定价与估值依据" in " ".join(err.value.messages("zh"))
    diligence.tick(office, deal_no, KEYS[-1], date(2026, 10, 13), "王磊", "协议定价")
    rows = diligence.checklist(office, deal_no)
    assert all(r.done for r in rows) and rows[-1].by == "王磊"
    body = "".join(page_bodies(generate(office, "F04", deal_no).content))
    assert "定价与估值依据" in body and "2026年10月13日" in body and "王磊" in body


def test_checklist_items_come_from_the_policy(office):
    items = [*policy.DEFAULT_POLICY["due_diligence_items"],
             {"key": "export_control", "zh": "出口管制审查", "en": "Export control"}]
    institution.update_policy(office, {"due_diligence_items": items}, "加出口管制")
    deal_no = _deal_in_approval(office)
    assert [r.key for r in diligence.checklist(office, deal_no)] == [*KEYS, "export_control"]
    with pytest.raises(ValidationFailed):  # a duplicate key is refused
        institution.update_policy(office, {"due_diligence_items": items + items[-1:]}, "")


def test_draft_f04_before_approval_has_watermark_and_no_serial(office):
    deal_no = _deal_in_approval(office)
    for key in KEYS:
        diligence.tick(office, deal_no, key, date(2026, 10, 12), "刘晨")
    with pytest.raises(ValidationFailed):  # the final form waits for the approval
        generate(office, "F04", deal_no)
    pdf = draft(office, "F04", deal_no)
    body, foot = "".join(page_bodies(pdf)), footer(pdf)
    assert "草稿/DRAFT" in body
    assert "报批稿，未归档，无编号" in foot and "TTD-F04-" not in foot
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert "TTDesk-Draft" in meta["/Keywords"] and "Serial" not in meta["/Keywords"]
    with office.read() as s:  # nothing archived
        from sqlalchemy import func, select

        from ttdesk.db.models import Filing
        assert s.execute(select(func.count()).select_from(Filing)).scalar_one() == 0
    deals.record_approval(office, deal_no, "技术转移中心", date(2026, 10, 30))
    final = generate(office, "F04", deal_no)
    assert "草稿/DRAFT" not in "".join(page_bodies(final.content))
    assert final.record.serial_no in footer(final.content)


def test_draft_only_for_approval_forms(office):
    deal_no = _deal_in_approval(office)
    with pytest.raises(ValidationFailed):
        draft(office, "F06", deal_no)


def test_cli_ticks_and_prints_the_draft(office, tmp_path, capsys, monkeypatch):
    from builders import cli_login

    deal_no = _deal_in_approval(office)
    cli_login(office, monkeypatch)  # a server database asks the command to log in
    url = str(office.db.engine.url)
    assert cli(["--db", url, "diligence", deal_no, "--tick", "ip_status", "--on",
                "2026-10-01", "--by", "张敏", "--note", "专利有效"]) == 0
    assert cli(["--db", url, "diligence", deal_no, "--tick", "nope"]) == 2
    capsys.readouterr()
    assert cli(["--db", url, "diligence", deal_no, "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert not got["complete"]
    assert [i for i in got["items"] if i["done"]] == [{
        "key": "ip_status", "zh": "知识产权状态与权利负担", "en": "IP status and encumbrances",
        "done": True, "on": "2026-10-01", "by": "张敏", "note": "专利有效"}]
    for key in KEYS:
        cli(["--db", url, "diligence", deal_no, "--tick", key, "--on", "2026-10-02"])
    out = tmp_path / "draft.pdf"
    assert cli(["--db", url, "filing", "F04", deal_no, "--draft", "-o", str(out)]) == 0
    assert "草稿/DRAFT" in "".join(page_bodies(out.read_bytes()))
