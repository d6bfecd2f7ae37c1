"""File ▸ Export customers…: exactly the list shown (organisation, search, filter, sort
order, visible columns in their order) written to a CSV file or an Excel workbook
(work/workbook.py, chosen by the name's .xlsx), every row, not just those loaded. No
widgets here.

- Pages of the server's largest ``take`` (500), read by key in ranges at once
  (work/keyset.py), as many requests in flight as the server answers steadily: the first
  range is written as it comes, the others are spooled to anonymous temporary files and
  written after it, in order. Memory stays flat at a million rows.
- Written to a hidden file beside the chosen one (``0600``: it holds people's data) and
  renamed only once complete: a cancelled or failed export leaves nothing behind.
- As spreadsheets expect: UTF-8 with a byte-order mark (Excel then reads "Nguyễn"), ISO
  dates, and cells that begin with ``=``, ``+``, ``-``, ``@``, tab or carriage return
  neutralised with a leading apostrophe (OWASP's rule against formula injection).
- Bank account numbers are never exported. The user account column becomes two: the
  account's id and its email.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import itertools
import os
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from billie_desktop.api import (
    Customer,
    QueryCustomersRequest,
    QueryCustomersResponse,
    QueryUserAccountsRequest,
    normal_guid,
)
from billie_desktop.work.columns import BY_KEY, CsvField
from billie_desktop.work.keyset import Filters, key_fields, read_all, read_by_key
from billie_desktop.work.pace import CAP, Pace
from billie_desktop.work.paging import MAX_TAKE, LoadProgress, RowsProgress, Send, drop
from billie_desktop.work.private_files import FILE_MODE
from billie_desktop.work.workbook import WorkbookWriter

Write = Callable[[list[list[str]]], None]  # writes rows to the file, in order
Put = Callable[[list[list[str]]], Awaitable[None]]  # the same, in a worker thread or not
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Rows written from a spool at a time, on the event loop: ~8 ms into a workbook. (In a
# worker thread, XlsxWriter's many small file writes kept the interpreter lock from the
# UI for up to 0.9 s at a time: a thread that releases it for I/O takes it straight back.)
REPLAYED = 200
LINKED_ORDER = "customerId"


def neutralise(cell: str) -> str:
    """OWASP's CSV injection rule: a cell a spreadsheet would run as a formula is
    prefixed with an apostrophe, which shows it as text."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


@dataclass
class ExportProgress(RowsProgress):
    """Rows written of the query's total; how many pages are on their way, and why fewer
    go at once than could (work/pace.py), in words."""

    in_flight: int = 0
    pace: Pace | None = None
    writing: bool = False  # every row read: the last ranges' go into the file

def part_path(path: Path) -> Path:
    """The file written until the export is complete (hidden, beside the chosen one)."""
    return path.with_name(f".{path.name}.part")


