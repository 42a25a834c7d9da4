"""Entry point of `ttdesk-cli [--db URL] [--lang zh|en] COMMAND [ARGS] [--json]`.

Exit codes (interfaces.md): 0 done; 2 refused because of the input (each problem on stderr,
nothing written); 1 any other failure. Each command lives in a module of this package that
exposes `register(subparsers)`; the handler receives the open context and its arguments.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

from ttdesk.core.base.errors import NotFound, TTDeskError, ValidationFailed
from ttdesk.errors import SchemaTooNew

EXIT_OK, EXIT_FAILURE, EXIT_REFUSED = 0, 1, 2


Handler = Callable[[Any, argparse.Namespace], int]


def command_modules() -> tuple[ModuleType, ...]:
    """The modules that add commands, in the order of `--help`; each has register(subparsers).
    Imported here, not at the top, because they import this module's helpers."""
    from ttdesk.cli import (
        cmd_backup,
        cmd_check,
        cmd_db,
        cmd_demo,
        cmd_exchange,
        cmd_filing,
        cmd_ledger,
        cmd_money,
        cmd_query,
    )

    return (cmd_db, cmd_query, cmd_exchange, cmd_backup, cmd_demo, cmd_check, cmd_money,
            cmd_filing, cmd_ledger)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ttdesk-cli", description="TT Desk command line / 科技成果转化管理命令行"
    )
    parser.add_argument("--db", help="SQLAlchemy URL or SQLite file (default: TTDESK_DB or the "
                        "data folder's ttdesk.db)")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh",
                        help="language of messages (default zh)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in command_modules():
        module.register(sub)
    return parser


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def open_ctx(args: argparse.Namespace) -> Any:
    from ttdesk.core.office.setup import open_context

    return open_context(args.db, lang=args.lang)


def report_problems(error: TTDeskError, lang: str) -> None:
    for line in error.messages(lang):
        print(line, file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang
    try:
        return int(args.handler(args))
    except (ValidationFailed, NotFound) as exc:
        report_problems(exc, lang)
        return EXIT_REFUSED
    except TTDeskError as exc:
        report_problems(exc, lang)
        return EXIT_FAILURE
    except SchemaTooNew as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): not an error; silence the flush at exit
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted / 已中断", file=sys.stderr)
        return EXIT_FAILURE
