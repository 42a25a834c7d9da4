"""First start, settings page and settings object, dashboard, translations, crash dialog."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from ttdesk import __main__ as entry
from ttdesk.core.base.context import AppContext
from ttdesk.core.office import institution
from ttdesk.core.office.institution import InstitutionProfile
from ttdesk.core.office.setup import open_context
from ttdesk.core.views import DeadlineFilter, DeadlineState, count_deadlines
from ttdesk.ui.app.first_start import FirstStartDialog
from ttdesk.ui.app.i18n import install_translators, translations_dir
from ttdesk.ui.app.main_window import MainWindow
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.dashboard.page import DashboardPage
from ttdesk.ui.kit.bus import DataBus
from ttdesk.ui.settings.page import SettingsPage


def test_settings_persist_between_instances(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    first = UiSettings(path)
    assert (first.language, first.last_page, first.first_start_done) == ("zh", "dashboard", False)
    first.language = "en"
    first.last_page = "deals"
    first.first_start_done = True
    first.sync()
    again = UiSettings(path)
    assert (again.language, again.last_page, again.first_start_done) == ("en", "deals", True)
    with pytest.raises(ValueError):
        again.language = "fr"


def test_first_start_saves_profile_and_policy_in_one_step(qtbot: QtBot, ctx: AppContext) -> None:
    assert institution.get_profile(ctx) is None
    dialog = FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.policy_form.publicity_days.value() == 15  # Beijing default shown
    dialog.profile_form.name.setText("北京理工科技大学")
    dialog.profile_form.tto_name.setText("技术转移中心")
    dialog.policy_form.publicity_days.setValue(20)
    assert dialog.save() is True
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert institution.get_profile(ctx) == InstitutionProfile(
        "北京理工科技大学", None, "技术转移中心", None, None)
    pol = institution.current_policy(ctx)
    assert pol.publicity_days == 20 and pol.number == 2


def test_first_start_refusal_shows_next_to_the_field_and_writes_nothing(
        qtbot: QtBot, ctx: AppContext) -> None:
    dialog = FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.policy_form.team_share_min_income.setValue(40)  # below the national floor
    dialog.profile_form.name.setText("某大学")
    assert dialog.save() is False
    error = dialog.policy_form.errors["team_share_min_income"]
    assert error.isVisible() and "50" in error.text()
    assert institution.get_profile(ctx) is None
    assert institution.current_policy(ctx).number == 1
    dialog.profile_form.name.setText("")
    dialog.policy_form.team_share_min_income.setValue(70)
    assert dialog.save() is False
    assert dialog.profile_form.errors["name"].isVisible()


def test_first_start_belongs_to_the_database(qtbot: QtBot, ctx: AppContext,
                                             ui_settings: UiSettings, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: shown.append("dialog") or 0)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: shown.append("demo") or QMessageBox.StandardButton.No)
    ui_settings.first_start_done = True  # an old settings file must not skip a new database
    win = MainWindow(ctx, settings=ui_settings)
    qtbot.addWidget(win)
    win.first_start()
    assert shown == ["dialog", "demo"]
    institution.save_profile(ctx, institution.InstitutionProfile(name="某大学"))
    shown.clear()
    win.first_start()
    assert shown == ["demo"]  # this database has its profile: no second walk-through
    other = open_context(f"sqlite:///{tmp_path / 'second.db'}", migrate_backup=False)
    try:
        win2 = MainWindow(other, settings=ui_settings)
        qtbot.addWidget(win2)
        shown.clear()
        win2.first_start()
        assert shown == ["dialog", "demo"]  # a second, new database gets it too
    finally:
        other.db.dispose()


def test_settings_page_saves_profile_policy_calendar_and_language(
        qtbot: QtBot, ctx: AppContext, ui_settings: UiSettings) -> None:
    bus = DataBus()
    page = SettingsPage(ctx, bus, ui_settings)
    qtbot.addWidget(page)
    page.show()
    url = page.findChild(QLabel, "database_url")
    assert url is not None and url.text().endswith("test.db")
    page.profile_form.name.setText("北京某大学")
    with qtbot.waitSignal(bus.changed):
        assert page.save_profile()
    assert institution.get_profile(ctx).name == "北京某大学"  # type: ignore[union-attr]
    page.policy_form.long_term_use_min_years.setValue(12)
    assert page.save_policy()
    assert institution.current_policy(ctx).long_term_use_min_years == 12
    assert "第 2 版" in page.policy_note.text()
    cal = page.calendar
    year = int(cal.year.currentData())
    cal.table.setRowCount(0)
    cal.add_day(date(year, 10, 1), False)
    cal.add_day(date(year, 10, 11), True)
    assert cal.save()
    days = institution.calendar_year(ctx, year)
    assert [(d.day, d.is_workday) for d in days] == [(date(year, 10, 1), False),
                                                    (date(year, 10, 11), True)]
    page.language.setCurrentIndex(page.language.findData("en"))
    assert UiSettings(ui_settings.file_name()).language == "en"


def test_calendar_refuses_a_bad_date_and_keeps_the_year(
        qtbot: QtBot, ctx: AppContext, ui_settings: UiSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = SettingsPage(ctx, DataBus(), ui_settings)
    qtbot.addWidget(page)
    year = int(page.calendar.year.currentData())
    before = institution.calendar_year(ctx, year)
    told: list[str] = []
    monkeypatch.setattr("ttdesk.ui.settings.page.show_problem",
                        lambda _p, exc, _l: told.append(str(exc)))
    page.calendar.add_day(None, False)
    page.calendar.table.item(page.calendar.table.rowCount() - 1, 0).setText("2026-13-40")
    assert page.calendar.save() is False
    assert told and institution.calendar_year(ctx, year) == before


def test_dashboard_shows_kpis_and_deadlines(qtbot: QtBot, demo_ctx: AppContext) -> None:
    page = DashboardPage(demo_ctx, DataBus())
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        pass
    assert page.tiles["cases"].value.text() == "150"
    overdue = count_deadlines(demo_ctx, DeadlineFilter(state=DeadlineState.OVERDUE))
    assert page.tiles["overdue"].value.text() == f"{overdue:,}"
    assert page.deadline_models[DeadlineState.OVERDUE].rowCount() == overdue
    assert page.figures is not None
    assert sum(n for _s, n in page.figures.pipeline) == 150
    assert page.figures.kpis.income_this_year >= Decimal(0)
    assert sum(a + b for a, b in page.figures.companies_by_year.values()) > 0
    assert sum(page.figures.deals_by_mode.values()) > 0
    from PySide6.QtCharts import QChartView

    assert len(page.findChildren(QChartView)) == 4


def test_english_translation_is_installed_when_compiled(qtbot: QtBot) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    if not (translations_dir() / "ttdesk_en.qm").exists():
        pytest.skip("resources/i18n/ttdesk_en.qm not compiled (run scripts/i18n.sh)")
    locale = QLocale()
    installed = install_translators(app, "en")
    try:
        assert QCoreApplication.translate("MainWindow", "成果") == "Achievements"
        # a text lupdate filed under the empty context (a module-level tr() helper)
        assert QCoreApplication.translate("SomeDialog", "冲销日期") == "Reversal date"
    finally:
        for t in installed:
            app.removeTranslator(t)
        QLocale.setDefault(locale)
    assert QCoreApplication.translate("MainWindow", "成果") == "成果"


def test_crash_hook_logs_and_shows_a_dialog(monkeypatch: pytest.MonkeyPatch,
                                            qtbot: QtBot,
                                            caplog: pytest.LogCaptureFixture) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append(text))
    try:
        raise ValueError("模拟的错误")
    except ValueError as exc:
        entry._excepthook(ValueError, exc, exc.__traceback__)
    # An unexpected error: a short message naming its kind and the log, the details
    # (message and traceback) in the log only (issue 15: messages, not tracebacks).
    assert shown and "ValueError" in shown[0] and "ttdesk.log" in shown[0]
    assert "Traceback" not in shown[0]
    logged = [r for r in caplog.records if r.exc_info]
    assert logged and "模拟的错误" in str(logged[-1].exc_info[1])
    assert "PySide6.QtWidgets" in sys.modules


def test_settings_live_beside_the_data_with_ttdesk_home(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTDESK_HOME", str(tmp_path))
    settings = UiSettings()
    settings.last_page = "deals"
    settings.sync()
    assert Path(settings.file_name()) == tmp_path / "settings.ini"
    assert UiSettings().last_page == "deals"
