#!/usr/bin/env bash
# Builds the .deb, checks its control fields and contents, unpacks it into a temporary
# root and runs the packaged console's --smoke-test offscreen. Fails when any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
packaging/build_deb.sh "$PY"
DEB=$(ls -t build/billie-desktop_*.deb | head -n 1)

echo "==> control fields"
for field in Package Version Architecture Depends Maintainer Description; do
  value=$(dpkg-deb -f "$DEB" "$field")
  [ -n "$value" ] || { echo "missing control field $field"; exit 1; }
done
grep -q "libxcb-cursor0" <<<"$(dpkg-deb -f "$DEB" Depends)" || { echo "Depends lacks Qt's libs"; exit 1; }
expected=$("$PY" -c 'import importlib.metadata as m; print(m.version("billie-desktop"))')
[ "$(dpkg-deb -f "$DEB" Version)" = "$expected" ] || { echo "version mismatch"; exit 1; }

echo "==> contents"
listing=$(dpkg-deb -c "$DEB")
for path in ./opt/billie-desktop/billie-desktop ./usr/bin/billie-desktop \
    ./usr/share/applications/billie-desktop.desktop \
    ./usr/share/icons/hicolor/scalable/apps/billie-desktop.svg \
    ./usr/share/doc/billie-desktop/copyright \
    ./opt/billie-desktop/_internal/docs/user-guide.md \
    ./opt/billie-desktop/_internal/resources/screenshots/main-window.png; do
  grep -q " $path" <<<"$listing" || { echo "missing $path"; exit 1; }
done
if [ -n "$(grep -v " root/root " <<<"$listing")" ]; then echo "files not owned by root"; exit 1; fi

if command -v desktop-file-validate >/dev/null; then
  echo "==> desktop-file-validate"; desktop-file-validate resources/billie-desktop.desktop
fi
if command -v lintian >/dev/null; then
  echo "==> lintian (findings explained in packaging/README.md)"
  lintian --no-tag-display-limit "$DEB" || true
fi

echo "==> packaged smoke test"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
dpkg-deb -x "$DEB" "$TMP/root"
grep -q "billie-desktop $expected\"" <<<"$(zcat "$TMP/root/usr/share/man/man1/billie-desktop.1.gz")" \
  || { echo "the man page does not carry version $expected"; exit 1; }
grep -qF "($expected)" <<<"$(zcat "$TMP/root/usr/share/doc/billie-desktop/changelog.gz" | head -n 1)" \
  || { echo "the changelog does not carry version $expected"; exit 1; }
ls "$TMP"/root/opt/billie-desktop/_internal/billie_desktop/translations/*.qm >/dev/null \
  || { echo "the package carries no compiled translations (make translations)"; exit 1; }
ls "$TMP"/root/opt/billie-desktop/_internal/PySide6/Qt/translations/qtbase_de.qm >/dev/null \
  || { echo "the package carries no Qt translations (qtbase_*.qm)"; exit 1; }
export QT_QPA_PLATFORM=offscreen HOME="$TMP/home" XDG_DATA_HOME="$TMP/data" \
  XDG_STATE_HOME="$TMP/state" XDG_CONFIG_HOME="$TMP/config"
"$TMP/root/opt/billie-desktop/billie-desktop" --smoke-test --settings "$TMP/settings.ini"
# through the /usr/bin symlink too, as a user would start it
ln -sf "$TMP/root/opt/billie-desktop/billie-desktop" "$TMP/billie-desktop"
"$TMP/billie-desktop" --version
echo "==> dist-test passed: $DEB"
