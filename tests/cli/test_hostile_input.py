"""Hostile input through the CLI (issue 15): malformed documents, files and paths. Each case
must end with its documented exit code (2: refused because of the input; 1: another
failure, e.g. a damaged database), one located message and no Python traceback, and must
leave the database exactly as it was."""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli.conftest import db_digest
from ttdesk.cli.main import main


@dataclass(frozen=True)
class World:
    """The files a case can use: the database under test and an exported document."""

    db: Path
    tmp: Path
    doc: dict

    def file(self, name: str, content: bytes | str) -> str:
        path = self.tmp / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(path)

    def document(self, name: str, change: Callable[[dict], object]) -> str:
        doc = json.loads(json.dumps(self.doc))
        change(doc)
        return self.file(name, json.dumps(doc))  # ASCII: a lone surrogate stays an escape


@pytest.fixture(scope="module")
def world(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> World:
    tmp = tmp_path_factory.mktemp("hostile")
    db = tmp / "ttdesk.db"
    shutil.copyfile(demo_db, db)
    exported = tmp / "export.json"
    assert main(["--db", str(db), "export-json", str(exported)]) == 0
    return World(db, tmp, json.loads(exported.read_text(encoding="utf-8")))


def _policy(doc: dict, key: str, value: object) -> None:
    doc["policy"]["versions"][-1]["values"][key] = value


def _xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _zip_bomb() -> bytes:
    """477 KB-class file that declares ~300 MB unpacked (zeros deflate 1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            block = b"\0" * (1 << 20)
            for _ in range(300):
                fh.write(block)
    return out.getvalue()


def _lying_zip() -> bytes:
    """An entry that declares 10 bytes but holds 5 MB: zipfile stops at 10 and the CRC
    check fails (the streaming guard)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", b"<workbook>" + b" " * 5_000_000 + b"</workbook>")
    data = bytearray(out.getvalue())
    import struct
    # patch the declared uncompressed size in the central directory of the last entry
    cd = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, cd + 24, 10)
    return bytes(data)


def _deep(n: int) -> str:
    return "[" * n + "]" * n


def _deep_doc(n: int) -> str:
    return '{"format": "ttdesk-exchange", "a": ' + '{"b": ' * n + "1" + "}" * n + "}"


Case = tuple[str, Callable[[World], list[str]], int]

def J(*args: str) -> list[str]:
    return ["import-json", *args]


def L(*args: str) -> list[str]:
    return ["import-ledger", *args]

