"""The .app's Info.plist entries (the spec's BUNDLE step passes them to PyInstaller, which
adds the executable, icon and package type); tests/test_packaging.py writes and reads them
back with plistlib, as macOS would read them."""

from __future__ import annotations

BUNDLE_ID = "au.com.billiecart.desktop"
MINIMUM_MACOS = "12.0"  # Qt 6.7+ needs macOS 12


def info_plist(version: str) -> dict[str, object]:
    return {
        "CFBundleName": "Billie Desktop",
        "CFBundleDisplayName": "Billie Desktop",
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSMinimumSystemVersion": MINIMUM_MACOS,
        "LSApplicationCategoryType": "public.app-category.business",
        "NSHighResolutionCapable": True,  # sharp text on Retina screens
        "NSRequiresAquaSystemAppearance": False,  # follows Dark mode
        "NSHumanReadableCopyright": "© Billiecart",
    }
