"""Asking the keyring where Remember me keeps sessions, without ever waiting on it: it may
take its time (an unlock prompt, a D-Bus service starting), so it is asked in a worker
thread while start-up goes on (``ConsoleApp.start``)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from billie_desktop.api import TokenStoreChoice

KEYRING_GRACE = 0.25  # s: a keyring slower than this answers behind the sign-in window
KEYRING_TIMEOUT = 30.0  # s: then "Remember me" is for this session only


def probe_keyring_in_thread(server: str | None) -> TokenStoreChoice:
    """Runs in a worker thread: keyring and its backends are imported there too."""
    from billie_desktop.api import probe_keyring

    return probe_keyring(server)


async def keyring_answer(probing: Awaitable[TokenStoreChoice],
                         slow: Callable[[], object] | None = None) -> TokenStoreChoice:
    """The keyring's answer: ``slow()`` is called if it has not come within
    ``KEYRING_GRACE`` (the console shows the sign-in window then), and after
    ``KEYRING_TIMEOUT`` sessions are kept in memory, with the warning that says so."""
    from billie_desktop.api import MemoryTokenStore, TokenStoreChoice
    from billie_desktop.api.tokens import SLOW_KEYRING

    answer = asyncio.ensure_future(probing)
    if slow is not None:
        done, _ = await asyncio.wait({answer}, timeout=KEYRING_GRACE)
        if not done:
            slow()
    try:
        return await asyncio.wait_for(answer, KEYRING_TIMEOUT)
    except TimeoutError:
        return TokenStoreChoice(MemoryTokenStore(), SLOW_KEYRING)
