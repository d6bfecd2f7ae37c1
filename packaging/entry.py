"""PyInstaller's entry point: the same main() as the ``billie-desktop`` script."""

import sys

from billie_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
