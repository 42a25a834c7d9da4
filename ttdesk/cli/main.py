"""Entry point of `ttdesk-cli [--db URL] [--lang zh|en] COMMAND [ARGS] [--json]`.

Exit codes (interfaces.md): 0 done; 2 refused because of the input (each problem on stderr,
nothing written); 1 any other failure. Each command lives in a module of this package that
exposes `register(subparsers)`; the handler receives the open context and its arguments.

`main` is the one top-level handler: typed errors print their problems; known failures (a
damaged database, a full disk, a missing file...) print one bilingual line (see
ttdesk.core.base.failures); anything else writes its traceback to the log file and prints a
short message with the log's path. No traceback reaches the terminal.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from ttdesk.core.base.errors import NotFound, TTDeskError, ValidationFailed
from ttdesk.core.base.failures import describe
from ttdesk.core.base.privacy import RedactingFormatter
from ttdesk.errors import SchemaGateError
from ttdesk.filemodes import private_dir, private_file, restrict_umask

log = logging.getLogger("ttdesk.cli")

EXIT_OK, EXIT_FAILURE, EXIT_REFUSED = 0, 1, 2


Handler = Callable[[Any, argparse.Namespace], int]


def command_modules() -> tuple[ModuleType, ...]:
    """The modules that add commands, in the order of `--help`; each has register(subparsers).
    Imported here, not at the top, because they import this module's helpers."""
    from ttdesk.cli import (
        cmd_audit,
        cmd_backup,
        cmd_case,
        cmd_check,
        cmd_db,
        cmd_deal,
        cmd_demo,
        cmd_diligence,
        cmd_disclosure,
        cmd_exchange,
        cmd_files,
        cmd_filing,
        cmd_followup,
        cmd_grant,
        cmd_income,
        cmd_ledger,
        cmd_market,
        cmd_master,
        cmd_money,
        cmd_query,
        cmd_revitalise,
        cmd_server,
        cmd_statement,
        cmd_user,
    )

    return (cmd_db, cmd_query, cmd_exchange, cmd_backup, cmd_demo, cmd_check, cmd_audit,
            cmd_money, cmd_income, cmd_filing, cmd_ledger, cmd_diligence, cmd_master, cmd_case,
            cmd_deal, cmd_files, cmd_grant, cmd_disclosure, cmd_statement, cmd_revitalise,
            cmd_followup,
            cmd_market,
            cmd_server, cmd_user)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ttdesk-cli", description="TT Desk command line / 科技成果转化管理命令行"
    )
    parser.add_argument("--db", help="SQLAlchemy URL or SQLite file (default: TTDESK_DB or the "
                        "data folder's ttdesk.db)")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh",
                        help="language of messages (default zh)")
    parser.add_argument("--user", default=None,
                        help="log in as USER (default TTDESK_USER); the password comes from "
                        "TTDESK_PASSWORD or a prompt; or set TTDESK_API_KEY for scripts")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in command_modules():
        module.register(sub)
    return parser


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def add_force_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true",
                        help="overwrite an existing output file (never the database or a "
                        "backup)")


def open_ctx(args: argparse.Namespace, *, create: bool = False) -> Any:
    """The open, migrated database. Only commands that write data (`create=True`: init,
    demo, imports) may create a missing SQLite file; a read command on a mistyped --db is
    refused instead of answering from a new, empty database."""
    from ttdesk.core.office.setup import make_room, open_context, require_existing

    if create:
        make_room(args.db)
    else:
        require_existing(args.db)
    ctx = open_context(args.db, lang=args.lang)
    _OPENED.append(ctx.db)  # disposed when the command ends (no connection left open)
    return sign_in(ctx, getattr(args, "user", None))


_OPENED: list[Any] = []


def _dispose_opened() -> None:
    while _OPENED:
        db = _OPENED.pop()
        try:
            db.dispose()
        except Exception:  # a broken connection: the command's own answer stands
            log.debug("dispose failed", exc_info=True)


