"""The package's shape, checked (docs/ARCHITECTURE.md describes it):

- no import cycles among modules at module level (what runs on ``import``);
- each layer imports only what it may: ``api`` and ``sandbox`` are independent cores,
  ``ui`` builds on ``api`` and reads the sandbox's demo data, and only the composition
  root (``ui/app.py``) starts a sandbox; ``devtools`` is imported by nobody but the entry
  point;
- parsing the command line loads neither the sandbox server nor uvicorn.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "billie_desktop"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, node.module] if node.module else base)


def skipped(node: ast.stmt, top_level_only: bool) -> bool:
    """Imports that do not run on import: under ``if TYPE_CHECKING``, in functions."""
    if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
        return True
    return top_level_only and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))


def imports(module: str, *, top_level_only: bool) -> set[str]:
    """The billie_desktop modules ``module`` imports; with ``top_level_only``, only the
    imports that run when it is imported (not in functions, not under TYPE_CHECKING)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(node, module, path.name == "__init__.py")
                submodules = {f"{base}.{a.name}" for a in node.names} & MODULES.keys()
                found.update(submodules)
                if len(submodules) < len(node.names):  # names defined in ``base`` itself
                    found.add(base)
            elif not skipped(node, top_level_only):
                for field in ("body", "orelse", "finalbody", "handlers"):
                    visit([n for n in getattr(node, field, []) if isinstance(n, ast.AST)])

    visit(tree.body)
    return {name for name in found if name in MODULES}


@pytest.mark.parametrize("top_level_only", [True, False], ids=["at-import", "anywhere"])
def test_the_package_has_no_import_cycles(top_level_only):
    """Neither in what runs on import nor counting the imports inside functions: a module
    that imports its importer inside a function is a circle all the same."""
    graph = {m: imports(m, top_level_only=top_level_only) - {m} for m in MODULES}
    # Tarjan's strongly connected components: any component of two or more is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in graph:
        if node not in index:
            connect(node)
    assert not cycles, f"import cycles: {cycles}"


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ("api", "sandbox", "work", "ui",
                                                       "devtools") else "entry"


# What each layer may import from the others ("entry" is billie_desktop/__init__, the
# entry point and the benchmark; the root package only supplies __version__).
ALLOWED = {
    "api": {"api"},
    "sandbox": {"sandbox"},
    "work": {"api", "work"},
    "ui": {"api", "work", "ui"},
    "devtools": {"api", "sandbox", "work", "ui", "devtools"},
    "entry": {"api", "sandbox", "work", "ui", "devtools", "entry"},
}
UI_MAY_READ_FROM_SANDBOX = {"billie_desktop.sandbox", "billie_desktop.sandbox.demo",
                            "billie_desktop.sandbox.config"}
COMPOSITION_ROOTS = {"billie_desktop.ui.app", "billie_desktop.ui.start"}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_layer_imports_only_what_it_may(module):
    mine = layer(module)
    for target in imports(module, top_level_only=False):
        theirs = layer(target)
        if target in ("billie_desktop", "billie_desktop.speedups") or theirs in ALLOWED[mine]:
            continue  # (the version, and the speed tricks: standard library only)
        if mine == "ui" and target in UI_MAY_READ_FROM_SANDBOX:
            continue  # the demo sign-ins and options: data, not the server
        if module in COMPOSITION_ROOTS and theirs == "sandbox":
            continue  # only the composition root (and its start) starts a sandbox
        raise AssertionError(f"{module} ({mine}) must not import {target} ({theirs})")


QT = {"PySide6", "shiboken6", "qasync", "PyQt5", "PyQt6"}


def third_party(module: str) -> set[str]:
    """The top-level names of everything ``module`` imports, anywhere in it."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("module", sorted(m for m in MODULES
                                          if layer(m) in ("api", "sandbox", "work")))
def test_the_cores_never_import_qt(module):
    """``api``, ``sandbox`` and ``work`` run without Qt (tests drive them on their own)."""
    assert not third_party(module) & QT, f"{module} imports {third_party(module) & QT}"


def test_devtools_are_reached_only_from_the_entry_point():
    users = {m for m in MODULES if layer(m) not in ("devtools",)
             and any(layer(t) == "devtools" for t in imports(m, top_level_only=False))}
    assert users <= {"billie_desktop.__main__", "billie_desktop.bench"}, users


def test_parsing_the_command_line_loads_no_server():
    code = ("import sys, billie_desktop.__main__ as m; m.parse_args(['--sandbox']); "
            "bad = [n for n in sys.modules if n.startswith(('uvicorn', 'h11', "
            "'billie_desktop.sandbox.server', 'billie_desktop.sandbox.app', 'PySide6'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("server", [["--server", "https://billiecart.invalid"], ["--sandbox"]])
def test_the_first_window_is_on_screen_before_anything_but_qt_is_imported(tmp_path, server):
    """Through the real entry point: when the sign-in window has been shown (and Qt is
    about to let it reach the screen), none of what can wait has been imported: asyncio
    and qasync, the client (httpx, pydantic, keyring), the sandbox's server, the package
    metadata, the log file's handler, the console itself (ui/start.py). Nor has any value
    of Qt's namespace been used, which builds its 93 enums (speedups.set_qt_enum)."""
    code = f"""
import os, sys
import PySide6.QtCore
import billie_desktop.ui.start as start

def on_screen(qapp, window):
    waiting = ("asyncio", "qasync", "httpx", "pydantic", "keyring", "uvicorn", "email",
               "platformdirs")
    bad = [n for n, m in sys.modules.items() if m is not None  # (None: kept out)
           and (n.split(".")[0] in waiting or n.startswith((
        "billie_desktop.api.", "importlib.metadata", "logging.handlers",
        "billie_desktop.ui.app", "billie_desktop.sandbox.server")))]
    if "Qt" in vars(PySide6.QtCore):  # (the namespace is built on first use)
        bad.append("PySide6.QtCore.Qt")
    print("visible" if window.isVisible() else "not visible", bad, flush=True)
    os._exit(0 if window.isVisible() and not bad else 1)

start.until_on_screen = on_screen
from billie_desktop.__main__ import main
main([*{server!r}, "--settings", {str(tmp_path / "s.ini")!r}])
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, timeout=60,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
                                 "BILLIE_NO_SPEEDUPS": "", "XDG_STATE_HOME": str(tmp_path),
                                 "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "visible []" in result.stdout


def test_the_client_waits_until_signing_in():
    """The console (ui/app.py) and the sign-in window import the client only to use it."""
    code = ("import sys, billie_desktop.__main__ as m; m.parse_args(['--server', 'x']); "
            "import billie_desktop.ui.app, billie_desktop.ui.sign_in_window; "
            "bad = [n for n in sys.modules if n.split('.')[0] in ('httpx', 'pydantic', "
            "'keyring', 'uvicorn') or n.startswith('billie_desktop.api.')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, env={**__import__("os").environ,
                                              "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
