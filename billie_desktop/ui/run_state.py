"""A bulk run's states and its one set of counts (ui/bulk_run.py runs it; the windows show
it). Plain data: no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class RunState(Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSING = "pausing"  # nothing new is sent; waiting for what is in flight
    PAUSED = "paused"
    CANCELLING = "cancelling"  # nothing new is sent; then lost answers are read back
    DONE = "done"


@dataclass(frozen=True)
class Tally:
    """The run's one set of counts, which every line of the window shows."""

    linked: int
    failed: int
    left: int  # ticked, not yet answered: waiting, in flight, or to be read back
    in_flight: int
    not_sent: int  # cancelled before it was sent
    ticked: int  # linked + failed + left + not sent: what Apply was asked to link

    @property
    def answered(self) -> int:
        return self.linked + self.failed