@contextlib.contextmanager
def whole_file(path: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A file of people's data: written as ``part_path(path)``, readable by the user alone,
    and renamed to ``path`` only when the block ends normally; removed when it does not
    (cancelled, failed). Text is CSV for spreadsheets: UTF-8 with a BOM."""
    part = part_path(path)
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                 FILE_MODE)
    try:
        with (open(fd, "wb") if binary else
              open(fd, "w", encoding="utf-8-sig", newline="")) as out:
            yield out
            out.flush()
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


async def export_customers(send: Send, query: QueryCustomersRequest, column_keys: list[str],
                           path: Path, progress: Callable[[ExportProgress], None],
                           max_in_flight: int = CAP, *, by_key: bool = True) -> int:
    """Writes the query's rows to ``path``; returns how many. ``by_key``: read by key
    (work/keyset.py), else by skip (a server without AutoQuery's conventions). Raises
    what the server or the disk raised, and CancelledError when cancelled, having
    removed the partial file."""
    columns = [f for key in column_keys if key in BY_KEY for f in BY_KEY[key].csv]
    wire = sorted({"id"} | {field.wire for field in columns} | key_fields(query.order_by))
    headers = [field.header for field in columns]
    pace = Pace(max_in_flight)  # one for the accounts and the rows (work/pace.py)

    async def rows(write: Write, threaded: bool, cell: Callable[[str], str]) -> int:
        # the linked accounts' emails read while the first customers come (a few round
        # trips: half a second over a 100 ms link); their rows wait for them
        emails: asyncio.Future[dict[str, str]] = asyncio.ensure_future(_account_emails(
            send, query.organisation_id, pace, by_key) if any(
            field.needs_emails for field in columns) else _nothing())
        page = Page(query.model_copy(update={"fields": ",".join(wire)}), columns, cell,
                    emails)
        try:
            if by_key:
                return await _write_by_key(send, page, write, threaded, progress, pace)
            return await _write_pages(send, page, _put(write, threaded), progress, pace)
        finally:
            drop(emails)  # (done by then, but for a failure or a cancel)

    # Buffered writes of a page (~60 KB) take a millisecond; only the final flush to disk
    # (fsync), which may take long, goes to a worker thread.
    if path.suffix.lower() == ".xlsx":
        with whole_file(path, binary=True) as out:
            book = WorkbookWriter(out, headers, {n for n, f in enumerate(columns)
                                                 if f.wire == "dateOfBirth"})
            # ~20 ms a page: in a worker thread, while the next pages come in; typed
            # cells, nothing to neutralise
            count = await rows(book.writerows, True, str)
            await asyncio.to_thread(book.close)
            await asyncio.to_thread(_synced, out)
        return count
    with whole_file(path) as text:
        writer = csv.writer(text)
        writer.writerow(headers)
        count = await rows(writer.writerows, False, neutralise)  # (a millisecond a page)
        await asyncio.to_thread(_synced, text)
    return count


@dataclass
class Page:
    """What makes a page of customers into rows of cells."""

    query: QueryCustomersRequest  # the list's, asking only for the fields written
    columns: list[CsvField]
    cell: Callable[[str], str]
    emails: asyncio.Future[dict[str, str]]  # of the linked accounts, by id (if written)

    async def rows(self, customers: list[Customer]) -> list[list[str]]:
        emails = await asyncio.shield(self.emails)  # (at once, once they are known)
        return [[self.cell(field.value(customer, emails)) for field in self.columns]
                for customer in customers]


async def _nothing() -> dict[str, str]:
    return {}


def _put(write: Write, threaded: bool) -> Put:
    async def put(rows: list[list[str]]) -> None:
        if threaded:
            await asyncio.to_thread(write, rows)
        else:
            write(rows)

    return put


def _synced(out: IO[Any]) -> None:
    out.flush()
    os.fsync(out.fileno())


class Spool:
    """A range's rows, kept on disk until the ranges before it are written (memory stays
    flat at a million rows): an anonymous temporary file, the user's alone, gone once
    closed (or the process ends)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115 (closed by close())
        self._writer = csv.writer(self._file)

    def write(self, rows: list[list[str]]) -> None:
        self._writer.writerows(rows)

    def pages(self) -> Iterator[list[list[str]]]:
        """Its rows, ``REPLAYED`` at a time."""
        self._file.seek(0)
        reader = csv.reader(self._file)
        while batch := list(itertools.islice(reader, REPLAYED)):
            yield batch

    def close(self) -> None:
        self._file.close()


async def _write_by_key(send: Send, page: Page, write: Write, threaded: bool,
                        progress: Callable[[ExportProgress], None], pace: Pace) -> int:
    """Every row read by key, its ranges at once (work/keyset.py): the first range
    written as it comes, the others spooled to disk and written after it, in order."""
    state = ExportProgress(0, 0, time.perf_counter())
    spools: dict[int, Spool] = {}
    put = _put(write, threaded)

    async def ask(filters: Filters, skip: int, take: int, total: bool) -> Any:
        return await send(page.query.model_copy(update={
            "skip": skip, "take": take, "include": "Total" if total else None,
            "filters": {**(page.query.filters or {}), **filters} or None}))

    async def take_in(index: int, customers: list[Any]) -> None:
        rows = await page.rows(customers)
        if index == 0:
            await put(rows)
        else:
            spools.setdefault(index, Spool()).write(rows)

    def read(loaded: LoadProgress) -> None:
        state.rows, state.rows_done = loaded.rows, loaded.rows_done
        state.in_flight, state.pace = loaded.in_flight, pace
        progress(state)

    try:
        await read_by_key(ask, page.query.order_by, take_in, read, pace)
        state.writing = True
        progress(state)
        for index in sorted(spools):
            for rows in spools[index].pages():
                write(rows)  # on the loop, a few ms at a time (see REPLAYED)
                await asyncio.sleep(0)
    finally:
        for spool in spools.values():
            spool.close()
    return state.rows_done


async def _write_pages(send: Send, page: Page, put: Put,
                       progress: Callable[[ExportProgress], None], pace: Pace) -> int:
    """By skip: the first page (with the total), then the rest as many at a time as
    ``pace`` allows (work/pace.py), written in order."""
    started = time.perf_counter()

    def request(skip: int, total: bool) -> QueryCustomersRequest:
        return page.query.model_copy(update={"skip": skip, "take": MAX_TAKE,
                                             "include": "Total" if total else None})

    async def write(rows: list[list[str]]) -> None:
        await put(rows)
        state.rows_done += len(rows)
        state.in_flight, state.pace = len(pending), pace
        progress(state)

    async def timed(skip: int) -> list[list[str]]:
        sent = time.monotonic()
        answer: QueryCustomersResponse = await send(request(skip, False))
        pace.answered(time.monotonic() - sent)
        return await page.rows(answer.results)

    first = await send(request(0, True))
    state = ExportProgress(0, max(first.total, len(first.results)), started)
    pending: dict[int, asyncio.Future[Any]] = {}
    await write(await page.rows(first.results))
    skips = list(range(MAX_TAKE, state.rows, MAX_TAKE))
    for skip in skips:
        while len(pending) >= pace.allowed:
            await _write_next(pending, write)
        pending[skip] = asyncio.ensure_future(timed(skip))
    try:
        while pending:
            await _write_next(pending, write)
    finally:
        for future in pending.values():
            future.cancel()
    return state.rows_done


async def _write_next(pending: dict[int, asyncio.Future[Any]],
                      write: Callable[[list[list[str]]], Awaitable[None]]) -> None:
    """Waits for the earliest page asked for and writes it (order is kept)."""
    skip = min(pending)
    try:
        answer = await pending[skip]
    except BaseException:
        for future in pending.values():
            future.cancel()
        raise
    del pending[skip]
    await write(answer)


async def _account_emails(send: Send, organisation_id: str | None, pace: Pace,
                          by_key: bool) -> dict[str, str]:
    """The email of every account linked to a customer (for the user account column), read
    by key in the order of the customer they are linked to (the order a server has an
    index for, where "linked" is a range of it): 100,000 at a million customers, ~20 MB.
    (Asked page by page with ``idIn`` instead, they cost every page a round trip more:
    the export of 100,000 took twice as long.)"""
    emails: dict[str, str] = {}

    def request(filters: Filters, skip: int, take: int, total: bool
                ) -> QueryUserAccountsRequest:
        return QueryUserAccountsRequest(organisation_id=organisation_id, skip=skip,
                                        take=take, customer_id_is_not_null=True,
                                        include="Total" if total else None,
                                        order_by=LINKED_ORDER if by_key else None,
                                        filters=filters or None)

    def take_in(accounts: list[Any]) -> None:
        for account in accounts:
            emails[normal_guid(account.id) or account.id] = (account.email or "").strip()

    await read_all(send, "accounts", request, LINKED_ORDER, take_in, lambda _progress: None,
                   pace, by_key)
    return emails
