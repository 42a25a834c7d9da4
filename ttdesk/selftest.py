"""`ttdesk --self-test`: prove an installed or frozen TT Desk works, without a display.

Checks that the database layer opens, migrates (Alembic scripts shipped as files) and seeds a
fresh SQLite file, that the rule code runs, and that the CJK font is reachable. No Qt here: the
entry point adds its own Qt check (`extra_checks`) so this module stays importable by the core.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

Check = tuple[str, Callable[[], str]]


class SelfTestFailed(Exception):
    """A check found something wrong."""


def _expect(condition: bool, message: str) -> None:
    # Not `assert`: a frozen or `python -O` build would drop the check silently.
    if not condition:
        raise SelfTestFailed(message)


@contextmanager
def _temporary_home() -> Iterator[Path]:
    """A throwaway TTDESK_HOME so the self-test never touches the user's data folder."""
    previous = os.environ.get("TTDESK_HOME")
    with tempfile.TemporaryDirectory(prefix="ttdesk-selftest-", ignore_cleanup_errors=True) as d:
        os.environ["TTDESK_HOME"] = d
        try:
            yield Path(d)
        finally:
            if previous is None:
                os.environ.pop("TTDESK_HOME", None)
            else:
                os.environ["TTDESK_HOME"] = previous


def check_database() -> str:
    from ttdesk.core.office.setup import open_context
    from ttdesk.core.views.stats import count_achievements
    from ttdesk.db import migrate

    with _temporary_home() as home:
        ctx = open_context(str(home / "selftest.db"))
        try:
            with ctx.db.engine.connect() as conn:
                revision = migrate.current_revision(conn)
            head = migrate.script_head()
            _expect(revision == migrate.HEAD_REVISION == head,
                    f"schema at {revision}, app expects {migrate.HEAD_REVISION}, scripts {head}")
            _expect(count_achievements(ctx) == 0, "a fresh database is not empty")
        finally:
            ctx.db.dispose()
    return f"sqlite migrated to {revision}"


def check_rules() -> str:
    from ttdesk.core.rules.credit_code import is_valid_credit_code, make_credit_code
    from ttdesk.core.rules.money import largest_remainder

    code = make_credit_code(random.Random(20240101))
    _expect(is_valid_credit_code(code), f"generated credit code {code} fails its own check")
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    _expect(not is_valid_credit_code(wrong), f"credit code {wrong} with a wrong check passes")
    parts = largest_remainder(Decimal("100.00"), [Decimal(1)] * 3)
    _expect(parts == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")],
            f"largest remainder split 100.00 / 3 as {parts}")
    return "credit code and money split"


def check_font() -> str:
    from ttdesk.fonts import find_cjk_font

    path = find_cjk_font()
    with path.open("rb") as f:
        magic = f.read(4)
    _expect(magic in (b"ttcf", b"\x00\x01\x00\x00", b"true"),
            f"{path} is not a TrueType font (starts with {magic!r})")
    return str(path)


CORE_CHECKS: tuple[Check, ...] = (
    ("database", check_database),
    ("rules", check_rules),
    ("font", check_font),
)


def run_self_test(extra_checks: Sequence[Check] = ()) -> int:
    """Run every check in order; print one line each and "self-test ok", or the failure."""
    for name, check in (*CORE_CHECKS, *extra_checks):
        started = time.perf_counter()
        try:
            detail = check()
        except Exception as exc:
            traceback.print_exc(file=sys.stdout)
            print(f"self-test FAILED: {name}: {exc}")
            return 1
        print(f"  {name}: ok ({detail}, {time.perf_counter() - started:.2f} s)")
    print("self-test ok")
    return 0
