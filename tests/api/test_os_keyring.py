"""Which keyring Remember me uses (api/tokens.py ``os_keyring``): the platform's own one,
found without keyring's search through every backend, unless something else decides."""

from __future__ import annotations

import sys

import keyring
import keyring.backend
import pytest
from keyring.backends import SecretService
from keyring.util import platform_

from billie_desktop.api.tokens import os_keyring


class Found(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NotImplementedError

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError


class Answering(SecretService.Keyring):
    """A Secret Service that is there (none is, on a test machine)."""

    priority = 5  # type: ignore[assignment]


class NotAnswering(SecretService.Keyring):
    priority = 0  # type: ignore[assignment]


# The Secret Service is Linux's (tests/windows: the Credential Locker, on Windows)
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the Secret Service is Linux's")

# Never offered to keyring's own search in other tests (its backends register themselves).
keyring.backend.KeyringBackend._classes -= {Found, Answering, NotAnswering}  # type: ignore[attr-defined]


@pytest.fixture
def undecided(monkeypatch, tmp_path):
    """Nothing chose a backend yet: no environment variable, no keyringrc.cfg, a GNOME
    session, and a Secret Service that answers. keyring's own search records that it ran.
    The backend chosen is the process's own afterwards: put back as it was."""
    previous = keyring.get_keyring()
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(platform_, "config_root", lambda: tmp_path)
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME")
    monkeypatch.setattr(SecretService, "Keyring", Answering)
    searched: list[bool] = []

    def search():
        searched.append(True)
        return [Found()]

    monkeypatch.setattr(keyring.backend, "get_all_keyring", search)
    yield searched
    keyring.set_keyring(previous)


def test_the_secret_service_is_used_without_searching_every_backend(undecided):
    chosen = os_keyring()
    assert isinstance(chosen, Answering) and not undecided
    assert keyring.get_keyring() is chosen  # and keyring says the same from now on


@pytest.mark.parametrize("decided_by", ["environment", "config", "kde", "no service"])
def test_keyring_decides_when_something_else_does(undecided, monkeypatch, tmp_path,
                                                  decided_by):
    """Then the backend is keyring's choice (``keyring.get_keyring``, which reads its
    configuration or searches), not the platform's keyring put in its place."""
    if decided_by == "environment":
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", f"{__name__}.Found")
    elif decided_by == "config":
        (tmp_path / "keyringrc.cfg").write_text(f"[backend]\ndefault-keyring={__name__}.Found\n")
    elif decided_by == "kde":
        monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    else:
        monkeypatch.setattr(SecretService, "Keyring", NotAnswering)
    keyrings_choice = Found()
    monkeypatch.setattr(keyring, "get_keyring", lambda: keyrings_choice)
    assert os_keyring() is keyrings_choice
