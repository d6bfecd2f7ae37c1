"""``billie-desktop``. Until the console lands, ``--sandbox`` runs the sandbox in the
foreground and prints its address and the demo sign-ins."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from billie_desktop.sandbox.cli import main as sandbox_main

    args = list(sys.argv[1:] if argv is None else argv)
    if "--sandbox" in args:
        args.remove("--sandbox")
    return sandbox_main(args)


if __name__ == "__main__":
    sys.exit(main())