CASES: list[Case] = [
    # ---- interchange documents (import-json)
    ("json-empty", lambda w: J(w.file("e.json", b"")), 2),
    ("json-null", lambda w: J(w.file("n.json", "null")), 2),
    ("json-array", lambda w: J(w.file("a.json", "[]")), 2),
    ("json-truncated", lambda w: J(w.file("t.json", json.dumps(w.doc)[:5000])), 2),
    ("json-deep-arrays", lambda w: J(w.file("d.json", _deep(200_000))), 2),
    ("json-deep-objects", lambda w: J(w.file("o.json", _deep_doc(50_000))), 2),
    ("json-lone-surrogate", lambda w: J(w.document(
        "s.json", lambda d: d["achievements"][0].update(title="\ud800坏"))), 2),
    ("json-lone-surrogate-key", lambda w: J(w.file(
        "sk.json", '{"format": "x", "\\udfff": 1}')), 2),
    ("json-invalid-utf8", lambda w: J(w.file("u.json", b'{"format": "\xff\xfe\xfa"}')), 2),
    ("json-utf16", lambda w: J(w.file("u16.json", json.dumps(w.doc).encode("utf-16"))), 2),
    ("json-binary", lambda w: J(w.file("b.json", os.urandom(4096))), 2),
    ("json-wrong-format", lambda w: J(w.document(
        "f.json", lambda d: d.update(format="something-else"))), 2),
    ("json-wrong-version", lambda w: J(w.document(
        "v.json", lambda d: d.update(version=999))), 2),
    ("json-huge-number", lambda w: J(w.file(
        "h.json", json.dumps(w.doc).replace('"version": 1', '"version": 1e999999', 1))), 2),
    ("json-nan", lambda w: J(w.file(
        "nan.json", json.dumps(w.doc).replace('"version": 1', '"version": NaN', 1))), 2),
    ("json-section-not-list", lambda w: J(w.document(
        "sec.json", lambda d: d.update(achievements="x"))), 2),
    ("json-record-not-object", lambda w: J(w.document(
        "rec.json", lambda d: d["achievements"].append(42))), 2),
    ("json-title-number", lambda w: J(w.document(
        "tn.json", lambda d: d["achievements"][0].update(title=12345))), 2),
    ("json-unknown-top", lambda w: J(w.document(
        "ut.json", lambda d: d.update(evil={"x": 1}))), 2),
    ("policy-team-share-negative", lambda w: J(w.document(
        "p1.json", lambda d: _policy(d, "team_share_min_income", "-50"))), 2),
    ("policy-team-share-text", lambda w: J(w.document(
        "p2.json", lambda d: _policy(d, "team_share_min_equity", "seventy"))), 2),
    ("policy-publicity-days-text", lambda w: J(w.document(
        "p3.json", lambda d: _policy(d, "publicity_days", "fifteen"))), 2),
    ("policy-publicity-days-zero", lambda w: J(w.document(
        "p4.json", lambda d: _policy(d, "publicity_days", 0))), 2),
    ("policy-day-kind", lambda w: J(w.document(
        "p5.json", lambda d: _policy(d, "publicity_day_kind", "lunar"))), 2),
    ("policy-tiers", lambda w: J(w.document(
        "p6.json", lambda d: _policy(d, "approval_tiers", [{"max_price": "x"}]))), 2),
    ("policy-unknown-key", lambda w: J(w.document(
        "p7.json", lambda d: _policy(d, "backdoor", True))), 2),
    ("policy-values-list", lambda w: J(w.document(
        "p8.json", lambda d: d["policy"]["versions"][-1].update(values=[1, 2]))), 2),
    ("json-folder", lambda w: J(str(w.tmp)), 2),
    ("json-missing", lambda w: J(str(w.tmp / "nope.json")), 2),
    # ---- Excel ledgers (import-ledger)
    ("xlsx-empty", lambda w: L(w.file("e.xlsx", b"")), 2),
    ("xlsx-text", lambda w: L(w.file("t.xlsx", "case_no,title\n1,2\n")), 2),
    ("xlsx-old-xls", lambda w: L(w.file("o.xlsx", b"\xd0\xcf\x11\xe0" + b"\0" * 600)), 2),
    ("xlsx-zip-bomb", lambda w: L(w.file("bomb.xlsx", _zip_bomb())), 2),
    ("xlsx-lying-zip", lambda w: L(w.file("lie.xlsx", _lying_zip())), 2),
    ("xlsx-not-a-workbook", lambda w: L(w.file("z.xlsx", _plain_zip())), 2),
    ("xlsx-truncated", lambda w: L(w.file(
        "half.xlsx", _xlsx_bytes({"成果": [["成果编号", "成果名称"]]})[:900])), 2),
    ("xlsx-no-ledger-sheets", lambda w: L(w.file(
        "blank.xlsx", _xlsx_bytes({"Sheet": [["a", "b"], [1, 2]]}))), 2),
    ("xlsx-formulas-and-bad-dates", lambda w: L(w.file("f.xlsx", _xlsx_bytes({"成果": [
        ["成果编号", "成果名称", "成果类型", "所属学院", "披露日期"],
        ["CG-2099-0001", "=cmd|' /C calc'!A0", "发明专利", "=1+1", "明天"]]}))), 2),
    ("xlsx-folder", lambda w: L(str(w.tmp)), 2),
    ("xlsx-missing", lambda w: L(str(w.tmp / "nope.xlsx")), 2),
    ("mapping-bad-json", lambda w: L(w.file("m.xlsx", b""), "--mapping",
                                         w.file("m.json", "{oops")), 2),
    ("mapping-deep", lambda w: L(w.file("m2.xlsx", b""), "--mapping",
                                     w.file("m2.json", _deep(100_000))), 2),
    ("mapping-array", lambda w: L(w.file("m3.xlsx", b""), "--mapping",
                                      w.file("m3.json", "[1, 2]")), 2),
    # ---- output paths
    ("out-json-is-db", lambda w: ["export-json", str(w.db)], 2),
    ("out-json-is-wal", lambda w: ["export-json", f"{w.db}-wal", "--force"], 2),
    ("out-json-is-shm", lambda w: ["export-json", f"{w.db}-shm", "--force"], 2),
    ("out-ledger-is-db", lambda w: ["export-ledger", str(w.db), "--force"], 2),
    ("out-backup-is-db", lambda w: ["backup", "-o", str(w.db), "--force"], 2),
    ("out-filing-is-db", lambda w: ["filing", "F09", "2025", "-o", str(w.db), "--force"], 2),
    ("out-annual-is-db", lambda w: ["annual-report", "2025", "-o", str(w.db), "--force"], 2),
    ("out-is-folder", lambda w: ["export-json", str(w.tmp)], 2),
    ("out-under-a-file", lambda w: ["export-json", str(w.db / "x.json")], 2),
    ("out-mapping-is-input", lambda w: L(w.file("i.xlsx", b""), "--save-mapping",
                                             str(w.tmp / "i.xlsx"), "--force"), 2),
    # ---- restore and verify
    ("restore-text", lambda w: ["restore", w.file("r.db", "not a database" * 100)], 2),
    ("restore-empty", lambda w: ["restore", w.file("r0.db", b"")], 2),
    ("restore-missing", lambda w: ["restore", str(w.tmp / "nope.db")], 2),
    ("restore-bad-zstd", lambda w: ["restore", w.file("r.db.zst",
                                                      b"\x28\xb5\x2f\xfd" + b"x" * 99)], 2),
    ("restore-bad-gzip", lambda w: ["restore", w.file("r.db.gz", b"\x1f\x8b" + b"\0" * 99)], 2),
    ("verify-missing", lambda w: ["verify", str(w.tmp / "nope.pdf")], 2),
    ("verify-folder", lambda w: ["verify", str(w.tmp)], 2),
    ("verify-random", lambda w: ["verify", w.file("v.pdf", os.urandom(2048))], 2),
    # ---- arguments
    ("filing-unknown-subject", lambda w: ["filing", "F04", "HT-0000-0000", "-o",
                                           str(w.tmp / "x.pdf")], 2),
    ("annual-year-text", lambda w: ["annual-report", "abcd", "-o", str(w.tmp / "y.pdf")], 2),
    ("ledger-bad-status", lambda w: ["export-ledger", str(w.tmp / "s.xlsx"),
                                     "--status", "sold"], 2),
    ("show-surrogate", lambda w: ["show", "CG-\udcff\udcfe"], 2),
    ("show-missing", lambda w: ["show", "CG-0000-0000"], 2),
    ("export-surrogate-path", lambda w: ["export-json", str(w.tmp / "\udcff.json")], 2),
]


