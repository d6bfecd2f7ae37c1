#!/usr/bin/env bash
# Builds, signs, notarises and staples "Billie Desktop.app" in a .dmg. Run on macOS 12+
# from the repository root, with Xcode command-line tools and a Developer ID certificate:
#   python3.11 -m venv .venv && .venv/bin/pip install -e '.[dist]'
#   DEVELOPER_ID="Developer ID Application: Billiecart Pty Ltd (TEAMID)" \
#   NOTARY_PROFILE=billie-notary packaging/macos/build_dmg.sh
# (NOTARY_PROFILE is a keychain profile made once with
#  `xcrun notarytool store-credentials billie-notary --apple-id ... --team-id ...`.)
# Not runnable on Linux: there, tests/test_packaging.py checks the .icns (png2icns), the
# Info.plist and the entitlements; the release pipeline runs this script on macOS.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' billie_desktop/__init__.py)
APP="build/dist/Billie Desktop.app"
DMG="build/BillieDesktop-$VERSION.dmg"
ENTITLEMENTS=packaging/macos/entitlements.plist

# 1. The icon: every size from the SVG, put together by iconutil (make_icns.py).
mkdir -p build
"$PY" packaging/macos/make_icns.py build/billie-desktop.icns

# 2. The .app (the spec's BUNDLE step), then the packaged smoke test.
"$PY" -m PyInstaller --noconfirm --clean --distpath build/dist --workpath build/pyinstaller \
  packaging/billie-desktop.spec
"$APP/Contents/MacOS/billie-desktop" --smoke-test

# 3. Sign everything inside-out with the hardened runtime.
find "$APP/Contents" -type f \( -name "*.dylib" -o -name "*.so" -o -perm -u+x \) -print0 |
  xargs -0 codesign --force --timestamp --options runtime \
    --entitlements "$ENTITLEMENTS" --sign "$DEVELOPER_ID"
codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
  --sign "$DEVELOPER_ID" "$APP"
codesign --verify --deep --strict --verbose=2 "$APP"

# 4. The .dmg, signed, notarised and stapled.
rm -f "$DMG"
hdiutil create -volname "Billie Desktop" -srcfolder "$APP" -ov -format UDZO "$DMG"
codesign --force --timestamp --sign "$DEVELOPER_ID" "$DMG"
xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
xcrun stapler staple "$DMG"
spctl --assess --type open --context context:primary-signature --verbose "$DMG"
echo "DMG: $DMG"
