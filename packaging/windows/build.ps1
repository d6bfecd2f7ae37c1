# Builds Billie Desktop's MSI on Windows (run from the repository root in PowerShell):
#   py -3.12 -m venv .venv; .venv\Scripts\pip install -e .[dist]
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs WiX Toolset v3 (candle, light, heat) on PATH. Not runnable on the Linux build
# machines: there, `make wix-check` compiles the same .wxs with wixl as a structure check.
$ErrorActionPreference = "Stop"
$Version = & .venv\Scripts\python -c "import importlib.metadata as m; print(m.version('billie-desktop'))"
# The .ico comes from the SVG (Qt renders it; no extra tools needed).
& .venv\Scripts\python packaging\windows\make_ico.py packaging\windows\billie-desktop.ico
& .venv\Scripts\python -m PyInstaller --noconfirm --clean --distpath build\dist --workpath build\pyinstaller packaging\billie-desktop.spec
# Smoke-test the bundle before packaging it.
& build\dist\billie-desktop\billie-desktop.exe --smoke-test
if ($LASTEXITCODE -ne 0) { throw "packaged smoke test failed" }
heat dir build\dist\billie-desktop -nologo -gg -sfrag -srd -scom -sreg -cg CG.Bundle -dr INSTALLDIR -var var.SourceDir -out build\bundle.wxs
candle -nologo -arch x64 -dVersion=$Version -dSourceDir=build\dist\billie-desktop -dExeName=billie-desktop.exe -dIconFile=packaging\windows\billie-desktop.ico -out build\ packaging\windows\billie-desktop.wxs build\bundle.wxs
light -nologo -ext WixUIExtension -out build\BillieDesktop-$Version-x64.msi build\billie-desktop.wixobj build\bundle.wixobj
# Sign it (company certificate in the machine store):
#   signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /a build\BillieDesktop-$Version-x64.msi
Write-Host "MSI: build\BillieDesktop-$Version-x64.msi"
