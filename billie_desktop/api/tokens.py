"""Where "Remember me" keeps what resumes a session: the OS keyring, or memory.

What is kept is what lets the next start resume without the password: the refresh token
(JWT in the body) or the session / token cookies. Never the password. When the machine
has no keyring (no Secret Service), the caller gets an in-memory store and is told so;
``keyrings.alt`` is never used, since it keeps tokens in plain text.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from billie_desktop.api.session import SessionStyle
from billie_desktop.speedups import platform_keyring

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

    def items(self) -> list[tuple[str, StoredSession]]:
        return list(self._sessions.items())


class KeyringTokenStore:
    """The OS keyring (Secret Service, Keychain, Windows Credential Locker). Its methods
    raise whatever the backend raises: ``SafeTokenStore`` is what callers use."""

    def __init__(self, service: str = SERVICE, backend: Any = None, *,
                 read: tuple[str, str | None] | None = None) -> None:
        self.service = service
        self.backend = backend  # None: whatever keyring.get_keyring() says at each call
        self._read = read  # (server, text) the probe read already: the first load's answer

    @property
    def persistent(self) -> bool:
        return True

    def _keyring(self) -> Any:
        if self.backend is not None:
            return self.backend
        import keyring

        return keyring.get_keyring()

    def load(self, server: str) -> StoredSession | None:
        read, self._read = self._read, None
        if read is not None and read[0] == server:
            text = read[1]
        else:
            text = self._keyring().get_password(self.service, server)
        return StoredSession.from_json(text) if text else None

    def save(self, server: str, session: StoredSession) -> None:
        self._read = None
        self._keyring().set_password(self.service, server, session.to_json())

    def clear(self, server: str) -> None:
        self._read = None
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):  # nothing was stored
            self._keyring().delete_password(self.service, server)


ONLY_THIS_SESSION = "\"Remember me\" lasts only until Billie Desktop closes."
NO_KEYRING = "No keyring is available on this computer, so " + ONLY_THIS_SESSION
INSECURE_KEYRING = ("This computer's keyring ({0}) would keep sign-in tokens in a file, so "
                    + ONLY_THIS_SESSION)
BROKEN_KEYRING = "The keyring stopped working ({0}), so " + ONLY_THIS_SESSION
SLOW_KEYRING = "The keyring did not answer in time, so " + ONLY_THIS_SESSION


class SafeTokenStore:
    """What the client is given: never raises. It uses a secure keyring when there is
    one, and falls back to memory (this session only) for good the first time the
    keyring fails in any way; ``warning`` then says so, for the window to show."""

    def __init__(self, primary: TokenStore | None = None, warning: str | None = None, *,
                 may_hold: Callable[[str], bool] | None = None) -> None:
        """``may_hold(server)``: whether the keyring may hold a session for ``server`` from
        an earlier start; when not, forgetting it asks the keyring nothing (asking may
        raise the desktop's "unlock" or "new keyring" prompt)."""
        self.primary = primary
        self.warning = warning
        self.memory = MemoryTokenStore()
        self.may_hold = may_hold or (lambda server: True)
        self._saved: set[str] = set()  # servers whose session this process kept there

    def use(self, choice: TokenStoreChoice) -> None:
        """The keyring probe's answer. It may come after the user has signed in with
        Remember me: what was kept in memory meanwhile moves into the keyring."""
        self.primary = choice.store if choice.store.persistent else None
        self.warning = choice.warning
        for server, session in self.memory.items():
            if self.primary is None:
                break
            try:
                self.primary.save(server, session)
                self.memory.clear(server)
            except Exception as exc:
                self._failed("write to", exc)

    @property
    def persistent(self) -> bool:
        return self.primary is not None

    def _failed(self, what: str, exc: BaseException) -> None:
        log.warning("could not %s the keyring (%s): remembering for this session only",
                    what, type(exc).__name__)
        self.primary = None
        self.warning = BROKEN_KEYRING.format(type(exc).__name__)

    def load(self, server: str) -> StoredSession | None:
        if self.primary is not None:
            try:
                return self.primary.load(server)
            except Exception as exc:
                self._failed("read", exc)
        return self.memory.load(server)

    def save(self, server: str, session: StoredSession) -> None:
        if self.primary is not None:
            try:
                self.primary.save(server, session)
                self._saved.add(server)
                return
            except Exception as exc:
                self._failed("write to", exc)
        self.memory.save(server, session)

    def clear(self, server: str) -> None:
        self.memory.clear(server)
        held = server in self._saved or self.may_hold(server)
        self._saved.discard(server)
        if self.primary is not None and held:
            try:
                self.primary.clear(server)
            except Exception as exc:
                self._failed("clear", exc)


@dataclass(frozen=True)
class TokenStoreChoice:
    store: TokenStore
    warning: str | None  # set when sessions cannot be remembered across restarts


def insecure_backend(backend: Any) -> bool:
    """keyrings.alt (plain-text and encrypted files), the null and fail backends, anything
    of no priority, and a chainer that holds nothing else: tokens must never reach a file."""
    from keyring.backends import chainer, fail, null

    if isinstance(backend, chainer.ChainerBackend):
        return all(insecure_backend(b) for b in backend.backends)
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return True
    if type(backend).__module__.split(".")[0] == "keyrings":  # keyrings.alt
        return True
    try:
        return float(getattr(backend, "priority", 1)) <= 0
    except Exception:
        return True


def os_keyring() -> Any:
    """The keyring backend Remember me uses: keyring's own choice, found faster when the
    platform's keyring answers (``speedups.platform_keyring``)."""
    import keyring

    backend = platform_keyring()
    if backend is None:
        return keyring.get_keyring()
    keyring.set_keyring(backend)  # keyring says the same from now on
    return backend


def probe_keyring(server: str | None = None) -> TokenStoreChoice:
    """Blocks (D-Bus, an unlock prompt): call it off the UI thread. The OS keyring when a
    secure one answers; otherwise memory, with the warning to show. ``server``: the one
    whose remembered session this start will resume; what the keyring holds for it is read
    now, as the probe's question, and is the store's first answer (a Secret Service read
    of a stored secret is ~17 ms of D-Bus and key exchange, here off the critical path).
    With no ``server`` nothing is read: a read may raise the desktop's "unlock" or "new
    keyring" prompt, which only a remembered session, or Remember me, is worth."""
    try:
        backend = os_keyring()
        if insecure_backend(backend):
            log.info("refusing the keyring backend %s", type(backend).__name__)
            return TokenStoreChoice(MemoryTokenStore(),
                                    INSECURE_KEYRING.format(type(backend).__name__))
        text = backend.get_password(SERVICE, server) if server else None
    except Exception as exc:
        log.info("no usable keyring (%s): sessions are remembered until exit only",
                 type(exc).__name__)
        return TokenStoreChoice(MemoryTokenStore(), NO_KEYRING)
    read = (server, text) if server else None
    return TokenStoreChoice(KeyringTokenStore(backend=backend, read=read), None)


def open_token_store() -> TokenStoreChoice:
    """``probe_keyring()``, wrapped in a ``SafeTokenStore`` (for scripts; the console
    probes in a worker thread)."""
    choice = probe_keyring()
    return TokenStoreChoice(SafeTokenStore(choice.store if choice.store.persistent else None,
                                           choice.warning), choice.warning)
