"""View > Larger text: the whole window's text (and so its controls) a quarter larger."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from tracker.ui import theme

LARGER_TEXT_FACTOR = 1.25
BASE_PROPERTY = "spine_journal_base_point_size"  # the app's, where the desktop's size is kept


def base_point_size() -> float:
    """The desktop's own text size, remembered before "larger text" first changes it."""
    app = QApplication.instance()
    assert app is not None
    stored = app.property(BASE_PROPERTY)
    if isinstance(stored, float):
        return stored
    size = theme.window_points()
    app.setProperty(BASE_PROPERTY, size)
    return size


def scale_text(window: QWidget, base: float, larger: bool) -> None:
    font = QApplication.font()
    font.setPointSizeF(base * (LARGER_TEXT_FACTOR if larger else 1.0))
    QApplication.setFont(font)  # dialogs opened later
    applied = theme.current()
    if applied is not None:  # the style sheet's headings and numbers follow (its type scale)
        applied.set_text_size(font.pointSizeF())
    window.setFont(font)  # this window, at once
