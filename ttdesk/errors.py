"""Errors shared by every layer (the db layer cannot import ttdesk.core)."""

from __future__ import annotations


class SchemaGateError(Exception):
    """This build will not open the database as it is; nothing in it was changed."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en

    def message(self, lang: str = "zh") -> str:
        return f"{self.zh} / {self.en}" if lang == "zh" else f"{self.en} / {self.zh}"


class SchemaTooNew(SchemaGateError):
    """The database was written by a newer TT Desk than this one."""


class BackupBeforeMigrationFailed(SchemaGateError):
    """The copy that must precede a migration could not be made, so no migration ran."""
