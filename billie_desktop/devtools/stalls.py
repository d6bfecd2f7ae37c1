"""What ``make bench`` measures as it goes: how long the event loop was blocked, and the
process's memory."""

from __future__ import annotations

import resource
import time
from typing import Any


class StallProbe:
    """A 10 ms timer on the event loop: how late each tick comes is how long the loop was
    blocked."""

    def __init__(self, timer: Any) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = timer
        timer.timeout.connect(self._tick)
        timer.start(10)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def stop(self) -> list[float]:
        self._timer.stop()
        return self.gaps


def rss_mib() -> float:
    """This process's resident memory now, in MiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
