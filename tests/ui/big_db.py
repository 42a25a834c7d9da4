"""The 100,000-case database of test_lists_100k.py, built in a child process.

`conftest.py` starts the build as soon as collection shows that a selected test needs it, so
the build (about a minute, one core) runs beside the tests collected before it instead of
in front of them; the session fixture waits for it. The child runs exactly what the fixture
used to run in-process: `open_context` on an empty file, then `generate(cases=100_000,
seed=1)`, with a TTDESK_HOME of its own (the tests around it change theirs).
Run directly: `python tests/ui/big_db.py OUT.db`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

PREBUILT = Path("/tmp/b1_100k.db")  # a developer's own copy, used read-only when present
CASES = 100_000
SEED = 1
BIG_BUILD = pytest.StashKey["Build"]()  # the build conftest.py started, in config.stash


def _die_with_parent() -> None:
    """In the child: a killed test session (no unconfigure) takes the build down with it."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


class Build:
    """One build in a child process; `result()` waits for it, `stop()` ends it early."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="ttdesk-100k-"))
        self.path = self.folder / "100k.db"
        self.log = self.folder / "build.log"
        env = dict(os.environ, TTDESK_HOME=str(self.folder / "home"))
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen([sys.executable, __file__, str(self.path)], env=env,
                                         stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)

    def result(self) -> Path:
        code = self.proc.wait()
        if code != 0:
            tail = self.log.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"building the 100k database failed (exit {code}):\n{tail}")
        return self.path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def build(path: Path) -> None:
    from ttdesk.core.demo import generate
    from ttdesk.core.office.setup import open_context

    ctx = open_context(f"sqlite:///{path}", migrate_backup=False)
    try:
        generate(ctx, cases=CASES, seed=SEED)
    finally:
        ctx.db.dispose()


def start_early(session: pytest.Session) -> None:
    """After collection: start the build when a selected test needs it (and no prebuilt
    copy is there); `stop_early` ends and removes it with the session."""
    if (PREBUILT.exists() or BIG_BUILD in session.config.stash
            or session.config.option.collectonly):
        return
    if any("big_db" in getattr(item, "fixturenames", ()) for item in session.items):
        session.config.stash[BIG_BUILD] = Build()


def stop_early(config: pytest.Config) -> None:
    started = config.stash.get(BIG_BUILD, None)
    if started is not None:
        started.stop()


if __name__ == "__main__":
    build(Path(sys.argv[1]))
