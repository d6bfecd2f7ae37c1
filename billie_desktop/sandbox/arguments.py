"""The sandbox's command-line options, shared by ``billie-sandbox`` and the console's
``--sandbox``. Kept light: the console parses its arguments before its first window, so
this module imports neither the server nor ``platformdirs``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from billie_desktop.sandbox.flavours import (
    AUTH_MODES,
    DEFAULT_CUSTOMERS,
    JSON_MODES,
    ROLE_CHECKS,
    AuthMode,
    JsonMode,
    RoleCheck,
)


def default_db_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path("billie-desktop", appauthor=False) / "sandbox.sqlite3"


class _DbHelp(str):
    """``--db``'s help names the default file, found only when ``--help`` is printed
    (argparse fills in a help text with ``%``)."""

    def __new__(cls) -> _DbHelp:
        return super().__new__(cls, "SQLite file")

    def __mod__(self, values: Any) -> str:
        return f"SQLite file (default: {default_db_path()})"


def add_sandbox_arguments(parser: argparse.ArgumentParser) -> None:
    """The flavour and data options, shared with the console's ``--sandbox``."""
    group = parser.add_argument_group("sandbox")
    group.add_argument("--db", type=Path, default=None,
                       help=_DbHelp())
    group.add_argument("--memory", action="store_true",
                       help="keep everything in memory; nothing persists")
    group.add_argument("--reset", action="store_true",
                       help="delete the database and seed it again")
    group.add_argument("--customers", type=int, default=DEFAULT_CUSTOMERS, metavar="N",
                       help="customers per organisation when seeding (default: %(default)s)")
    group.add_argument("--auth", choices=AUTH_MODES, default=AuthMode.JWT_COOKIE,
                       help="how sessions are handed out (default: %(default)s)")
    group.add_argument("--json", choices=JSON_MODES, default=JsonMode.CLASSIC,
                       help="classic: /Date()/ dates, dash-less GUIDs; stj: ISO 8601, dashed "
                            "GUIDs (default: %(default)s)")
    group.add_argument("--role-check", choices=ROLE_CHECKS, default=RoleCheck.REQUIRED_ROLE,
                       help="required-role: text/plain 403; validate-has-role: JSON 403")
    group.add_argument("--token-ttl", type=float, default=3600.0, metavar="SECONDS",
                       help="access-token (or session) lifetime (default: %(default)s)")
    group.add_argument("--refresh-token-ttl", type=float, default=30 * 24 * 3600.0,
                       metavar="SECONDS", help="refresh-token lifetime (default: 30 days)")
    group.add_argument("--faults", action="store_true",
                       help="accept fault-injection requests (X-Sandbox-Fault, /sandbox/faults)")
    group.add_argument("--shared-emails", type=int, default=0, metavar="N",
                       help="per organisation, N accounts whose email differs from their "
                            "customer's in case and spaces, N emails shared by two accounts "
                            "and N by two customers (for linking by email)")
    group.add_argument("--latency", type=_milliseconds, default=0.0, metavar="MS",
                       help="add a round trip of MS milliseconds to every answer, half before "
                            "the server handles the request and half after, as a slow office "
                            "link or VPN would (default: none)")
    group.add_argument("--jitter", type=_milliseconds, default=0.0, metavar="MS",
                       help="with --latency: up to MS milliseconds more, at random, each time")
    group.add_argument("--no-unlink", dest="unlink", action="store_false",
                       help="leave out the assumed operation that removes a link, as a server "
                            "without it would (the console then offers no undo of a link)")
    group.add_argument("--hostile-text", action="store_true",
                       help="dress some names, emails and addresses up as HTML markup, to "
                            "check that the console shows them as plain text")


def _milliseconds(text: str) -> float:
    """A command line's milliseconds, in seconds."""
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value / 1000
