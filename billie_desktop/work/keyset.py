"""Every row of a query, read by key rather than by ``skip`` (issue #26): the export and
Link by email's loaders. No widgets here.

A page at skip 900,000 costs the server a walk over every row before it (SQLite's
``OFFSET``, and SQL Server's ``OFFSET … FETCH`` alike): a million rows read by skip cost
a quadratic half a billion row-steps. Read by key, each page starts where the last ended:

- The rows after a row r, in the query's order (its ``orderBy``, then the id, in the last
  field's direction, as the server breaks ties), are a few disjoint sets, each a handful
  of AutoQuery's implicit filters. For ``orderBy=lastName``: ``{lastName: r's,
  idGreaterThan: r's}``, then ``{lastNameGreaterThan: r's}``. Asked one after the other,
  each for what the page still lacks, their rows joined in that order are the next page
  (nothing read twice; asked together, the later sets' rows were wasted whenever an
  earlier one filled the page: a third of the rows at 100,000).
- The rows are split into ranges of the first field's values, each read by key on its
  own, as many at once as the pace allows (work/pace.py): ``{lastNameGreaterThanOrEqualTo:
  "Kelly", lastNameLessThan: "Nguyen"}``. The boundaries are asked once, with ``skip``
  (a walk each, not a walk a page).

A row is read at most once, whatever changes meanwhile: each request asks only for rows
after the last one read. A row that matches the query throughout, with the same sort
values, is read exactly once. The filters used are AutoQuery's own conventions
(``%GreaterThan%``, ``%GreaterThanOrEqualTo%``, ``%LessThan%``, ``%IsNull``,
``%IsNotNull`` and equality); ``%LessThanOrEqualTo%`` is not, since AutoQuery tries
``%LessThan%`` first and reads ``idLessThanOrEqualTo`` as ``Id < …``."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from billie_desktop.work.paging import MAX_TAKE, LoadProgress, Send, all_pages, run_paced
from billie_desktop.work.paging import MAX_TAKE as PAGE

if TYPE_CHECKING:
    from billie_desktop.api import Request
    from billie_desktop.work.pace import Pace

Filters = dict[str, str]
# (filters, skip, take, with the total): the query's answer (``results``, ``total``)
Ask = Callable[[Filters, int, int, bool], Awaitable[Any]]
RANGES = 16  # read at once (as the pace allows), each from a boundary asked with skip
PAGES_A_RANGE = 4  # at least: fewer ranges for a short list (each costs a skip to find)


@dataclass(frozen=True)
class Key:
    field: str  # as on the wire: "lastName"
    descending: bool


def keys_of(order_by: str | None) -> list[Key]:
    """The query's sort, as the server applies it: the id breaks ties, in the last
    field's direction."""
    keys = [Key(f.strip().lstrip("-"), f.strip().startswith("-"))
            for f in (order_by or "").split(",") if f.strip()]
    if not any(key.field.lower() == "id" for key in keys):
        keys.append(Key("id", keys[-1].descending if keys else False))
    return keys


def key_fields(order_by: str | None) -> set[str]:
    """The fields a row must come with to be read after (AutoQuery's ``fields``)."""
    return {key.field for key in keys_of(order_by)}


def sort_value(row: Any, field: str) -> str | None:
    """A row's value for a sort field, as the server compares it (None: no value)."""
    attribute = "".join(f"_{c.lower()}" if c.isupper() else c for c in field)
    value = getattr(row, attribute, None)
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def after(row: Any, keys: list[Key]) -> list[Filters]:
    """The rows that come after ``row``: disjoint sets, in the order they come. No value
    sorts first (last when descending)."""
    levels: list[list[Filters]] = []
    equal: Filters = {}
    for key in keys:
        value = sort_value(row, key.field)
        if value is None:
            later = [] if key.descending else [{f"{key.field}IsNotNull": "true"}]
            here = {f"{key.field}IsNull": "true"}
        else:
            later = [{f"{key.field}{'LessThan' if key.descending else 'GreaterThan'}": value}]
            later += [{f"{key.field}IsNull": "true"}] if key.descending else []
            here = {key.field: value}
        levels.append([{**equal, **extra} for extra in later])
        equal = {**equal, **here}
    return [filters for level in reversed(levels) for filters in level]


def ranges(first: Key, bounds: list[str]) -> list[Filters]:
    """The first field's values split at ``bounds`` (in the list's order, no repeats),
    each range holding its lower bound, in the list's order; the rows with no value in
    a range of their own (but not for the id, which always has one)."""
    field = first.field
    at_least, below = f"{field}GreaterThanOrEqualTo", f"{field}LessThan"
    if first.descending:  # b1 > b2 > …: [>= b1] [< b1, >= b2] … [< bn]
        at_least, below = below, at_least
    # ascending: [< b1] [>= b1, < b2] … [>= bn]
    starts: list[Filters] = [{}, *[{at_least: b} for b in bounds]]
    ends: list[Filters] = [*[{below: b} for b in bounds], {}]
    split = [{**start, **end} for start, end in zip(starts, ends, strict=True)]
    split[0][f"{field}IsNotNull"] = "true"
    if field.lower() == "id":
        return split
    nulls = {f"{field}IsNull": "true"}
    return [*split, nulls] if first.descending else [nulls, *split]


