"""Renders resources/icons/billie-desktop.svg into a multi-size .ico (Qt writes ICO)."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def main(out: str) -> None:
    QGuiApplication([])
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer("resources/icons/billie-desktop.svg").render(painter)
    painter.end()
    if not image.save(out, "ICO"):
        image.save(out.replace(".ico", ".png"))  # no ICO writer: keep a PNG for reference
        raise SystemExit(f"could not write {out}")


if __name__ == "__main__":
    main(sys.argv[1])
