"""How many requests bulk work keeps in flight (work/pace.py, issue #24): it grows against
a steady server up to its cap and no further, halves and waits on "not now" (429 with
Retry-After, 503), slows when answers take longer, never stops altogether."""

from __future__ import annotations

import time

import pytest

from billie_desktop.work.pace import CAP, START, Pace


def test_it_grows_against_a_steady_server_and_never_passes_its_cap():
    pace = Pace()
    assert pace.allowed == START
    seen = []
    for _ in range(200):
        pace.answered(0.1)  # a steady 100 ms round trip
        seen.append(pace.allowed)
    assert seen[3] > START and max(seen) == CAP and pace.reason == ""
    lowered = Pace(cap=6)
    for _ in range(50):
        lowered.answered(0.1)
    assert lowered.allowed == 6  # a setting's lower cap holds too


@pytest.mark.parametrize("status,retry_after,words", [
    (429, 2.0, "the server asked to wait 2 s (HTTP 429)"),
    (503, None, "the server was busy (HTTP 503)"),
])
def test_not_now_halves_it_and_nothing_goes_before_retry_after(status, retry_after, words):
    pace = Pace()
    for _ in range(20):
        pace.answered(0.1)
    before = pace.limit
    pace.refused(status, retry_after)
    assert pace.limit == pytest.approx(before / 2) and pace.why() == words
    waits = pace.not_before - time.monotonic()
    assert waits == pytest.approx(retry_after or 1.0, abs=0.05)
    grown = pace.limit
    for _ in range(int(grown)):  # after a slow-down it grows by one a round trip
        pace.answered(0.1)
    assert pace.limit == pytest.approx(grown + 1, abs=0.2)


def test_it_slows_when_answers_take_longer_and_never_below_one():
    pace = Pace()
    for _ in range(10):
        pace.answered(0.1)
    before = pace.limit
    pace.answered(0.5)  # a queue somewhere: five times the fastest
    assert pace.limit == pytest.approx(before * 0.75)
    assert pace.why() == "the server's answers are slowing"
    for _ in range(100):
        pace.refused(503, 0.0)
    assert pace.allowed == 1  # one at a time at the slowest, never none
    loopback = Pace()
    loopback.answered(0.001)
    loopback.answered(0.008)  # eight times the fastest, but 7 ms: jitter, not a queue
    assert loopback.reason == ""


def test_answers_within_20_ms_keep_it_at_four():
    """Loopback or a LAN: four in flight keep the server busy; more would only queue there
    (and made Link by email slower on loopback: 410 links a second against 460)."""
    near = Pace()
    for _ in range(100):
        near.answered(0.005)
    assert near.allowed == START and near.reason == ""


async def test_it_waits_out_retry_after():
    pace = Pace()
    pace.refused(429, 0.2)
    started = time.monotonic()
    await pace.wait_turn()
    assert time.monotonic() - started >= 0.19
