"""Spin-off follow-up in the app: a company's milestones recorded on its page move the
dashboard's Action Plan tile; the tile opens the list behind it; the 转化创办企业 list and the
technology managers' workload show the core's figures. Screenshots are saved for a look."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from sqlalchemy import text

from ttdesk.core.base.context import AppContext
from ttdesk.core.views import action_plan, spinoffs, workload
from ttdesk.ui.app.main_window import MainWindow
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.companies.company_page import CompanyPage
from ttdesk.ui.dashboard.page import DashboardPage
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.kit.ops import reading
from ttdesk.ui.managers.page import WorkloadPage

SHOTS = Path(os.environ.get("TTDESK_SHOTS", "")) if os.environ.get("TTDESK_SHOTS") else None


def _shot(widget, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))


def _candidate(ctx: AppContext) -> tuple[int, str, str]:
    """A spin-off registered before this year without any 专精特新 recognition yet."""
    with ctx.db.engine.connect() as c:
        row = c.execute(text("""SELECT id, name, credit_code FROM company WHERE is_spinoff
            AND registration_date < '2026-01-01' AND id NOT IN (SELECT company_id FROM
            company_milestone WHERE kind IN ('zjtx', 'little_giant')) ORDER BY id""")).first()
    assert row is not None
    return int(row[0]), row[1], row[2]


def test_milestones_recorded_on_the_company_move_the_dashboard_tile(
        qtbot, demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    ctx.today = lambda: date(2026, 12, 3)
    bus = DataBus()
    dash = DashboardPage(ctx, bus)
    qtbot.addWidget(dash)
    dash.resize(1280, 1000)
    qtbot.waitUntil(lambda: dash.figures is not None, timeout=20000)
    before = dash.figures.plan.tile("zjtx").actual
    assert dash.plan_box.tiles["zjtx"].value.text().startswith(f"{before:,} / ")
    company_id, _name, code = _candidate(ctx)
    page = CompanyPage(ctx, bus, company_id)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    qtbot.waitUntil(lambda: not reading(page) and page.page is not None, timeout=10000)
    box = page.followup
    assert box.credit_code == code
    rows_before = box.milestones.rowCount()
    dialog = box.add_milestone()
    dialog.field("kind").setCurrentIndex(dialog.field("kind").findData("zjtx"))
    dialog.field("happened_on").setDate(date(2026, 6, 18))
    assert dialog.try_accept(), dialog.error_text()
    qtbot.waitUntil(lambda: box.milestones.rowCount() == rows_before + 1, timeout=10000)
    # a financing with a government fund, then a refused one (investors on a first order)
    dialog = box.add_milestone()
    dialog.field("kind").setCurrentIndex(dialog.field("kind").findData("financing"))
    dialog.field("happened_on").setDate(date(2026, 3, 2))
    dialog.field("amount").setText("20,000,000")
    dialog.field("investors").setText("北京高精尖产业发展基金")
    dialog.field("government_fund").setChecked(True)
    assert dialog.try_accept(), dialog.error_text()
    bad = box.add_milestone()
    bad.field("investors").setText("某基金")
    assert not bad.try_accept()
    assert "投资方" in bad.error_text()
    bad.reject()
    qtbot.waitUntil(lambda: box.milestones.rowCount() == rows_before + 2, timeout=10000)
    _shot(box, "company_followup")
    qtbot.waitUntil(lambda: dash.figures.plan.tile("zjtx").actual == before + 1, timeout=20000)
    qtbot.waitUntil(lambda: dash.plan_box.tiles["zjtx"].value.text().startswith(
        f"{before + 1:,} / "), timeout=5000)
    assert action_plan.action_plan(ctx, 2026).tile("zjtx").actual == before + 1
    _shot(dash, "dashboard_action_plan")


def test_each_tile_opens_the_list_behind_it(qtbot, demo_ctx: AppContext,
                                            ui_settings: UiSettings) -> None:
    ctx = demo_ctx
    win = MainWindow(ctx, settings=ui_settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    dash = win.area("dashboard")
    qtbot.waitUntil(lambda: dash.figures is not None, timeout=20000)
    plan = dash.figures.plan
    for key, area in (("companies", "spinoffs"), ("zjtx", "spinoffs"), ("contracts", "deals"),
                      ("funnel_disclosures", "achievements"), ("funnel_deals", "deals")):
        win.go("dashboard")
        dash.plan_box.tiles[key].clicked.emit()
        page = win.area(area)
        assert win.pages.currentIndex() == win.pages.indexOf(page.parentWidget())
        expected = (plan.tile(key).actual if not key.startswith("funnel_")
                    else getattr(plan.funnel, key.removeprefix("funnel_")))
        qtbot.waitUntil(lambda p=page, n=expected: p.model.rowCount() == n, timeout=10000)
    spin = win.go("spinoffs")
    spin.clear_filters()
    qtbot.waitUntil(lambda: spin.model.rowCount() == spinoffs.count_spinoffs(ctx),
                    timeout=10000)
    _shot(win, "spinoff_list")


def test_the_workload_view_shows_the_cores_figures(qtbot, demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    with ctx.db.engine.begin() as c:
        c.execute(text("UPDATE person SET tech_manager_level = 'intermediate', "
                       "tech_manager_cert_no = 'JSJL-' || id WHERE id IN "
                       "(SELECT id FROM person ORDER BY id LIMIT 4)"))
        c.execute(text("UPDATE achievement SET manager_id = (SELECT min(id) FROM person) "
                       "+ (id % 4)"))
        c.execute(text("UPDATE deal SET manager_id = (SELECT min(id) FROM person) + (id % 4)"))
    page = WorkloadPage(ctx, DataBus())
    qtbot.addWidget(page)
    page.resize(1100, 500)
    expected = workload.manager_workload(ctx)
    qtbot.waitUntil(lambda: page.rows == expected, timeout=10000)
    assert sum(r.cert_no.startswith("JSJL-") and r.level is not None for r in expected) >= 4
    row = next(i for i, r in enumerate(page.rows) if r.cert_no == "JSJL-1")
    shown = [page.model.data(page.model.index(row, c)) for c in range(page.model.columnCount())]
    assert shown[2] == "中级" and shown[4] == str(page.rows[row].open_cases)
    _shot(page, "workload")



def test_a_case_names_its_manager_with_a_picker_of_managers_and_new(
        qtbot, demo_ctx: AppContext) -> None:
    from ttdesk.core.people import persons
    from ttdesk.ui.case.case_page import CasePage

    ctx = demo_ctx
    with ctx.db.engine.connect() as c:
        case_no = c.execute(text("SELECT case_no FROM achievement WHERE status NOT IN "
                                 "('archived', 'released') ORDER BY id")).scalar()
        (m_no, m_name), (p_no, p_name) = c.execute(text(
            "SELECT staff_no, name FROM person ORDER BY id LIMIT 2")).all()
    persons.edit(ctx, m_no, {"tech_manager_level": "senior", "tech_manager_cert_no": "JS-9"})
    page = CasePage(ctx, DataBus(), case_no)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.actions.record is not None, timeout=10000)
    dialog = page.actions.trigger("manager")
    picker = dialog.form.inputs["manager_id"]
    lines = picker.search(m_name[:1])
    assert any(m_no in line and "高级" in line for line in lines)
    assert not any(p_no in line for line in picker.search(p_name))  # not a manager
    picker.choose(next(line for line in picker.search(m_name) if m_no in line))
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _manager_of(ctx, case_no) == m_no
    # 新建…: a new person made a (junior) manager inline, then named
    dialog = page.actions.trigger("manager")
    picker = dialog.form.inputs["manager_id"]
    picker.create_new("柯新")
    form = picker.dialog
    assert form.field("tech_manager_level").currentData() == "junior"
    form.field("staff_no").setText("EXT-M01")
    assert form.try_accept(), form.error_text()
    assert picker.key() == "EXT-M01"
    dialog.submit()
    assert _manager_of(ctx, case_no) == "EXT-M01"


def _manager_of(ctx: AppContext, case_no: str) -> str | None:
    with ctx.db.engine.connect() as c:
        return c.execute(text("SELECT p.staff_no FROM achievement a JOIN person p "
                              "ON p.id = a.manager_id WHERE a.case_no = :n"),
                         {"n": case_no}).scalar()


def test_the_yearly_targets_are_edited_in_settings_and_shown_on_the_dashboard(
        qtbot, demo_ctx: AppContext, ui_settings: UiSettings) -> None:
    from ttdesk.ui.settings.page import SettingsPage

    ctx = demo_ctx
    page = SettingsPage(ctx, DataBus(), ui_settings)
    qtbot.addWidget(page)
    table = page.policy_form.action_plan_targets
    qtbot.waitUntil(lambda: table.box(2026, "zjtx").value() == 2)  # the default policy's
    box = table.box(2026, "zjtx")
    box.setValue(9)
    assert page.save_policy()
    assert action_plan.action_plan(ctx, 2026).tile("zjtx").target == 9
    assert action_plan.action_plan(ctx, 2026).tile("companies").target == 6  # kept
    page.resize(1100, 1000)
    page.show()
    _shot(table, "settings_targets")


def test_support_received_is_recorded_on_the_case(qtbot, demo_ctx: AppContext) -> None:
    from ttdesk.core.companies import support
    from ttdesk.ui.case.case_page import CasePage

    ctx = demo_ctx
    with ctx.db.engine.connect() as c:
        case_no = c.execute(text("SELECT case_no FROM achievement WHERE status NOT IN "
                                 "('archived', 'released') ORDER BY id")).scalar()
    before = len(support.of_case(ctx, case_no))
    page = CasePage(ctx, DataBus(), case_no)
    qtbot.addWidget(page)
    page.show()
    page.show_tab("funding")
    tab = page.funding
    qtbot.waitUntil(lambda: tab.actions.record is not None, timeout=10000)
    dialog = tab.actions.trigger("add_support")
    kind = dialog.form.inputs["support_kind"]
    kind.setCurrentIndex(kind.findData("innovation_voucher"))
    dialog.submit()  # no provider: refused under its field, nothing written
    assert dialog.isVisible() and "提供方" in dialog.form.error_text()
    dialog.form.inputs["provider"].setText("北京市科学技术委员会")
    dialog.form.inputs["amount"].setText("200,000")
    dialog.submit()
    assert not dialog.isVisible()
    rows = support.of_case(ctx, case_no)
    assert len(rows) == before + 1 and rows[-1].amount == 200000
    qtbot.waitUntil(lambda: tab.supports.rowCount() == before + 1, timeout=10000)
    assert tab.supports.item(before, 0).text() == "创新券"
