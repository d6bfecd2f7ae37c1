"""The ``Cookie`` request header, read the way ASP.NET Core reads it (a ServiceStack host
on .NET): pairs split on ``;`` or ``,``; a pair that does not parse is skipped and
reading resumes one character further on, so the pairs after it are kept; a pair with
an empty name or value is ignored; values are percent-decoded. Python's ``SimpleCookie``
instead gives up on the whole header at the first bad pair, so a client that sends
``ss-tok=…; 27 Dec 2026 02:14:32 GMT=null; ss-reftok=…`` (a ``Set-Cookie`` split at the
comma inside ``expires``) would look signed out. See docs/api-contract.md §2.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from urllib.parse import unquote

_TOKEN = frozenset(string.ascii_letters + string.digits + "!#$%&'*+-.^_`|~")
# cookie-octet: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
_OCTET = frozenset(chr(c) for c in (0x21, *range(0x23, 0x2C), *range(0x2D, 0x3B),
                                    *range(0x3C, 0x5C), *range(0x5D, 0x7F)))
_SPACE = " \t"
_SEPARATORS = ",;"


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in _SPACE:
        at += 1
    return at


def _skip_separators(text: str, at: int) -> tuple[int, bool]:
    """Past whitespace and any run of separators: (where, whether one was found)."""
    at = _skip_space(text, at)
    found = False
    while at < len(text) and text[at] in _SEPARATORS:
        found = True
        at = _skip_space(text, at + 1)
    return at, found


def _value(text: str, at: int) -> tuple[str, int]:
    start = at
    quoted = at < len(text) and text[at] == '"'
    if quoted:
        at += 1
    while at < len(text) and text[at] in _OCTET:
        at += 1
    if quoted:
        if at == len(text) or text[at] != '"':
            return "", at  # no closing quote: an empty value
        at += 1
    return text[start:at], at


def _pair(text: str, at: int) -> tuple[str, str, int] | None:
    """One ``name=value`` from ``at``: (name, value, where the next one starts), or None."""
    at, _ = _skip_separators(text, at)
    if at == len(text):
        return "", "", at
    start = at
    while at < len(text) and text[at] in _TOKEN:
        at += 1
    name = text[start:at]
    if not name or at == len(text) or text[at] != "=":
        return None
    value, at = _value(text, at + 1)
    at, separated = _skip_separators(text, at)
    if not separated and at < len(text):
        return None
    return name, value, at


def parse_cookie_headers(headers: Iterable[str]) -> dict[str, str]:
    cookies: dict[str, str] = {}
    for text in headers:
        at = 0
        while at < len(text):
            pair = _pair(text, at)
            if pair is None:
                at += 1  # skip the invalid value and keep trying
                continue
            name, value, at = pair
            if name and value:
                cookies[name] = unquote(value)
    return cookies
