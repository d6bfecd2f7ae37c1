"""Reading ServiceStack's values: both date styles and GUIDs in any spelling."""

from __future__ import annotations

import datetime as dt
import re
import uuid

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MS = dt.timedelta(milliseconds=1)
_MS_DATE = re.compile(r"^\\?/Date\((?P<ms>-?\d+)(?P<offset>[+-]\d{4})?\)\\?/$")
_GUID = re.compile(r"^\{?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
                   r"[0-9a-fA-F]{12}\}?$")


def _offset(text: str | None) -> dt.timezone:
    if not text:
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    return dt.timezone(sign * dt.timedelta(hours=int(text[1:3]), minutes=int(text[3:5])))


def parse_datetime(value: object) -> dt.datetime | None:
    """A point in time from ``/Date(ms)/``, ``/Date(ms+hhmm)/`` or ISO 8601. The result
    keeps the offset the server wrote (UTC when it wrote none)."""
    if value is None or isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    match = _MS_DATE.match(text)
    if match:
        tz = _offset(match["offset"])
        return (_EPOCH + int(match["ms"]) * _MS).astimezone(tz)  # exact: no float seconds
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"not a date: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def parse_calendar_date(value: object) -> dt.date | None:
    """A calendar date (a date of birth), read in the offset the server wrote it in, so
    that 1990-05-01 written as local midnight ``/Date(641484000000+1000)/`` stays
    1990-05-01 whatever this machine's time zone is."""
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10 and not _MS_DATE.match(text):
            return dt.date.fromisoformat(text)
        if not _MS_DATE.match(text):
            # ISO 8601: the date as written, never shifted into another zone.
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    moment = parse_datetime(value)
    return None if moment is None else moment.date()


def format_ms_date(moment: dt.datetime) -> str:
    """The classic ``/Date(ms+hhmm)/`` spelling (used by tests and round-trips)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    offset = aware.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    ms = (aware - _EPOCH) // _MS
    return f"/Date({ms}{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d})/"


def normal_guid(value: str | None) -> str | None:
    """One normal form for a GUID (32 lower-case hex digits); other ids unchanged.
    Compare ids with this, never with ``==`` on what the server sent."""
    if value is None:
        return None
    text = value.strip()
    if _GUID.match(text):
        return uuid.UUID(text.strip("{}")).hex
    return text


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad{}"), None)


def clean_id(text: str) -> str:
    """An id as typed or pasted, made exact: zero-width characters, soft hyphens, braces
    and white space go; a GUID, with dashes or without, becomes its normal form."""
    cleaned = "".join(text.translate(_INVISIBLE).split())
    guid = normal_guid(cleaned)
    return guid if guid is not None and _GUID.match(cleaned) else cleaned


def same_id(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and normal_guid(a) == normal_guid(b)
