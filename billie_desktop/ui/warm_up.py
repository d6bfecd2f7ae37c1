"""What the console needs after sign-in, prepared while the user types in the sign-in
window, without ever holding the event loop for long.

- The client (httpx, pydantic and the models: ~150 ms of imports here) is imported in a
  worker thread: the loop keeps turning (the interpreter lock changes hands every 5 ms).
- The main window's modules hold Qt classes, so they are imported on this thread, but one
  module per turn of the event loop: each step is a few milliseconds, where importing
  ``ui.main_window`` at once took ~40 ms at the moment of signing in.

Anything not yet warm when it is needed is simply imported then, as before. A resumed
start has no window on screen while it imports the client, so it imports it on the UI
thread (``prepare_client``), before the keyring is asked in a worker thread: no
hand-offs of the interpreter lock between threads (ui/app.py, ``ConsoleApp.start``).

Once the main window's modules are in, ``settle`` drops the source lines ``linecache``
picked up meanwhile (warnings read them; PySide6's import hook no longer does, see
billie_desktop/speedups.py) and moves every object made so far
(modules, classes, functions: ~90,000) out of the cyclic garbage collector's way
(``gc.freeze``): a full collection then walks only what came later. Without it, one
full collection at 100,000 customers took 66 ms here, a frame dropped in the middle of
scrolling.

Until then the collector does not run at all (``speedups.at_start`` turns it off first
thing; speedups.py says why and what it saves). ``settle`` turns it back on;
``GC_FALLBACK`` turns it on anyway should a start never settle (a sign-in that stays open
while the keyring is slow, say)."""

from __future__ import annotations

import asyncio
import gc
import importlib
import linecache

CLIENT = ("billie_desktop.api.errors", "billie_desktop.api.dtos",
          "billie_desktop.api.session", "billie_desktop.api.tokens",
          "billie_desktop.api.client",
          # what httpx imports for its first connection and first request (~30 ms)
          "httpcore", "anyio.abc", "anyio.lowlevel", "anyio.streams", "anyio.to_thread",
          "anyio._backends._asyncio")
# What the first minute sends and reads: pydantic builds their validators on first use
# (the models are declared with defer_build, so that importing them is cheap).
FIRST_MODELS = ("AuthenticateResponse", "QueryOrganisationsResponse",
                "QueryCustomersResponse", "WhoAmI", "QueryOrganisationsRequest",
                "QueryCustomersRequest")
# Leaves first, so that each import brings in one module (tests/ui/test_warm_up.py keeps
# this list complete).
MAIN_WINDOW = ("billie_desktop.ui.session", "billie_desktop.ui.account_names",
               "billie_desktop.ui.side_windows",
               "billie_desktop.ui.account_results", "billie_desktop.ui.customer_fields",
               "billie_desktop.ui.save_dialog", "billie_desktop.ui.export_entry",
               "billie_desktop.ui.customers_model", "billie_desktop.ui.customers_table",
               "billie_desktop.ui.detail_pane", "billie_desktop.ui.link_dialog",
               "billie_desktop.ui.list_status", "billie_desktop.ui.password_prompt",
               "billie_desktop.ui.search_bar", "billie_desktop.ui.selection",
               "billie_desktop.ui.main_actions", "billie_desktop.work.undoing",
               "billie_desktop.ui.undo_one", "billie_desktop.ui.lost_answers",
               "billie_desktop.work.positions", "billie_desktop.ui.list_copy",
               "billie_desktop.ui.opening", "billie_desktop.ui.help_menu",
               "billie_desktop.ui.main_window")


def _import_all(names: tuple[str, ...]) -> None:
    for name in names:
        importlib.import_module(name)


GC_FALLBACK = 20.0  # s after the loop starts: the collector runs again, settled or not


def settle() -> None:
    """After start-up: sources dropped, start-up's objects left out of full collections,
    and the collector back on."""
    linecache.clearcache()
    gc.freeze()
    gc.enable()


def prepare_client() -> None:
    """The client's imports and its first models' validators, on this thread."""
    _import_all(CLIENT)
    dtos = importlib.import_module("billie_desktop.api.dtos")
    for name in FIRST_MODELS:
        getattr(dtos, name).model_rebuild()


async def import_client() -> None:
    """The client's imports (and its first answers' validators), in a worker thread."""
    await asyncio.to_thread(prepare_client)


async def import_main_window() -> None:
    """The main window's imports, one module per turn of the event loop."""
    for name in MAIN_WINDOW:
        importlib.import_module(name)
        await asyncio.sleep(0)
    settle()
