"""The sandbox's options: one place that names every flavour it can be started in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The flavours and defaults live in a lighter module (the console parses its command line
# before its first window); named here too, as before.
from billie_desktop.sandbox.flavours import AUTH_MODES as AUTH_MODES
from billie_desktop.sandbox.flavours import DEFAULT_CUSTOMERS as DEFAULT_CUSTOMERS
from billie_desktop.sandbox.flavours import DEMO_PASSWORD as DEMO_PASSWORD
from billie_desktop.sandbox.flavours import JSON_MODES as JSON_MODES
from billie_desktop.sandbox.flavours import ROLE_CHECKS as ROLE_CHECKS
from billie_desktop.sandbox.flavours import AuthMode as AuthMode
from billie_desktop.sandbox.flavours import JsonMode as JsonMode
from billie_desktop.sandbox.flavours import RoleCheck as RoleCheck

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
    shared_emails: int = 0  # untidy emails for bulk linking, per kind (sandbox/shared_emails.py)
    unlink: bool = True  # the assumed DisassociateUserAccountFromCustomerRequest is offered
    latency: float = 0.0  # s, a round trip added to every answer: a slow link (--latency)
    jitter: float = 0.0  # s, up to this much more, at random, per answer
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
        if self.latency < 0 or self.jitter < 0:
            raise ValueError("latency and jitter must not be negative")

    @property
    def flavour(self) -> str:
        return f"auth={self.auth}; json={self.json}; roles={self.role_check}"
