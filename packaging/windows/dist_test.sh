#!/usr/bin/env bash
# make dist-windows-test: the MSI from make dist-windows, installed as IT would install it
# (msiexec /qn, per machine, with a server set for everyone) into a fresh Wine prefix whose
# user has a non-ASCII name with a space; then the installed console's --smoke-test with
# its output piped, the Start-menu shortcut, the MSI's properties, an upgrade to the next
# version (one entry in Programs and Features) and an uninstall (nothing left but the
# user's own data). Fails, saying what, when anything is wrong.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=packaging/windows/common.sh
source packaging/windows/common.sh
need_tools
start_display
VERSION=$(app_version)
MSI=$WIN/BillieDesktop-$VERSION-x64.msi
[ -f "$MSI" ] || { echo "no $MSI: run make dist-windows first"; exit 1; }
IFS=. read -r major minor patch <<<"$VERSION"
NEXT=$major.$minor.$((patch + 1))
SERVER=https://billie.example.test
started=$SECONDS
fail() { echo "dist-windows-test FAILED: $*"; exit 1; }
property() { msiinfo export "$1" Property | tr -d '\r' | awk -F'\t' -v k="$2" '$1 == k { print $2 }'; }

echo "==> the MSI's properties"
[ "$(property "$MSI" ProductVersion)" = "$VERSION" ] || fail "ProductVersion is not $VERSION"
[ "$(property "$MSI" ProductName)" = "Billie Desktop" ] || fail "ProductName"
[ "$(property "$MSI" Manufacturer)" = "Billiecart" ] || fail "Manufacturer"
[ "$(property "$MSI" UpgradeCode)" = "{6B0F3C2E-5D1A-4E7B-9C84-2F1A7D3E9B10}" ] \
  || fail "the UpgradeCode changed: upgrades would install side by side"
[ "$(property "$MSI" ALLUSERS)" = 1 ] || fail "not a per-machine install"
# (grep -q on a pipe would end the writer early: under pipefail, a false failure)
has() { grep -q -- "$1" <<<"$2"; }
has ProgramMenuDir "$(msiinfo export "$MSI" Shortcut)" || fail "no Start-menu shortcut"
has ProgramFiles64Folder "$(msiinfo export "$MSI" Directory)" || fail "not in Program Files"
osslsigncode verify -ignore-crl -CAfile "${BILLIE_SIGN_CA:-$WIN/signing/cert.pem}" \
  -in "$MSI" >/dev/null 2>&1 || fail "the MSI's signature does not verify"
sha256sum --quiet -c <(cd "$WIN" && cat "$(basename "$MSI").sha256" \
  | sed "s|  |  $WIN/|") || fail "the MSI does not match its .sha256"

echo "==> the next version's MSI (same bundle), for the upgrade"
mkdir -p "$WIN/upgrade"
NEXT_MSI=$WIN/upgrade/BillieDesktop-$NEXT-x64.msi
build_msi "$NEXT" "$NEXT_MSI"

echo "==> a fresh Windows 10 prefix, user \"Zoë Ngữ\""
export USER="Zoë Ngữ" HOME=$PWD/$WIN/test-home
rm -rf "$HOME" && mkdir -p "$HOME"
new_prefix "$PWD/$WIN/test-prefix"
C=$WINEPREFIX/drive_c
PROFILE="$C/users/$USER"
[ -d "$PROFILE" ] || fail "no profile folder for $USER"
INSTALLED="$C/Program Files/Billie Desktop"
EXE='C:\Program Files\Billie Desktop\billie-desktop.exe'

reg_query() { win reg query "$@" | tr -d '\r'; }  # (reg prints Windows line ends)
uninstall_entries() {
  grep -c "DisplayName *REG_SZ *Billie Desktop$" \
    <<<"$(reg_query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s)" || true
}
shortcut() {  # Wine puts a per-machine shortcut in the installing user's Start menu
  find "$C/ProgramData/Microsoft/Windows/Start Menu/Programs" \
    "$PROFILE/AppData/Roaming/Microsoft/Windows/Start Menu/Programs" \
    -path "*/Billie Desktop/Billie Desktop.lnk" 2>/dev/null | head -n 1
}

