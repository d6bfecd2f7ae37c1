"""Renders resources/icons/billie-desktop.svg into a Windows .ico holding every size the
shell asks for (16 to 256 px, each drawn from the SVG, not scaled from one bitmap), as
PNG-compressed entries (Windows Vista and later read them).

Usage: python make_ico.py OUT.ico   (QT_QPA_PLATFORM=offscreen where there is no display)
"""

import struct
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 20, 24, 32, 40, 48, 64, 256)


def png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"could not render the icon at {size} px")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """ICONDIR, one ICONDIRENTRY per image (0 stands for 256), then the PNGs."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, data in images.items():
        side = size % 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def main(out: str) -> None:
    QGuiApplication([])
    renderer = QSvgRenderer("resources/icons/billie-desktop.svg")
    if not renderer.isValid():
        raise SystemExit("resources/icons/billie-desktop.svg is not a valid SVG")
    with open(out, "wb") as file:
        file.write(ico({size: png(renderer, size) for size in SIZES}))


if __name__ == "__main__":
    main(sys.argv[1])
