"""The 数据库连接 tab: local file or office server, a connection test in words, the choice
saved owner-only for the app and the CLI, and a reopen."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from ttdesk.core.office import connection
from ttdesk.core.office.setup import resolve_url
from ttdesk.ui.kit.ops import reading
from ttdesk.ui.settings.connection import ConnectionPanel

SHOTS = os.environ.get("TTDESK_SHOTS")


@pytest.fixture(autouse=True)
def _own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """connection.json in this test's folder: a saved choice must not reach other tests."""
    monkeypatch.setenv("TTDESK_HOME", str(tmp_path))
    monkeypatch.delenv("TTDESK_DB", raising=False)


def _panel(qtbot, restarts: list[int] | None = None) -> ConnectionPanel:
    seen = restarts if restarts is not None else []
    panel = ConnectionPanel("zh", restart=lambda: seen.append(1))
    qtbot.addWidget(panel)
    panel.resize(760, 560)
    panel.show()
    return panel


def _fill(panel: ConnectionPanel, url: str) -> None:
    parsed = make_url(url)
    panel.server.setChecked(True)
    panel.host.setText(parsed.host or "")
    panel.port.setValue(int(parsed.port or 5432))
    panel.database.setText(parsed.database or "")
    panel.user.setText(parsed.username or "")
    panel.password.setText("s3cret 密码")


def _tested(qtbot, panel: ConnectionPanel) -> str:
    panel.test_button.click()
    qtbot.waitUntil(lambda: not reading(panel), timeout=15000)
    return panel.result.text()


def test_local_by_default_with_the_server_fields_off(qtbot) -> None:
    panel = _panel(qtbot)
    assert panel.local.isChecked() and not panel.server_fields.isEnabled()
    assert not panel.test_button.isEnabled()
    panel.server.setChecked(True)
    assert panel.server_fields.isEnabled() and panel.test_button.isEnabled()


@pytest.mark.postgres
def test_the_connection_test_says_what_it_found(qtbot, pg_url: str, any_ctx) -> None:
    panel = _panel(qtbot)
    _fill(panel, pg_url)
    assert "已连接 PostgreSQL 15" in _tested(qtbot, panel)
    assert "数据库还是空的" in panel.result.text() and "server init" in panel.result.text()

    if not any_ctx.db.is_sqlite:  # a migrated database: the schema fits
        _fill(panel, any_ctx.db.engine.url.render_as_string(hide_password=False))
        assert "数据库结构与本程序一致" in _tested(qtbot, panel)
        if SHOTS:
            panel.grab().save(str(Path(SHOTS) / "settings_connection.png"))

    _fill(panel, pg_url)
    panel.database.setText("no_such_db")
    assert "没有数据库“no_such_db”" in _tested(qtbot, panel)
    panel.port.setValue(1)
    assert "无法连接到" in _tested(qtbot, panel)


def test_the_choice_is_saved_owner_only_and_opens_the_server(qtbot) -> None:
    restarts: list[int] = []
    panel = _panel(qtbot, restarts)
    _fill(panel, "postgresql+psycopg://ttdesk_app@10.20.1.5:5433/tto")
    panel.lock_timeout.setValue(8)
    panel.reopen_button.click()
    assert restarts == [1]
    saved = connection.path()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    choice = connection.load()
    assert (choice.mode, choice.host, choice.port, choice.database, choice.user,
            choice.password) == ("server", "10.20.1.5", 5433, "tto", "ttdesk_app", "s3cret 密码")
    assert choice.timeouts().lock == 8
    url = make_url(resolve_url(None))  # what the app and the CLI open now
    assert (url.host, url.port, url.database, url.password) == ("10.20.1.5", 5433, "tto",
                                                               "s3cret 密码")
    assert "s3cret" not in choice.shown_url()
    again = _panel(qtbot)  # the tab shows what is saved
    assert again.server.isChecked() and again.host.text() == "10.20.1.5"
    again.local.setChecked(True)
    assert again.save()
    assert resolve_url(None).startswith("sqlite:")


def test_an_incomplete_address_is_refused_and_nothing_saved(qtbot,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    shown: list[str] = []
    monkeypatch.setattr("ttdesk.ui.settings.connection.show_problem",
                        lambda _p, exc, lang: shown.extend(exc.messages(lang)))
    panel = _panel(qtbot)
    panel.server.setChecked(True)
    panel.host.setText("")
    assert not panel.save()
    assert shown and "主机" in shown[0]
    assert not connection.path().exists()
