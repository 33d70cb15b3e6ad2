"""The window's size and place, remembered between starts.

Kept with QSettings in an INI file of the user's settings folder (the same format on every
system): four numbers and whether the window was maximized, nothing else, so never a symptom
or a medicine. On the next start the window comes back there, moved and shrunk if needed onto
a screen that exists now (a second screen may have been unplugged).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

KEYS = ("window/x", "window/y", "window/width", "window/height", "window/maximized")


def settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "spine-journal", "window"
    )


def remember(window: QWidget) -> None:
    """Keep where ``window`` is now (its normal place, when maximized)."""
    place = window.normalGeometry() if window.isMaximized() else window.geometry()
    if not place.isValid():
        return
    stored = settings()
    numbers = (place.x(), place.y(), place.width(), place.height())
    for key, number in zip(KEYS, numbers, strict=False):
        stored.setValue(key, number)
    stored.setValue(KEYS[-1], 1 if window.isMaximized() else 0)
    stored.sync()


def _numbers(stored: QSettings) -> list[int] | None:
    try:
        return [int(str(stored.value(key))) for key in KEYS]
    except ValueError:  # never kept, or not numbers: the window's own size then
        return None


def restore(window: QWidget) -> None:
    """Put ``window`` (not shown yet) where it was when it last closed."""
    numbers = _numbers(settings())
    if numbers is None:
        return
    x, y, width, height, maximized = numbers
    screens = [screen.availableGeometry() for screen in QGuiApplication.screens()]
    if width <= 0 or height <= 0 or not screens:
        return
    window.setGeometry(clamped(QRect(x, y, width, height), screens, window.minimumSize()))
    if maximized:
        from PySide6.QtCore import Qt

        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def clamped(place: QRect, screens: Sequence[QRect], minimum: QSize) -> QRect:
    """``place`` moved (and shrunk, not below ``minimum``) to lie whole on the screen that
    holds most of it, or the first screen when it is on none of them."""
    overlap = [(s.intersected(place).width() * s.intersected(place).height(), s) for s in screens]
    area, screen = max(overlap, key=lambda pair: pair[0])
    if area <= 0:
        screen = screens[0]
    width = max(min(place.width(), screen.width()), minimum.width())
    height = max(min(place.height(), screen.height()), minimum.height())
    x = max(min(place.x(), screen.right() + 1 - width), screen.left())
    y = max(min(place.y(), screen.bottom() + 1 - height), screen.top())
    return QRect(x, y, width, height)
