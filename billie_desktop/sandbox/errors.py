"""ServiceStack's error shapes. Handlers raise these; the app turns them into responses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


def display_name(property_name: str) -> str:
    """'UserAccountId' -> 'User Account Id', as FluentValidation names a property."""
    last = property_name.rsplit(".", 1)[-1]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", last)


@dataclass(frozen=True)
class FieldError:
    field_name: str  # the C# property name: PascalCase, dotted when nested
    error_code: str
    message: str
    value: Any = None

    def to_wire(self) -> dict[str, Any]:
        meta = {"PropertyName": display_name(self.field_name)}
        if self.value is not None:
            meta["PropertyValue"] = str(self.value)
        return {
            "errorCode": self.error_code,
            "fieldName": self.field_name,
            "message": self.message,
            "meta": meta,
        }


def not_empty(field_name: str, value: Any = None) -> FieldError:
    return FieldError(field_name, "NotEmpty",
                      f"'{display_name(field_name)}' must not be empty.", value)


class SandboxError(Exception):
    """Anything a handler raises to answer with an error."""


@dataclass
class ApiError(SandboxError):
    """A JSON error: {"responseStatus": {...}} with the given status."""

    status: int
    error_code: str
    message: str
    errors: list[FieldError] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def body(self) -> dict[str, Any]:
        return {
            "responseStatus": {
                "errorCode": self.error_code,
                "message": self.message,
                "errors": [e.to_wire() for e in self.errors],
            }
        }


def validation_failed(errors: list[FieldError]) -> ApiError:
    """FluentValidation's 400: the first error's code and message lead."""
    first = errors[0]
    return ApiError(400, first.error_code, first.message, list(errors))


def binding_failed(field_name: str, value: object, request_name: str) -> ApiError:
    err = FieldError(field_name, "SerializationException",
                     f"'{value}' is an Invalid value for '{field_name}'", value)
    return ApiError(400, "RequestBindingException", f"Unable to bind to request '{request_name}'",
                    [err])


def not_found(message: str) -> ApiError:
    return ApiError(404, "NotFound", message)


def forbidden(message: str) -> ApiError:
    return ApiError(403, "Forbidden", message)


def conflict(message: str) -> ApiError:
    return ApiError(409, "Conflict", message)


def token_error(message: str = "Token has expired", status: int = 401) -> ApiError:
    return ApiError(status, "TokenException", message)


class NotAuthenticated(SandboxError):
    """[Authenticate] with no session: 401, an empty body, WWW-Authenticate."""


class InvalidRole(SandboxError):
    """[RequiredRole]: 403 text/plain, reason phrase "Invalid Role"."""


class UnknownRoute(SandboxError):
    """No route for this path and verb: ServiceStack's text/plain 404 handler."""


class RequestTooLarge(SandboxError):
    """The body is bigger than the sandbox will read."""
