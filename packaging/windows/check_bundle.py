"""What the Windows bundle must hold, read from the bundle itself (run by Windows' Python
under Wine, which has PyInstaller's archive reader): make dist-windows calls it.

Usage: python check_bundle.py BUNDLE_DIR   (exit 1, saying what is wrong, if anything is)
"""

from __future__ import annotations

import sys
from pathlib import Path

from PyInstaller.archive.readers import CArchiveReader

# Modules the exe must carry: the console, keyring's Windows backend (the Credential
# Locker, through pywin32-ctypes) that tokens are kept in when the user asks to be
# remembered, and XlsxWriter (File ▸ Export as an Excel workbook, imported when used).
MODULES = ("billie_desktop.ui.app", "billie_desktop.sandbox.server",
           "keyring.backends.Windows", "win32ctypes.core.ctypes._authentication",
           "truststore._windows", "xlsxwriter.workbook")
# Files: Qt's Windows platform plugin (and offscreen, for --smoke-test without a desktop),
# the Windows style, the console's and Qt's translations, the SVG icon plugin.
FILES = ("billie-desktop.exe", "_internal/python311.dll",
         "_internal/PySide6/plugins/platforms/qwindows.dll",
         "_internal/PySide6/plugins/platforms/qoffscreen.dll",
         "_internal/PySide6/plugins/styles/qmodernwindowsstyle.dll",
         "_internal/PySide6/plugins/iconengines/qsvgicon.dll",
         "_internal/PySide6/translations/qtbase_de.qm",
         "_internal/billie_desktop/translations/billie_desktop_en_XA.qm",
         "_internal/resources/icons/billie-desktop.svg",
         "_internal/docs/user-guide.md", "_internal/resources/screenshots/main-window.png")
# Never in the product: the Wine prefix's stand-ins, test and build tools, other Qt parts.
NEVER = ("icuuc.dll", "bcryptprimitives.dll", "opengl32sw.dll", "qt_de.qm",
         "Qt6Qml.dll", "Qt6Quick.dll")
NEVER_MODULES = ("pytest", "hypothesis", "PyInstaller", "servicestack", "tkinter")


def problems(bundle: Path) -> list[str]:
    found = []
    files = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    names = {Path(f).name.lower() for f in files}
    found += [f"missing file {f}" for f in FILES if f not in files]
    found += [f"must not ship {n}" for n in NEVER if n.lower() in names]
    exe = CArchiveReader(str(bundle / "billie-desktop.exe"))
    modules = set(exe.open_embedded_archive("PYZ.pyz").toc)
    found += [f"missing module {m}" for m in MODULES if m not in modules]
    found += [f"must not ship module {m}" for m in NEVER_MODULES
              if any(n == m or n.startswith(m + ".") for n in modules)]
    return found


def main() -> int:
    bundle = Path(sys.argv[1])
    wrong = problems(bundle)
    for line in wrong:
        print(f"check_bundle: {line}")
    if not wrong:
        print(f"check_bundle: {len(MODULES)} modules and {len(FILES)} files present, "
              f"nothing that must not ship")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
