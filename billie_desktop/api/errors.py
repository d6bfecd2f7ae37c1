"""One exception tree for everything that can go wrong talking to Billiecart, and the one
function that maps a response onto it. Nothing else ever escapes ``BillieClient.send``.

Every error has ``message``: a sentence a back-office user can read, and, where the
server sent one, ``response_status``: the parsed ServiceStack ``ResponseStatus``.
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Iterable, Mapping
from http import HTTPStatus

from pydantic import ValidationError as PydanticValidationError

from billie_desktop.api.dtos import ResponseError, ResponseStatus


class BillieError(Exception):
    """Base of every error the client raises."""

    def __init__(self, message: str, *, status: int | None = None,
                 response_status: ResponseStatus | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.response_status = response_status

    @property
    def retryable(self) -> bool:
        """Worth offering the user a Retry button."""
        return False

    @property
    def fate_unknown(self) -> bool:
        """The request may have reached the server and been carried out, but its answer
        was lost (a timeout after sending, a dropped connection, a broken body): for a
        write, read the data back before telling the user what happened."""
        return False


# --- transport -----------------------------------------------------------------------------

class TransportError(BillieError):
    @property
    def retryable(self) -> bool:
        return True

    @property
    def fate_unknown(self) -> bool:
        return True


class CannotConnectError(TransportError):
    """Refused, DNS, unreachable: the request never reached the server."""

    @property
    def fate_unknown(self) -> bool:
        return False


class TlsError(CannotConnectError):
    """The server's certificate could not be verified."""

    @property
    def retryable(self) -> bool:
        return False


class RequestTimeoutError(TransportError):
    """The server did not answer in time (it may or may not have acted)."""


class InsecureTransportError(BillieError):
    """Plain http to anything but this machine, without explicit permission."""


# --- answers -------------------------------------------------------------------------------

class NotSignedInError(BillieError):
    """401: no session."""


class SessionExpiredError(NotSignedInError):
    """The session ended and could not be renewed: sign in again, then replay."""


EXPIRED_MESSAGE = "Your session has expired. Sign in again to continue."


def expired_error(response_status: ResponseStatus | None = None) -> SessionExpiredError:
    """The one place a ``SessionExpiredError`` is built."""
    return SessionExpiredError(EXPIRED_MESSAGE, status=401, response_status=response_status)

class InvalidCredentialsError(NotSignedInError):
    """Wrong user name or password."""


class AccountLockedError(NotSignedInError):
    """The account exists but is locked."""


class ForbiddenError(BillieError):
    """403: signed in, but not allowed (e.g. not a member of that organisation)."""


class MissingRoleError(ForbiddenError):
    """403 for a missing role (ServiceStack's "Invalid Role" or "... Role Required")."""


class NotFoundError(BillieError):
    """404."""


class ConflictError(BillieError):
    """409."""


class ValidationError(BillieError):
    """400: the server rejected the request's values. Ask it about a field."""

    @property
    def field_errors(self) -> list[ResponseError]:
        return list(self.response_status.errors) if self.response_status else []

    def errors_for(self, field: str) -> list[ResponseError]:
        """The errors about ``field``, matched case-insensitively, with dotted paths:
        ``userAccountId`` finds ``UserAccountId``; ``bankAccount.bsbNumber`` finds
        ``BankAccount.BsbNumber``."""
        wanted = field.replace("_", "").lower()
        return [e for e in self.field_errors
                if e.field_name and e.field_name.replace("_", "").lower() == wanted]

    def error_for(self, field: str) -> str | None:
        """The first message about ``field``, or None when the server said nothing of it."""
        errors = self.errors_for(field)
        return (errors[0].message or errors[0].error_code) if errors else None

    def general_errors(self, known_fields: Iterable[str] = ()) -> list[str]:
        """Messages that belong to no field in ``known_fields``; the top-level message
        when the server listed no errors at all."""
        known = {f.replace("_", "").lower() for f in known_fields}
        messages = [e.message or e.error_code or "Invalid value" for e in self.field_errors
                    if not e.field_name or e.field_name.replace("_", "").lower() not in known]
        if not self.field_errors and self.message:
            messages.append(self.message)
        return messages


