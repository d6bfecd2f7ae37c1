"""``billie-desktop --drive billie_desktop.devtools.a11y_journey:journey``, for ``make a11y``
(devtools/atspi_check.py reads the windows through AT-SPI meanwhile): signs in on the
sandbox, selects a customer, then opens the link dialog, pausing at each stage until the
checker has read it (it creates the file named by ``BILLIE_A11Y_CONTINUE``)."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from billie_desktop.sandbox.demo import DEMO_SIGN_INS
from billie_desktop.ui.tasks import wait_for

if TYPE_CHECKING:
    from billie_desktop.ui.app import ConsoleApp


async def _stage(name: str) -> None:
    flag = Path(os.environ["BILLIE_A11Y_CONTINUE"] + f".{name}")
    print(f"[a11y] ready {name}", flush=True)
    started = time.monotonic()
    while not await asyncio.to_thread(flag.exists):  # the checker is another process
        if time.monotonic() - started > 60:
            raise TimeoutError(f"the checker did not read {name}")
        await asyncio.sleep(0.05)


async def journey(console: ConsoleApp) -> None:
    window = await wait_for(lambda: console.sign_in_window, limit=30)
    assert window is not None
    await wait_for(lambda: window.sandbox_url, limit=60)
    await _stage("sign-in")
    window.use_demo_user(DEMO_SIGN_INS.manager)
    await window.sign_in()
    main = await wait_for(lambda: console.main_window if console.main_window is not None
                          and console.main_window.isVisible() else None, limit=30)
    assert main is not None
    await wait_for(lambda: main.model.total > 0, limit=30)
    await main.model.wait_idle()
    main.table.selectRow(0)
    await asyncio.sleep(0.3)
    await _stage("main")
    dialog = main.open_link_dialog()
    assert dialog is not None
    await asyncio.sleep(0.3)
    await _stage("dialog")
    dialog.reject()
    await main.tasks.wait_idle()
    main.close()
