"""Start-up figures for ``make bench``: from spawning a process until its window is visible
on the X server (Xvfb; polled with xdotool), medians of five, beside a bare PySide6
``QMainWindow`` measured in the same run, which is the floor."""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

BARE = ("from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "app = QApplication([])\nwindow = QMainWindow()\nwindow.setWindowTitle('bare-window')\n"
        "window.resize(460, 400)\nwindow.show()\napp.exec()\n")
RUNS = 5
PAUSE = 0.3  # s between runs


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A fresh X server on a display it chooses itself (-displayfd): never one in use."""
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1440x900x24"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert server.stdout is not None
        number = server.stdout.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def _visible(display: str, title: str) -> bool:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title],
                           capture_output=True, env={**os.environ, "DISPLAY": display},
                           check=False)
    return bool(found.stdout.strip())


def time_to_window(command: list[str], title: str, display: str, env: dict[str, str]) -> float:
    """Milliseconds from spawn until a window named ``title`` is visible."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env={**env, "DISPLAY": display},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not _visible(display, title):
            if time.perf_counter() - started > 10:
                raise TimeoutError(f"no window {title!r}")
            time.sleep(0.005)
        return (time.perf_counter() - started) * 1000
    finally:
        process.terminate()
        process.wait(10)
        time.sleep(PAUSE)  # the X server forgets the old window before the next spawn


def startup_figures() -> list[tuple[str, str]]:
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        return [("start-up", "skipped: Xvfb and xdotool are not installed")]
    try:
        return _measure()
    except (TimeoutError, RuntimeError) as exc:  # said, not hidden: the rest still runs
        return [("start-up", f"NOT MEASURED: {exc} (Xvfb launches sometimes stall)")]


def _measure() -> list[tuple[str, str]]:
    folder = Path(tempfile.mkdtemp(prefix="billie-startup-"))
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(HOME=str(folder / "home"), XDG_CONFIG_HOME=str(folder / "cfg"),
               XDG_STATE_HOME=str(folder / "state"), XDG_DATA_HOME=str(folder / "data"))
    console = [str(Path(sys.executable).with_name("billie-desktop")), "--settings",
               str(folder / "settings.ini")]
    sandbox_db = str(folder / "sandbox.sqlite3")
    cases = [("bare PySide6 QMainWindow", [sys.executable, "-c", BARE], "bare-window"),
             ("sign-in window, --server", [*console, "--server",
                                           "https://billiecart.invalid"], "Sign in"),
             ("sign-in window, --sandbox", [*console, "--sandbox", "--db", sandbox_db,
                                            "--customers", "2500"], "Sign in")]
    rows: list[tuple[str, str]] = []
    with xvfb() as display:
        subprocess.run([*console, "--sandbox", "--db", sandbox_db, "--customers", "2500",
                        "--version"], env=env, check=False, capture_output=True)
        time_to_window(cases[2][1], "Sign in", display, env)  # seeds the sandbox once
        bare = 0.0
        for name, command, title in cases:
            times: list[float] = []
            retried = 0
            while len(times) < RUNS:
                try:
                    times.append(time_to_window(command, title, display, env))
                except TimeoutError:
                    # Now and then a launch under Xvfb never shows its window (not yet
                    # understood; seen with the bare window too): retried, and said so.
                    retried += 1
                    if retried > 2:
                        raise
            median = statistics.median(times)
            bare = bare or median
            note = f"; {retried} launch(es) retried" if retried else ""
            rows.append((f"start-up: spawn -> {name} visible",
                         f"{median:7.1f} ms  ({median / bare:.2f}x bare; medians of {RUNS}"
                         f"{note})"))
    return rows
