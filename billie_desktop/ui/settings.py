"""Preferences (never secrets) in QSettings: window geometry, column widths, last server,
organisation and user name. Tests pass their own file so they never touch the user's."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from billie_desktop.work.private_files import private_file

STAGING_URL = "https://staging-api.billiecart.com.au"


class Settings:
    def __init__(self, path: Path | None = None, *, machine: Path | None = None) -> None:
        """``path``: the user's preferences in this file instead of the usual place.
        ``machine``: the machine-wide defaults in this file instead of theirs (tests)."""
        self._qs = QSettings(str(path), QSettings.Format.IniFormat) if path else \
            QSettings("Billie", "Billie Desktop")
        self._machine_file = machine
        # The user's alone (QSettings keeps a file's mode when it rewrites it). An
        # unwritable place is QSettings' to report; the app carries on.
        with contextlib.suppress(OSError):
            private_file(Path(self._qs.fileName()))

    def file_name(self) -> str:
        """Where the user's preferences are kept (a file, or the Windows registry key)."""
        return self._qs.fileName()

    def _get(self, key: str, default: Any = None) -> Any:
        return self._qs.value(key, default)

    def _set(self, key: str, value: Any) -> None:
        self._qs.setValue(key, value)

    def _machine(self) -> QSettings:
        """What IT set for every user at install time: HKLM\\Software\\Billie\\Billie Desktop
        on Windows, /etc/xdg/Billie/Billie Desktop.conf on Linux (read only)."""
        return QSettings(str(self._machine_file), QSettings.Format.IniFormat) \
            if self._machine_file else \
            QSettings(QSettings.Scope.SystemScope, "Billie", "Billie Desktop")

    def sync(self) -> None:
        self._qs.sync()

    @property
    def last_server(self) -> str | None:
        value = self._get("sign-in/server")
        return str(value) if value else None

    @last_server.setter
    def last_server(self, value: str) -> None:
        self._set("sign-in/server", value)

    @property
    def default_server(self) -> str | None:
        """The server set for everyone on this computer at install time, if any (an empty
        value, as the MSI writes when none was given, is none). Read when a sign-in window
        has no server of the user's to offer, not at every start."""
        # What IT set for every user at install time (the MSI's SERVERURL):
        # HKLM\Software\Billie\Billie Desktop on Windows, /etc/xdg/Billie/Billie Desktop.conf
        # on Linux. Read only; a user's own choice always wins.
        value = self._machine().value("sign-in/default-server", "")
        return str(value).strip() or None

    @property
    def max_in_flight(self) -> int:
        """How many requests bulk work may keep in flight at most (work/pace.py): 32, or
        lower where the user's file or IT's machine-wide settings say so (network/
        max-in-flight; 1 to 32), for a server that must be spared."""
        from billie_desktop.work.pace import CAP

        limits = [CAP]
        for value in (self._get("network/max-in-flight"),
                      self._machine().value("network/max-in-flight")):
            with contextlib.suppress(TypeError, ValueError):
                limits.append(max(1, int(value)))
        return min(limits)

    @property
    def custom_server(self) -> str:
        return str(self._get("sign-in/custom-server", "") or "")

    @custom_server.setter
    def custom_server(self, value: str) -> None:
        self._set("sign-in/custom-server", value)

    @property
    def last_user_name(self) -> str:
        return str(self._get("sign-in/user-name", "") or "")

    @last_user_name.setter
    def last_user_name(self, value: str) -> None:
        self._set("sign-in/user-name", value)

    @property
    def remember(self) -> bool:
        """The "Remember me" tick, as the user last left it."""
        return str(self._get("sign-in/remember", "false")).lower() == "true"

    @remember.setter
    def remember(self, value: bool) -> None:
        self._set("sign-in/remember", "true" if value else "false")

    @property
    def theme(self) -> str:
        """View ▸ Theme: "system", "light" or "dark"."""
        value = str(self._get("view/theme", "system"))
        return value if value in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("view/theme", value)

    def may_resume(self, server: str | None, *, sandbox: bool = False) -> bool:
        """A session may have been remembered for the server this start would use
        (``server`` if given, else the last one). Never with ``--sandbox``: the embedded
        sandbox is a new server at every start, and the user asked for it, not for the
        server signed in to last time."""
        server = server or self.last_server
        return not sandbox and bool(server) and self.may_hold(server or "")

    def may_hold(self, server: str) -> bool:
        """The keyring may hold a session for ``server``: the last sign-in was there, with
        Remember me (the console asks the keyring nothing about any other)."""
        return self.remember and server == self.last_server

    def last_organisation(self, server: str) -> str | None:
        value = self._get(f"organisation/{_key(server)}")
        return str(value) if value else None

    def set_last_organisation(self, server: str, organisation_id: str) -> None:
        self._set(f"organisation/{_key(server)}", organisation_id)

    def geometry(self, name: str) -> QByteArray | None:
        value = self._get(f"windows/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self._set(f"windows/{name}", value)


def _key(server: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in server)
