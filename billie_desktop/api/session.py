"""The client's session with one server, as a small explicit object.

States (see docs/ARCHITECTURE.md, "The session")::

    SIGNED_OUT --sign_in/resume--> SIGNED_IN --401--> RENEWING --ok--> SIGNED_IN
        ^                              |                  |
        |                              |                  +--refused--> EXPIRED
        +---------- sign_out ----------+------------------------------------+

``generation`` changes whenever the credentials change (sign-in, renewal, expiry,
sign-out), so a request that saw a 401 can tell whether somebody else has already
renewed the session in the meantime.
"""

from __future__ import annotations

from enum import StrEnum

from billie_desktop.api.dtos import AuthenticateResponse
from billie_desktop.api.errors import SessionExpiredError, expired_error


class SessionStyle(StrEnum):
    """The three ways a ServiceStack server hands out sessions (docs/api-contract.md)."""

    SESSION = "session"  # ss-id / ss-pid cookies
    JWT_BODY = "jwt-body"  # bearerToken and refreshToken in the body
    JWT_COOKIE = "jwt-cookie"  # ss-tok / ss-reftok cookies


class SessionState(StrEnum):
    SIGNED_OUT = "signed-out"
    SIGNED_IN = "signed-in"
    RENEWING = "renewing"
    EXPIRED = "expired"


class ClientSession:
    def __init__(self) -> None:
        self.state = SessionState.SIGNED_OUT
        self.style: SessionStyle | None = None
        self.user: AuthenticateResponse | None = None
        self.bearer_token: str | None = None
        self.refresh_token: str | None = None
        self.remember = False
        self.generation = 0

    @property
    def signed_in(self) -> bool:
        return self.state in (SessionState.SIGNED_IN, SessionState.RENEWING)

    @property
    def expired(self) -> bool:
        return self.state == SessionState.EXPIRED

    def start(self, user: AuthenticateResponse, style: SessionStyle, *, remember: bool,
              bearer_token: str | None = None, refresh_token: str | None = None) -> None:
        """Signed in (or resumed): tokens are kept here, never on ``user``."""
        self.user = user.model_copy(update={"bearer_token": None, "refresh_token": None})
        self.style = style
        self.remember = remember
        self.bearer_token, self.refresh_token = bearer_token, refresh_token
        self._move(SessionState.SIGNED_IN)

    def renewing(self) -> None:
        self.state = SessionState.RENEWING

    def renewed(self, bearer_token: str | None = None) -> None:
        if bearer_token is not None:
            self.bearer_token = bearer_token
        self._move(SessionState.SIGNED_IN)

    def renewal_failed(self) -> None:
        """Renewal could not be tried (network): still signed in, try again later."""
        if self.state == SessionState.RENEWING:
            self.state = SessionState.SIGNED_IN

    def expire(self) -> SessionExpiredError:
        """Marks the session expired; returns the error for the caller to ``raise``."""
        self._move(SessionState.EXPIRED)
        return expired_error()

    def end(self) -> None:
        """Signed out: every credential forgotten."""
        self.user = None
        self.style = None
        self.bearer_token = self.refresh_token = None
        self.remember = False
        self._move(SessionState.SIGNED_OUT)

    def _move(self, state: SessionState) -> None:
        self.state = state
        self.generation += 1
