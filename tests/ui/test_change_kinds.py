"""The core says what changed and the open screens follow: signing a deal through the case
page's action buttons puts its registration deadline on the 待办 list with no manual
refresh; the bus hears exactly the kinds the unit of work reported, also for a long write on
the worker; a page read paints only its newest result."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from tests.ui.test_case_workflows import act
from tests.ui.test_case_world import make_case_deal, make_world
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import TTDeskError
from ttdesk.core.deals import deals
from ttdesk.core.views.case_detail import case_detail
from ttdesk.ui.app.main_window import MainWindow
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.case.case_page import CasePage
from ttdesk.ui.kit.bus import ACHIEVEMENTS, DEADLINES, DEALS, DataBus
from ttdesk.ui.kit.ops import read_op, reading, run_write_op, wait_for_reads, write_op
from ttdesk.ui.lists.page import ListPage


def _refs(page: ListPage) -> list[str]:
    col = page.spec.column_index("subject_ref")
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_signing_in_the_app_puts_the_new_deadline_on_the_todo_list(
        qtbot: QtBot, ctx: AppContext, ui_settings: UiSettings) -> None:
    codes = make_world(ctx, today=date(2026, 11, 21))
    case_no, deal_no = make_case_deal(ctx, codes[0], pricing="listing")
    deals.update_terms(ctx, deal_no, {"exchange_reference": "BJTE-2026-0815"})
    win = MainWindow(ctx, settings=ui_settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    todo = win.go("deadlines")
    assert isinstance(todo, ListPage)
    assert deal_no not in _refs(todo)
    page = win.open_case(case_no, deal_no)
    assert isinstance(page, CasePage)
    heard: list[str] = []
    win.bus.changed.connect(lambda kind, _rid: heard.append(kind))
    act(qtbot, page.deals.actions, "submit")
    act(qtbot, page.deals.actions, "approve", body="技术转移中心", on=date(2026, 11, 2))
    assert deal_no not in _refs(todo)  # no deadline yet: nothing to show
    heard.clear()
    act(qtbot, page.deals.actions, "sign", on=date(2026, 11, 3))
    assert DEADLINES in heard and DEALS in heard  # said by the core, not by the button
    qtbot.waitUntil(lambda: deal_no in _refs(todo), timeout=5000)
    row = _refs(todo).index(deal_no)
    title = todo.model.index(row, todo.spec.column_index("title")).data()
    assert "技术合同认定登记" in title


def test_write_op_announces_what_the_unit_of_work_reported(qtbot: QtBot,
                                                          ctx: AppContext) -> None:
    codes = make_world(ctx)
    case_no, _ = make_case_deal(ctx, codes[0])
    case_id = case_detail(ctx, case_no).id
    bus = DataBus()
    heard: list[tuple[str, int]] = []
    bus.changed.connect(lambda kind, rid: heard.append((kind, rid)))
    new_deal = write_op(ctx, bus, deals.create, ctx, deals.DealIn(
        title="许可", mode="license_nonexclusive", achievements=[case_no]))
    assert new_deal.startswith("HT-")
    kinds = {k for k, _ in heard}
    assert kinds == {DEALS, ACHIEVEMENTS} and (ACHIEVEMENTS, case_id) in heard
    heard.clear()
    with pytest.raises(TTDeskError):  # refused: nothing written, nothing announced
        write_op(ctx, bus, deals.sign, ctx, new_deal, date(2026, 11, 3))
    assert heard == []


def test_a_long_write_on_the_worker_announces_its_kinds(qtbot: QtBot, ctx: AppContext) -> None:
    codes = make_world(ctx)
    case_no, _ = make_case_deal(ctx, codes[0])
    bus = DataBus()
    heard: list[str] = []
    bus.changed.connect(lambda kind, _rid: heard.append(kind))
    worker: list[str] = []

    def work(_progress: object, _cancelled: object) -> str:
        worker.append(threading.current_thread().name)
        return deals.create(ctx, deals.DealIn(title="许可", mode="license_nonexclusive",
                                              achievements=[case_no]))

    op = run_write_op(None, "…", ctx, bus, work, show_dialog=False)
    with qtbot.waitSignal(op.finished, timeout=10000):
        pass
    assert worker and worker[0] != threading.main_thread().name
    assert set(heard) == {DEALS, ACHIEVEMENTS}


def test_only_the_newest_page_read_paints(qtbot: QtBot) -> None:
    owner = DataBus()  # any QObject can own page reads
    release = threading.Event()
    painted: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "old"

    read_op(owner, slow, painted.append)
    read_op(owner, lambda: "new", painted.append)
    qtbot.waitUntil(lambda: painted == ["new"])
    release.set()
    qtbot.waitUntil(lambda: not reading(owner))
    wait_for_reads()
    assert painted == ["new"]


def test_a_failed_read_goes_to_on_error_and_a_gone_owner_gets_nothing(qtbot: QtBot) -> None:
    owner = DataBus()
    errors: list[BaseException] = []
    painted: list[object] = []

    def broken() -> object:
        raise TTDeskError("读取失败 / read failed")

    read_op(owner, broken, painted.append, errors.append)
    qtbot.waitUntil(lambda: not reading(owner))
    assert painted == [] and len(errors) == 1
    gone = DataBus()
    release = threading.Event()
    read_op(gone, lambda: release.wait(5), painted.append)
    gone.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(gone))
    release.set()
    wait_for_reads()
    assert painted == []


def test_no_widget_announces_by_hand() -> None:
    """Only `ui.kit.ops` speaks on the bus: widgets run services through `write_op`."""
    root = Path(__file__).resolve().parents[2] / "ttdesk" / "ui"
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name != "ops.py" and ".announce(" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_a_money_panel_reloads_for_its_own_deal_only(qtbot: QtBot, ctx: AppContext) -> None:
    from core.money.conftest import signed_licence

    from ttdesk.core.money import receipts
    from ttdesk.ui.deals.money_panel import DealMoneyPanel

    ctx.today = lambda: date(2026, 11, 20)
    one, other = signed_licence(ctx).deal, signed_licence(ctx).deal
    bus = DataBus()
    panels = [DealMoneyPanel(ctx, bus, d.deal_no) for d in (one, other)]
    for panel in panels:
        qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: all(p.page is not None for p in panels))
    shown = [p.page for p in panels]
    write_op(ctx, bus, receipts.add_receipt, ctx,
             receipts.ReceiptIn(one.deal_no, date(2026, 4, 1), "1000.00"))
    assert reading(panels[0]) and not reading(panels[1])
    qtbot.waitUntil(lambda: panels[0].receipts.rowCount() == 1)
    assert panels[1].page is shown[1] and panels[1].receipts.rowCount() == 0
