"""`ttdesk-cli`: the console program beside the desktop app.

Every command is `ttdesk.cli`'s; one more lives here because it needs Qt, which the CLI package
may not import: `ttdesk-cli self-test` runs the installation check of `ttdesk --self-test`
(database, rules, font, Qt with a Chinese glyph) and prints its result and exit code to the
console. On Windows the desktop `ttdesk.exe` is a windowed program whose output a console
cannot show, so installers and scripts check an installation through this one.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["self-test"]:
        from ttdesk.__main__ import self_test

        return self_test()
    from ttdesk.cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
