"""B10: office server mode — 5 client processes on one PostgreSQL database, each saving
cases and searching for 60 s (quality.md: median save ≤ 150 ms, search ≤ 100 ms, 0 lost
updates, every conflict reported).

    .venv/bin/python bench/b10_server.py [--clients 5] [--seconds 60] [--cases 300]

Starts a throwaway PostgreSQL cluster on 127.0.0.1 (bench/pg_cluster.py, fsync on), makes a
database with `--cases` demo cases through the same `open_context` and demo generator as the
app, then starts the clients, each a process of its own with its own connection pool:

- a save is what the case form's 保存 does: `achievements.update(..., expected_version=...)`
  with the version the form was opened with (`case_detail`, read just before and not
  timed: opening a case is B4) — one unit of work with the audit event.
  The clients pick their cases from one small shared pool (`--hot`, 20), so two of them
  often edit the same case at once: the second save must be refused with ConflictError;
- a search is what the case list does when the officer types: `case_ids` + `case_rows` of
  the first page for a word from the demo titles.

The floor, measured by each client in the same run and interleaved with its own work: a bare
psycopg `UPDATE achievement SET title = ..., version = version + 1 WHERE id = ...` + commit
(save), and a bare `SELECT id FROM achievement WHERE title ILIKE ... ORDER BY id` (search).

Lost updates are counted, not assumed: every save that reported success is logged by its
client (case, the version it wrote, the title); at the end each case's version must equal 1
plus its reported saves, its title must be the one written with the highest version, and the
audit trail must hold one `update` event per reported save. Conflicts: every refused save is
a ConflictError counted by the client; any other failure is counted and printed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

# the bench's users (server mode requires logins): an admin prepares, officers save
ADMIN, OFFICER, PASSWORD = "b10_admin", "b10_officer", "b10 bench password"
WORDS = ["电池", "材料", "方法", "装置", "系统", "检测", "算法", "制备"]
SAVE_TARGET_MS, SEARCH_TARGET_MS = 150.0, 100.0


def _floor_save(conn: Any, case_id: int, marker: str) -> float:
    started = time.perf_counter()
    with conn.transaction():
        conn.execute("UPDATE bench_floor SET title = %s, version = version + 1 WHERE id = %s",
                     (marker, case_id))
    return (time.perf_counter() - started) * 1000


def _floor_search(conn: Any, word: str) -> float:
    started = time.perf_counter()
    conn.execute("SELECT id FROM achievement WHERE title ILIKE %s ORDER BY id",
                 (f"%{word}%",)).fetchall()
    return (time.perf_counter() - started) * 1000


def _save(ctx: Any, case_no: str, title: str) -> tuple[str, float, int | None]:
    from ttdesk.core.base.errors import ConflictError, TTDeskError
    from ttdesk.core.cases import achievements
    from ttdesk.core.views import case_detail

    version = case_detail(ctx, case_no).version  # the form opens (B4's figure, not B10's)
    started = time.perf_counter()
    try:
        written = achievements.update(ctx, case_no, {"title": title},
                                      expected_version=version)
    except ConflictError:
        return "conflict", (time.perf_counter() - started) * 1000, None
    except TTDeskError as exc:
        return f"error: {exc.messages('en')[0]}", (time.perf_counter() - started) * 1000, None
    return "saved", (time.perf_counter() - started) * 1000, written


def _search(ctx: Any, word: str) -> float:
    from ttdesk.core.views import CaseFilter, case_ids, case_rows

    started = time.perf_counter()
    ids = case_ids(ctx, CaseFilter(search=word))
    case_rows(ctx, ids[:100])
    return (time.perf_counter() - started) * 1000


def client(number: int, url: str, hot: list[tuple[int, str]], seconds: float,
           go: Any, out: Any) -> None:
    """One officer's PC: saves and searches, alternately, until the time is up."""
    import psycopg

    from ttdesk.core.office.logins import login
    from ttdesk.core.office.setup import open_context

    ctx = login(open_context(url, migrate_backup=False), OFFICER, PASSWORD)
    raw = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"),
                          autocommit=True)
    rng = random.Random(number)
    result: dict[str, Any] = {"save": [], "search": [], "floor_save": [], "floor_search": [],
                              "saved": [], "conflicts": 0, "errors": []}
    _search(ctx, WORDS[0])  # warm-up: imports, statement compilation, connections
    _floor_search(raw, WORDS[0])
    go.wait()
    until = time.monotonic() + seconds
    seq = 0
    while time.monotonic() < until:
        seq += 1
        case_id, case_no = rng.choice(hot)
        title = f"客户端{number}第{seq}次保存的成果"
        outcome, ms, version = _save(ctx, case_no, title)
        result["save"].append(ms)
        if outcome == "saved":
            result["saved"].append((case_no, version, title))
        elif outcome == "conflict":
            result["conflicts"] += 1
        else:
            result["errors"].append(outcome)
        word = rng.choice(WORDS)
        result["search"].append(_search(ctx, word))
        result["floor_save"].append(_floor_save(raw, case_id, title))
        result["floor_search"].append(_floor_search(raw, word))
    raw.close()
    ctx.db.dispose()
    out.put(json.dumps(result, ensure_ascii=False))


