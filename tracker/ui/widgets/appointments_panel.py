"""Appointments: when, with whom, the questions to ask and notes. Add a new one, or choose one
in the list to change or delete it; upcoming appointments are listed first.

Writes go through the AppointmentService only; the panel holds frozen Appointment records.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import QWidget

from tracker.domain.errors import ValidationError
from tracker.domain.model import Appointment
from tracker.ui.common import from_qdatetime, local_now, to_qdate
from tracker.ui.models.appointment_table_model import when_text
from tracker.ui.widgets.appointments_layout import AppointmentsLayout

if TYPE_CHECKING:
    from tracker.services.records import AppointmentService
    from tracker.services.registry import Services

CHOOSE_FIRST = "Choose an appointment in the list first."
NEW_ONE = "A new appointment: fill it in and press “Add appointment”."
FIELD_WORDS = {"at": "When", "with": "With whom", "questions": "Questions", "notes": "Notes"}


def describe(appointment: Appointment) -> str:
    """ "the appointment of Thu 5 Mar 2026 14:30 with Dr Patel" """
    text = f"the appointment of {when_text(appointment.at)}"
    return f"{text} with {appointment.with_whom}" if appointment.with_whom else text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class AppointmentsPanel(AppointmentsLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: AppointmentService | None = None
        self.editing: Appointment | None = None
        self._quiet = False  # re-choosing a row after a refresh leaves the form as typed
        self._build_form()
        self._build_table()
        self._lay_out()
        self._connect()
        self.clear_form()
        self._show_count()

    # ---- building ----------------------------------------------------------------------------

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_appointment)
        self.save_button.clicked.connect(self.save_changes)
        self.delete_with(self.delete_button, self.delete_selected)
        self.clear_button.clicked.connect(self.clear_form)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_args: self._on_table_selection_changed()
        )
        self.model.modelReset.connect(self._show_count)

    # ---- the main window's interface ---------------------------------------------------------

    def set_services(self, services: Services) -> None:
        self._service = services.appointments

    def refresh(self) -> None:
        """Read the appointments again; the one being changed stays chosen."""
        if self._service is None:
            return
        self.model.set_appointments(self._service.list(), local_now())
        if self.editing is not None and self.editing.id is not None:
            self._quiet = True
            try:
                if not self.select_appointment(self.editing.id):
                    self._set_editing(None)  # deleted elsewhere: what is typed becomes new
            finally:
                self._quiet = False

    # ---- choosing ----------------------------------------------------------------------------

    def select_appointment(self, appointment_id: str) -> bool:
        return self.select_id(self.model, appointment_id)

    def selected_appointment(self) -> Appointment | None:
        chosen = self.chosen_row()
        return None if chosen is None else self.model.appointment_at(chosen)

    def _on_table_selection_changed(self) -> None:
        if self._quiet:
            return
        chosen = self.selected_appointment()
        if chosen is not None:
            self._fill(chosen)

    def _fill(self, appointment: Appointment) -> None:
        # The wall-clock reading in the appointment's own offset (a QDateTime carrying the
        # offset would be shown converted to the machine's zone).
        at = appointment.at
        self.when.setDateTime(QDateTime(to_qdate(at.date()), QTime(at.hour, at.minute)))
        self.with_whom.setText(appointment.with_whom)
        self.questions.setPlainText(appointment.questions)
        self.notes.setPlainText(appointment.notes)
        self._set_editing(appointment)

    def _set_editing(self, appointment: Appointment | None) -> None:
        self.editing = appointment
        # The button in bold is the one that fits: adding a new one, or saving changes.
        primary, other = (
            (self.add_button, self.save_button)
            if appointment is None
            else (self.save_button, self.add_button)
        )
        primary.setObjectName("primary")
        other.setObjectName("")
        for button in (primary, other):
            button.style().unpolish(button)
            button.style().polish(button)
        if appointment is None:
            self.status.setText(NEW_ONE)
        else:
            self.status.setText(
                f"Changing {describe(appointment)}. Press “Save changes” to keep your changes."
            )

    def clear_form(self) -> None:
        """An empty form for a new appointment, at the next whole hour."""
        self._quiet = True
        self.table.clearSelection()
        self._quiet = False
        start = local_now().replace(minute=0, second=0) + timedelta(hours=1)
        self.when.setDateTime(QDateTime(to_qdate(start.date()), QTime(start.hour, 0)))
        self.with_whom.clear()
        self.questions.clear()
        self.notes.clear()
        self._set_editing(None)

    # ---- writing -----------------------------------------------------------------------------

    def _build(self, original: Appointment | None) -> Appointment | None:
        """The form as an Appointment (with ``original``'s id and UTC offset), or None after
        showing what is wrong."""
        offset = None if original is None else original.at.utcoffset()
        at: datetime = from_qdatetime(self.when.dateTime(), offset)
        try:
            return Appointment(
                id=None if original is None else original.id,
                at=at,
                with_whom=self.with_whom.text().strip(),
                questions=self.questions.toPlainText().strip(),
                notes=self.notes.toPlainText().strip(),
            )
        except ValidationError as error:
            words = FIELD_WORDS.get(error.field, error.field)
            self.message.show_problem(f"{words}: {error.problem}.")
            return None

    def add_appointment(self) -> None:
        service = self.opened(self._service)
        if service is None:
            return
        appointment = self._build(None)
        if appointment is None:
            return
        written = self.write(lambda: service.add(appointment))
        if written is None:
            return
        self.clear_form()
        self.refresh()
        self.written(written.changes, f"{_capital(describe(written.record))} added.")
        self.when.setFocus()

    def save_changes(self) -> None:
        service = self.opened(self._service)
        if service is None:
            return
        if self.editing is None:
            self.message.show_problem(
                f"{CHOOSE_FIRST} To keep this one as a new appointment, press “Add appointment”."
            )
            return
        appointment = self._build(self.editing)
        if appointment is None:
            return
        written = self.write(lambda: service.update(appointment))
        if written is None:
            return
        self._set_editing(written.record)
        self.refresh()
        self.written(written.changes, f"Changes to {describe(written.record)} saved.")

    def delete_selected(self) -> None:
        self.delete_chosen(
            self._service,
            self.selected_appointment() or self.editing,
            CHOOSE_FIRST,
            lambda appointment: (
                "Delete appointment",
                f"Delete {describe(appointment)}? This cannot be undone.",
                f"{_capital(describe(appointment))} was deleted.",
            ),
            before_refresh=self.clear_form,
        )

    def _show_count(self) -> None:
        total = self.model.rowCount()
        if total == 0:
            self.count_label.setText("No appointments recorded yet.")
            return
        upcoming = sum(
            1 for row in range(total) if not self.model.is_past(self.model.appointment_at(row))
        )
        self.count_label.setText(f"{upcoming} upcoming, {total - upcoming} past.")
