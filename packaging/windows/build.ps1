# Builds Billie Desktop's MSI on Windows with WiX Toolset v3 (candle, light with its ICE
# validation, heat) and signs the exe and the MSI with signtool: the release pipeline's
# Windows job (.github/workflows/release.yml). Run from the repository root in PowerShell:
#   py -3.11 -m venv .venv
#   .venv\Scripts\pip install --require-hashes --no-deps -r packaging\windows\requirements.txt
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Signing: set SIGN_PFX (a .pfx file) and SIGN_PASSWORD; without them the MSI is unsigned.
# On Linux, `make dist-windows` builds the same bundle and MSI under Wine (wixl for WiX).
$ErrorActionPreference = "Stop"

# A native command's failure does not stop PowerShell: check every exit code.
function Invoke-Checked([string]$What, [scriptblock]$Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

$Version = (Select-String -Path billie_desktop\__init__.py -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value
$Msi = "build\BillieDesktop-$Version-x64.msi"
New-Item -ItemType Directory -Force build | Out-Null

# The .ico comes from the SVG (Qt renders every size; no other tools needed).
Invoke-Checked "the icon" { & .venv\Scripts\python packaging\windows\make_ico.py build\billie-desktop.ico }
Invoke-Checked "PyInstaller" { & .venv\Scripts\python -m PyInstaller --noconfirm --clean --distpath build\dist --workpath build\pyinstaller packaging\billie-desktop.spec }

function Sign-File([string]$Path) {
    if (-not $env:SIGN_PFX) { Write-Host "not signed (no SIGN_PFX): $Path"; return }
    Invoke-Checked "signing $Path" { & signtool sign /fd SHA256 /f $env:SIGN_PFX /p $env:SIGN_PASSWORD /tr http://timestamp.digicert.com /td SHA256 /d "Billie Desktop" $Path }
    Invoke-Checked "verifying $Path" { & signtool verify /pa /v $Path }
}
Sign-File build\dist\billie-desktop\billie-desktop.exe

# The exe is a GUI-subsystem program: `& exe` returns before it ends and $LASTEXITCODE says
# nothing about it. Start-Process -Wait does wait, and gives its exit code; its output goes
# to a file (a pipe, as in CI, is where cp1252 output used to fail).
$Smoke = Start-Process -FilePath build\dist\billie-desktop\billie-desktop.exe -ArgumentList "--smoke-test" `
    -Wait -PassThru -NoNewWindow -RedirectStandardOutput build\smoke.txt -RedirectStandardError build\smoke-errors.txt
Get-Content build\smoke.txt
if ($Smoke.ExitCode -ne 0) { Get-Content build\smoke-errors.txt; throw "packaged smoke test failed ($($Smoke.ExitCode))" }

Invoke-Checked "heat" { & heat dir build\dist\billie-desktop -nologo -gg -sfrag -srd -scom -sreg -cg CG.Bundle -dr INSTALLDIR -var var.SourceDir -out build\bundle.wxs }
Invoke-Checked "candle" { & candle -nologo -arch x64 "-dVersion=$Version" -dSourceDir=build\dist\billie-desktop -dExeName=billie-desktop.exe -dIconFile=build\billie-desktop.ico -dWin64=yes -out build\ packaging\windows\billie-desktop.wxs build\bundle.wxs }
# light runs the ICE validation (the Windows Installer's own consistency checks) by default.
Invoke-Checked "light" { & light -nologo -out $Msi build\billie-desktop.wixobj build\bundle.wixobj }
Sign-File $Msi
(Get-FileHash -Algorithm SHA256 $Msi).Hash.ToLower() + "  " + (Split-Path $Msi -Leaf) | Out-File -Encoding ascii "$Msi.sha256"
Write-Host "MSI: $Msi"
