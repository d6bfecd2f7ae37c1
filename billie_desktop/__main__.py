"""``billie-desktop`` and ``python -m billie_desktop``."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from billie_desktop.ui.app import main as console_main

    return console_main(argv)


if __name__ == "__main__":
    sys.exit(main())
