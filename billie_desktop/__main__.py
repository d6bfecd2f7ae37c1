"""``billie-desktop`` and ``python -m billie_desktop``: parse the command line, then hand
over to the console (or, with ``--smoke-test``, to the developer tools' smoke test)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from billie_desktop import __version__, speedups


def parse_args(argv: list[str]) -> argparse.Namespace:
    from billie_desktop.sandbox.arguments import add_sandbox_arguments

    parser = argparse.ArgumentParser(prog="billie-desktop",
                                     description="The Billiecart manager console.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--server", metavar="URL", help="the Billiecart server to use")
    parser.add_argument("--sandbox", action="store_true",
                        help="start the embedded sandbox on a free loopback port and use it")
    parser.add_argument("--smoke-test", action="store_true",
                        help="drive the real windows against an embedded sandbox and exit "
                             "0 on success, 1 otherwise")
    parser.add_argument("--settings", type=Path, metavar="FILE",
                        help="keep preferences in this file instead of the usual place")
    parser.add_argument("--locale", metavar="LANG",
                        help="the language to use instead of the system's (en_XA: the "
                             "pseudo-locale, accented and longer, for checking translations)")
    parser.add_argument("--log-level", default="info",
                        choices=("debug", "info", "warning", "error"))
    # For tests that start the console as a user does: MODULE:FUNCTION, an async function
    # given the running ConsoleApp, that acts as the user would and returns when done.
    parser.add_argument("--drive", metavar="MODULE:FUNCTION", help=argparse.SUPPRESS)
    add_sandbox_arguments(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    speedups.at_start()  # (billie_desktop/speedups.py: each trick, and what it saves)
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.smoke_test:
        from billie_desktop.devtools.smoke import run_smoke_test

        return run_smoke_test(args)
    from billie_desktop.ui.start import run_console

    if args.drive:
        from billie_desktop.devtools.drive import driver

        return run_console(args, driver(args.drive))
    return run_console(args)


if __name__ == "__main__":
    sys.exit(main())