echo "==> install: msiexec /i /qn SERVERURL=$SERVER"
win msiexec /i "$MSI" /qn SERVERURL="$SERVER" || fail "msiexec /i exited $?"
[ -f "$INSTALLED/billie-desktop.exe" ] || fail "nothing in C:\\Program Files\\Billie Desktop"
[ "$(uninstall_entries)" = 1 ] || fail "Programs and Features has $(uninstall_entries) entries"
link=$(shortcut)
[ -n "$link" ] || fail "no Start-menu shortcut"
grep -aq "billie-desktop.exe" "$link" || fail "the shortcut does not start billie-desktop.exe"
echo "shortcut: ${link#"$C/"}"
[ -z "$(find "$INSTALLED" -iname icuuc.dll -o -iname bcryptprimitives.dll)" ] \
  || fail "the Wine prefix's stub DLLs were installed"

echo "==> the installed console: --version, then --smoke-test (output piped)"
[ "$(win "$EXE" --version | tr -d "\r")" = "billie-desktop $VERSION" ] || fail "--version"
win "$EXE" --smoke-test | tee "$WIN/installed-smoke.txt" | grep '^\[smoke\]' || true
grep -q '^\[smoke\] passed' "$WIN/installed-smoke.txt" || fail "the installed smoke test"
grep -q '⚠ User account' "$WIN/installed-smoke.txt" || fail "non-ASCII output was mangled"
grep -q "OS keyring: keyring.backends.Windows.WinVaultKeyring" "$WIN/installed-smoke.txt" \
  || fail "Remember me would not use the Windows Credential Locker"
grep -q "server set at install: $SERVER" "$WIN/installed-smoke.txt" \
  || fail "the console does not read the server set at install (SERVERURL)"
LOGS="$PROFILE/AppData/Local/billie-desktop/Logs"
ls "$LOGS"/*.log >/dev/null 2>&1 || fail "no log under %LOCALAPPDATA%\\billie-desktop\\Logs"
echo "log: ${LOGS#"$C/"}"

echo "==> upgrade to $NEXT"
win msiexec /i "$NEXT_MSI" /qn || fail "msiexec /i (upgrade) exited $?"
[ "$(uninstall_entries)" = 1 ] || fail "after the upgrade: $(uninstall_entries) entries"
has "DisplayVersion *REG_SZ *$NEXT$" \
  "$(reg_query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s)" \
  || fail "the entry is not version $NEXT"
[ -f "$INSTALLED/billie-desktop.exe" ] || fail "the upgrade removed the console"
has "$SERVER" "$(reg_query 'HKLM\Software\Billie\Billie Desktop\sign-in' /v default-server)" \
  || fail "the upgrade lost the server set at install"

echo "==> uninstall"
win msiexec /x "$NEXT_MSI" /qn || fail "msiexec /x exited $?"
[ ! -e "$INSTALLED" ] || fail "left behind: $(find "$INSTALLED" | head -n 5)"
[ -z "$(shortcut)" ] || fail "the shortcut was left behind"
[ ! -e "$(dirname "$link")" ] || fail "the Start-menu folder was left behind"
[ "$(uninstall_entries)" = 0 ] || fail "still in Programs and Features"
for key in 'HKLM\Software\Billiecart\Billie Desktop' 'HKLM\Software\Billie\Billie Desktop\sign-in'; do
  if win reg query "$key" >/dev/null 2>&1; then fail "registry key left: $key"; fi
done
ls "$LOGS"/*.log >/dev/null 2>&1 || fail "the uninstall removed the user's own files"

echo "==> the tests that run under Windows' Python (tests/windows, work, api, sandbox)"
install_windows_wheels .venv/bin/python packaging/windows/requirements-test.txt
# the checkout on the embeddable Python's path (it reads its path from python311._pth only)
grep -q '^\.\.\\\.\.\\\.\.' "$WIN/python/python311._pth" \
  || printf '..\\..\\..\r\n' >> "$WIN/python/python311._pth"
# (the official ServiceStack client's test needs its package, whose dependencies would
# replace the standard library's dataclasses on Windows)
QT_QPA_PLATFORM=offscreen win "$WIN/python/python.exe" -m pytest -q -p no:cacheprovider \
  -rs --ignore=tests/sandbox/test_official_client.py tests/windows tests/work tests/api \
  tests/sandbox \
  > "$WIN/windows-pytest.txt" || true
grep -e "^SKIPPED" -e "^FAILED" -e "^ERROR" "$WIN/windows-pytest.txt" || true
tail -n 1 "$WIN/windows-pytest.txt"
grep -Eq '^[0-9]+ passed' <(tail -n 1 "$WIN/windows-pytest.txt" | tr -d '\r') \
  && ! grep -Eq '[0-9]+ (failed|error)' <(tail -n 1 "$WIN/windows-pytest.txt") \
  || fail "tests under Windows' Python"

echo "dist-windows-test passed: $MSI installed, smoke-tested, upgraded to $NEXT and" \
  "uninstalled in $((SECONDS - started)) s"
