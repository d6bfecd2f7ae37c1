"""The activity journal: every change made from this desktop, kept in SQLite in the user's
data folder (``activity.sqlite3``, ``0600``), so that "who did we link last week, and to
what?" has an answer. No widgets here.

An entry is written before its request is sent ("pending") and completed when the answer
comes ("linked", "failed" with the server's message, or "no answer" when the answer was
lost). An entry still pending from a process that is gone (it crashed or was killed
mid-request) reads "no answer": never a silent gap. Nothing secret goes in: no password,
no token, no bank details; names, ids and emails of the link only.

Written with SQLite's WAL journal: each entry is a small append, so a bulk link of
hundreds a second costs the event loop well under a millisecond per entry."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from billie_desktop.work.entries import NO_ANSWER, PENDING, Where, default_path

__all__ = ["COLUMNS", "Filters", "Journal", "default_path"]
from billie_desktop.work.private_files import private_file

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY, started REAL NOT NULL, ended REAL, pid INTEGER NOT NULL,
    server TEXT NOT NULL, organisation_id TEXT NOT NULL, organisation_name TEXT NOT NULL,
    signed_in_as TEXT NOT NULL, kind TEXT NOT NULL, customer_id TEXT NOT NULL,
    customer_name TEXT NOT NULL, previous_account TEXT NOT NULL, new_account TEXT NOT NULL,
    outcome TEXT NOT NULL, message TEXT NOT NULL DEFAULT '',
    search TEXT NOT NULL DEFAULT '');  -- what the text filter looks in, in one column
CREATE INDEX IF NOT EXISTS ix_entries_started ON entries(started);
CREATE INDEX IF NOT EXISTS ix_entries_organisation ON entries(organisation_id, started);
CREATE INDEX IF NOT EXISTS ix_entries_outcome ON entries(outcome, started);
CREATE INDEX IF NOT EXISTS ix_entries_pending ON entries(outcome) WHERE outcome = 'pending';
"""
# Columns added after the first release, to a journal that lacks them: the accounts' ids
# (what a lost answer is read back against, and what an undo puts back), the Link by email
# run an entry belongs to, and when and how a lost answer was settled later.
_ADDED = (("account_id", "TEXT NOT NULL DEFAULT ''"),
          ("previous_account_id", "TEXT NOT NULL DEFAULT ''"),
          ("run_id", "TEXT NOT NULL DEFAULT ''"), ("confirmed", "REAL"),
          ("confirmed_how", "TEXT NOT NULL DEFAULT ''"))
_ADDED_INDEXES = """
CREATE INDEX IF NOT EXISTS ix_entries_run ON entries(run_id) WHERE run_id != '';
CREATE INDEX IF NOT EXISTS ix_entries_no_answer ON entries(server, organisation_id)
    WHERE outcome = 'no answer';
"""
COLUMNS = ("id", "started", "ended", "server", "organisation_id", "organisation_name",
           "signed_in_as", "kind", "customer_id", "customer_name", "previous_account",
           "new_account", "outcome", "message", "account_id", "previous_account_id", "run_id",
           "confirmed", "confirmed_how")


@dataclass(frozen=True)
class Filters:
    since: float | None = None  # seconds since the epoch, inclusive
    until: float | None = None  # exclusive
    organisation_id: str | None = None
    outcome: str | None = None
    text: str = ""  # anywhere in the names, ids, accounts and message

    def sql(self) -> tuple[str, list[Any]]:
        where: list[str] = ["1"]
        args: list[Any] = []
        if self.since is not None:
            where.append("started >= ?")
            args.append(self.since)
        if self.until is not None:
            where.append("started < ?")
            args.append(self.until)
        if self.organisation_id:
            where.append("organisation_id = ?")
            args.append(self.organisation_id)
        if self.outcome:
            where.append("outcome = ?")
            args.append(self.outcome)
        for word in self.text.casefold().split():  # (search is kept case-folded)
            like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append("search LIKE ? ESCAPE '\\'")
            args.append(like)
        return " AND ".join(where), args


