"""tools/make_icons.py renders every size of the app icon from its SVG, and the .ico and
.icns it writes hold each size (read back by Qt's own image plugins)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QImage, QImageReader

REPO = Path(__file__).resolve().parents[2]


def _make_icons_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_icons", REPO / "tools" / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sizes(path: Path) -> list[int]:
    reader = QImageReader(str(path))
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert image.width() == image.height()
        sizes.append(image.width())
    return sizes


def test_every_icon_size_is_rendered_from_the_svg(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_icons = _make_icons_module()
    written = make_icons.make_icons(tmp_path)
    assert {p.name for p in written} == {f"spine-journal-{n}.png" for n in make_icons.SIZES} | {
        "spine-journal.ico",
        "spine-journal.icns",
    }
    for size in make_icons.SIZES:
        image = QImage(str(tmp_path / f"spine-journal-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        # the tile is drawn (opaque teal in the middle), the corners stay transparent
        assert image.pixelColor(size // 2, size // 8).alpha() == 255
        assert image.pixelColor(0, 0).alpha() == 0
    assert _sizes(tmp_path / "spine-journal.ico") == list(make_icons.ICO_SIZES)
    assert _sizes(tmp_path / "spine-journal.icns") == list(make_icons.ICNS_SIZES)
