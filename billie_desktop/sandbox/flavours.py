"""The flavours the sandbox can be started in, and its defaults: plain names, nothing
else imported, because the console parses its command line (``--sandbox``, ``--auth``...)
before it shows its first window. ``sandbox/config.py`` gathers them with the options."""

from __future__ import annotations

from enum import StrEnum


class AuthMode(StrEnum):
    """How the server hands out sessions (the three styles a ServiceStack host uses)."""

    SESSION = "session"  # ss-id / ss-pid cookies
    JWT_BODY = "jwt-body"  # bearerToken and refreshToken in the response body
    JWT_COOKIE = "jwt-cookie"  # ss-tok / ss-reftok HttpOnly cookies


class JsonMode(StrEnum):
    CLASSIC = "classic"  # ServiceStack.Text: /Date()/ dates, dash-less GUIDs
    STJ = "stj"  # System.Text.Json: ISO 8601 dates, dashed GUIDs


class RoleCheck(StrEnum):
    REQUIRED_ROLE = "required-role"  # [RequiredRole]: text/plain 403 "Invalid Role"
    VALIDATE_HAS_ROLE = "validate-has-role"  # [ValidateHasRole]: a JSON 403


AUTH_MODES = tuple(AuthMode)
JSON_MODES = tuple(JsonMode)
ROLE_CHECKS = tuple(RoleCheck)

DEMO_PASSWORD = "billie-sandbox"  # sandbox only; stored hashed like any other password
DEFAULT_CUSTOMERS = 2500