def _case_updates(s: Any) -> int:
    """Audit events recording an update of a case."""
    from sqlalchemy import func, select

    from ttdesk.codes import AuditAction
    from ttdesk.db.models import AuditEvent

    return int(s.execute(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.entity == "achievement", AuditEvent.action == AuditAction.UPDATE)).scalar()
        or 0)


def prepare(url: str, cases: int, hot: int) -> tuple[list[tuple[int, str]], int]:
    """The database, the shared pool of open cases, and its audit events of case updates."""
    from sqlalchemy import select, text

    from ttdesk.core import demo
    from ttdesk.core.office.setup import open_context
    from ttdesk.core.rules.statemachine import CASE_OPEN
    from ttdesk.db.models import Achievement

    ctx = open_context(url, migrate_backup=False)
    try:
        from ttdesk.codes import UserRole
        from ttdesk.core.office import logins, users

        users.first_admin(ctx, ADMIN, ADMIN, PASSWORD)
        ctx = logins.login(ctx, ADMIN, PASSWORD)
        users.create_user(ctx, OFFICER, OFFICER, UserRole.OFFICER, PASSWORD)
        demo.generate(ctx, cases=cases, seed=1)
        with ctx.write() as s:  # the floor's own table: the bare UPDATE touches no case
            s.execute(text("CREATE TABLE bench_floor AS SELECT id, title, version "
                           "FROM achievement"))
            s.execute(text("ALTER TABLE bench_floor ADD PRIMARY KEY (id)"))
        with ctx.read() as s:
            rows = s.execute(select(Achievement.id, Achievement.case_no)
                             .where(Achievement.status.in_(CASE_OPEN))
                             .order_by(Achievement.id).limit(hot)).all()
            before = _case_updates(s)
    finally:
        ctx.db.dispose()
    return [(r[0], r[1]) for r in rows], before


def verify(url: str, results: list[dict[str, Any]], before: int) -> tuple[int, int]:
    """(lost updates, audit events missing): both must be 0."""
    from sqlalchemy import select

    from ttdesk.core.office.setup import open_context
    from ttdesk.db.models import Achievement

    saved = [tuple(s) for r in results for s in r["saved"]]
    per_case = Counter(case_no for case_no, _, _ in saved)
    last: dict[str, tuple[int, str]] = {}
    for case_no, version, title in saved:
        if case_no not in last or version > last[case_no][0]:
            last[case_no] = (version, title)
    ctx = open_context(url, migrate_backup=False)
    lost = 0
    try:
        with ctx.read() as s:
            for case_no, count in per_case.items():
                version, title = s.execute(select(Achievement.version, Achievement.title)
                                           .where(Achievement.case_no == case_no)).one()
                lost += max(0, 1 + count - version)
                if (version, title) != last[case_no]:
                    lost += 1
            events = _case_updates(s) - before
    finally:
        ctx.db.dispose()
    return lost, abs(len(saved) - events)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def report(results: list[dict[str, Any]], lost: int, missing: int, seconds: float) -> bool:
    def all_of(key: str) -> list[float]:
        return [v for r in results for v in r[key]]

    save, search = median(all_of("save")), median(all_of("search"))
    fsave, fsearch = median(all_of("floor_save")), median(all_of("floor_search"))
    saves, saved = len(all_of("save")), sum(len(r["saved"]) for r in results)
    conflicts = sum(r["conflicts"] for r in results)
    errors = [e for r in results for e in r["errors"]]
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"B10  {len(results)} clients × {seconds:g} s on one PostgreSQL database "
          f"(load average {load} on {os.cpu_count()} cores)")
    print(f"  save    median {save:7.1f} ms  (floor {fsave:6.1f} ms, ×{save / fsave:4.1f})  "
          f"target ≤ {SAVE_TARGET_MS:g} ms")
    print(f"  search  median {search:7.1f} ms  (floor {fsearch:6.1f} ms, "
          f"×{search / fsearch:4.1f})  target ≤ {SEARCH_TARGET_MS:g} ms")
    print(f"  saves tried {saves}, saved {saved}, conflicts reported {conflicts}, "
          f"other failures {len(errors)}")
    for text in sorted(set(errors))[:5]:
        print(f"    {text}")
    print(f"  lost updates {lost} (must be 0); saves and audit events of case updates "
          f"differ by {missing}")
    ok = (save <= SAVE_TARGET_MS and search <= SEARCH_TARGET_MS and lost == 0
          and missing == 0 and saved + conflicts + len(errors) == saves)
    print("  PASS" if ok else "  FAIL")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--hot", type=int, default=20, help="cases the clients share")
    args = parser.parse_args(argv)

    import pg_cluster

    cluster = pg_cluster.start()
    try:
        cluster.admin('CREATE DATABASE "b10"')
        url = cluster.url("b10")
        hot, before = prepare(url, args.cases, args.hot)
        spawn = mp.get_context("spawn")
        go, out = spawn.Event(), spawn.Queue()
        procs = [spawn.Process(target=client, args=(n, url, hot, args.seconds, go, out))
                 for n in range(1, args.clients + 1)]
        for p in procs:
            p.start()
        time.sleep(3)  # let every client import and connect before the clock starts
        go.set()
        results = [json.loads(out.get(timeout=args.seconds + 300)) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        lost, missing = verify(url, results, before)
        ok = report(results, lost, missing, args.seconds)
    finally:
        cluster.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
