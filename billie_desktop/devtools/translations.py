"""``make translations``: the console's strings into Qt Linguist files, and those compiled.

1. Every string the user interface shows is found in the source: ``_t("…")`` (a module's
   helper, whose context its definition names), ``tr("…", "Context")`` and
   ``QT_TRANSLATE_NOOP("Context", "…")`` (alias ``_N``: titles in tables, translated where
   they are shown). pyside6-lupdate's Python parser cannot follow the ``_t`` helpers (their context
   is implicit), so they are written out as ``QCoreApplication.translate`` calls in a
   stub that pyside6-lupdate then reads: it keeps the ``.ts`` files in
   ``billie_desktop/translations/`` up to date (existing translations kept, vanished
   strings marked obsolete).
2. The pseudo-locale ``en_XA`` is filled in: accented, bracketed and ~35 % longer, so that
   an untranslated or clipped string shows at a glance (and in tests).
3. pyside6-lrelease compiles each ``.ts`` into the ``.qm`` beside it, which the wheel and
   the installers carry.

    python -m billie_desktop.devtools.translations
"""

from __future__ import annotations

import ast
import html
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
FOLDER = PACKAGE / "translations"
LOCALES = ("en_XA",)  # the pseudo-locale; real languages are added here as they come
PSEUDO = "en_XA"
DEFAULT_CONTEXT = "BillieDesktop"
_ACCENTS = str.maketrans("AaBbCcDdEeGgHhIiJjKkLlNnOoRrSsTtUuWwYyZz",
                         "ÅåƁƀÇçÐđÉéĜĝĤĥÎîĴĵĶķĻļÑñÖöŔŕŠšŢţÛûŴŵÝýŽž")
_PLACEHOLDER = re.compile(r"(\{[^}]*\}|%[a-zA-Z]|&(?=\w)|\n)")


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) \
        else None


def strings(package: Path = PACKAGE) -> list[tuple[str, str, str]]:
    """(context, source text, where) for every translatable string, in source order."""
    found: list[tuple[str, str, str]] = []
    for path in sorted([*(package / "ui").glob("*.py"), *(package / "work").glob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        helper = None  # the context of this module's _t
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "_t":
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "tr" \
                            and len(call.args) == 2:
                        helper = _literal(call.args[1])
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            where = f"{path.name}:{node.lineno}"
            args = node.args
            if name == "_t" and args and helper and (text := _literal(args[0])):
                found.append((helper, text, where))
            elif name == "tr" and args and (text := _literal(args[0])):
                context = _literal(args[1]) if len(args) > 1 else DEFAULT_CONTEXT
                if context:
                    found.append((context, text, where))
            elif name in ("QT_TRANSLATE_NOOP", "_N") and len(args) == 2 and \
                    (context := _literal(args[0])) and (text := _literal(args[1])):
                found.append((context, text, where))
    return found


def pseudo(text: str) -> str:
    """Accented, bracketed, ~35 % longer; placeholders ({0}, %v), accelerators (&) and
    line breaks kept as they are."""
    parts = _PLACEHOLDER.split(text)
    out = "".join(p if _PLACEHOLDER.fullmatch(p) else p.translate(_ACCENTS) for p in parts)
    letters = sum(c.isalpha() for c in text)
    return f"⟦{out}{'~' * max(1, round(letters * 0.35))}⟧"


def _stub(found: list[tuple[str, str, str]]) -> str:
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for context, text, _where in found:
        lines.append(f"QCoreApplication.translate({context!r}, {text!r})")
    return "\n".join(lines) + "\n"


def _fill_pseudo(ts: Path) -> None:
    """Every message of the pseudo-locale's .ts gets its pseudo translation."""
    xml = ts.read_text(encoding="utf-8")

    def fill(match: re.Match[str]) -> str:
        source = html.unescape(match.group(1))
        return (f"<source>{match.group(1)}</source>\n        <translation>"
                f"{html.escape(pseudo(source), quote=False)}</translation>")

    xml = re.sub(r"<source>(.*?)</source>\s*<translation[^>]*?(?:/>|>.*?</translation>)",
                 fill, xml, flags=re.S)
    ts.write_text(xml, encoding="utf-8")


def main() -> int:
    bin_dir = Path(sys.executable).parent
    found = strings()
    FOLDER.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        stub = Path(folder) / "billie_desktop_strings.py"
        stub.write_text(_stub(found), encoding="utf-8")
        for locale in LOCALES:
            ts = FOLDER / f"billie_desktop_{locale}.ts"
            subprocess.run([str(bin_dir / "pyside6-lupdate"), str(stub), "-locations", "none",
                            "-no-obsolete", "-source-language", "en_AU",
                            "-target-language", locale, "-ts", str(ts)], check=True)
            if locale == PSEUDO:
                _fill_pseudo(ts)
            subprocess.run([str(bin_dir / "pyside6-lrelease"), str(ts), "-qm",
                            str(ts.with_suffix(".qm"))], check=True)
    print(f"{len(found)} strings ({len({(c, t) for c, t, _ in found})} distinct) in "
          f"{', '.join(LOCALES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
