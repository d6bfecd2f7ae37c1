#!/usr/bin/env bash
# Builds, signs, notarises and staples "Billie Desktop.app" in a .dmg. Run on macOS 12+
# from the repository root, with Xcode command-line tools and a Developer ID certificate:
#   python3.12 -m venv .venv && .venv/bin/pip install -e '.[dist]'
#   DEVELOPER_ID="Developer ID Application: Billiecart Pty Ltd (TEAMID)" \
#   NOTARY_PROFILE=billie-notary packaging/macos/build_dmg.sh
# (NOTARY_PROFILE is a keychain profile made once with
#  `xcrun notarytool store-credentials billie-notary --apple-id ... --team-id ...`.)
# Not runnable on the Linux build machines: nothing here has been verified there.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
VERSION=$("$PY" -c 'import importlib.metadata as m; print(m.version("billie-desktop"))')
APP="build/dist/Billie Desktop.app"
DMG="build/BillieDesktop-$VERSION.dmg"

# 1. The icon: render the SVG at every size iconutil wants, then make the .icns.
ICONSET=build/billie-desktop.iconset
rm -rf "$ICONSET" && mkdir -p "$ICONSET"
for size in 16 32 128 256 512; do
  "$PY" - "$ICONSET" "$size" <<'PYEOF'
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication([])
folder, size = sys.argv[1], int(sys.argv[2])
for scale, suffix in ((1, ""), (2, "@2x")):
    image = QImage(size * scale, size * scale, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer("resources/icons/billie-desktop.svg").render(painter)
    painter.end()
    image.save(f"{folder}/icon_{size}x{size}{suffix}.png")
PYEOF
done
iconutil -c icns "$ICONSET" -o packaging/macos/billie-desktop.icns

# 2. The .app (the spec's BUNDLE step), then the packaged smoke test.
"$PY" -m PyInstaller --noconfirm --clean --distpath build/dist --workpath build/pyinstaller \
  packaging/billie-desktop.spec
"$APP/Contents/MacOS/billie-desktop" --smoke-test

# 3. Sign everything inside-out with the hardened runtime.
cat > build/entitlements.plist <<'PLIST'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
  <key>com.apple.security.cs.allow-unsigned-executable-memory</key><true/>
  <key>com.apple.security.cs.disable-library-validation</key><true/>
</dict></plist>
PLIST
find "$APP/Contents" -type f \( -name "*.dylib" -o -name "*.so" -o -perm -u+x \) -print0 |
  xargs -0 codesign --force --timestamp --options runtime \
    --entitlements build/entitlements.plist --sign "$DEVELOPER_ID"
codesign --force --timestamp --options runtime --entitlements build/entitlements.plist \
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
