"""Fixtures for the contract tests: one sandbox per flavour (module-scoped), signed in as
the manager, with the organisations by name."""

from __future__ import annotations

import pytest

from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.server import SandboxServer
from tests.conftest import port_is_listening
from tests.sandbox.helpers import FLAVOUR_IDS, FLAVOURS, MANAGER, Session, organisations, sign_in


@pytest.fixture(scope="module", params=FLAVOURS, ids=FLAVOUR_IDS)
def server(request):
    with SandboxServer(SandboxOptions(customers=150, **request.param)) as sandbox:
        yield sandbox
    assert not port_is_listening(sandbox.port)


@pytest.fixture(scope="module")
def manager(server) -> Session:
    return sign_in(server, MANAGER)


@pytest.fixture(scope="module")
def orgs(manager) -> dict[str, str]:
    return organisations(manager)


@pytest.fixture
def mel(orgs) -> str:
    return orgs["Billie Cart Melbourne"]
