"""What is logged before the log file joins (``launch.configure_logging`` keeps it, and
``log_file.add_log_file`` writes it first): a module of its own, so that the log file
never imports the start-up code that later imports it."""

from __future__ import annotations

import logging


class EarlyRecords(logging.Handler):
    """Keeps what is logged before the log file joins, for the file to write first."""

    LIMIT = 1000

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < self.LIMIT:
            self.records.append(record)
