# mypy: ignore-errors
# (run by the system's Python with pyatspi, which has no type information)
"""``make a11y``: the console read through AT-SPI, as Orca reads it.

Run by the system's Python (``/usr/bin/python3``, with Debian's ``python3-pyatspi``) inside
``dbus-run-session``: it imports only the standard library and pyatspi. It starts
``billie-desktop`` under Xvfb with ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1`` driving
devtools/a11y_journey.py, and at each stage (sign-in window, main window with a customer
selected, link dialog) walks the application's accessible tree: it prints every control
with its role and name, and fails on a control without a name or on a value a screen
reader could not reach (the detail pane's email must read "Email: <the address>").

    dbus-run-session -- /usr/bin/python3 billie_desktop/devtools/atspi_check.py BILLIE_DESKTOP
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyatspi  # type: ignore[import-not-found]

NAMED_ROLES = {"push button", "check box", "radio button", "combo box", "text",
               "spin button", "table", "list", "tree table", "toggle button", "menu item",
               "password text"}
APP_NAME = "Billie Desktop"


def walk(node, depth=0, found=None):  # type: ignore[no-untyped-def]
    found = [] if found is None else found
    try:
        role = node.getRoleName()
        name = node.name or ""
        states = node.getState()
        showing = states.contains(pyatspi.STATE_SHOWING)
    except Exception:  # a node that went away while being read
        return found
    if showing or depth < 2:
        found.append((depth, role, name))
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            walk(child, depth + 1, found)
    return found


def application():  # type: ignore[no-untyped-def]
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and APP_NAME.lower() in (app.name or "").lower():
            return app
    return None


def check(stage: str, app) -> list[str]:  # type: ignore[no-untyped-def]
    nodes = walk(app)
    print(f"== {stage}: {len(nodes)} accessible objects showing")
    problems = []
    for depth, role, name in nodes:
        if role in NAMED_ROLES or (role == "label" and name):
            print(f"  {'  ' * min(depth, 8)}{role}: {name[:90]!r}")
        if role in NAMED_ROLES and not name.strip():
            problems.append(f"{stage}: a {role} without a name")
    if stage == "main" and not any(r == "label" and n.startswith("Email: ") and "@" in n
                                   for _d, r, n in nodes):
        problems.append("main: the detail pane's email value is not exposed ('Email: …')")
    return problems


def main(argv: list[str]) -> int:
    console = argv[0] if argv else "billie-desktop"
    folder = Path(tempfile.mkdtemp(prefix="billie-a11y-"))
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1440x900x24"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert xvfb.stdout is not None
    display = ":" + xvfb.stdout.readline().strip()
    os.environ["DISPLAY"] = display
    env = {**os.environ, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1",
           "QT_QPA_PLATFORM": "xcb", "HOME": str(folder), "XDG_DATA_HOME": str(folder / "d"),
           "XDG_STATE_HOME": str(folder / "s"), "BILLIE_A11Y_CONTINUE": str(folder / "go")}
    process = subprocess.Popen(
        [console, "--sandbox", "--memory", "--customers", "300", "--settings",
         str(folder / "settings.ini"), "--drive", "billie_desktop.devtools.a11y_journey:journey"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    problems: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("[a11y] ready "):
                stage = line.split()[-1]
                app = None
                for _ in range(40):  # a new application registers with the bus in a moment
                    time.sleep(0.25)
                    app = application()
                    if app is not None and len(walk(app)) > 3:
                        break
                if app is None:
                    problems.append(f"{stage}: no '{APP_NAME}' application on the AT-SPI bus")
                else:
                    problems += check(stage, app)
                (folder / f"go.{stage}").touch()
            elif "[drive]" in line or "Traceback" in line or "Error" in line:
                print(line.rstrip())
        process.wait(60)
    finally:
        if process.poll() is None:
            process.kill()
        xvfb.terminate()
    for problem in problems:
        print("PROBLEM:", problem)
    ok = not problems and process.returncode == 0
    print("make a11y:", "passed" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
