"""A deal created and moved entirely in the app, its due-diligence checklist ticked on the
deal page, the 报批稿 printed before the approval, then the final F04 (domain.md §6)."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from tests.core.deals.test_diligence import KEYS, page_bodies
from tests.ui.test_case_workflows import act, enabled, open_page
from tests.ui.test_case_world import make_case, make_world
from ttdesk.codes import DealStatus
from ttdesk.core.base.context import AppContext
from ttdesk.core.office import institution
from ttdesk.core.views.case_detail import case_detail
from ttdesk.core.views.deal_detail import deal_detail
from ttdesk.ui.filings.panel import FilingsPanel


def _filings(qtbot: QtBot, tab) -> FilingsPanel:
    tab.sub.setCurrentIndex(tab.filings_index)
    panel = tab.sub.widget(tab.filings_index).findChild(FilingsPanel) or \
        tab.sub.widget(tab.filings_index)
    assert isinstance(panel, FilingsPanel)
    index = [panel.form.itemData(i)[0] for i in range(panel.form.count())].index("F04")
    panel.form.setCurrentIndex(index)
    return panel


def _run(qtbot: QtBot, panel: FilingsPanel, button) -> object:
    with qtbot.waitSignal(panel.generated, timeout=30000) as blocker:
        button.click()
    return blocker.args[0]


def test_f04_for_a_deal_made_in_the_app_after_its_checklist(qtbot: QtBot, ctx: AppContext,
                                                            tmp_path) -> None:
    codes = make_world(ctx)
    institution.save_profile(ctx, institution.InstitutionProfile("北京某某大学"))
    case_no = make_case(ctx)
    page = open_page(qtbot, ctx, case_no)
    act(qtbot, page.actions, "assess")
    page.show_tab("deals")
    tab = page.deals
    act(qtbot, tab.new_bar, "new_deal", title="固态电解质专利转让", mode="transfer",
        counterparty=codes[0], pricing_method="listing", price="480000")
    deal_no = case_detail(ctx, case_no).deals[0].deal_no
    assert page.status.text() == "状态：转化中"  # the case followed its new deal
    tab.select(deal_no)
    act(qtbot, tab.actions, "due_diligence")
    assert tab.diligence.rowCount() == len(KEYS)
    assert tab.diligence.item(0, 1).text() == "—"
    for i, key in enumerate(KEYS):
        act(qtbot, tab.records, "diligence", item=key, on=date(2026, 10, 10 + i),
            by="刘晨", note=f"第{i + 1}项已核查")
    assert [tab.diligence.item(r, 1).text() for r in range(len(KEYS))] == ["✓"] * len(KEYS)
    assert tab.diligence.item(5, 2).text() == "2026-10-15"
    tab.sub.setCurrentWidget(tab.diligence)
    page.grab().save(str(tmp_path / "deal_diligence.png"))
    act(qtbot, tab.records, "terms", exchange_reference="BJTE-2026-0815", price="480000")
    act(qtbot, tab.actions, "submit")
    panel = _filings(qtbot, tab)
    assert panel.draft_button.isEnabled()
    got = _run(qtbot, panel, panel.generate_button)  # refused: no approval yet
    assert isinstance(got, Exception) and "审批记录" in panel.message.text()
    draft = _run(qtbot, panel, panel.draft_button)
    assert isinstance(draft, bytes) and panel.table.rowCount() == 0  # nothing archived
    assert "草稿/DRAFT" in "".join(page_bodies(draft))
    assert panel.preview.page_count() >= 1
    shot = tmp_path / "draft_f04.png"
    panel.grab().save(str(shot))
    act(qtbot, tab.actions, "approve", body="技术转移中心", on=date(2026, 10, 30))
    panel = _filings(qtbot, tab)
    final = _run(qtbot, panel, panel.generate_button)
    body = "".join(page_bodies(final.content))
    assert "草稿/DRAFT" not in body and "第6项已核查" in body and "2026年10月15日" in body
    assert final.record.serial_no in "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(final.content)).pages).replace(" ", "")
    act(qtbot, tab.actions, "sign", on=date(2026, 11, 2))
    assert deal_detail(ctx, deal_no).status == DealStatus.SIGNED
    page.reload()
    assert page.status.text() == "状态：已转化"
    assert "diligence" not in enabled(tab.records)  # fixed once approved