class ServerError(BillieError):
    """5xx, or a gateway in front of the server. ``retry_after``: the seconds its
    Retry-After header asked for (503), if any."""

    retry_after: float | None = None

    @property
    def retryable(self) -> bool:
        return True

    @property
    def busy(self) -> bool:
        """The server said "not now" (429, 503): the request was not carried out, and
        bulk work slows down (work/pace.py) rather than failing."""
        return self.status in (429, 503)


class TooManyRequestsError(ServerError):
    """429: the server (or a gateway) limits how fast this client may go."""


class UnexpectedResponseError(BillieError):
    """The answer was not what Billiecart sends: broken JSON, the wrong shape, HTML."""

    @property
    def retryable(self) -> bool:
        return True

    @property
    def fate_unknown(self) -> bool:
        return self.status is None or 200 <= self.status < 300  # accepted, then garbled


class IncompatibleServerError(BillieError):
    """The server's metadata says the documented operation is not there as documented."""

    def __init__(self, message: str, differences: list[str]) -> None:
        super().__init__(message)
        self.differences = differences


# --- mapping -------------------------------------------------------------------------------

def _response_status(body: bytes) -> ResponseStatus | None:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    raw = next((v for k, v in data.items() if k.lower() == "responsestatus"), None)
    if not isinstance(raw, dict):
        return None
    try:
        return ResponseStatus.model_validate(raw)
    except PydanticValidationError:
        return None


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown status"


def retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def error_from_response(status: int, headers: Mapping[str, str], body: bytes, *,
                        reason: str = "", signing_in: bool = False,
                        signed_in: bool = False) -> BillieError:
    """The one place a non-2xx answer becomes an exception. Decides by status code; the
    body is optional and may not be JSON."""
    rs = _response_status(body)
    server_message = (rs.message or "").strip() if rs else ""
    code = (rs.error_code or "") if rs else ""

    if status == 400:
        return ValidationError(server_message or "The server did not accept the request.",
                               status=status, response_status=rs)
    if status == 401:
        if signing_in:
            if code == "AuthenticationException" and "lock" in server_message.lower():
                return AccountLockedError(
                    "This account is locked. Ask your Billiecart administrator to unlock it.",
                    status=status, response_status=rs)
            return InvalidCredentialsError("The user name or password is incorrect.",
                                           status=status, response_status=rs)
        if signed_in or code == "TokenException":
            return expired_error(rs)
        return NotSignedInError("You are not signed in.", status=status, response_status=rs)
    if status == 403:
        # [RequiredRole] answers text/plain "Forbidden ..." with reason "Invalid Role" (no
        # reason phrase survives HTTP/2, so the text/plain body alone counts too);
        # [ValidateHasRole] answers JSON "<role> Role Required".
        plain = headers.get("content-type", "").lower().startswith("text/plain")
        text = body.decode("utf-8", "replace").lstrip().lower() if rs is None else ""
        if "invalid role" in reason.lower() or "role required" in server_message.lower() \
                or (plain and text.startswith("forbidden")):
            return MissingRoleError(
                "Your account does not have the manager role this console needs.",
                status=status, response_status=rs)
        return ForbiddenError(server_message or "You are not allowed to do that.",
                              status=status, response_status=rs)
    if status == 404:
        return NotFoundError(server_message or "That was not found on the server.",
                             status=status, response_status=rs)
    if status == 409:
        return ConflictError(server_message or "That conflicts with a change already made.",
                             status=status, response_status=rs)
    if status == 429:
        busy: ServerError = TooManyRequestsError(
            "The Billiecart server is busy and asked this console to slow down (HTTP 429 Too "
            "Many Requests). Try again in a moment.", status=status, response_status=rs)
        busy.retry_after = retry_after_seconds(headers.get("retry-after"))
        return busy
    if status >= 500:
        detail = f"HTTP {status} {_phrase(status)}"
        failed = ServerError(f"The Billiecart server had a problem ({detail}). "
                             "Try again in a moment.", status=status, response_status=rs)
        failed.retry_after = retry_after_seconds(headers.get("retry-after"))
        return failed
    return UnexpectedResponseError(
        f"The server answered with an unexpected status (HTTP {status} {_phrase(status)}).",
        status=status, response_status=rs)