def _plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    return out.getvalue()


@pytest.mark.parametrize(("name", "argv", "code"), CASES, ids=[c[0] for c in CASES])
def test_hostile_input(world: World, name: str, argv: Callable[[World], list[str]],
                       code: int, capsys: pytest.CaptureFixture[str]) -> None:
    before = db_digest(world.db)
    args = argv(world)
    assert main(["--db", str(world.db), *args]) == code, name
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text and out.err.strip(), name
    assert db_digest(world.db) == before, name
    assert not [p for p in world.db.parent.iterdir()
                if p.name.endswith((".tmp", ".partial", ".snapshot", ".restore-tmp"))]


BAD_DATABASES = [
    ("db-missing", lambda tmp: tmp / "missing" / "ttdesk.db", ["list", "cases"], 2),
    ("db-is-folder", lambda tmp: tmp, ["check"], 2),
    ("db-random-bytes", lambda tmp: _write(tmp / "r.db", os.urandom(8192)), ["list", "cases"], 1),
    ("db-text-file", lambda tmp: _write(tmp / "t.db", b"hello" * 1000), ["check"], 1),
    ("db-zeros", lambda tmp: _write(tmp / "z.db", b"\0" * 8192), ["backup", "-o", "x.db"], 1),
    ("db-truncated", lambda tmp: _truncated(tmp), ["list", "cases"], 1),
]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _truncated(tmp: Path) -> Path:
    import sqlite3

    path = tmp / "cut.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 2000)
    conn.commit()
    conn.close()
    data = path.read_bytes()
    return _write(path, data[: len(data) // 3])


@pytest.mark.parametrize(("name", "make", "argv", "code"), BAD_DATABASES,
                         ids=[c[0] for c in BAD_DATABASES])
def test_hostile_database_files(tmp_path: Path, name: str, make, argv: list[str], code: int,
                                capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = make(tmp_path)
    before = db.read_bytes() if db.is_file() else None
    assert main(["--db", str(db), *argv]) == code, name
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err and out.err.strip(), name
    if before is not None:
        assert db.read_bytes() == before
    else:
        assert not db.exists() or db.is_dir()  # a read command never creates a database
