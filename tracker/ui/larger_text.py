"""View > Larger text: the whole window's text (and so its controls) a quarter larger."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

LARGER_TEXT_FACTOR = 1.25


def base_point_size() -> float:
    """The desktop's own text size, remembered before "larger text" first changes it."""
    app = QApplication.instance()
    assert app is not None
    stored = app.property("spine_journal_base_point_size")
    if isinstance(stored, float):
        return stored
    size = QApplication.font().pointSizeF()
    app.setProperty("spine_journal_base_point_size", size)
    return size


def scale_text(window: QWidget, base: float, larger: bool) -> None:
    font = QApplication.font()
    font.setPointSizeF(base * (LARGER_TEXT_FACTOR if larger else 1.0))
    QApplication.setFont(font)  # dialogs opened later
    window.setFont(font)  # this window, at once
