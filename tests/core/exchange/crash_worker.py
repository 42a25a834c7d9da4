"""Run as a subprocess by test_crash.py, which kills it with SIGKILL part-way.

`python crash_worker.py URL small`  saves cases one at a time forever (one unit of work each:
    a case with two contributors at 50%), printing "saved N" after each commit.
`python crash_worker.py URL big`    one save of 50,000 cases in a single unit of work.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal

from ttdesk import codes as E
from ttdesk.codes import UserRole
from ttdesk.core.base.access import CurrentUser
from ttdesk.core.office.setup import open_context
from ttdesk.db import models as M


def _case(session, n: int, people: list[M.Person]) -> None:  # type: ignore[no-untyped-def]
    ach = M.Achievement(case_no=f"CG-CRASH-{n:06d}", title=f"崩溃测试成果{n}",
                        kind=E.AchievementKind.INVENTION_PATENT, disclosure_date=date(2026, 1, 1))
    ach.contributions = [M.Contribution(person_id=p.id, share=Decimal(50)) for p in people]
    session.add(ach)


def main(url: str, mode: str) -> None:
    ctx = open_context(url, migrate_backup=False)
    # a database that requires logins (PostgreSQL): act as a user holding every role
    ctx = ctx if ctx.user else ctx.as_user(CurrentUser(None, "worker", UserRole.ADMIN,
                                                       all_roles=True))
    with ctx.write() as session:
        people = [M.Person(staff_no=f"CRASH-{i}", name=f"测试{i}") for i in range(2)]
        session.add_all(people)
    print("ready", flush=True)
    if mode == "big":
        with ctx.write() as session:
            for n in range(50_000):
                _case(session, n, people)
                if n % 1000 == 999:
                    session.flush()
        print("finished", flush=True)
        return
    n = 0
    while True:
        with ctx.write() as session:
            _case(session, n, people)
        n += 1
        print(f"saved {n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
