"""One typed settings object over QSettings: every key and default in one place.

Window geometry, column layouts and the interface language are per-user preferences (the
platform's QSettings store); business configuration (policy, calendar) lives in the database.
Tests and the screenshot script point `UiSettings(path=...)` at an INI file of their own; with
TTDESK_HOME set (portable use, tests) the default is `settings.ini` in that folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "TTDesk"
APPLICATION = "TT Desk"
LANGUAGES = ("zh", "en")
SETTINGS_FILE = "settings.ini"


class UiSettings:
    """Typed accessors; writes go straight to the store (QSettings syncs them to disk)."""

    def __init__(self, path: str | Path | None = None) -> None:
        home = os.environ.get("TTDESK_HOME")
        if path is None and home:  # portable use and tests: settings beside the data
            path = Path(home) / SETTINGS_FILE
        if path is None:
            self._store = QSettings(ORGANIZATION, APPLICATION)
        else:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)

    def _str(self, key: str, default: str) -> str:
        value = self._store.value(key, default)
        return str(value) if value is not None else default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # ---- language (takes effect on the next start) ------------------------------------------
    @property
    def language(self) -> str:
        lang = self._str("ui/language", "zh")
        return lang if lang in LANGUAGES else "zh"

    @language.setter
    def language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}: {lang!r}")
        self._store.setValue("ui/language", lang)

    # ---- first start ------------------------------------------------------------------------
    @property
    def first_start_done(self) -> bool:
        return self._str("ui/first_start_done", "false") == "true"

    @first_start_done.setter
    def first_start_done(self, done: bool) -> None:
        self._store.setValue("ui/first_start_done", "true" if done else "false")

    # ---- main window ------------------------------------------------------------------------
    @property
    def last_page(self) -> str:
        return self._str("window/last_page", "dashboard")

    @last_page.setter
    def last_page(self, key: str) -> None:
        self._store.setValue("window/last_page", key)

    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, data: QByteArray) -> None:
        self._store.setValue("window/geometry", data)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, data: QByteArray) -> None:
        self._store.setValue("window/state", data)

    # ---- list column layouts (QHeaderView.saveState per list) -------------------------------
    def column_layout(self, list_key: str) -> QByteArray | None:
        return self._bytes(f"columns/{list_key}")

    def set_column_layout(self, list_key: str, state: QByteArray) -> None:
        self._store.setValue(f"columns/{list_key}", state)

    def sync(self) -> None:
        self._store.sync()

    def file_name(self) -> str:
        return self._store.fileName()