class Journal:
    """One SQLite connection, used on the thread that made the journal (the UI's); another
    thread reads through a connection of its own (``rows``)."""

    def __init__(self, path: Path | None) -> None:
        """``path``: the database file; None keeps the journal in memory (tests), shared
        with the connections other threads open while this one stays open."""
        self.path = path
        if path is not None:
            private_file(path)  # 0600 before SQLite writes a byte
        self._uri = path.absolute().as_uri() if path is not None else \
            f"file:billie-journal-{id(self)}?mode=memory&cache=shared"
        self.db = self._connect()
        if path is not None:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self._add_columns()
        self._settle_the_dead()
        self.listeners: list[Callable[[], None]] = []  # told of every write (the window)

    def _add_columns(self) -> None:
        have = {row["name"] for row in self.db.execute("PRAGMA table_info(entries)")}
        for name, kind in _ADDED:
            if name not in have:
                self.db.execute(f"ALTER TABLE entries ADD COLUMN {name} {kind}")
        self.db.executescript(_ADDED_INDEXES)

    def _settle_the_dead(self) -> None:
        """Entries left pending by a process that is no longer running: "no answer"."""
        for row in self.db.execute("SELECT DISTINCT pid FROM entries WHERE outcome = ?",
                                   (PENDING,)).fetchall():
            if row["pid"] != os.getpid() and not _alive(row["pid"]):
                self.db.execute(
                    "UPDATE entries SET outcome = ?, message = ? WHERE outcome = ? AND pid = ?",
                    (NO_ANSWER, "The console stopped before the answer came.", PENDING,
                     row["pid"]))

    # --- writing -----------------------------------------------------------------------------
    def begin(self, where: Where, *, kind: str, customer_id: str, customer_name: str,
              previous_account: str, new_account: str, account_id: str = "",
              previous_account_id: str = "", run_id: str = "") -> int:
        """The entry's number (0 when the disk refused it: the link goes ahead, and the
        log says why). ``account_id``: the account the customer is to have ("" for none:
        an unlink); ``previous_account_id``: the one it had; ``run_id``: the Link by email
        run (or undo) it belongs to."""
        try:
            return self._insert(where, kind, customer_id, customer_name, previous_account,
                                new_account, (account_id, previous_account_id, run_id))
        except sqlite3.Error as exc:
            log.warning("the activity journal could not record a change: %s", exc)
            return 0
        finally:
            self._tell()

    def _insert(self, where: Where, kind: str, customer_id: str, customer_name: str,
                previous_account: str, new_account: str, ids: tuple[str, str, str]) -> int:
        cursor = self.db.execute(
            "INSERT INTO entries (started, pid, server, organisation_id, organisation_name, "
            "signed_in_as, kind, customer_id, customer_name, previous_account, new_account, "
            "outcome, account_id, previous_account_id, run_id, search) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (time.time(), os.getpid(), where.server, where.organisation_id,
             where.organisation_name, where.signed_in_as, kind, customer_id, customer_name,
             previous_account, new_account, PENDING, *ids, " ".join(
                 (customer_name, customer_id, previous_account, new_account,
                  where.signed_in_as)).casefold()))
        return int(cursor.lastrowid or 0)

    def finish(self, entry: int, outcome: str, message: str = "") -> None:
        try:
            self.db.execute("UPDATE entries SET ended = ?, outcome = ?, message = ?, search = "
                            "search || ' ' || ? WHERE id = ?",
                            (time.time(), outcome, message, message.casefold(), entry))
        except sqlite3.Error as exc:
            log.warning("the activity journal could not complete an entry: %s", exc)
        self._tell()

    def confirm(self, entry: int, outcome: str, how: str, message: str) -> None:
        """A "no answer" entry settled by reading the customer back later: ``outcome`` as
        the read showed, ``how`` (entries.AT_SIGN_IN, CHECK_NOW…) and when kept with it."""
        try:
            self.db.execute("UPDATE entries SET outcome = ?, message = ?, confirmed = ?, "
                            "confirmed_how = ?, search = search || ' ' || ? "
                            "WHERE id = ? AND outcome = ?",
                            (outcome, message, time.time(), how, message.casefold(), entry,
                             NO_ANSWER))
        except sqlite3.Error as exc:
            log.warning("the activity journal could not settle an entry: %s", exc)
        self._tell()

    def _tell(self) -> None:
        for listener in list(self.listeners):
            listener()

    # --- reading -----------------------------------------------------------------------------
    def count(self, filters: Filters) -> int:
        where, args = filters.sql()
        return int(self.db.execute(f"SELECT COUNT(*) FROM entries WHERE {where}",
                                   args).fetchone()[0])

    def page(self, filters: Filters, offset: int, limit: int) -> list[sqlite3.Row]:
        """Newest first."""
        where, args = filters.sql()
        return self.db.execute(f"SELECT * FROM entries WHERE {where} ORDER BY started DESC, "
                               "id DESC LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self._uri, uri=True, isolation_level=None)
        db.row_factory = sqlite3.Row
        return db

    def rows(self, filters: Filters) -> Iterator[sqlite3.Row]:
        """Every entry that passes ``filters``, newest first, through a connection of its
        own: the export reads them in a worker thread while the window writes."""
        where, args = filters.sql()
        db = self._connect()
        try:
            yield from db.execute(f"SELECT * FROM entries WHERE {where} ORDER BY started "
                                  "DESC, id DESC", args)
        finally:
            db.close()

    def unconfirmed(self, server: str, organisation_ids: list[str] | None = None
                    ) -> list[sqlite3.Row]:
        """The "no answer" entries made on ``server`` (in those organisations), oldest
        first: what is read back at sign-in, or by Check now."""
        where, args = "outcome = ? AND server = ?", [NO_ANSWER, server]
        if organisation_ids is not None:
            where += f" AND organisation_id IN ({', '.join('?' * len(organisation_ids))})"
            args += organisation_ids
        return self.db.execute(f"SELECT * FROM entries WHERE {where} ORDER BY started, id",
                               args).fetchall()

    def count_unconfirmed(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM entries WHERE outcome = ?",
                                   (NO_ANSWER,)).fetchone()[0])

    def run(self, run_id: str) -> list[sqlite3.Row]:
        """The entries of one Link by email run, oldest first."""
        return self.db.execute("SELECT * FROM entries WHERE run_id = ? ORDER BY started, id",
                               (run_id,)).fetchall()

    def entry(self, number: int) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.db.execute("SELECT * FROM entries WHERE id = ?",
                                                  (number,)).fetchone()
        return row

    def organisations(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT organisation_id, max(organisation_name) FROM entries "
            "GROUP BY organisation_id ORDER BY 2")]

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (another console writing this journal)."""
    if sys.platform == "win32":
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _alive_on_windows(pid: int) -> bool:
    """Asked of the process, never with ``os.kill(pid, 0)``: on Windows any signal but the
    two console events is TerminateProcess, which would end the other console."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:  # gone, or another user's (then it runs)
        error: int = ctypes.get_last_error()  # type: ignore[attr-defined]
        return error == access_denied
    try:
        code = wintypes.DWORD()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and \
            code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
