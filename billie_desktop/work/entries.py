"""What the activity journal records of a change: who made it and where (``Where``), and
how it ended. Plain data, apart from the journal itself (work/journal.py, SQLite), so that
the windows and the linking code that only name these need not load SQLite."""

from __future__ import annotations

from dataclasses import dataclass

PENDING, LINKED, FAILED, NO_ANSWER = "pending", "linked", "failed", "no answer"
OUTCOMES = (LINKED, FAILED, NO_ANSWER, PENDING)


@dataclass(frozen=True)
class Where:
    """Who made a change, where (the same for every entry of a session and organisation)."""

    server: str
    organisation_id: str
    organisation_name: str
    signed_in_as: str
