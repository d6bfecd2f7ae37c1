"""Link by email over a slow link (issue #24): the run keeps more links in flight while the
server answers steadily, never more than its cap, and slows down at once, saying why, when
the server says "not now"; nothing is linked twice either way."""

from __future__ import annotations

import asyncio

from billie_desktop.ui.run_state import RunState
from billie_desktop.work.matching import Outcome
from billie_desktop.work.pace import CAP
from tests.ui.conftest import queue_fault, signed_in, until
from tests.ui.test_bulk_link import apply, opened, puts
from tests.ui.test_bulk_link import sandbox as sandbox  # (the fixture: shared emails)
from tests.ui.test_stopping import answer


async def watched(window, every: float = 0.005) -> tuple[int, list[str]]:
    """Until the run is done: the most links in flight at once, and each status line."""
    peak, said = 0, []
    while window.run.state != RunState.DONE:
        peak = max(peak, window.run.tally().in_flight)
        if not said or said[-1] != window.status.text():
            said.append(window.status.text())
        await asyncio.sleep(every)
    return peak, said


async def test_more_go_at_once_against_a_steady_server_never_past_the_cap(console, sandbox):
    window = await opened(await signed_in(console))
    pairs = window.result.pairs
    await queue_fault(sandbox, "latency=0.1", "/customers/", method="PUT", times=len(pairs))
    await apply(window)
    peak, said = await watched(window)
    assert 4 < peak <= CAP, peak  # it grew past the four it starts with
    assert any(" in flight · " in line for line in said)
    assert all(p.outcome == Outcome.LINKED for p in pairs)
    assert set(puts(sandbox).values()) == {1}  # each sent once
    window.close()


async def test_not_now_slows_it_waits_retry_after_and_resends_only_that_one(console, sandbox):
    window = await opened(await signed_in(console))
    pairs = window.result.pairs
    refused = pairs[6]
    await queue_fault(sandbox, "429,retry-after=1", f"/customers/{refused.customer.id}",
                      method="PUT")  # (first: the first fault queued that matches is taken)
    await queue_fault(sandbox, "latency=0.05", "/customers/", method="PUT", times=len(pairs))
    await apply(window)
    _, said = await watched(window)
    assert any("slowed: the server asked to wait 1 s (HTTP 429)" in line for line in said), \
        [line for line in said if "slowed" in line or "429" in line][:5] or said[:8]
    assert all(p.outcome == Outcome.LINKED for p in pairs)
    sent = puts(sandbox)
    assert sent[refused.customer.id] == 2 and set(sent.values()) == {1, 2}
    assert sum(v == 2 for v in sent.values()) == 1  # only the refused one went twice
    assert window.status.text().startswith(f"Done — linked {len(pairs)}, failed 0")
    window.close()


async def test_a_server_that_keeps_refusing_pauses_the_run(console, sandbox):
    window = await opened(await signed_in(console))
    pairs = window.result.pairs
    await queue_fault(sandbox, "503,retry-after=0", "/customers/", method="PUT", times=40)
    await apply(window)
    await until(lambda: window.run.state in (RunState.PAUSED, RunState.DONE))
    await window.run.wait_idle()
    assert window.run.state == RunState.PAUSED
    assert "keeps asking to slow down (HTTP 503)" in window.banner.text.text()
    assert not any(p.outcome == Outcome.FAILED for p in pairs)  # waiting, not failed
    window.close()
    await answer("Stop and close")
    await until(lambda: not window.isVisible())


async def test_a_lower_setting_caps_it(console, sandbox):
    main = await signed_in(console)
    main.session.max_in_flight = 6  # as Settings.max_in_flight gives it (network/max-in-flight)
    window = await opened(main)
    pairs = window.result.pairs
    await queue_fault(sandbox, "latency=0.05", "/customers/", method="PUT", times=len(pairs))
    await apply(window)
    peak, _ = await watched(window)
    assert 4 < peak <= 6 and window.run.pace.cap == 6
    window.close()
