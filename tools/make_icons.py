"""Render the app icon's sizes from its SVG source (resources/icons/spine-journal.svg).

    python tools/make_icons.py OUT_DIR

Writes ``spine-journal-N.png`` for each size in ``SIZES``, ``spine-journal.ico`` (Windows) and
``spine-journal.icns`` (macOS) into ``OUT_DIR``. Qt draws the SVG (QtSvg) and writes the
``.ico`` and ``.icns`` through its own image plugins, so the script is the same on Windows,
macOS and Linux and needs nothing beyond the app's own PySide6. The outputs are build
products (``make bundle``, ``make install-desktop``): they are not kept in the repository.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path
from typing import Any

SOURCE = Path(__file__).resolve().parent.parent / "resources" / "icons" / "spine-journal.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # the .ico format stops at 256
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render(size: int, source: Path = SOURCE) -> Any:
    """The icon as a square QImage of ``size`` pixels, with a transparent background."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {source} is not a valid SVG.")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def _png_bytes(image: Any) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding each size as PNG data (read by Windows since Vista). Qt's own
    ico writer stores one image per file, so the few header bytes are written here."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 stands for 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


# the icns chunk type of each size, PNG data in all of them
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: a big-endian header and one chunk of PNG data for each size."""
    chunks = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png
        for size, png in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def make_icons(out_dir: Path) -> list[Path]:
    """Every icon file, written into ``out_dir``; their paths."""
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for size in SIZES:
        path = out_dir / f"spine-journal-{size}.png"
        if not render(size).save(str(path), "PNG"):
            raise SystemExit(f"make_icons: could not write {path}.")
        written.append(path)
    for name, pack, sizes in (
        ("spine-journal.ico", ico_bytes, ICO_SIZES),
        ("spine-journal.icns", icns_bytes, ICNS_SIZES),
    ):
        path = out_dir / name
        path.write_bytes(pack({size: _png_bytes(render(size)) for size in sizes}))
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tools/make_icons.py OUT_DIR", file=sys.stderr)
        return 2
    for path in make_icons(Path(argv[0])):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
