from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import keyring
import pytest
from keyring.backend import KeyringBackend

from billie_desktop.api import BillieClient, MemoryTokenStore, RetryPolicy
from billie_desktop.sandbox.config import AUTH_MODES, JSON_MODES, SandboxOptions
from billie_desktop.sandbox.server import SandboxServer
from tests.conftest import Wire, port_is_listening

STYLES = [dict(auth=a, json=j) for a, j in itertools.product(AUTH_MODES, JSON_MODES)]
STYLE_IDS = [f"{s['auth']}-{s['json']}" for s in STYLES]
FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)


@pytest.fixture(scope="module", params=STYLES, ids=STYLE_IDS)
def server(request: pytest.FixtureRequest) -> Iterator[SandboxServer]:
    with SandboxServer(SandboxOptions(customers=150, faults=True, **request.param)) as sandbox:
        yield sandbox
    assert not port_is_listening(sandbox.port)




@pytest.fixture
async def make_client(wire: Wire) -> AsyncIterator[Callable[..., BillieClient]]:
    clients: list[BillieClient] = []

    def make(url: str, **kw: Any) -> BillieClient:
        http = httpx.AsyncClient(event_hooks={"request": [wire.hook]},
                                 timeout=kw.pop("timeout", 10.0))
        kw.setdefault("retry", FAST_RETRY)
        kw.setdefault("token_store", MemoryTokenStore())
        client = BillieClient(url, http_client=http, close_http=True, **kw)
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.close()


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring backend: tests never touch the developer's real keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.secrets:
            raise PasswordDeleteError(username)
        del self.secrets[(service, username)]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
