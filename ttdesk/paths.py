"""Where TT Desk finds the files it ships with, from a source checkout or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(name: str) -> Path:
    """Path of a shipped resource (`resources/<name>`), also inside a PyInstaller bundle.

    PyInstaller unpacks the `datas` of build.spec under `sys._MEIPASS`; a source checkout
    keeps them in the repository's top-level `resources/` folder.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources" / name
    return Path(__file__).resolve().parent.parent / "resources" / name
