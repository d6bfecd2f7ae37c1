"""``billie-sandbox``: the sandbox in the foreground."""

from __future__ import annotations

import argparse
import logging
import signal
import sys

from billie_desktop.sandbox.arguments import add_sandbox_arguments, default_db_path
from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.demo import DEMO_SIGN_INS, ORGANISATIONS


def options_from(args: argparse.Namespace, *, port: int, host: str = "127.0.0.1"
                 ) -> SandboxOptions:
    return SandboxOptions(
        db_path=None if args.memory else (args.db or default_db_path()), host=host, port=port,
        auth=args.auth, json=args.json, role_check=args.role_check, token_ttl=args.token_ttl,
        refresh_token_ttl=args.refresh_token_ttl, customers=args.customers, reset=args.reset,
        faults=args.faults, hostile_text=args.hostile_text, shared_emails=args.shared_emails,
        unlink=args.unlink, latency=args.latency, jitter=args.jitter)


def demo_sign_ins() -> str:
    lines = [f"Demo sign-ins (password for all: {DEMO_SIGN_INS.password}):"]
    lines += [f"  {user:<26} {note}" for user, note in DEMO_SIGN_INS.users]
    return "\n".join(lines)


def _exit_quietly(signum: int, frame: object) -> None:
    raise SystemExit(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="billie-sandbox",
        description="A ServiceStack-faithful Billiecart server on SQLite, for development.")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to bind (default: %(default)s; loopback only)")
    parser.add_argument("--port", type=int, default=5005, help="0 picks a free port")
    parser.add_argument("--log-level", default="info",
                        choices=("debug", "info", "warning", "error"))
    add_sandbox_arguments(parser)
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: binding {args.host} exposes the sandbox beyond this machine",
              file=sys.stderr)
    try:
        options = options_from(args, port=args.port, host=args.host)
    except ValueError as exc:
        parser.error(str(exc))

    from billie_desktop.sandbox.server import bind_socket, make_server, open_store

    try:
        sock = bind_socket(options.host, options.port)
    except OSError as exc:
        print(f"billie-sandbox: cannot listen on {options.host}:{options.port}: {exc.strerror}",
              file=sys.stderr)
        return 2
    print(f"Preparing the database ({options.db_path or 'in memory'})...", flush=True)
    store = open_store(options)
    host, port = sock.getsockname()[:2]
    per_org = store.meta("customers_per_organisation")
    if not store.seeded_now and options.customers != int(per_org or 0) and not options.reset:
        print(f"note: the database already holds {per_org} customers per organisation; "
              "add --reset to seed it again with --customers", flush=True)
    print(f"Billiecart sandbox listening on http://{host}:{port}  ({options.flavour}"
          f"{'; faults on' if options.faults else ''})")
    print(f"Organisations: {', '.join(ORGANISATIONS)} ({per_org} customers each)")
    print(demo_sign_ins())
    print("Press Ctrl+C to stop.", flush=True)
    server = make_server(options, store, args.log_level)
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal with the
    # handler that was there before: make that one a quiet, successful exit.
    signal.signal(signal.SIGTERM, _exit_quietly)
    signal.signal(signal.SIGINT, _exit_quietly)
    try:
        server.run(sockets=[sock])
    finally:
        print("Sandbox stopped.", flush=True)
        store.close()
        sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
