"""Run as a subprocess by test_two_processes.py: one officer saving a case.

`python save_worker.py URL CASE_NO TITLE GO_FILE` opens its own connection, reads the case's
version (1), waits until GO_FILE exists so both processes save at the same moment, then saves
with that expected version and prints `saved` or `conflict: <message>`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ttdesk.codes import UserRole
from ttdesk.core.base.access import CurrentUser
from ttdesk.core.base.errors import ConflictError
from ttdesk.core.cases import achievements
from ttdesk.core.office.setup import open_context
from ttdesk.core.views import case_detail


def main(url: str, case_no: str, title: str, go_file: str) -> None:
    ctx = open_context(url, migrate_backup=False)
    # a database that requires logins (PostgreSQL): act as a user holding every role
    ctx = ctx if ctx.user else ctx.as_user(CurrentUser(None, "worker", UserRole.ADMIN,
                                                       all_roles=True))
    version = case_detail(ctx, case_no).version
    print(f"read {version}", flush=True)
    while not Path(go_file).exists():
        time.sleep(0.005)
    try:
        achievements.update(ctx, case_no, {"title": title}, expected_version=version)
    except ConflictError as exc:
        print(f"conflict: {exc.messages('zh')[0]}", flush=True)
    else:
        print("saved", flush=True)
    finally:
        ctx.db.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:5])
