"""Start-up: the automatic backup runs beside the window and rotates."""

from __future__ import annotations

from ttdesk.__main__ import start_auto_backup
from ttdesk.core.office.setup import backup_dir
from ttdesk.db.sqlite_copy import decompress_to, integrity_ok


def test_start_makes_todays_backup_once(ctx, tmp_path):
    before = set(backup_dir().glob("*")) if backup_dir().exists() else set()
    start_auto_backup(ctx).join(timeout=30)
    made = set(backup_dir().glob("*-auto-*")) - before
    assert len(made) == 1
    (path,) = made
    assert integrity_ok(decompress_to(path, tmp_path / "plain.db"))  # compressed copies
    start_auto_backup(ctx).join(timeout=30)  # same day: nothing new
    assert set(backup_dir().glob("*-auto-*")) - before == made