def sign_in(ctx: Any, user: str | None) -> Any:
    """Log the command in: `--user`/TTDESK_USER with TTDESK_PASSWORD or a prompt, or
    TTDESK_API_KEY; without either, a local file with logins off acts as its single user
    and a database that requires logins refuses (exit 2). Never an OS account name."""
    import getpass

    from ttdesk.core.base.access import NotLoggedIn
    from ttdesk.core.office import logins

    name = user or os.environ.get("TTDESK_USER")
    key = os.environ.get("TTDESK_API_KEY")
    if name:
        password = os.environ.get("TTDESK_PASSWORD")
        if password is None:
            if not sys.stdin.isatty():
                raise NotLoggedIn()
            password = getpass.getpass(f"{name} 的密码 / password: ")
        return logins.login(ctx, name, password)
    if key:
        return logins.login_with_api_key(ctx, key)
    if ctx.user is None:
        raise NotLoggedIn()
    return ctx


def read_input(path: str) -> bytes:
    """The bytes of an input file (a missing file or a folder is a located refusal)."""
    from ttdesk.core.base.errors import RuleViolation

    p = Path(path)
    if p.is_dir():
        raise RuleViolation("INPUT", "这是一个文件夹，不是文件", "this is a folder, not a file",
                            field="file", where=path)
    if not p.is_file():
        raise RuleViolation("INPUT", "找不到文件", "file not found", field="file", where=path)
    return p.read_bytes()


def log_file() -> Path:
    from ttdesk.core.office.setup import data_dir

    return data_dir() / "logs" / "ttdesk-cli.log"


def _log_unexpected(exc: BaseException) -> Path | None:
    """The traceback into the log file (not the terminal); the log's path, if writable."""
    try:
        path = log_file()
        private_dir(path.parent)
        handler = logging.FileHandler(path, encoding="utf-8")
        private_file(path)
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.propagate = False
    try:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    finally:
        log.removeHandler(handler)
        handler.close()
        log.propagate = True
    return path


def report_failure(exc: BaseException, lang: str) -> int:
    """One line for a known failure; the log path for an unexpected one. The exit code."""
    known = describe(exc)
    if known is not None:
        print(known.message(lang), file=sys.stderr)
        return known.code
    path = _log_unexpected(exc)
    where = f"{path}" if path else "-"
    name = type(exc).__name__
    if lang == "zh":
        print(f"意外错误（{name}），详细信息已写入日志：{where} / unexpected error ({name}); "
              f"details in the log: {where}", file=sys.stderr)
    else:
        print(f"unexpected error ({name}); details in the log: {where}", file=sys.stderr)
    return EXIT_FAILURE


def report_problems(error: TTDeskError, lang: str) -> None:
    for line in error.messages(lang):
        print(line, file=sys.stderr)


def _is_text(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    restrict_umask()  # every file a command makes is the owner's only (0600 / 0700)
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    bad = next((a for a in argv if not _is_text(a)), None)
    if bad is not None:  # e.g. a file name in a wrong encoding: a lone surrogate
        shown = bad.encode("utf-8", "backslashreplace").decode("ascii", "replace")
        print(f"参数不是有效的文本（编码错误） / an argument is not valid text (wrong "
              f"encoding): {shown}", file=sys.stderr)
        return EXIT_REFUSED
    args = parser.parse_args(argv)
    try:
        return _run(args)
    finally:
        _dispose_opened()


def _run(args: argparse.Namespace) -> int:
    lang = args.lang
    try:
        return int(args.handler(args))
    except (ValidationFailed, NotFound) as exc:
        report_problems(exc, lang)
        return EXIT_REFUSED
    except TTDeskError as exc:
        report_problems(exc, lang)
        return EXIT_FAILURE
    except SchemaGateError as exc:
        print(exc.message(lang), file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): not an error; silence the flush at exit
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted / 已中断", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # the one top-level handler: no traceback reaches a person
        return report_failure(exc, lang)
