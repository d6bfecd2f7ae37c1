"""What the console's bulk work shares (Link by email, the export): how much it asks of
the server at once, and how it reports progress. No widgets here."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from billie_desktop.api import Request

MAX_TAKE = 500  # rows a page: ServiceStack AutoQuery's usual MaxLimit, and the sandbox's
IN_FLIGHT = 4  # requests at once: quick, without crowding the server

Send = Callable[[Request[Any]], Awaitable[Any]]  # Session.send, or a client's


@dataclass
class RowsProgress:
    rows_done: int
    rows: int
    started: float  # time.perf_counter() when the work began

    @property
    def rate(self) -> float:
        """Rows a second so far."""
        return self.rows_done / max(time.perf_counter() - self.started, 1e-3)

    @property
    def seconds_left(self) -> float:
        rate = self.rate
        return (self.rows - self.rows_done) / rate if rate > 0 else 0.0
