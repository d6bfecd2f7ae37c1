"""The WHERE clause of a customers query, and how to run it fast at 100,000 rows.

A search is one ``LIKE '%word%'`` per word over ``search_text`` (names, email, phone as
written and as digits, licence number). Three ways to find a page of matches, same rows:

- through the trigram index (FTS5): the customers holding every word of 3 characters or
  more are looked up and tested (cheap when few hold them: 7 ms to count "smith"'s 2,220
  where scanning takes 17-20);
- through the covering search index: every row's search_text is tested, then the matches
  are sorted (for short words, which have no trigram);
- walking the sort order's index and testing each row until the page is full (cheap when
  most rows match: 2 ms for "a"; dear when few do, since it may test every row).

The count of matches (asked for anyway with ``include=Total``) decides, and is kept until
the next write, so later pages of the same query do not count again."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

COUNTS_KEPT = 256
ORDERED_KEPT = 16  # queries' matches in order: 125,000 rowids at most each (LOOKUP_COST)
TRIGRAM = 3  # characters: a word this long is found through the trigram index


def search_text(row: Sequence[Any]) -> str:
    """What ``search`` matches, in one lower-case column (columns as CUSTOMER_COLUMNS):
    names, email, phone as written, as digits and in its national form (+61 419… is also
    0419…), licence, suburb and postcode."""
    first, last, licence, email, phone, digits = row[2], row[3], row[5], row[6], row[7], row[8]
    suburb, postcode = row[12], row[14]
    national = "0" + digits[2:] if digits and digits.startswith("61") else None
    return " ".join(str(v).lower() for v in (first, last, email, phone, digits, national,
                                               licence, suburb, postcode) if v)


def search_words(search: str | None) -> list[str]:
    """Words as people type them, the table's "Smith, Sofia" included: split on spaces
    and commas."""
    return (search or "").replace(",", " ").split()


def search_terms(search: str | None) -> list[str]:
    """What each word looks for in ``search_text``: lower-case, and a phone number typed
    as +61... looked for as its digits after the country code."""
    terms = []
    for word in search_words(search):
        digits = "".join(c for c in word if c.isdigit())
        terms.append(digits.removeprefix("61") if word.startswith("+61") and digits
                     else word.lower())
    return terms


def trigram_match(search: str | None) -> str | None:
    """The FTS5 trigram MATCH for the words of ``search`` long enough to have a trigram
    (3 characters): each as a phrase, which the trigram tokenizer matches as a substring.
    None when no word is: shorter words are only found by ``LIKE``."""
    phrases = ['"' + term.replace('"', '""') + '"' for term in search_terms(search)
               if len(term) >= TRIGRAM]
    return " AND ".join(phrases) or None


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def where_clause(organisation_id: str, search: str | None,
                 filters: Iterable[tuple[str, str, str]]) -> tuple[str, list[Any]]:
    """filters: (column, operator, value) with operator one of '=', 'starts', 'contains',
    'ends', 'null', 'not-null', '>', '>=', '<'."""
    where = ["organisation_id = ?"]
    args: list[Any] = [organisation_id]
    for term in search_terms(search):
        where.append("search_text LIKE ? ESCAPE '\\'")
        args.append(f"%{escape_like(term)}%")
    filter_where, filter_args = filters_clause(filters)
    return " AND ".join(where + filter_where), args + filter_args


def filters_clause(filters: Iterable[tuple[str, str, str]], table: str = ""
                   ) -> tuple[list[str], list[Any]]:
    """AutoQuery's implicit filters as SQL conditions (ANDed), on ``table``'s columns."""
    where: list[str] = []
    args: list[Any] = []
    for name, operator, value in filters:
        column = table + name
        if operator == "=":
            where.append(f"{column} = ?")
            args.append(value)
        elif operator in ("null", "not-null"):  # AutoQuery's %IsNull / %IsNotNull
            where.append(f"{column} IS {'NOT ' if operator == 'not-null' else ''}NULL")
        elif operator in (">", ">=", "<"):  # %GreaterThan, %GreaterThanOrEqualTo and
            where.append(f"{column} {operator} ?")  # %LessThan, in the sort's collation
            args.append(value)
        else:
            pattern = {"starts": "{}%", "contains": "%{}%", "ends": "%{}"}[operator]
            where.append(f"{column} LIKE ? ESCAPE '\\'")
            args.append(pattern.format(escape_like(value)))
    return where, args


# How much longer than if they were spread evenly the walk to a page of matches may be:
# sorted by name, the 23,000 Smiths of a million customers all sit past the Rs (a walk of
# 800,000 rows, 1.4 s, where an even spread would have taken 9,000)
CLUSTERED = 16


def walk_the_sort_index(matches: int, rows: int, skip: int, take: int) -> bool:
    """True when testing rows in sort order fills the page sooner than sorting every
    match: about ``(skip + take) * rows / matches`` rows tested (``CLUSTERED`` times that,
    should the matches sit together in the sort order) against ``matches`` rows fetched
    and sorted."""
    return matches * matches > CLUSTERED * (skip + take) * max(rows, 1)


class MatchCounts:
    """Counts of matches per query, and a few queries' matches in order, forgotten at
    every write (and when too many)."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, tuple[Any, ...]], int] = {}
        self._ordered: dict[tuple[str, tuple[Any, ...], str], list[int]] = {}

    def ordered(self, where: str, args: list[Any], order: str) -> list[int] | None:
        return self._ordered.get((where, tuple(args), order))

    def put_ordered(self, where: str, args: list[Any], order: str, rowids: list[int]
                    ) -> None:
        if len(self._ordered) >= ORDERED_KEPT:
            self._ordered.clear()
        self._ordered[(where, tuple(args), order)] = rowids

    def get(self, where: str, args: list[Any]) -> int | None:
        return self._counts.get((where, tuple(args)))

    def put(self, where: str, args: list[Any], count: int) -> None:
        if len(self._counts) >= COUNTS_KEPT:
            self._counts.clear()
        self._counts[(where, tuple(args))] = count

    def forget(self) -> None:
        self._counts.clear()
        self._ordered.clear()
