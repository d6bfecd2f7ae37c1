"""Reading a server's answer: its typed response DTO, or the ``BillieError`` it means."""

from __future__ import annotations

import json
from typing import Any, TypeVar, cast

import httpx
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from billie_desktop.api.dtos import Authenticate, Request
from billie_desktop.api.errors import UnexpectedResponseError, error_from_response

T = TypeVar("T", bound=BaseModel)


def read_json(response: httpx.Response) -> dict[str, Any]:
    """The body as a JSON object; a web page, broken JSON or another shape is an
    ``UnexpectedResponseError`` that says so in plain words."""
    content_type = response.headers.get("content-type", "").lower()
    if "html" in content_type:
        raise UnexpectedResponseError(
            "Something other than Billiecart answered (a web page came back). A proxy or "
            "a Wi-Fi sign-in page may be in the way.", status=response.status_code)
    try:
        data = json.loads(response.content or b"{}")
    except (ValueError, UnicodeDecodeError) as exc:
        raise UnexpectedResponseError(
            "The server's answer could not be read (it was not valid JSON).",
            status=response.status_code) from exc
    if not isinstance(data, dict):
        raise UnexpectedResponseError("The server's answer had an unexpected shape.",
                                      status=response.status_code)
    return data


def parse_answer(request: Request[T], response: httpx.Response, *, signed_in: bool) -> T:
    if not 200 <= response.status_code < 300:
        raise error_from_response(
            response.status_code, response.headers, response.content,
            reason=response.reason_phrase, signing_in=isinstance(request, Authenticate),
            signed_in=signed_in)
    data = read_json(response)
    try:
        return cast(T, type(request).response_type.model_validate(data))
    except PydanticValidationError as exc:
        raise UnexpectedResponseError("The server's answer had an unexpected shape.",
                                      status=response.status_code) from exc
