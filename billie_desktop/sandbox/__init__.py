"""The sandbox: a ServiceStack-faithful Billiecart server on SQLite.

It never imports Qt. Start it in the foreground with ``billie-sandbox``, in the
background with :class:`SandboxServer`, or from Python with ``with SandboxServer(...)``.
Its names (``SandboxServer``, and with it uvicorn, too) are imported when first used, so
reading the options or the demo sign-ins costs the console nothing.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    """Names are imported on first use: the console reads the flavours (sandbox/flavours.py)
    before its first window, and starts a server only when asked."""
    if name == "SandboxServer":
        from billie_desktop.sandbox.server import SandboxServer

        return SandboxServer
    if name in __all__:
        from billie_desktop.sandbox import config

        return getattr(config, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
