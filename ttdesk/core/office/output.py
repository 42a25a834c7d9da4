"""Files a command writes (interfaces.md): where an output may go and how it is written.

`check_output` is the one gate every export, PDF, workbook and backup passes before writing:
it refuses the open database and its WAL/shared-memory/journal files, a file of the backup
folder, a file the same command reads, a folder, and — unless the person agreed (`force`,
the CLI's --force or the app's overwrite confirmation) — any other existing file.
`atomic_file` then writes to a hidden temp file beside the target and renames it into place
only when complete, owner-readable only; on any failure (a full disk included) the temp file
is removed and an existing target is left as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ttdesk.core.base.errors import RuleViolation
from ttdesk.db.engine import Database
from ttdesk.filemodes import ensure_parent

DB_COMPANIONS = ("", "-wal", "-shm", "-journal")


class OutputRefused(RuleViolation):
    """The output path would destroy data (or needs the person's consent)."""


class OutputExists(OutputRefused):
    """The output exists and is not protected: overwriting needs --force / a confirmation."""


def _refuse(target: Path, zh: str, en: str, cls: type[OutputRefused] = OutputRefused
            ) -> OutputRefused:
    return cls("OUTPUT", zh, en, field="output", where=str(target))


def _same(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _resolved(path: str | Path) -> Path:
    return Path(os.path.abspath(Path(path).expanduser())).resolve()


def protected_files(db: Database | None) -> list[Path]:
    """The open SQLite database and its companion files."""
    path = db.sqlite_path if db is not None else None
    if path is None:
        return []
    base = _resolved(path)
    return [Path(f"{base}{suffix}") for suffix in DB_COMPANIONS]


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def check_output(target: str | Path, *, db: Database | None = None,
                 inputs: Iterable[str | Path] = (), force: bool = False,
                 backup: bool = False, backup_folder: Path | None = None) -> Path:
    """The resolved target, or OutputRefused saying why it must not be written.

    `backup=True`: the output is itself a backup, so a new file in the backup folder is
    fine (an existing one is still never overwritten)."""
    from ttdesk.core.office.setup import backup_dir

    path = _resolved(target)
    if path.is_dir():
        raise _refuse(path, "输出路径是一个文件夹，请给出文件名",
                      "the output path is a folder: give a file name")
    for protected in protected_files(db):
        if _same(path, protected):
            raise _refuse(path, "不能写到正在使用的数据库文件上",
                          "refused: this is the open database (or its WAL/journal file)")
    for source in inputs:
        if _same(path, _resolved(source)):
            raise _refuse(path, "输出文件不能与本命令读取的文件相同",
                          "refused: the output is a file this command reads")
    folder = _resolved(backup_folder or backup_dir())
    if _inside(path, folder) and (path.exists() or not backup):
        raise _refuse(path, "不能覆盖或写入备份文件夹中的文件",
                      "refused: files in the backup folder are never overwritten or written "
                      "by exports")
    if path.exists() and not force:
        raise _refuse(path, "文件已存在；确认覆盖请加 --force",
                      "the file exists: add --force to overwrite it", OutputExists)
    if path.parent.exists() and not path.parent.is_dir():
        raise _refuse(path, "上级路径不是文件夹", "the parent of the output is not a folder")
    return path


def temp_beside(target: Path) -> Path:
    """A hidden temp name in the target's folder (same file system: the rename is atomic)."""
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_file(target: str | Path, *, private: bool = True) -> Iterator[Path]:
    """Yield a temp path beside `target`; when the block ends without error the temp file
    is synced and renamed onto `target`. The folder is created if missing."""
    path = Path(target)
    ensure_parent(path)  # a folder made here is private (0700); a chosen one is left as it is
    temp = temp_beside(path)
    temp.unlink(missing_ok=True)
    try:
        yield temp
        if not temp.exists():
            raise FileNotFoundError(f"nothing was written to {temp}")
        if private:
            os.chmod(temp, 0o600)
        _fsync(temp)
        os.replace(temp, path)
        _fsync(path.parent)
    finally:
        temp.unlink(missing_ok=True)


def write_bytes(target: str | Path, content: bytes, *, private: bool = True) -> Path:
    """Write `content` to `target` through `atomic_file`."""
    with atomic_file(target, private=private) as temp:
        temp.write_bytes(content)
    return Path(target)
