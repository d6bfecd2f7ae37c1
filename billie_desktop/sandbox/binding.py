"""Turning a request into an operation's fields, the way ServiceStack binds a DTO:
body first, then the query string, then the path (path values win); names matched
case-insensitively; unknown names ignored (kept apart for AutoQuery's implicit filters)."""

from __future__ import annotations

import contextlib
import json
from typing import Any
from urllib.parse import parse_qsl

from billie_desktop.sandbox.errors import ApiError, binding_failed
from billie_desktop.sandbox.operations import Operation

_TRUE, _FALSE = {"true", "1", "on", "yes"}, {"false", "0", "off", "no", ""}
INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1


def _shown(value: Any) -> str:
    """A bad value as the error message quotes it: short, whatever was sent."""
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _coerce(op: Operation, name: str, value: Any, from_text: bool) -> Any:
    kind = op.fields[name]
    if value is None:
        return None
    if kind is str:
        if isinstance(value, bool | dict | list):
            raise binding_failed(name, value, op.name)
        return str(value)
    if kind is int:  # a C# int: Int32, as AutoQuery's Skip and Take
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str) and len(value) < 32:
            with contextlib.suppress(ValueError):
                number = int(value.strip())
        if number is None or not INT32_MIN <= number <= INT32_MAX:
            raise binding_failed(name, _shown(value), op.name)
        return number
    if kind is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise binding_failed(name, value, op.name)
    raise AssertionError(kind)  # pragma: no cover


def parse_body(op: Operation, body: bytes, content_type: str) -> list[tuple[str, Any]]:
    if not body.strip():
        return []
    if "application/x-www-form-urlencoded" in content_type:
        return parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
    try:
        data = json.loads(body)
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # no unpaired surrogate
    except (ValueError, UnicodeError) as exc:
        raise ApiError(400, "SerializationException",
                       f"Could not deserialize 'application/json' request using {op.name}: "
                       f"{type(exc).__name__}") from exc
    except RecursionError as exc:
        raise ApiError(400, "SerializationException",
                       f"Could not deserialize 'application/json' request using {op.name}: "
                       "it is nested too deeply") from exc
    if not isinstance(data, dict):
        raise ApiError(400, "SerializationException",
                       f"Could not deserialize 'application/json' request using {op.name}: "
                       "expected a JSON object")
    return list(data.items())


def bind(op: Operation, *, path_params: dict[str, str], query: list[tuple[str, str]],
         body_items: list[tuple[str, Any]]) -> tuple[dict[str, Any], dict[str, str]]:
    names = {n.lower(): n for n in op.fields}
    fields: dict[str, Any] = {}
    extras: dict[str, str] = {}
    sources: tuple[tuple[list[tuple[str, Any]], bool], ...] = (
        (body_items, False), (query, True), (list(path_params.items()), True))
    for items, from_text in sources:
        for key, value in items:
            name = names.get(str(key).lower())
            if name is None:
                if from_text and key.lower() not in ("format", "callback", "jsconfig"):
                    extras[key] = value
                continue
            coerced = _coerce(op, name, value, from_text)
            if coerced is not None:
                fields[name] = coerced
    return fields, extras
