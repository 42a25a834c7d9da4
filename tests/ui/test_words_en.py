"""Texts that used to branch on `lang == "zh"` in widgets now come from tr() and the .ts:
Chinese without a translator, English with the compiled one."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from pytestqt.qtbot import QtBot

from ttdesk.ui.app.i18n import install_translators, translations_dir
from ttdesk.ui.dashboard.charts import MODE_GROUPS, group_name
from ttdesk.ui.dashboard.page import short_money
from ttdesk.ui.deals.money_panel import entry_state
from ttdesk.ui.lists.specs import CASES

REVERSAL = SimpleNamespace(reverses_id=5, reversed_by=None, distribution_id=None)
VALID = SimpleNamespace(reverses_id=None, reversed_by=None, distribution_id=None)


def texts() -> list[str]:
    return [entry_state(REVERSAL), entry_state(VALID), short_money(Decimal("1234567")),
            group_name(MODE_GROUPS[1][0]), CASES.filters[1].text()]


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    if not (translations_dir() / "ttdesk_en.qm").exists():
        pytest.skip("resources/i18n/ttdesk_en.qm not compiled (run scripts/i18n.sh)")
    locale = QLocale()
    installed = install_translators(app, "en")
    yield
    for t in installed:
        app.removeTranslator(t)
    QLocale.setDefault(locale)


def test_chinese_is_the_source(qtbot: QtBot) -> None:
    assert texts() == ["冲销记录（冲 #5）", "有效", "123.5 万元", "许可", "院系"]


def test_english_comes_from_the_translation(english: None) -> None:
    assert texts() == ["reversal of #5", "valid", "¥1.23M", "License", "Department"]
