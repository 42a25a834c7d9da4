"""Fixtures of the desk UI tests: a small demo database, settings in a temp INI file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ttdesk.core.base.context import AppContext
from ttdesk.core.demo import generate
from ttdesk.ui.app.settings import UiSettings
from ttdesk.ui.kit.bus import DataBus

DEMO_CASES = 150


@pytest.fixture
def demo_ctx(ctx: AppContext) -> Iterator[AppContext]:
    """The `ctx` database filled with 150 demo cases (deals, companies, deadlines...)."""
    generate(ctx, cases=DEMO_CASES, seed=3)
    yield ctx


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    return UiSettings(tmp_path / "settings.ini")


@pytest.fixture
def data_bus() -> DataBus:
    return DataBus()
