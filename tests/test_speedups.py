"""billie_desktop/speedups.py: each trick is on by default and BILLIE_NO_SPEEDUPS=1 turns
every one off (to debug, or to measure, without them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import builtins, gc, json, sys
from billie_desktop import speedups
speedups.at_start()
import PySide6.QtCore
from billie_desktop.speedups import collector_held, platform_keyring
collector = gc.isenabled()
gc.enable()  # (as start-up, once settled)
with collector_held():
    held = not gc.isenabled()
print(json.dumps(dict(collector=collector, httpx_cli_kept_out="httpx._main" in sys.modules,
           pyside_hook=builtins.__import__.__name__ == "__feature_import__",
           qt_namespace="Qt" in vars(PySide6.QtCore), held=held,
           platform_keyring=platform_keyring() is not None)))
"""


def run_probe(**env: str) -> dict[str, bool]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    environment.pop("PYTHON_KEYRING_BACKEND", None)  # (then the platform's is looked for)
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            check=True, env=environment, timeout=60)
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("switch", ["", "0"])
def test_the_speedups_are_on_by_default(switch):
    seen = run_probe(BILLIE_NO_SPEEDUPS=switch)
    assert seen["collector"] is False  # held until start-up settles
    assert seen["httpx_cli_kept_out"] and not seen["pyside_hook"]
    assert not seen["qt_namespace"] and seen["held"]


def test_billie_no_speedups_turns_every_one_off():
    seen = run_probe(BILLIE_NO_SPEEDUPS="1")
    assert seen == dict(collector=True, httpx_cli_kept_out=False, pyside_hook=True,
                        qt_namespace=True, held=False, platform_keyring=False)
