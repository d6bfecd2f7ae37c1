"""The console's stages: ``ConsoleApp`` is this state machine. Start-up goes down the list
once (``ConsoleApp.start``), then the sign-in and main windows take turns (``NEXT``)."""

from __future__ import annotations

import enum


class Stage(enum.Enum):
    """Where the console is, in the order start-up goes through them."""

    FIRST_WINDOW = "first window"  # the sign-in window; none while a session may resume
    KEYRING = "keyring"  # the client imported and the keyring asked, off the UI thread
    RESUMING = "resuming"  # the remembered session, without the password
    SIGN_IN = "sign-in"  # the sign-in window waits for the user
    MAIN_WINDOW = "main window"
    CLOSED = "closed"


# Where each stage may go: anything else is a mistake, and logged as one. MAIN_WINDOW
# from the first three: signed in on a sign-in window already up (the first window, or
# one shown while the keyring was slow); the keyring's answer still fills Remember me.
NEXT = {
    Stage.FIRST_WINDOW: {Stage.KEYRING, Stage.MAIN_WINDOW},
    Stage.KEYRING: {Stage.RESUMING, Stage.SIGN_IN, Stage.MAIN_WINDOW},
    Stage.RESUMING: {Stage.MAIN_WINDOW, Stage.SIGN_IN},
    Stage.SIGN_IN: {Stage.MAIN_WINDOW},
    Stage.MAIN_WINDOW: {Stage.SIGN_IN},  # signed out, or the session ended
    Stage.CLOSED: set(),
}
