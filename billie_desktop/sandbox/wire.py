"""How values look on the wire in each JSON flavour (ServiceStack.Text or System.Text.Json)."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Mapping
from typing import Any

from billie_desktop.sandbox.config import JsonMode

# Australian servers write local dates with their offset: midnight AEST is 14:00 UTC the
# day before, the trap that shifts a date of birth by a day in a careless client.
_CLASSIC_DATE_OFFSET = dt.timezone(dt.timedelta(hours=10))
_GUID_RE = re.compile(r"^\{?([0-9a-fA-F]{8})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?"
                      r"([0-9a-fA-F]{4})-?([0-9a-fA-F]{12})\}?$")


class RawDate:
    """A calendar date (no time zone), written as each flavour writes a DateTime."""

    __slots__ = ("value",)

    def __init__(self, value: dt.date) -> None:
        self.value = value


class Guid:
    """A GUID, written with or without dashes depending on the flavour."""

    __slots__ = ("hex",)

    def __init__(self, hex32: str) -> None:
        self.hex = hex32


def normalise_guid(text: object) -> str | None:
    """32 lower-case hex digits for any GUID spelling, or None when it is no GUID."""
    if not isinstance(text, str):
        return None
    match = _GUID_RE.match(text.strip())
    return "".join(match.groups()).lower() if match else None


def new_guid(rng: Any) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def _classic_date(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        ms = int(aware.timestamp() * 1000)
        return f"/Date({ms}-0000)/"
    local_midnight = dt.datetime(value.year, value.month, value.day, tzinfo=_CLASSIC_DATE_OFFSET)
    return f"/Date({int(local_midnight.timestamp() * 1000)}+1000)/"


def _stj_date(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    return f"{value.isoformat()}T00:00:00"


_PLAIN = (str, int, float, bool, type(None))


def _convert(value: Any, flavour: JsonMode) -> Any:
    if type(value) in _PLAIN:  # (most values: no isinstance test of an ABC each, 15% of
        return value  # a page of a million customers' export on the sandbox)
    if isinstance(value, Mapping):
        return {k: _convert(v, flavour) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_convert(v, flavour) for v in value]
    if isinstance(value, Guid):
        return value.hex if flavour == JsonMode.CLASSIC else str(uuid.UUID(hex=value.hex))
    if isinstance(value, RawDate):
        if flavour == JsonMode.CLASSIC:
            return _classic_date(value.value)
        return _stj_date(value.value)
    if isinstance(value, dt.datetime):
        return _classic_date(value) if flavour == JsonMode.CLASSIC else _stj_date(value)
    return value


def dumps(body: Mapping[str, Any], flavour: JsonMode) -> bytes:
    """Serialise a response body: camelCase keys as given, nulls left out."""
    text = json.dumps(_convert(body, flavour), ensure_ascii=False, separators=(",", ":"))
    if flavour == JsonMode.CLASSIC:
        # ServiceStack.Text escapes the slashes of its dates: "\/Date(...)\/"
        text = re.sub(r'"/Date\((-?\d+(?:[+-]\d{4})?)\)/"', r'"\\/Date(\1)\\/"', text)
    # A lone surrogate (echoed from some input) cannot be UTF-8: "backslashreplace" writes
    # it as the JSON escape \ud800, which is what ServiceStack.Text writes too.
    return text.encode("utf-8", "backslashreplace")
