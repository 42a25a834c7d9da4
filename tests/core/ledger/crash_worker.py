"""Run by test_crash.py: imports a ledger and prints its progress, so the test can SIGKILL it
while the write is under way.

`python crash_worker.py URL LEDGER.xlsx`
"""

from __future__ import annotations

import sys

from ttdesk.codes import UserRole
from ttdesk.core.base.access import CurrentUser
from ttdesk.core.ledger import import_ledger
from ttdesk.core.office.setup import open_context


def main(url: str, path: str) -> None:
    ctx = open_context(url, migrate_backup=False)
    # a database that requires logins (PostgreSQL): act as a user holding every role
    ctx = ctx if ctx.user else ctx.as_user(CurrentUser(None, "worker", UserRole.ADMIN,
                                                       all_roles=True))
    last = [0.0]

    def progress(fraction: float, message: str) -> None:
        if fraction - last[0] >= 0.02 or fraction >= 1.0:
            last[0] = fraction
            print(f"progress {fraction:.3f} {message}", flush=True)

    import_ledger(ctx, path, progress=progress)
    print("finished", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
