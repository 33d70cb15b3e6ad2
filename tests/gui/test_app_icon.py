"""The window's icon (title bar, task bar, Alt+Tab) is the app icon drawn from
resources/icons/spine-journal.svg, set just after the window's first paint."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.test_icons import _make_icons_module
from tracker import resource
from tracker.app import APP_ICON, build_window

SIZE = 64


def _drawn_from_the_svg(size: int) -> QImage:
    """The icon as tools/make_icons.py renders it for the launcher and the bundles."""
    image: QImage = _make_icons_module().render(size, resource("icons/spine-journal.svg"))
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def _image(icon: QIcon) -> QImage:
    return (
        icon.pixmap(SIZE, SIZE).toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    )


def test_the_window_gets_the_app_icon_from_its_svg_just_after_its_first_paint(
    qtbot: QtBot, data_dir: Path
) -> None:
    assert APP_ICON == "icons/spine-journal.svg"
    QApplication.setWindowIcon(QIcon())  # as in a new process (other tests share the app)
    session = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    at_first_paint: list[bool] = []
    window.first_painted.connect(lambda: at_first_paint.append(window.windowIcon().isNull()))
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    qtbot.waitUntil(lambda: not window.windowIcon().isNull(), timeout=5000)
    assert at_first_paint == [True]  # nothing loaded for it before the first paint
    icon = _image(window.windowIcon())
    assert (icon.width(), icon.height()) == (SIZE, SIZE)
    assert icon == _drawn_from_the_svg(SIZE)
    # the tile is drawn, the corners stay transparent: not a blank or a stand-in icon
    assert icon.pixelColor(SIZE // 2, SIZE // 8).alpha() == 255
    assert icon.pixelColor(0, 0).alpha() == 0
    session.close()
