"""Small pieces every panel uses: labelled inputs, the plain-sentence message line, questions
that tests can answer, and date/time conversions between Qt and the domain."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QMessageBox, QWidget


def buddy_label(text: str, widget: QWidget, accessible_name: str | None = None) -> QLabel:
    """A visible label bound to ``widget`` as its buddy (Alt+letter focuses it), and the
    widget's accessible name, so a screen reader says the same words the eye reads."""
    label = QLabel(text)
    label.setBuddy(widget)
    label.setWordWrap(True)
    widget.setAccessibleName(accessible_name or text.replace("&", "").rstrip(":"))
    return label


class MessageLine(QLabel):
    """One plain sentence about what just happened (a failed save, a refused value).
    Shown in bold text with a prefix word, never by colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName("Message")
        self.hide()

    def show_problem(self, sentence: str) -> None:
        self.setText(f"<b>Not saved:</b> {_escape(sentence)}")
        self.show()

    def show_done(self, sentence: str) -> None:
        self.setText(f"<b>Done:</b> {_escape(sentence)}")
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Confirm:
    """Yes/no questions. Tests replace ``ask`` (pytest-qt's advice for modal dialogs)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def local_now() -> datetime:
    """Now, with the machine's current UTC offset (the offset the person lives in today)."""
    return datetime.now().astimezone().replace(microsecond=0)


def to_qdatetime(value: datetime) -> QDateTime:
    offset = value.utcoffset() or timedelta(0)
    result = QDateTime(
        QDate(value.year, value.month, value.day),
        QTime(value.hour, value.minute, value.second),
        QTimeZone.fromSecondsAheadOfUtc(int(offset.total_seconds())),
    )
    return result


def from_qdatetime(value: QDateTime, offset: timedelta | None = None) -> datetime:
    """A QDateTime's wall-clock reading with the given UTC offset (default: the machine's
    offset at that moment), seconds dropped."""
    day, clock = value.date(), value.time()
    naive = datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())
    if offset is None:
        return naive.astimezone().replace(second=0, microsecond=0)
    return naive.replace(tzinfo=timezone(offset))


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class TabLeavingDateTimeEdit(QDateTimeEdit):
    """A date-time field that Tab leaves, as every other field does. Qt's QDateTimeEdit moves
    Tab between its own sections (day, month, year, hour...), which makes a keyboard-only entry
    take many more key presses; within the field, Left and Right still move between sections."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)
