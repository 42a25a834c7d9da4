"""Reads never wait for the write lock; a write that waits too long says for what.

Another process holds the database — SQLite's write lock (BEGIN IMMEDIATE), or on the office
server the audit trail's advisory lock that every write takes. Meanwhile `list` and `show`
(each opening the database as a fresh command does) and a screen's page read succeed at
once; a write gives up within the configured timeout with a message naming what it waited
for, and nothing is written. Timeouts are shortened to 1 s so that a read that did queue
behind the writer would fail, not just be slow.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from builders import cli_login, make_achievement, make_company, signed_in
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from ttdesk.cli.main import main
from ttdesk.codes import UserRole
from ttdesk.core.base.context import AppContext
from ttdesk.core.base.errors import DatabaseBusy
from ttdesk.core.cases import achievements
from ttdesk.core.views import case_detail

HOLDER = Path(__file__).with_name("lock_holder.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _short_timeouts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTDESK_BUSY_TIMEOUT", "1")
    monkeypatch.setenv("TTDESK_LOCK_TIMEOUT", "1")


def _url(ctx: AppContext) -> str:
    return ctx.db.engine.url.render_as_string(hide_password=False)


@contextmanager
def held(ctx: AppContext, how: str | None = None) -> Iterator[int]:
    """Another process holds the write lock (SQLite) or the audit lock (PostgreSQL); its
    process id."""
    target = str(ctx.db.sqlite_path) if ctx.db.is_sqlite else _url(ctx)
    how = how or ("sqlite" if ctx.db.is_sqlite else "postgres")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, str(HOLDER), how, target], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None and proc.stdin is not None
    first = proc.stdout.readline()
    assert first.strip() == "held", first + (proc.stderr.read() if proc.stderr else "")
    try:
        yield proc.pid
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()


def _fresh_ctx(ctx: AppContext) -> AppContext:
    """The same database opened again with this test's (short) timeouts."""
    from ttdesk.core.office.setup import open_context

    return signed_in(open_context(_url(ctx), migrate_backup=False))


def test_list_and_show_succeed_while_another_process_writes(any_ctx: AppContext,
                                                            capsys, monkeypatch) -> None:
    cli_login(any_ctx, monkeypatch, UserRole.VIEWER)
    case = make_achievement(any_ctx, title="低温等离子体灭菌装置")
    url = _url(any_ctx)
    with held(any_ctx):
        started = time.monotonic()
        assert main(["--db", url, "list", "cases"]) == 0
        assert main(["--db", url, "show", case.case_no]) == 0
        elapsed = time.monotonic() - started
    out = capsys.readouterr().out
    assert out.count("低温等离子体灭菌装置") >= 2
    assert elapsed < 5, f"the reads queued behind the writer ({elapsed:.1f} s)"


def test_a_write_behind_the_lock_says_what_it_waited_for(any_ctx: AppContext) -> None:
    case = make_achievement(any_ctx, title="低温等离子体灭菌装置")
    other = _fresh_ctx(any_ctx)
    try:
        with held(any_ctx):
            started = time.monotonic()
            with pytest.raises(DatabaseBusy) as refused:
                achievements.update(other, case.case_no, {"title": "改名"}, expected_version=1)
            elapsed = time.monotonic() - started
    finally:
        other.db.dispose()
    zh, en = refused.value.messages("zh")[0], refused.value.messages("en")[0]
    if any_ctx.db.is_sqlite:
        assert "另一个程序正在写入数据库文件 test.db" in zh and "1 秒" in zh
        assert "another program is writing the database file test.db" in en
    else:
        assert "另一个会话正在写入审计记录" in zh and "1 秒" in zh
        assert "another session is writing the audit trail" in en
    assert elapsed < 4, f"the write waited {elapsed:.1f} s, past the 1 s timeout"
    assert case_detail(any_ctx, case.case_no).title == "低温等离子体灭菌装置"


def test_a_write_behind_the_lock_is_a_message_on_the_command_line(any_ctx: AppContext,
                                                                  monkeypatch) -> None:
    cli_login(any_ctx, monkeypatch, UserRole.OFFICER)
    case = make_achievement(any_ctx)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with held(any_ctx):
        done = subprocess.run([sys.executable, "-m", "ttdesk.cli", "--db", _url(any_ctx), "note",
                               case.case_no, "联系了企业"], capture_output=True, text=True,
                              env=env, timeout=60, check=False)
    assert done.returncode == 1, done.stderr
    assert "未写入任何数据" in done.stderr and "Traceback" not in done.stderr


def test_a_screen_reads_its_page_while_another_process_writes(qtbot,
                                                              any_ctx: AppContext) -> None:
    from ttdesk.ui.companies.company_page import CompanyPage
    from ttdesk.ui.kit.bus import DataBus
    from ttdesk.ui.kit.ops import reading

    company = make_company(any_ctx, name="北京清源环境科技有限公司")
    with held(any_ctx):
        page = CompanyPage(any_ctx, DataBus(), company.id)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: not reading(page), timeout=5000)
    assert page.page is not None
    assert page.page.header.name == "北京清源环境科技有限公司"


@pytest.mark.postgres
def test_a_read_transaction_on_the_server_is_read_only(any_ctx: AppContext) -> None:
    if any_ctx.db.is_sqlite:
        pytest.skip("READ ONLY transactions are PostgreSQL's")
    with pytest.raises(DBAPIError, match="read-only transaction"), any_ctx.read() as s:
        s.execute(text("CREATE TABLE sneaky (i integer)"))
    with any_ctx.write() as s:  # a write unit of work still writes
        s.execute(text("CREATE TEMPORARY TABLE allowed (i integer)"))


def test_a_sqlite_write_names_the_tt_desk_process_holding_the_file(ctx: AppContext) -> None:
    case = make_achievement(ctx)
    other = _fresh_ctx(ctx)
    try:
        with held(ctx, "ttdesk") as pid:
            with pytest.raises(DatabaseBusy) as refused:
                achievements.update(other, case.case_no, {"title": "改名"}, expected_version=1)
            zh = refused.value.messages("zh")[0]
            assert f"lock_holder.py（进程 {pid}，账户 " in zh and "起）正在写入数据库文件" in zh
            assert f"(process {pid}, account " in refused.value.messages("en")[0]
    finally:
        other.db.dispose()
    # the holder's transaction ended: no mark is left, and writing works again
    assert not (ctx.db.sqlite_path.with_name("test.db.writer")).exists()
    assert achievements.update(ctx, case.case_no, {"title": "改名"}, expected_version=1) == 2
