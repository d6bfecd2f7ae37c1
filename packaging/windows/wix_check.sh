#!/usr/bin/env bash
# Structure check of the Windows installer source on Linux: wixl (Debian's msitools)
# compiles billie-desktop.wxs against the Linux onedir bundle into an MSI. The result
# is not a Windows installer (the files are Linux binaries); it proves the .wxs is valid
# and every bundle file is packaged. Run after `make dist`.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wixl >/dev/null || { echo "wixl missing: apt-get install wixl"; exit 1; }
PY=${1:-.venv/bin/python}
VERSION=$("$PY" -c 'import importlib.metadata as m; print(m.version("billie-desktop"))')
BUNDLE=build/dist/billie-desktop
[ -d "$BUNDLE" ] || { echo "no bundle: run make dist first"; exit 1; }
QT_QPA_PLATFORM=offscreen "$PY" packaging/windows/make_ico.py build/billie-desktop.ico \
  || cp resources/icons/billie-desktop.svg build/billie-desktop.ico
find "$BUNDLE" -type f | sort | wixl-heat -p "$BUNDLE/" --var var.SourceDir \
  --component-group CG.Bundle --directory-ref INSTALLDIR --win64 > build/bundle.wxs
wixl -a x64 -D Version="$VERSION" -D SourceDir="$BUNDLE" -D ExeName=billie-desktop \
  -D IconFile=build/billie-desktop.ico -D Win64=yes -o build/billie-desktop-structure-check.msi \
  packaging/windows/billie-desktop.wxs build/bundle.wxs
files=$(find "$BUNDLE" -type f | wc -l)
echo "wixl: compiled $files bundle files into build/billie-desktop-structure-check.msi" \
     "($(du -h build/billie-desktop-structure-check.msi | cut -f1))"
