"""Two officers in two processes save the same case at once (quality.md, Reliability).

On SQLite (WAL, busy timeout, BEGIN IMMEDIATE) and on PostgreSQL (server mode, row locks):
exactly one save lands, the other is refused with the conflict message, nothing is lost.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.builders import make_achievement
from ttdesk.core.base.context import AppContext
from ttdesk.core.views import case_detail

WORKER = Path(__file__).with_name("save_worker.py")


def _start(url: str, case_no: str, title: str, go: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, str(WORKER), url, case_no, title, str(go)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first.startswith("read 1"), first + proc.stderr.read()
    return proc


def test_the_second_save_is_refused_not_lost(any_ctx: AppContext, tmp_path: Path) -> None:
    case = make_achievement(any_ctx, title="固态电池电解质界面稳定化技术")
    url = any_ctx.db.engine.url.render_as_string(hide_password=False)
    go = tmp_path / "go"
    titles = ["固态电池电解质（张老师修改）", "固态电池电解质（李老师修改）"]
    procs = [_start(url, case.case_no, title, go) for title in titles]
    go.touch()
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        outputs.append(out.strip())

    assert sorted(o.split(":")[0] for o in outputs) == ["conflict", "saved"]
    winner = titles[outputs.index("saved")]
    loser_message = next(o for o in outputs if o.startswith("conflict"))
    assert "已被他人修改" in loser_message
    detail = case_detail(any_ctx, case.case_no)
    assert (detail.title, detail.version) == (winner, 2)
