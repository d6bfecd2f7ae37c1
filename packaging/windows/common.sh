# Sourced by the Windows build and its test (build_on_linux.sh, dist_test.sh): the tools
# they need, a Wine prefix that Qt 6 accepts, `win`, which runs a Windows program, and the
# MSI step.
#
# Everything Windows lives under build/windows/ (WIN); nothing here is part of the product.
# shellcheck shell=bash

WIN=build/windows
export WINEDEBUG=-all WINEARCH=win64
# No Mono or Gecko: Wine would offer to download them, and nothing here needs .NET or HTML.
export WINEDLLOVERRIDES="mscoree,mshtml="

# Debian packages: Wine 8, wixl/msiinfo (msitools), osslsigncode, llvm-mc + lld-link for the
# stub DLLs, Xvfb so that Qt's real Windows platform plugin has a display to draw on.
need_tools() {
  local missing=() tool pkg
  for tool in wine:wine wine64:wine64 wixl:wixl msiinfo:msitools osslsigncode:osslsigncode \
      llvm-mc-14:llvm-14 llvm-dlltool-14:llvm-14 lld-link-14:lld-14 Xvfb:xvfb \
      openssl:openssl; do
    pkg=${tool#*:}
    tool=${tool%%:*}
    if [ "$tool" = wine64 ]; then [ -x /usr/lib/wine/wine64 ] || missing+=("$pkg")
    else command -v "$tool" >/dev/null || missing+=("$pkg"); fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# win PROGRAM ARGS...: runs a Windows program in $WINEPREFIX and returns its exit code.
# Its standard streams are pipes, as a CI's would be: Windows' CPython under Wine 8 cannot
# start with a standard stream that is a regular Unix file ("init_sys_streams: Invalid
# handle"), and a pipe is also where cp1252 output used to fail.
win() {
  local status
  set +e
  wine "$@" </dev/null 2>&1 | cat
  status=${PIPESTATUS[0]}
  set -e
  return "$status"
}

# start_display: an X server for Wine's windows (Xvfb, on a free display number, no TCP),
# stopped when the script exits. Qt's real Windows platform plugin then draws through Wine.
start_display() {
  local n
  for n in $(seq 90 140); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
    Xvfb ":$n" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    export DISPLAY=:$n
    trap 'kill "$XVFB_PID" 2>/dev/null; wineserver -k 2>/dev/null || true' EXIT
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && return 0; sleep 0.1; done
  done
  echo "could not start Xvfb"
  return 1
}

# new_prefix DIR: a fresh 64-bit prefix that reports Windows 10 (a new one says Windows 7,
# which Qt 6 refuses), with the two stub DLLs Wine 8 lacks (packaging/windows/wine/).
new_prefix() {
  export WINEPREFIX=$1
  rm -rf "$WINEPREFIX"
  wine wineboot -i </dev/null >/dev/null 2>&1 || true
  wineserver -w
  win reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null
  cp "$WIN/stubs/icuuc.dll" "$WIN/stubs/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
}

# The stub DLLs, assembled and linked with LLVM (no C compiler, no import libraries but the
# one for RtlGenRandom, made from a .def).
build_stubs() {
  local src=packaging/windows/wine out=$WIN/stubs name
  mkdir -p "$out"
  llvm-dlltool-14 -m i386:x86-64 -d "$src/advapi32.def" -l "$out/advapi32.lib"
  for name in icuuc bcryptprimitives; do
    llvm-mc-14 -triple=x86_64-pc-windows-msvc -filetype=obj -o "$out/$name.obj" "$src/$name.s"
  done
  lld-link-14 /nologo /dll /noentry /nodefaultlib /machine:x64 /def:"$src/icuuc.def" \
    /out:"$out/icuuc.dll" "$out/icuuc.obj" >/dev/null
  lld-link-14 /nologo /dll /noentry /nodefaultlib /machine:x64 /def:"$src/bcryptprimitives.def" \
    /out:"$out/bcryptprimitives.dll" "$out/bcryptprimitives.obj" "$out/advapi32.lib" >/dev/null
}

# pip PYTHON ARGS...: the Linux venv's pip, without the lines it says every time here.
pip_quiet() {
  local py=$1
  shift
  "$py" -m pip "$@" 2>&1 | { grep -v -e '^WARNING: Location' -e 'as the .root. user' \
    -e 'already exists' || true; }
}

# install_windows_wheels PYTHON REQUIREMENTS: PyPI's win_amd64 wheels for Windows' Python
# 3.11, pinned by hash, into its site-packages ($WIN/python), with the Linux venv's pip.
install_windows_wheels() {
  pip_quiet "$1" install --quiet --no-deps --require-hashes --only-binary=:all: \
    --platform win_amd64 --python-version 3.11 --implementation cp --abi cp311 --abi abi3 \
    --abi none --target "$WIN/python/Lib/site-packages" -r "$2"
}

# The version, from the one place it is written.
app_version() {
  sed -n 's/^__version__ = "\(.*\)"$/\1/p' billie_desktop/__init__.py
}

# build_msi VERSION OUT: the MSI (wixl, Debian's msitools) around the Windows bundle in
# $WIN/dist, from the same billie-desktop.wxs that WiX builds on Windows (build.ps1).
build_msi() {
  local version=$1 out=$2 bundle=$WIN/dist/billie-desktop
  find "$bundle" -type f | sort | wixl-heat -p "$bundle/" --var var.SourceDir \
    --component-group CG.Bundle --directory-ref INSTALLDIR --win64 > "$WIN/bundle.wxs"
  # (wixl ignores Platform, which WiX's candle reads, and Secure, which it needs; it says so)
  wixl -a x64 -D Version="$version" -D SourceDir="$bundle" -D ExeName=billie-desktop.exe \
    -D IconFile=build/billie-desktop.ico -D Win64=yes -o "$out" \
    packaging/windows/billie-desktop.wxs "$WIN/bundle.wxs" \
    2> >(grep -v -e "has no property named '\(Platform\|Secure\)'" -e '^$' >&2)
}

# sign FILE: Authenticode signature (osslsigncode), with the certificate in
# $BILLIE_SIGN_PFX (password in $BILLIE_SIGN_PASSWORD) when given, else a throwaway one
# made here, so that the signing step itself is exercised on every build. Then verified.
sign() {
  local file=$1 pfx=${BILLIE_SIGN_PFX:-} pass=${BILLIE_SIGN_PASSWORD:-} ca
  mkdir -p "$WIN/signing"
  if [ -z "$pfx" ]; then
    pfx=$WIN/signing/throwaway.pfx pass=throwaway
    if [ ! -f "$pfx" ]; then
      openssl req -x509 -newkey rsa:3072 -sha256 -days 30 -nodes -batch \
        -subj "/CN=Billie Desktop throwaway build signature/O=Billiecart (not trusted)" \
        -addext "extendedKeyUsage=codeSigning" \
        -keyout "$WIN/signing/key.pem" -out "$WIN/signing/cert.pem" 2>/dev/null
      openssl pkcs12 -export -passout pass:$pass -inkey "$WIN/signing/key.pem" \
        -in "$WIN/signing/cert.pem" -out "$pfx"
    fi
  fi
  osslsigncode sign -pkcs12 "$pfx" -pass "$pass" -h sha256 -n "Billie Desktop" \
    -i https://billiecart.com.au -in "$file" -out "$file.signed" >/dev/null
  mv "$file.signed" "$file"
  ca=${BILLIE_SIGN_CA:-$WIN/signing/cert.pem}
  osslsigncode verify -ignore-crl -CAfile "$ca" -in "$file" >"$WIN/signing/verify.txt" 2>&1 \
    || { cat "$WIN/signing/verify.txt"; echo "the signature on $file does not verify"; return 1; }
}
