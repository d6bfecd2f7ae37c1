"""The sandbox's options: one place that names every flavour it can be started in."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


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
MAX_TAKE = 500
MAX_BODY_BYTES = 1024 * 1024


@dataclass(frozen=True)
class SandboxOptions:
    """How a sandbox behaves. The defaults are what a current ServiceStack server does
    out of the box: JWT in HttpOnly cookies and ServiceStack.Text ("classic") JSON."""

    db_path: Path | None = None  # None: an in-memory database (tests, benchmarks)
    host: str = "127.0.0.1"
    port: int = 0  # 0 picks a free port
    auth: AuthMode = AuthMode.JWT_COOKIE
    json: JsonMode = JsonMode.CLASSIC
    role_check: RoleCheck = RoleCheck.REQUIRED_ROLE
    token_ttl: float = 3600.0  # access tokens (and sessions in session mode), seconds
    refresh_token_ttl: float = 30 * 24 * 3600.0
    customers: int = DEFAULT_CUSTOMERS  # per organisation, when seeding
    reset: bool = False
    faults: bool = False
    hostile_text: bool = False  # dress some names, emails... up as markup (sandbox/hostile.py)
    seed: int = 20261126

    def __post_init__(self) -> None:
        # Plain strings are accepted at the edges (the CLI, tests) and become the enum.
        for name, kind in (("auth", AuthMode), ("json", JsonMode), ("role_check", RoleCheck)):
            value = getattr(self, name)
            try:
                object.__setattr__(self, name, kind(value))
            except ValueError:
                allowed = ", ".join(kind)
                raise ValueError(f"{name} must be one of {allowed}, not {value!r}") from None
        if self.customers < 0:
            raise ValueError("customers must not be negative")
        if self.token_ttl <= 0 or self.refresh_token_ttl <= 0:
            raise ValueError("token lifetimes must be positive")

    @property
    def flavour(self) -> str:
        return f"auth={self.auth}; json={self.json}; roles={self.role_check}"
