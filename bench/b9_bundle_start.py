"""B9: the bundled app (PyInstaller folder) from start to its window, against the same app
started from the source checkout (B2's path), on one database.

    .venv/bin/python bench/b9_bundle_start.py DB [--bundle dist/ttdesk/ttdesk] [--runs 5]

A frozen program cannot be handed B2's in-process probe, so both are timed the same way from
outside: a real X server (Xvfb) is started, each run spawns the program with a settings file
whose last page is the case list, and the clock stops when the X server lists a top-level
window titled "TT Desk" (xwininfo, polled every 10 ms) — the main window, which is shown
with its first page of cases. Runs alternate between the two. Target (quality.md): the
bundle's median ≤ 2× the source start. Needs xvfb and x11-utils (scripts/bootstrap.sh).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DISPLAY = ":93"
TIMEOUT_S = 60.0


def prepare(db: Path, home: Path) -> Path:
    copy = home / "ttdesk.db"
    shutil.copyfile(db, copy)
    (home / "settings.ini").write_text(
        "[ui]\nfirst_start_done=true\nlanguage=zh\n[window]\nlast_page=achievements\n",
        encoding="utf-8")
    return copy


def window_up(env: dict[str, str]) -> bool:
    tree = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True,
                          text=True, check=False).stdout
    return "TT Desk" in tree


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    try:
        while time.perf_counter() - start < TIMEOUT_S:
            if window_up(env):
                return time.perf_counter() - start
            if child.poll() is not None:
                said = child.stderr.read().decode()[-2000:] if child.stderr else ""
                raise RuntimeError(f"{command[0]} exited {child.returncode}: {said}")
            time.sleep(0.01)
        raise RuntimeError(f"{command[0]}: no window within {TIMEOUT_S:.0f} s")
    finally:
        child.kill()
        child.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "ttdesk" / "ttdesk")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    for needed in (args.db, args.bundle):
        if not needed.exists():
            parser.error(f"missing: {needed}")
    home = Path(tempfile.mkdtemp(prefix="ttdesk-b9-"))
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        env_x = dict(os.environ, DISPLAY=DISPLAY)
        for _ in range(100):  # until the X server answers
            if subprocess.run(["xwininfo", "-root"], env=env_x, capture_output=True,
                              check=False).returncode == 0:
                break
            time.sleep(0.1)
        copy = prepare(args.db, home)
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "TTDESK_DB")}
        env.update(DISPLAY=DISPLAY, TTDESK_HOME=str(home))
        bundle = [str(args.bundle), "--db", str(copy)]
        source = [sys.executable, "-m", "ttdesk", "--db", str(copy)]
        timed(bundle, env)  # warm-up: page cache, migration check
        timed(source, env)
        frozen: list[float] = []
        plain: list[float] = []
        for _ in range(args.runs):
            frozen.append(timed(bundle, env))
            plain.append(timed(source, env))
    finally:
        xvfb.kill()
        xvfb.wait()
        shutil.rmtree(home, ignore_errors=True)
    m_frozen, m_plain = statistics.median(frozen), statistics.median(plain)
    print(f"B9 bundle start to window: median {m_frozen:.2f} s "
          f"(runs {', '.join(f'{s:.2f}' for s in frozen)})")
    print(f"   source start to window: median {m_plain:.2f} s "
          f"(runs {', '.join(f'{s:.2f}' for s in plain)})")
    ratio = m_frozen / m_plain
    print(f"   ratio {ratio:.2f}x (target <= 2x): {'met' if ratio <= 2 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
