"""What a person does with the keyboard and the mouse, for the window's tests, and the set-up
of a record page on its own: one copy, used by every test file (``from tests.gui.helpers import
press, click, ...``)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tracker.services.registry import Services
from tracker.ui.common import Confirm
from tracker.ui.widgets.record_page import RecordPage


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


P = TypeVar("P", bound=RecordPage)


def open_page(qtbot: QtBot, page: P, services: Services, size: tuple[int, int] | None) -> P:
    """``page`` on ``services`` with its list read, at ``size`` (not yet shown)."""
    qtbot.addWidget(page)
    page.set_services(services)
    page.refresh()
    if size is not None:
        page.resize(*size)
    return page


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """``widget`` shown as the active window, the one the keys go to."""
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.isActiveWindow)


def answer_questions(monkeypatch: pytest.MonkeyPatch, answers: list[bool]) -> list[str]:
    """The yes/no questions (``Confirm.ask``) answered in turn with ``answers``, as a person
    would press Yes or No; returns the questions asked, filled in as they are asked."""
    questions: list[str] = []

    def ask(_parent: QWidget | None, _title: str, question: str) -> bool:
        questions.append(question)
        return answers[len(questions) - 1]

    monkeypatch.setattr(Confirm, "ask", ask)
    return questions


def tab_walk(qtbot: QtBot, steps: int) -> list[QWidget | None]:
    """The focused widget, then each one that Tab moves the focus to, ``steps`` times."""
    seen = [focused()]
    for _ in range(steps):
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(focused())
    return seen


def labelled(widget: QWidget) -> set[QWidget]:
    """The widgets inside ``widget`` that a visible label names (its buddy)."""
    return {label.buddy() for label in widget.findChildren(QLabel) if label.buddy()}
