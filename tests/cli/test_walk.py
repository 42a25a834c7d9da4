"""The CLI for every action: examples/walk.sh takes one case from an empty database through
master data, disclosure, assessment, IP, a licence deal with due diligence, approval,
publicity and signing, a note and an attachment, to `filing F04` and a clean `check`; the
same refusals as the app exit 2 naming rule and field, writing nothing."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from ttdesk.cli.main import main
from ttdesk.core.rules.credit_code import compute_check_char, make_credit_code

ROOT = Path(__file__).resolve().parents[2]
WALK = ROOT / "examples" / "walk.sh"
FORK_CLI = Path(__file__).with_name("fork_cli.py")


def _cli(db: str, *args: str) -> int:
    return main(["--db", db, *args])


@pytest.fixture
def cli_command() -> Iterator[str]:
    """TTDESK_CLI for the script: `python -m ttdesk.cli` forked per command from a server
    that has done the imports once (fork_cli.py), instead of a new interpreter each time."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    folder = Path(tempfile.mkdtemp(prefix="ttdesk-cli-"))  # a short path for the socket
    sock = folder / "cli.sock"
    server = subprocess.Popen([sys.executable, str(FORK_CLI), "--serve", str(sock)], env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None and server.stdout.readline() == "ready\n"
        yield f"{sys.executable} {FORK_CLI} {sock}"
    finally:
        server.kill()
        server.wait()
        server.stdout.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_walk_script_from_department_add_to_filing_f04_and_check(tmp_path: Path,
                                                                 cli_command: str) -> None:
    db = tmp_path / "walk.db"
    env = dict(os.environ, TTDESK_CLI=cli_command, PYTHONPATH=str(ROOT))
    done = subprocess.run(["sh", str(WALK), str(db), str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "检查完成，无问题" in done.stdout
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "F04.pdf").pages)
    assert "北京锂源科技有限公司" in text and "固态电池电解质材料" in text
    # the attachment sits in the store by its hash and `check` notices a change to it
    blobs = [p for p in (tmp_path / "walk.db.files").rglob("*") if p.is_file()]
    assert len(blobs) == 1 and blobs[0].read_bytes().startswith(b"%PDF")
    blobs[0].write_bytes(b"%PDF-1.4 tampered")
    assert _cli(str(db), "check") == 1


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = str(tmp_path / "t.db")
    assert _cli(url, "init") == 0
    assert _cli(url, "department", "add", "D01", "材料科学与工程学院") == 0
    assert _cli(url, "person", "add", "张伟", "--staff-no", "T1001", "--department", "D01") == 0
    return url


def test_master_data_refusals_name_rule_field_and_existing_record(db: str, capsys) -> None:
    capsys.readouterr()
    assert _cli(db, "person", "add", "李娜", "--staff-no", "T1001") == 2
    err = capsys.readouterr().err
    assert "[DUP]" in err and "工号" in err and "张伟" in err
    good = make_credit_code(random.Random(5))
    bad = good[:17] + ("1" if good[17] == "0" else "0")
    assert _cli(db, "company", "add", bad, "错码公司") == 2
    err = capsys.readouterr().err
    assert "[R8]" in err and f"应为“{compute_check_char(bad[:17])}”" in err
    assert _cli(db, "--lang", "en", "company", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert _cli(db, "company", "add", good, "北京锂源科技有限公司") == 0
    capsys.readouterr()
    assert _cli(db, "company", "list", "--search", "bjly", "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["credit_code"], row["region"]) == (good, "beijing")


def test_person_edit_merge_deactivate_and_delete(db: str, capsys) -> None:
    assert _cli(db, "person", "add", "张伟", "--staff-no", "T1001-dup") == 0
    assert _cli(db, "case", "new", "--title", "固态电池", "--kind", "invention_patent",
                "--department", "D01", "--contributors", "T1001-dup:100", "--no-funding") == 0
    assert _cli(db, "person", "delete", "T1001-dup") == 2
    assert "[REF]" in capsys.readouterr().err
    assert _cli(db, "person", "merge", "T1001-dup", "T1001") == 0
    assert _cli(db, "person", "edit", "T1001", "--title", "教授", "--entrepreneurship",
                "off_post") == 0
    capsys.readouterr()
    assert _cli(db, "person", "list", "--search", "zw", "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["staff_no"], row["title"], row["entrepreneurship"]) == (
        "T1001", "教授", "off_post")
    assert _cli(db, "person", "list", "--all", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert _cli(db, "department", "deactivate", "D01") == 0
    assert _cli(db, "person", "add", "王芳", "--department", "D01") == 2


def test_attachment_refusals_and_notes(db: str, tmp_path: Path, capsys) -> None:
    assert _cli(db, "case", "new", "--title", "固态电池", "--kind", "invention_patent",
                "--department", "D01", "--contributors", "T1001:100", "--no-funding",
                "--date", "2026-01-05") == 0
    case_no = capsys.readouterr().out.strip()
    assert _cli(db, "attach", case_no, str(tmp_path / "missing.pdf")) == 2
    assert "[FILE]" in capsys.readouterr().err
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * (2 * 1024 * 1024))
    os.environ["TTDESK_ATTACHMENT_MAX_MB"] = "1"
    try:
        assert _cli(db, "attach", case_no, str(big)) == 2
    finally:
        del os.environ["TTDESK_ATTACHMENT_MAX_MB"]
    assert "1 MB" in capsys.readouterr().err
    assert _cli(db, "attach", "CG-1999-0001", str(big)) == 2
    assert _cli(db, "attachments", case_no, "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert _cli(db, "note", case_no, "与企业电话沟通", "--date", "2026-02-01") == 0
    assert _cli(db, "note", case_no, "  ") == 2
    capsys.readouterr()
    assert _cli(db, "notes", case_no, "--json") == 0
    [note] = json.loads(capsys.readouterr().out)
    assert (note["written_on"], note["body"]) == ("2026-02-01", "与企业电话沟通")


def test_grant_new_and_steps(db: str, capsys) -> None:
    assert _cli(db, "case", "new", "--title", "固态电池", "--kind", "invention_patent",
                "--department", "D01", "--contributors", "T1001:100", "--no-funding",
                "--date", "2026-01-05") == 0
    case_no = capsys.readouterr().out.strip()
    assert _cli(db, "grant", "new", case_no, "--form", "long_term_use", "--term-years", "10",
                "--representative", "T1001", "--consent", "--plan", "三年内实现许可",
                "--date", "2026-02-01") == 0
    grant_id = capsys.readouterr().out.strip()
    assert grant_id.isdigit()
    assert _cli(db, "grant", "step", grant_id, "college-review", "--opinion", "同意",
                "--date", "2026-02-03") == 0
    assert _cli(db, "grant", "step", grant_id, "publicity") == 2
    assert "start" in capsys.readouterr().err
    assert _cli(db, "grant", "step", grant_id, "tto-review", "--opinion", "同意",
                "--date", "2026-02-01") == 2  # before the college review (R12)
    assert _cli(db, "grant", "step", grant_id, "tto-review", "--opinion", "同意",
                "--date", "2026-02-05") == 0
    assert _cli(db, "--lang", "en", "show", case_no, "--json") == 0
