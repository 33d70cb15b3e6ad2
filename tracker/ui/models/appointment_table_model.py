"""Appointments: when, with whom, the questions to ask and notes; upcoming ones first."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from tracker.domain.model import Appointment
from tracker.domain.wording import time_text
from tracker.ui.models.records_model import Index, RecordsTableModel

COLUMNS = ("When", "With whom", "Questions", "Notes")
WHEN, WITH_WHOM, QUESTIONS, NOTES = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PAST = "past"
# Past appointments sort after every upcoming one, the most recent first: their key counts
# down from a number no timestamp reaches before the year 2286.
_PAST_BASE = 2e10


def when_text(at: datetime) -> str:
    """ "Thu 5 Mar 2026 14:30", in the appointment's own clock time, as on the printout."""
    return time_text(at)


def one_line(text: str, most: int = 120) -> str:
    line = " ".join(text.split())
    return line if len(line) <= most else line[: most - 1] + "…"


class AppointmentTableModel(RecordsTableModel[Appointment]):
    columns = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self._now = datetime.now().astimezone()

    def set_appointments(self, appointments: list[Appointment], now: datetime) -> None:
        """``now`` splits upcoming from past (aware, so any offset compares)."""
        self._now = now
        self._reset(appointments)

    def appointment_at(self, row: int) -> Appointment:
        return self._rows[row]

    def is_past(self, appointment: Appointment) -> bool:
        return appointment.at < self._now

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        appointment = self._row(index)
        if appointment is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(appointment, column)
        if role == SORT_ROLE:
            return self._sort_key(appointment, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (QUESTIONS, NOTES):
            return self._full_text(appointment, column) or None
        return None

    def _text(self, appointment: Appointment, column: int) -> str:
        if column == WHEN:
            text = when_text(appointment.at)
            return f"{text} ({PAST})" if self.is_past(appointment) else text
        if column == WITH_WHOM:
            return appointment.with_whom
        return one_line(self._full_text(appointment, column))

    @staticmethod
    def _full_text(appointment: Appointment, column: int) -> str:
        return appointment.questions if column == QUESTIONS else appointment.notes

    def _sort_key(self, appointment: Appointment, column: int) -> Any:
        if column == WHEN:
            stamp = appointment.at.timestamp()
            return _PAST_BASE - stamp if self.is_past(appointment) else stamp
        return self._text(appointment, column).casefold()