@dataclass
class Chain:
    """One range, read by key: where it has got to."""

    index: int
    filters: Filters
    last: Any = None  # the last row read (None: not started)


async def read_by_key(ask: Ask, order_by: str | None, take_in: Callable[[int, list[Any]],
                                                                          Awaitable[None]],
                      progress: Callable[[LoadProgress], None], pace: Pace,
                      what: str = "customers") -> int:
    """Every row of the query ``ask`` answers, by key; ``take_in(range, rows)`` gets each
    range's rows in order (ranges in the list's order; different ranges' rows come
    interleaved). Returns the total the server gave at first."""
    started = time.perf_counter()
    first = await ask({}, 0, MAX_TAKE, True)
    total: int = max(first.total, len(first.results))
    state = LoadProgress(0, total, started, what=what, pages=max(1, -(-total // MAX_TAKE)))
    # (a server whose largest take is smaller than ours answers fewer: its pages are ours)
    take = max(1, min(MAX_TAKE, len(first.results)))
    if len(first.results) >= total:  # all of it at once
        await take_in(0, list(first.results))
        state.rows_done, state.pages_done = len(first.results), 1
        progress(state)
        return total
    keys = keys_of(order_by)
    bounds = await _bounds(ask, keys[0], total, take)
    chains = deque(Chain(n, filters) for n, filters in enumerate(ranges(keys[0], bounds)))
    progress(state)

    async def asked(filters: Filters, wanted: int) -> list[Any]:
        state.in_flight += 1
        sent = time.monotonic()
        try:
            answer = await ask(filters, 0, wanted, False)
        finally:
            state.in_flight -= 1
        if len(answer.results) == take:  # (only full pages tell the pace how the server
            pace.answered(time.monotonic() - sent)  # copes: a few ties come back sooner,
        return list(answer.results)  # and full pages then looked like a queue forming)

    async def step(chain: Chain) -> bool:
        """The next page of a range: the sets after its last row, deepest first, as far
        as the page is full; True while the range goes on. The deepest set (the last
        row's ties) mostly holds a few rows: the next is asked with it, at once, and the
        others one after the other for what the page still lacks (asked all together,
        their rows were wasted whenever an earlier set filled the page: a third of the
        rows of an export by name)."""
        sets = [chain.filters] if chain.last is None else [
            {**chain.filters, **filters} for filters in after(chain.last, keys)]
        rows: list[Any] = []
        more = False  # (the page is full: more may follow in the set that filled it)
        found = await asyncio.gather(*[asked(filters, take) for filters in sets[:2]])
        for n in range(len(sets)):
            wanted = take - len(rows)
            answer = found[n] if n < len(found) else await asked(sets[n], wanted)
            rows += answer[:wanted]
            if len(answer) >= wanted:
                more = True
                break
        if rows:
            chain.last = rows[-1]
            await take_in(chain.index, rows)
        state.rows_done += len(rows)
        state.pages_done += 1
        progress(state)
        return more

    await run_paced(chains, step, pace)
    return total


# Where ranges of ids start, known without asking: in increasing order whether the server
# compares ids as text (the first digit decides) or as SQL Server's uniqueidentifier (the
# last group decides), and each range as likely as the next to hold a random GUID's.
GUID_BOUNDS = [f"{d}0000000-0000-0000-0000-{d}00000000000" for d in "123456789abcdef"]


async def _bounds(ask: Ask, first: Key, total: int, take: int) -> list[str]:
    """The first field's values where the ranges start, in the list's order, without
    repeats or empty values: for the id, GUID_BOUNDS; else asked with ``skip`` (together)."""
    if first.field.lower() == "id":
        return GUID_BOUNDS[::-1] if first.descending else GUID_BOUNDS
    count = max(1, min(RANGES, total // (take * PAGES_A_RANGE)))
    skips = [total * n // count for n in range(1, count)]
    answers = await asyncio.gather(*[ask({}, skip, 1, False) for skip in skips])
    bounds: list[str] = []
    for answer in answers:
        value = sort_value(answer.results[0], first.field) if answer.results else None
        if value is not None and (not bounds or bounds[-1] != value):
            bounds.append(value)
    return bounds


async def read_all(send: Send, what: str, request: Callable[[Filters, int, int, bool],
                                                            Request[Any]],
                   order_by: str, take_in: Callable[[list[Any]], None],
                   progress: Callable[[LoadProgress], None], pace: Pace,
                   by_key: bool) -> None:
    """Every row of a query, in no particular order: by key (``order_by``: the sort whose
    index the server has for the query) or, where the server's metadata says it has not
    AutoQuery's conventions, by skip (work/paging.all_pages).
    ``request(filters, skip, take, with_total)``."""
    if not by_key:  # (pages of all_pages' size, whatever this module's)
        await all_pages(send, what, lambda skip, total: request({}, skip, PAGE, total),
                        lambda page: take_in(page.results), progress, pace)
        return

    async def ask(filters: Filters, skip: int, take: int, total: bool) -> Any:
        return await send(request(filters, skip, take, total))

    async def rows_in(_range: int, rows: list[Any]) -> None:
        take_in(rows)

    await read_by_key(ask, order_by, rows_in, progress, pace, what)
