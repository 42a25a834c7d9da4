"""Where TT Desk finds the files it ships with, from a source checkout or a frozen bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "TTDesk"


def resource_path(name: str) -> Path:
    """Path of a shipped resource (`resources/<name>`), also inside a PyInstaller bundle.

    PyInstaller unpacks the `datas` of build.spec under `sys._MEIPASS`; a source checkout
    keeps them in the repository's top-level `resources/` folder.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources" / name
    return Path(__file__).resolve().parent.parent / "resources" / name


def data_dir() -> Path:
    """The user's data folder (platformdirs), or TTDESK_HOME when set (tests, portable use)."""
    override = os.environ.get("TTDESK_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))
