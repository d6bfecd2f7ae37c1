"""The sandbox's options: one place that names every flavour it can be started in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

AUTH_MODES = ("session", "jwt-body", "jwt-cookie")
JSON_MODES = ("classic", "stj")
ROLE_CHECKS = ("required-role", "validate-has-role")

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
    auth: str = "jwt-cookie"
    json: str = "classic"
    role_check: str = "required-role"
    token_ttl: float = 3600.0  # access tokens (and sessions in session mode), seconds
    refresh_token_ttl: float = 30 * 24 * 3600.0
    customers: int = DEFAULT_CUSTOMERS  # per organisation, when seeding
    reset: bool = False
    faults: bool = False
    seed: int = 20261126

    def __post_init__(self) -> None:
        for value, allowed, name in (
            (self.auth, AUTH_MODES, "auth"),
            (self.json, JSON_MODES, "json"),
            (self.role_check, ROLE_CHECKS, "role_check"),
        ):
            if value not in allowed:
                raise ValueError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
        if self.customers < 0:
            raise ValueError("customers must not be negative")
        if self.token_ttl <= 0 or self.refresh_token_ttl <= 0:
            raise ValueError("token lifetimes must be positive")

    @property
    def flavour(self) -> str:
        return f"auth={self.auth}; json={self.json}; roles={self.role_check}"
