"""Renders resources/icons/billie-desktop.svg into a macOS .icns: every size drawn from the
SVG, put together by Apple's iconutil on macOS or icnsutils' png2icns on Linux (where
tests/test_packaging.py checks the result).

Usage: python make_icns.py OUT.icns   (QT_QPA_PLATFORM=offscreen where there is no display)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

# iconutil's iconset names: (points, scale) -> icon_<points>x<points>[@2x].png
ICONSET = [(16, 1), (16, 2), (32, 1), (32, 2), (128, 1), (128, 2), (256, 1), (256, 2),
           (512, 1), (512, 2)]
PNG2ICNS_SIZES = (16, 32, 48, 128, 256, 512, 1024)  # the sizes png2icns takes


def render(renderer: QSvgRenderer, size: int, path: Path) -> Path:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise SystemExit(f"could not render the icon at {size} px")
    return path


def main(out: str) -> None:
    QGuiApplication([])
    renderer = QSvgRenderer("resources/icons/billie-desktop.svg")
    with tempfile.TemporaryDirectory() as tmp:
        if shutil.which("iconutil"):
            iconset = Path(tmp) / "billie-desktop.iconset"
            iconset.mkdir()
            for points, scale in ICONSET:
                suffix = "@2x" if scale == 2 else ""
                render(renderer, points * scale, iconset / f"icon_{points}x{points}{suffix}.png")
            subprocess.run(["iconutil", "-c", "icns", str(iconset), "-o", out], check=True)
        elif shutil.which("png2icns"):
            pngs = [str(render(renderer, s, Path(tmp) / f"{s}.png")) for s in PNG2ICNS_SIZES]
            subprocess.run(["png2icns", out, *pngs], check=True, stdout=subprocess.DEVNULL)
        else:
            raise SystemExit("neither iconutil (macOS) nor png2icns (apt install icnsutils)")


if __name__ == "__main__":
    main(sys.argv[1])
