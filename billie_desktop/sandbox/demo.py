"""The sandbox's demo organisations and sign-ins, as data.

The console's sign-in window shows these (handed to it by the composition root), and
``billie-sandbox`` prints them: nobody copies a user name or the demo password. This
module imports nothing heavy, so the console can read it without loading the server.
"""

from __future__ import annotations

from dataclasses import dataclass

from billie_desktop.sandbox.config import DEMO_PASSWORD

ORGANISATIONS = ("Billie Cart Melbourne", "Billie Cart Sydney")


@dataclass(frozen=True)
class Login:
    user_name: str
    display_name: str
    roles: tuple[str, ...]
    organisations: tuple[str, ...]  # organisation names
    locked: bool = False

    @property
    def description(self) -> str:
        """What a trainer needs to know to pick one: "manager, Melbourne only"."""
        if self.locked:
            return "locked account"
        if "manager" not in self.roles:
            return "no manager role"
        if len(self.organisations) == len(ORGANISATIONS):
            return "manager, both organisations"
        places = ", ".join(o.removeprefix("Billie Cart ") for o in self.organisations)
        return f"manager, {places} only"


LOGINS = (
    Login("manager@sandbox.test", "Morgan Manager", ("manager",), ORGANISATIONS),
    Login("mel.manager@sandbox.test", "Mel Manager", ("manager",), (ORGANISATIONS[0],)),
    Login("staff@sandbox.test", "Sam Staff", ("staff",), ORGANISATIONS),
    Login("locked@sandbox.test", "Lee Locked", ("manager",), (ORGANISATIONS[0],), locked=True),
)


@dataclass(frozen=True)
class DemoSignIns:
    """What the sign-in window offers for a sandbox: user names with a note, one password."""

    password: str
    users: tuple[tuple[str, str], ...]  # (user name, description)

    @property
    def manager(self) -> str:
        """The sign-in that sees everything (the smoke test and screenshots use it)."""
        return self.users[0][0]


DEMO_SIGN_INS = DemoSignIns(DEMO_PASSWORD, tuple((x.user_name, x.description) for x in LOGINS))
