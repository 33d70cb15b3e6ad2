"""What a person does with the keyboard and the mouse, for the window's tests: one copy, used
by every test file (``from tests.gui.helpers import press, click, ...``)."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def focused() -> QWidget | None:
    """The widget the keyboard types into now."""
    return QApplication.focusWidget()


def _focused_widget() -> QWidget:
    widget = focused()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """One key (with ``modifier``) to whichever widget has the focus."""
    qtbot.keyClick(_focused_widget(), key, modifier)  # type: ignore[no-untyped-call]


def type_keys(qtbot: QtBot, text: str) -> None:
    """Each key to whichever widget has the focus then, as a keyboard does (the first key
    typed on a table cell opens its editor, which takes the rest)."""
    for character in text:
        qtbot.keyClicks(_focused_widget(), character)  # type: ignore[no-untyped-call]


def click(qtbot: QtBot, widget: QWidget) -> None:
    """A left click on ``widget``."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def click_shown(qtbot: QtBot, widget: QWidget) -> None:
    """A left click on ``widget``, checked first to be shown and usable, as a person sees it."""
    assert widget.isVisible() and widget.isEnabled(), widget.accessibleName() or widget
    click(qtbot, widget)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """A wall-clock time on ``day`` in this machine's time zone."""
    return datetime.combine(day, time(hour, minute)).astimezone()
