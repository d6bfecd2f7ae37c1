#!/usr/bin/env bash
# Builds the PyInstaller onedir bundle from the committed spec, then a .deb around it.
# Usage: packaging/build_deb.sh [PYTHON]   (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
VERSION=$("$PY" -c 'import importlib.metadata as m; print(m.version("billie-desktop"))')
ARCH=$(dpkg --print-architecture)
OUT=build/billie-desktop_${VERSION}_${ARCH}.deb

echo "==> PyInstaller bundle (version $VERSION)"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath build/dist --workpath build/pyinstaller packaging/billie-desktop.spec

ROOT=build/deb/root
rm -rf "$ROOT"
mkdir -p "$ROOT/DEBIAN" "$ROOT/opt/billie-desktop" "$ROOT/usr/bin" \
  "$ROOT/usr/share/applications" "$ROOT/usr/share/icons/hicolor/scalable/apps" \
  "$ROOT/usr/share/icons/hicolor/256x256/apps" "$ROOT/usr/share/doc/billie-desktop" \
  "$ROOT/usr/share/man/man1"
cp -a build/dist/billie-desktop/. "$ROOT/opt/billie-desktop/"
ln -s /opt/billie-desktop/billie-desktop "$ROOT/usr/bin/billie-desktop"
install -m 644 resources/billie-desktop.desktop "$ROOT/usr/share/applications/"
install -m 644 resources/icons/billie-desktop.svg "$ROOT/usr/share/icons/hicolor/scalable/apps/"
QT_QPA_PLATFORM=offscreen "$PY" - "$ROOT/usr/share/icons/hicolor/256x256/apps/billie-desktop.png" <<'PYEOF'
import sys
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication([])
image = QImage(256, 256, QImage.Format.Format_ARGB32)
image.fill(0)
painter = QPainter(image)
QSvgRenderer("resources/icons/billie-desktop.svg").render(painter)
painter.end()
image.save(sys.argv[1])
PYEOF
# The man page and changelog carry @VERSION@: the version has one source, pyproject.toml.
sed "s/@VERSION@/$VERSION/g" packaging/debian/billie-desktop.1 | gzip -9n > "$ROOT/usr/share/man/man1/billie-desktop.1.gz"
chmod 644 "$ROOT/usr/share/man/man1/billie-desktop.1.gz"
install -m 644 packaging/debian/copyright "$ROOT/usr/share/doc/billie-desktop/copyright"
sed "s/@VERSION@/$VERSION/g" packaging/debian/changelog | gzip -9n > "$ROOT/usr/share/doc/billie-desktop/changelog.gz"
chmod 644 "$ROOT/usr/share/doc/billie-desktop/changelog.gz"
find "$ROOT" -type d -exec chmod 755 {} +
find "$ROOT/opt" -type f -name "*.so*" -exec chmod 644 {} +
chmod 755 "$ROOT/opt/billie-desktop/billie-desktop"

SIZE=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: billie-desktop
Version: $VERSION
Section: misc
Priority: optional
Architecture: $ARCH
Maintainer: Billie Desktop developers <desktop@billiecart.com.au>
Installed-Size: $SIZE
Depends: libc6 (>= 2.31), libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxkbcommon-x11-0, libegl1, libgl1, libfontconfig1, libdbus-1-3, libxcb1
Recommends: libwayland-client0, libwayland-cursor0
Homepage: https://billiecart.com.au
Description: manager console for the Billiecart API
 Billie Desktop lets back-office managers sign in, choose the organisation
 they manage, browse its customers and link a customer to the user account
 that person signs into Billiecart with. It includes a sandbox server with
 demo data for training (billie-desktop --sandbox).
CONTROL
dpkg-deb --root-owner-group -Zxz --build "$ROOT" "$OUT" >/dev/null
echo "==> $OUT ($(du -h "$OUT" | cut -f1); bundle $(du -sh build/dist/billie-desktop | cut -f1))"
