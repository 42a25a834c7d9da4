"""The command modules are plain imports: every `cmd_*.py` of the package adds its commands
(a new module that is not listed in `command_modules` fails here, not silently at run time)."""

from __future__ import annotations

import argparse
from pathlib import Path

import ttdesk.cli
from ttdesk.cli.main import build_parser, command_modules


def test_every_command_module_is_registered() -> None:
    folder = Path(ttdesk.cli.__file__).parent
    on_disk = {f"ttdesk.cli.{p.stem}" for p in folder.glob("cmd_*.py")}
    assert {m.__name__ for m in command_modules()} == on_disk


def test_the_parser_offers_the_commands_of_every_module() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    names = set(sub.choices)
    for expected in ("list", "show", "backup", "demo", "check", "filing", "import-ledger"):
        assert expected in names
