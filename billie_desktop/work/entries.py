"""What the activity journal records of a change: who made it and where (``Where``), and
how it ended. Plain data, apart from the journal itself (work/journal.py, SQLite), so that
the windows and the linking code that only name these need not load SQLite."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PENDING, LINKED, FAILED, NO_ANSWER = "pending", "linked", "failed", "no answer"
UNLINKED = "unlinked"  # an undone link: the customer has no user account again
NOT_CHANGED = "not changed"  # the answer was lost; reading back showed the change not made
OUTCOMES = (LINKED, UNLINKED, FAILED, NOT_CHANGED, NO_ANSWER, PENDING)
# What a change was: a link made in the link dialog, one that replaced another account, one
# of a Link by email run; and the undoing of one: the link removed, the replaced one put back.
LINK, REPLACE, BULK_LINK, UNLINK, PUT_BACK = "link", "replace", "bulk link", "unlink", "put back"
# How an entry whose answer was lost was settled by reading the customer back, later.
AT_SIGN_IN, CHECK_NOW, BY_THE_RUN = "at sign-in", "check now", "by the run"


@dataclass(frozen=True)
class Where:
    """Who made a change, where (the same for every entry of a session and organisation)."""

    server: str
    organisation_id: str
    organisation_name: str
    signed_in_as: str


def default_path() -> Path:
    """Where the journal is kept: the user's data folder (found without opening SQLite)."""
    import platformdirs

    return platformdirs.user_data_path("billie-desktop", appauthor=False) / "activity.sqlite3"
