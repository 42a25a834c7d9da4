"""A throwaway PostgreSQL cluster on 127.0.0.1 for a benchmark, the way the test fixtures
start theirs (tests/conftest.py `pg_server`): initdb with trust authentication into a fresh
folder under /tmp, pg_ctl start on a free port (as the postgres account when run as root),
stopped and removed by `stop()`. Unlike the tests' cluster, fsync stays on: B10 measures
saves as an office server would make them."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from glob import glob
from pathlib import Path


def _bindir() -> Path:
    found = [Path(p).parent for p in glob("/usr/lib/postgresql/*/bin/initdb")]
    found = [d for d in found if (d / "pg_ctl").exists()]
    if not found:
        raise SystemExit("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin "
                         "(scripts/bootstrap.sh installs them)")
    return max(found, key=lambda d: int(d.parent.name))


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(cmd: list[str], cwd: Path) -> None:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")


@dataclass
class Cluster:
    bindir: Path
    root: Path
    port: int

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres",
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(sql)

    def stop(self) -> None:
        subprocess.run(_as_postgres([str(self.bindir / "pg_ctl"), "stop", "-D",
                                     str(self.root / "data"), "-m", "fast"]),
                       cwd=self.root, capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def start() -> Cluster:
    bindir = _bindir()
    root = Path(tempfile.mkdtemp(prefix="ttdesk-b10-", dir="/tmp"))
    if os.geteuid() == 0:
        shutil.chown(root, user="postgres", group="postgres")
    try:
        _run(_as_postgres([str(bindir / "initdb"), "-D", str(root / "data"), "-U", "postgres",
                           "-A", "trust", "-E", "UTF8", "--no-locale"]), root)
        port = _free_port()
        options = (f"-c listen_addresses=127.0.0.1 -p {port} "
                   f"-c unix_socket_directories={root}")
        _run(_as_postgres([str(bindir / "pg_ctl"), "start", "-w", "-D", str(root / "data"),
                           "-l", str(root / "server.log"), "-o", options]), root)
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return Cluster(bindir, root, port)
