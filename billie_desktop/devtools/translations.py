"""``make translations``: the console's strings into Qt Linguist files, and those compiled.

1. pyside6-lupdate reads the windows (``ui/``) and the core (``work/``) itself: each
   class's ``self.tr("…")`` (a QObject's own, or ``widgets.Translated``'s; the context is
   the class's name), ``QCoreApplication.translate("Context", "…")`` where there is no
   class, and ``QT_TRANSLATE_NOOP("Context", "…")`` for titles translated where they are
   shown (the core's is ``work/text.py``'s, which has Qt's name but needs no Qt). It keeps the
   ``.ts`` files in ``billie_desktop/translations/`` up to date (existing translations kept,
   vanished strings dropped).
2. The pseudo-locale ``en_XA`` is filled in: accented, bracketed and ~35 % longer, so that
   an untranslated or clipped string shows at a glance (and in tests).
3. pyside6-lrelease compiles each ``.ts`` into the ``.qm`` beside it, which the wheel and
   the installers carry.

    python -m billie_desktop.devtools.translations
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

PACKAGE = Path(__file__).resolve().parents[1]
FOLDER = PACKAGE / "translations"
LOCALES = ("en_XA",)  # the pseudo-locale; real languages are added here as they come
PSEUDO = "en_XA"
_ACCENTS = str.maketrans("AaBbCcDdEeGgHhIiJjKkLlNnOoRrSsTtUuWwYyZz",
                         "ÅåƁƀÇçÐđÉéĜĝĤĥÎîĴĵĶķĻļÑñÖöŔŕŠšŢţÛûŴŵÝýŽž")
# kept as they are: placeholders, markup, accelerators, line breaks, file filters (*.csv)
_PLACEHOLDER = re.compile(r"(\{[^}]*\}|%[a-zA-Z]|<[^>]*>|&\w+;|&(?=\w)|\n|\(\*\.\w+\))")


def sources(package: Path = PACKAGE) -> list[Path]:
    """The modules whose strings are translated."""
    return sorted([*(package / "ui").glob("*.py"), *(package / "work").glob("*.py")])


def strings(ts: Path) -> list[tuple[str, str]]:
    """(context, source text) for every message of a ``.ts`` file."""
    root = ElementTree.parse(ts).getroot()
    return [(context.findtext("name") or "", message.findtext("source") or "")
            for context in root.iter("context") for message in context.iter("message")]


def update(ts: Path, locale: str, bin_dir: Path) -> None:
    """pyside6-lupdate: the sources' strings into ``ts``."""
    subprocess.run([str(bin_dir / "pyside6-lupdate"), *map(str, sources()), "-locations",
                    "none", "-no-obsolete", "-source-language", "en_AU",
                    "-target-language", locale, "-ts", str(ts)],
                   check=True, capture_output=True)


def pseudo(text: str) -> str:
    """Accented, bracketed, ~35 % longer; placeholders ({0}, %v), markup (<b>, &nbsp;),
    accelerators (&) and line breaks kept as they are."""
    parts = _PLACEHOLDER.split(text)
    out = "".join(p if _PLACEHOLDER.fullmatch(p) else p.translate(_ACCENTS) for p in parts)
    letters = sum(c.isalpha() for c in text)
    return f"⟦{out}{'~' * max(1, round(letters * 0.35))}⟧"


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
    FOLDER.mkdir(exist_ok=True)
    for locale in LOCALES:
        ts = FOLDER / f"billie_desktop_{locale}.ts"
        update(ts, locale, bin_dir)
        if locale == PSEUDO:
            _fill_pseudo(ts)
        subprocess.run([str(bin_dir / "pyside6-lrelease"), str(ts), "-qm",
                        str(ts.with_suffix(".qm"))], check=True)
    found = strings(FOLDER / f"billie_desktop_{PSEUDO}.ts")
    print(f"{len(found)} strings in {len({c for c, _ in found})} contexts, "
          f"in {', '.join(LOCALES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
