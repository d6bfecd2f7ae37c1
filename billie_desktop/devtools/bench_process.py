"""A benchmark part in a process of its own (so that its memory is the console's alone):
the child runs one coroutine on the console's event loop and prints its figures as JSON;
the parent starts it and reads them back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from typing import Any


def child(measure: Callable[[str], Awaitable[dict[str, Any]]]) -> int:
    """In the child: ``measure(url)`` on a qasync loop, its figures printed as JSON."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from billie_desktop.ui.launch import bare_qapp, run_app, set_app_icon

    qapp = bare_qapp()
    set_app_icon(qapp)
    figures: dict[str, Any] = {}

    async def run(reporter: Any) -> int:
        figures.update(await measure(sys.argv[1]))
        return 0

    run_app(qapp, run)
    print(json.dumps(figures), flush=True)
    return 0


def parent(module: str, url: str) -> dict[str, Any] | str:
    """In ``make bench``: the child's figures, or why there are none."""
    out = subprocess.run([sys.executable, "-m", module, url], capture_output=True, text=True,
                         check=False, timeout=3600)  # (a million rows: minutes)
    lines = [x for x in out.stdout.splitlines() if x.startswith("{")]
    if not lines:
        return "FAILED: " + (out.stderr or out.stdout)[-800:]
    figures: dict[str, Any] = json.loads(lines[-1])
    return figures
