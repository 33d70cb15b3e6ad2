"""When the weekly ESAS-r form is offered, at the top of its page: the notice ("Today (Monday)
is the day for your weekly form", or the day it is offered on) and the weekday chosen.

The weekday is the journal's ``esas.weekday`` setting, the same one the weekly form's reminder
rings on (the Reminders dialog): the page chooses it, the service keeps it. Also the plain
labels the page is laid out with.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from tracker.domain import esas
from tracker.domain.reminders import WEEKDAYS


def plain(text: str, name: str = "") -> QLabel:
    """Words shown as they are (never read as rich text), wrapped."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


def label_for(text: str, widget: QWidget) -> QLabel:
    """A one-line label read out with ``widget``."""
    label = plain(text)
    label.setWordWrap(False)
    label.setBuddy(widget)
    return label


def left_row(*widgets: QWidget) -> QHBoxLayout:
    """``widgets`` side by side from the left."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def offer_text(due: bool, weekday: int) -> str:
    day = WEEKDAYS[weekday - 1]
    if due:
        return f"Today ({day}) is the day for your weekly {esas.NAME} form."
    return f"The weekly {esas.NAME} form is offered on {day}s; you can fill it in any day."


class EsasOffer(QWidget):
    """The notice, and "Offer the form every [weekday]" (its ``activated`` is the choice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = plain("", "esasNotice")
        self.notice.setAccessibleName("When the form is offered")
        self.weekday = QComboBox()
        self.weekday.addItems(list(WEEKDAYS))
        self.weekday.setAccessibleName("Offer the form every")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.notice)
        column.addLayout(left_row(label_for("Offer the form every", self.weekday), self.weekday))

    def show_offer(self, due: bool, weekday: int) -> None:
        """Today's offer; ``weekday`` ISO (1 Monday - 7 Sunday)."""
        self.weekday.setCurrentIndex(weekday - 1)
        self.notice.setText(offer_text(due, weekday))
