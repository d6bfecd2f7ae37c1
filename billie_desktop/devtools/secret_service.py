"""A Secret Service for ``make bench``: a D-Bus session bus of its own with an unlocked
gnome-keyring in it, as a Linux desktop has, so that a remembered start is also timed with
the keyring people use (the tests' file keyring answers at once; a Secret Service costs
D-Bus round trips and a key exchange). The bench target installs ``dbus`` and
``gnome-keyring``; without them the figure is skipped."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def secret_service(env: dict[str, str]) -> Iterator[dict[str, str] | None]:
    """``env`` with the private bus (and the unlocked keyring on it); None when dbus or
    gnome-keyring is not installed. The keyring's files go where ``env``'s XDG_DATA_HOME
    says; the keyring daemon ends with the bus."""
    if not (shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon")):
        yield None
        return
    for folder in (env.get("HOME"), env.get("XDG_DATA_HOME")):  # where its keyring lives
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                           env=env)
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        session = {**env, "DBUS_SESSION_BUS_ADDRESS": address}
        started = subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"],
                                 input="billie-bench", env=session, capture_output=True,
                                 text=True, timeout=30, check=False)
        for line in started.stdout.splitlines():
            name, _, value = line.partition("=")
            if name.startswith("GNOME_KEYRING") and value:
                session[name] = value
        # (without it running, the bus would start one itself, locked: an unlock prompt)
        running = started.returncode == 0 and "GNOME_KEYRING_CONTROL" in session
        yield session if address and running else None
    finally:
        bus.terminate()
        bus.wait(10)
