"""The sandbox: a ServiceStack-faithful Billiecart server on SQLite.

It never imports Qt. Start it in the foreground with ``billie-sandbox``, in the
background with :class:`SandboxServer`, or from Python with ``with SandboxServer(...)``.
"""

from billie_desktop.sandbox.config import (
    AUTH_MODES,
    JSON_MODES,
    ROLE_CHECKS,
    AuthMode,
    JsonMode,
    RoleCheck,
    SandboxOptions,
)
from billie_desktop.sandbox.server import SandboxServer

__all__ = ["AUTH_MODES", "JSON_MODES", "ROLE_CHECKS", "AuthMode", "JsonMode", "RoleCheck",
           "SandboxOptions", "SandboxServer"]
