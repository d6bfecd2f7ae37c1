"""Where "Remember me" keeps what resumes a session: the OS keyring, or memory.

What is kept is what lets the next start resume without the password: the refresh token
(JWT in the body) or the session / token cookies. Never the password. When the machine
has no keyring (no Secret Service), the caller gets an in-memory store and is told so;
``keyrings.alt`` is never used, since it keeps tokens in plain text.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Protocol

from billie_desktop.api.session import SessionStyle

log = logging.getLogger(__name__)

SERVICE = "billie-desktop"


@dataclass(frozen=True)
class StoredSession:
    user_name: str
    style: SessionStyle
    refresh_token: str | None = field(default=None, repr=False)
    cookies: dict[str, str] = field(default_factory=dict, repr=False)

    def to_json(self) -> str:
        return json.dumps({"userName": self.user_name, "style": self.style,
                           "refreshToken": self.refresh_token, "cookies": self.cookies})

    @classmethod
    def from_json(cls, text: str) -> StoredSession | None:
        try:
            data = json.loads(text)
            return cls(str(data["userName"]), SessionStyle(data["style"]), data.get("refreshToken"),
                       {str(k): str(v) for k, v in (data.get("cookies") or {}).items()})
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


class TokenStore(Protocol):
    """Keeps one remembered session per server. Methods may block (keyring over D-Bus):
    the client calls them off the event loop."""

    @property
    def persistent(self) -> bool: ...

    def load(self, server: str) -> StoredSession | None: ...

    def save(self, server: str, session: StoredSession) -> None: ...

    def clear(self, server: str) -> None: ...


class MemoryTokenStore:
    """Session-only: forgotten when the process ends."""

    def __init__(self) -> None:
        self._sessions: dict[str, StoredSession] = {}

    @property
    def persistent(self) -> bool:
        return False

    def load(self, server: str) -> StoredSession | None:
        return self._sessions.get(server)

    def save(self, server: str, session: StoredSession) -> None:
        self._sessions[server] = session

    def clear(self, server: str) -> None:
        self._sessions.pop(server, None)


class KeyringTokenStore:
    """The OS keyring (Secret Service, Keychain, Windows Credential Locker)."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    @property
    def persistent(self) -> bool:
        return True

    def load(self, server: str) -> StoredSession | None:
        import keyring
        from keyring.errors import KeyringError

        try:
            text = keyring.get_password(self.service, server)
        except KeyringError as exc:
            log.warning("could not read the keyring: %s", type(exc).__name__)
            return None
        return StoredSession.from_json(text) if text else None

    def save(self, server: str, session: StoredSession) -> None:
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(self.service, server, session.to_json())
        except KeyringError as exc:
            log.warning("could not write to the keyring: %s", type(exc).__name__)

    def clear(self, server: str) -> None:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            keyring.delete_password(self.service, server)
        except PasswordDeleteError:
            pass
        except KeyringError as exc:
            log.warning("could not clear the keyring: %s", type(exc).__name__)


@dataclass(frozen=True)
class TokenStoreChoice:
    store: TokenStore
    warning: str | None  # set when sessions cannot be remembered across restarts


def open_token_store() -> TokenStoreChoice:
    """The OS keyring when there is a usable one; otherwise memory, with a warning."""
    try:
        import keyring
        from keyring.backends import fail
        from keyring.errors import KeyringError

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
            raise RuntimeError(type(backend).__name__)
        keyring.get_password(SERVICE, "__probe__")
    except (ImportError, RuntimeError, KeyringError) as exc:
        log.info("no usable keyring (%s): sessions are remembered until exit only",
                 type(exc).__name__)
        return TokenStoreChoice(MemoryTokenStore(),
                                "No keyring is available on this computer, so \"Remember me\" "
                                "lasts only until Billie Desktop closes.")
    return TokenStoreChoice(KeyringTokenStore(), None)
