"""Small pieces every panel uses: labelled inputs, the plain-sentence message line, questions
that tests can answer, and date/time conversions between Qt and the domain."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QDateTime,
    QEvent,
    QSortFilterProxyModel,
    Qt,
    QTime,
    QTimeZone,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QWidget,
)

from tracker.domain.timeutil import FIRST_DAY, LAST_DAY

FOCUS_ROOM = 12


def buddy_label(text: str, widget: QWidget, accessible_name: str | None = None) -> QLabel:
    """A visible label bound to ``widget`` as its buddy (Alt+letter focuses it), and the
    widget's accessible name, so a screen reader says the same words the eye reads."""
    label = QLabel(text)
    label.setBuddy(widget)
    label.setWordWrap(True)
    widget.setAccessibleName(accessible_name or text.replace("&", "").rstrip(":"))
    return label


def records_table(
    table: QTableView, model: QAbstractItemModel, sort_role: int, owner: QWidget
) -> QSortFilterProxyModel:
    """``table`` shows ``model`` sorted (newest first by column 0, by ``sort_role``), one whole
    row chosen at a time, read-only; returns the proxy between them."""
    proxy = QSortFilterProxyModel(owner)
    proxy.setSourceModel(model)
    proxy.setSortRole(sort_role)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return proxy


def list_table(columns: Sequence[str]) -> QTableWidget:
    """A read-only list of rows with ``columns``: one whole row chosen at a time, Tab leaves it
    (arrows move in it), columns as wide as their text and the last one filling the rest."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def close_row(dialog: QDialog) -> tuple[QPushButton, QHBoxLayout]:
    """A dialog's "Close" button (Alt+C, closes as Escape does) at the right of its own row."""
    button = QPushButton("&Close")
    button.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    return button, row


def enter_presses(root: QWidget) -> None:
    """Enter (or Return) on any focused button under ``root`` presses it, as Space does: outside
    a dialog a focused button takes Enter only when it is auto-default. For the window's pages;
    a dialog chooses its default button itself."""
    for button in root.findChildren(QPushButton):
        button.setAutoDefault(True)


def leave_room_for_focus(*buttons: QPushButton) -> None:
    """The style sheet's 3-pixel focus border is drawn inside a button's size hint, which then
    clips the text of a focused button: leave the room for it."""
    for button in buttons:
        button.ensurePolished()
        button.setMinimumWidth(button.sizeHint().width() + FOCUS_ROOM)


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

    def show_important(self, sentence: str) -> None:
        self.setText(f"<b>Important:</b> {_escape(sentence)}")
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


def keep_to_journal_days(edit: QDateTimeEdit) -> None:
    """Limit a date or time field to the days a journal holds (1900-01-01 to 2199-12-31):
    Qt's own range (1752 to 9999) would let a typed year 9999 through to the save."""
    edit.setDateRange(to_qdate(FIRST_DAY), to_qdate(LAST_DAY))


SEPARATORS = " /-.:,"


class DateTimeField(QDateTimeEdit):
    """A date or time that can be typed as people write it ("5 Dec 2026", "14:30") and that
    Tab leaves.

    Two Qt behaviours are worked around. QDateTimeEdit uses focusNextPrevChild both for Tab
    and for a typed separator, so overriding that would leave the field on a typed space: here
    only Tab and Shift+Tab are taken, before QWidget.event sees them. And Qt moves on by itself
    once a part is full ("5" can only be a day), so the space typed next would skip the month:
    a separator right after such a move is swallowed. Within the field, Left and Right move
    between its parts."""

    def __init__(self, display_format: str, calendar: bool = True) -> None:
        super().__init__()
        self.setDisplayFormat(display_format)
        self.setCalendarPopup(calendar)
        keep_to_journal_days(self)
        self._moved_on = False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            modifiers = event.modifiers()
            plain = not modifiers & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            )
            if plain and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                backward = event.key() == Qt.Key.Key_Backtab or bool(
                    modifiers & Qt.KeyboardModifier.ShiftModifier
                )
                QWidget.focusNextPrevChild(self, not backward)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        separator = bool(text) and text in SEPARATORS
        if separator and self._moved_on:
            self._moved_on = False
            return
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        typed = bool(text) and text.isalnum()
        self._moved_on = typed and self.currentSectionIndex() != before

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._moved_on = False
        super().focusInEvent(event)
