"""Installing the interface language at start-up (Qt translations).

The source strings are Simplified Chinese (`self.tr("保存")`), so Chinese needs no TT Desk
translation file — only Qt's own (buttons of standard dialogs: 确定/取消). English loads
`ttdesk_en.qm`, compiled at build time from the committed `resources/i18n/ttdesk_en.ts` by
`scripts/i18n.sh` (the .qm is generated, never committed). A missing file falls back to the
Chinese source text with a log line instead of failing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ttdesk.paths import resource_path

log = logging.getLogger(__name__)

QT_LOCALE = {"zh": "zh_CN", "en": "en"}
# Qt's own translations (standard buttons) for languages other than Qt's built-in English,
# and TT Desk's for languages other than its Chinese source texts.
QT_FILES = {"zh": "qtbase_zh_CN"}
OUR_FILES = {"en": "ttdesk_en"}


class FallbackTranslator(QTranslator):
    """A translator that also looks in the empty context.

    pyside6-lupdate files the texts of a module-level helper (`def tr(text): return
    QCoreApplication.translate(CTX, text)`) under the empty context, while at run time they
    are asked for under `CTX`; without this fallback those texts would stay Chinese.
    """

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        found = super().translate(context, source, disambiguation, n)
        if not found and context:
            found = super().translate("", source, disambiguation, n)
        return found


def translations_dir() -> Path:
    return resource_path("i18n")


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install Qt's own and TT Desk's translators for `lang`; returns them (keep them alive)."""
    QLocale.setDefault(QLocale(QT_LOCALE.get(lang, "zh_CN")))
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if lang in QT_FILES and qt.load(QT_FILES[lang], qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    if lang in OUR_FILES:
        ours = FallbackTranslator(app)
        if ours.load(OUR_FILES[lang], str(translations_dir())):
            app.installTranslator(ours)
            installed.append(ours)
        else:
            log.warning("no English translation in %s (run scripts/i18n.sh); showing Chinese",
                        translations_dir())
    return installed
