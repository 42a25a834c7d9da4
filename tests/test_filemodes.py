"""Files holding personal data are the owner's only: 0600 files, 0700 folders, whatever the
umask (issue 13 §3; interfaces.md "Files a command writes")."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import make_achievement, make_rich_dataset

from ttdesk.core.base.context import AppContext
from ttdesk.core.office.setup import open_context
from ttdesk.filemodes import private_dir

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The umask many systems ship (022: new files world-readable)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def fresh(tmp_path: Path, open_umask: None) -> Iterator[AppContext]:
    ctx = open_context(f"sqlite:///{tmp_path / 'office.db'}", migrate_backup=False)
    yield ctx
    ctx.db.dispose()


def test_database_file_is_private(fresh: AppContext) -> None:
    path = fresh.db.sqlite_path
    assert path is not None and mode(path) == 0o600
    wal = Path(f"{path}-wal")
    if wal.exists():  # SQLite gives its companions the database's mode
        assert mode(wal) == 0o600


def test_an_older_world_readable_database_is_narrowed(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "old.db"
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    ctx.db.dispose()
    os.chmod(path, 0o644)
    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    ctx.db.dispose()
    assert mode(path) == 0o600


def test_exports_backups_and_their_new_folders(fresh: AppContext, tmp_path: Path) -> None:
    from ttdesk.core.exchange import export_json
    from ttdesk.core.records.backup import backup

    make_rich_dataset(fresh)
    doc = export_json(fresh, tmp_path / "new" / "folder" / "x.json").path
    assert mode(doc) == 0o600
    assert mode(doc.parent) == 0o700 and mode(doc.parent.parent) == 0o700
    for name in ("b.db", "b.db.zst"):
        copy = backup(fresh, tmp_path / "backups" / name)
        assert mode(copy) == 0o600 and mode(copy.parent) == 0o700, name


def test_a_chosen_existing_folder_is_left_as_it_is(fresh: AppContext, tmp_path: Path) -> None:
    from ttdesk.core.exchange import export_json

    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    doc = export_json(fresh, shared / "x.json").path
    assert mode(doc) == 0o600 and mode(shared) == 0o755


def test_attachments_store_is_private(fresh: AppContext, tmp_path: Path) -> None:
    from ttdesk.core.activity import attachments

    case = make_achievement(fresh)
    source = tmp_path / "contract.pdf"
    source.write_bytes(b"%PDF-1.4 " + os.urandom(4096))
    row = attachments.attach(fresh, case.case_no, source)
    store = attachments.store_dir(fresh.db)
    assert store is not None
    blob = attachments.blob_path(store, row.sha256)
    assert mode(blob) == 0o600  # a SQLite database keeps its files in the store beside it
    assert mode(store) == 0o700 and mode(blob.parent) == 0o700


def test_private_dir_makes_each_missing_folder_private(tmp_path: Path,
                                                       open_umask: None) -> None:
    (tmp_path / "mine").mkdir()
    os.chmod(tmp_path / "mine", 0o755)
    made = private_dir(tmp_path / "mine" / "a" / "b")
    assert mode(made) == mode(made.parent) == 0o700
    assert mode(tmp_path / "mine") == 0o755  # an existing parent is not touched
