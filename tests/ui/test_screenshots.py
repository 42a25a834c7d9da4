"""scripts/screenshots.py renders every main screen and every scripts/shots/*.py entry."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ttdesk.ui.app.main_window import NAV_KEYS

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_screenshot_script_renders_every_screen(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshots.py"),
                           str(tmp_path), "--cases", "300"], env=env, capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    names = {p.name for p in tmp_path.glob("*.png")}
    expected = {f"main_{i}_{k}.png" for i, k in enumerate(NAV_KEYS, start=1)}
    assert expected | {"list_cases_search.png", "first_start.png", "desk_dashboard.png"} <= names
    image = QImage(str(tmp_path / "main_2_achievements.png"))
    assert (image.width(), image.height()) == (1440, 900)
