"""ui/warm_up.py: what signing in needs is ready before the user presses Sign in."""

from __future__ import annotations

import subprocess
import sys

from billie_desktop.ui.warm_up import MAIN_WINDOW
from tests.test_journeys import console as start_console
from tests.test_journeys import passed


def test_the_warm_up_list_brings_in_every_module_of_the_main_window():
    """Importing the list but its last entry leaves nothing for ``ui.main_window`` to
    import from the package: each step of the warm-up is one module (a short stall)."""
    code = ("import sys\nimport billie_desktop.ui.app, billie_desktop.api.client\n"
            f"for name in {list(MAIN_WINDOW[:-1])!r}:\n    __import__(name)\n"
            "before = set(sys.modules)\nimport billie_desktop.ui.main_window\n"
            "print(sorted(m for m in set(sys.modules) - before if m.startswith('billie')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"QT_QPA_PLATFORM": "offscreen",
                                          "PATH": "/usr/bin:/bin"}).stdout
    assert out.strip() == "['billie_desktop.ui.main_window']"


def test_the_client_and_the_main_window_are_ready_before_signing_in(tmp_path):
    out = passed(start_console(tmp_path, "https://billiecart.invalid", "warmed_up"))
    assert ("ready before signing in: billie_desktop.api.client, anyio._backends._asyncio, "
            "billie_desktop.ui.link_dialog") in out
    kept = int(out.split("source lines kept: ")[1].split()[0])
    assert kept < 2000, kept  # PySide6's import hook read tens of thousands of lines
    frozen = int(out.split("collector on, ")[1].split()[0])  # held until settled, then on
    assert frozen > 50_000, frozen
