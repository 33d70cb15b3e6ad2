"""Today's doses: a checklist on the check-in page of every regular medicine's dose due today.

Each dose: "Taken" (at the time beside it, "taken at", now by default and editable: a dose
taken late keeps its real time), "Skipped", or "Clear" (its record removed: "not recorded yet"
again). Each row's controls are large,
reachable by Tab and named for a screen reader with the medicine and the time it was due.
Writes go through the MedicineService; ``changed`` carries what a write changed.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from tracker.domain.errors import ValidationError
from tracker.domain.medicines import DoseRecord, amount_text, clock_text
from tracker.ui.common import DateTimeField, MessageLine, local_now

if TYPE_CHECKING:
    from tracker.services.medicines import DueToday, MedicineService

NONE_DUE = "No regular medicine is due today (they are listed on the Medicines page)."
TARGET_HEIGHT = 40  # px: big enough to hit with an unsteady hand


def record_words(record: DoseRecord | None) -> str:
    if record is None:
        return "not recorded yet"
    if record.taken_at is not None:
        return f"taken at {record.taken_at:%H:%M}"
    return "skipped"


class DoseRow:
    """The controls of one dose due."""

    def __init__(self, due: DueToday) -> None:
        self.due = due
        what = f"{due.medicine.name} {amount_text(due.due.dose, due.medicine.unit)}"
        when = clock_text(due.due.due_time)
        self.label = QLabel(f"{when}  {what}")
        self.label.setWordWrap(True)  # a long name takes two lines rather than being cut
        self.state = QLabel(record_words(due.record))
        self.state.setObjectName("answerStatus")  # muted, as "Not answered yet" above
        self.state.setAccessibleName(f"{what} due {when}: recorded as")
        self.taken_at = QLabel("taken at")
        self.time = DateTimeField("HH:mm", calendar=False)  # one Tab leaves it, not two
        self.time.setObjectName("doseTime")  # the style sheet keeps it TARGET_HEIGHT tall
        taken = due.record.taken_at if due.record is not None else None
        now = taken or local_now()
        self.time.setTime(QTime(now.hour, now.minute))
        self.time.setAccessibleName(f"Time {what} due {when} was taken")
        self.taken = QPushButton("Taken")
        self.skipped = QPushButton("Skipped")
        self.clear_button = QPushButton("Clear")
        for button, word in ((self.taken, "taken"), (self.skipped, "skipped")):
            button.setAccessibleName(f"{what} due {when}: {word}")
        self.clear_button.setAccessibleName(f"{what} due {when}: clear (not recorded yet)")
        self.taken_at.setBuddy(self.time)
        for widget in (self.time, self.taken, self.skipped, self.clear_button):
            widget.setMinimumHeight(TARGET_HEIGHT)
            if isinstance(widget, QPushButton):
                widget.setAutoDefault(True)

    def widgets(self) -> tuple[QWidget, ...]:
        return (
            self.label,
            self.state,
            self.taken_at,
            self.time,
            self.taken,
            self.skipped,
            self.clear_button,
        )

    def tab_chain(self) -> tuple[QWidget, ...]:
        return (self.time, self.taken, self.skipped, self.clear_button)


class TodaysDoses(QGroupBox):
    changed = Signal(object)  # the Changes a write made
    rows_made = Signal()  # the doses' rows made again: the check-in's Tab order follows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Today's doses", parent)
        self.setObjectName("checkInSection")
        self._service: MedicineService | None = None
        self.day: date | None = None
        self.rows: list[DoseRow] = []
        self.message = MessageLine()
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(12)  # "not recorded yet" and "taken at" read apart
        self.empty = QLabel(NONE_DUE)
        self.empty.setWordWrap(True)
        self.hide()  # until a journal is open and has a medicine

    def set_service(self, service: MedicineService) -> None:
        self._service = service
        self.refresh()

    def refresh(self, day: date | None = None) -> None:
        """Read today's doses again (``day``: another day, for the tests)."""
        if self._service is None:
            return
        self.day = day or local_now().date()
        due = self._service.due_on(self.day)
        if [(d.medicine, d.due) for d in due] == [(r.due.medicine, r.due.due) for r in self.rows]:
            for row, now in zip(self.rows, due, strict=True):  # the same doses: keep the focus
                row.due = now
                row.state.setText(record_words(now.record))
            return
        for row in self.rows:
            for old in row.widgets():
                old.deleteLater()
        self.rows = [DoseRow(d) for d in due]
        self.grid.addWidget(self.message, 0, 0, 1, 7)
        self.grid.addWidget(self.empty, 1, 0, 1, 7)
        self.empty.setVisible(not self.rows)
        for index, row in enumerate(self.rows, start=2):
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, index, column)
            row.taken.clicked.connect(lambda _=False, r=row: self.mark(r, "taken"))
            row.skipped.clicked.connect(lambda _=False, r=row: self.mark(r, "skipped"))
            row.clear_button.clicked.connect(lambda _=False, r=row: self.clear(r))
        self.grid.setColumnStretch(0, 1)
        self.setVisible(bool(self.rows) or bool(self._service.list()))
        self.rows_made.emit()

    def tab_chain(self) -> list[QWidget]:
        """The rows' controls in the order Tab takes them, row after row."""
        return [widget for row in self.rows for widget in row.tab_chain()]

    def mark(self, row: DoseRow, status: str) -> None:
        """Record the dose as taken (at the row's time, in today's local offset) or skipped."""
        assert self._service is not None and self.day is not None
        medicine_id = str(row.due.medicine.id)
        taken_at = None
        if status == "taken":
            clock = row.time.time()
            taken_at = datetime.combine(self.day, time(clock.hour(), clock.minute())).astimezone()
            if taken_at > local_now():
                self.message.show_problem(
                    f"Time taken: {taken_at:%H:%M} is later than now. Give the time it was taken."
                )
                row.time.setFocus()
                return
        from tracker.services.errors import JournalError

        try:
            record = DoseRecord(
                medicine_id, row.due.due.due_on, row.due.due.due_time, status, taken_at
            )
            written = self._service.record_dose(record)
        except ValidationError as error:
            self.message.show_problem(f"Time taken: {error.problem}.")
            return
        except JournalError as error:
            self.message.show_problem(str(error))
            return
        self._after_write()
        self.message.show_done(f"{row.label.text().strip()}: {record_words(written.record)}.")
        self.changed.emit(written.changes)

    def clear(self, row: DoseRow) -> None:
        assert self._service is not None
        from tracker.services.errors import JournalError

        due = row.due.due
        try:
            changes = self._service.clear_dose(str(row.due.medicine.id), due.due_on, due.due_time)
        except JournalError as error:
            self.message.show_problem(str(error))
            return
        self._after_write()
        self.message.show_done(f"{row.label.text().strip()}: not yet.")
        self.changed.emit(changes)

    def _after_write(self) -> None:
        """Read the list again: the rows stay (and the focus in them) while the same doses
        are due."""
        self.refresh(self.day)
