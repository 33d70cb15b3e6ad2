"""Painkillers: record a dose in two clicks (a recent medicine, then "Took a dose now"), or a
new medicine by keyboard; see and delete the doses of any day.

Writes go through the MedicationService only; the panel holds frozen MedicationDose records.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from tracker.domain.errors import ValidationError
from tracker.domain.model import MedicationDose
from tracker.ui.common import from_qdate, from_qdatetime, local_now, to_qdate
from tracker.ui.models.dose_table_model import choice_text, taken_text
from tracker.ui.models.treatment_table_model import day_text
from tracker.ui.widgets.painkillers_layout import PainkillersLayout
from tracker.ui.widgets.recent_choices import Choice, RecentChoiceButton

if TYPE_CHECKING:
    from tracker.services.records import MedicationService
    from tracker.services.registry import Services

NAME_CHOICES = 40
NAME_FIRST = "Write the medicine's name first, or press one of your medicines above."
CHOOSE_FIRST = "Choose a dose in the list first."
FIELD_WORDS = {"name": "Medicine", "dose": "Dose", "taken_at": "Time", "note": "Note"}


def dose_words(dose: MedicationDose) -> str:
    """ "Oxycodone liquid 5 mg at 14:30 on Thu 5 Mar 2026" """
    when = f"{dose.taken_at:%H:%M} on {day_text(dose.taken_at.date())}"
    return f"{choice_text(dose.name, dose.dose)} at {when}"


class PainkillersPanel(PainkillersLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: MedicationService | None = None
        self._choices: list[Choice] = []
        self._build_form()
        self._build_day_list()
        self._lay_out()
        self._connect()
        self.clear_form()
        self.day.setDate(to_qdate(date.today()))
        self._show_count()

    # ---- building ----------------------------------------------------------------------------

    def _connect(self) -> None:
        self.recent.chosen.connect(self.use_choice)
        self.name.activated.connect(self._on_name_activated)
        self.name.editTextChanged.connect(lambda _text: self._show_ready())
        self.dose.textChanged.connect(lambda _text: self._show_ready())
        self.as_needed.toggled.connect(lambda _on: self._show_ready())
        self.took_now_button.clicked.connect(self.took_dose_now)
        self.save_at_button.clicked.connect(self.save_with_time)
        self.day.dateChanged.connect(lambda _day: self._load_day())
        self.day_before_button.clicked.connect(lambda: self.move_day(-1))
        self.day_after_button.clicked.connect(lambda: self.move_day(1))
        self.today_button.clicked.connect(lambda: self.show_day(date.today()))
        self.delete_with(self.delete_button, self.delete_selected)
        self.model.modelReset.connect(self._show_count)

    # ---- the main window's interface ---------------------------------------------------------

    def set_services(self, services: Services) -> None:
        self._service = services.medications

    def refresh(self) -> None:
        """Read the recent medicines and the chosen day's doses again."""
        if self._service is None:
            return
        self._set_choices(self._service.recent_choices(NAME_CHOICES))
        self._load_day()

    def showEvent(self, event: QShowEvent) -> None:
        # "Earlier" starts from the clock time the panel is looked at, not when it was built.
        if not self.taken_at.hasFocus():
            self._reset_time()
        super().showEvent(event)

    # ---- recent medicines --------------------------------------------------------------------

    def _set_choices(self, choices: list[Choice]) -> None:
        self._choices = list(choices)
        self.recent.set_choices(self._choices)
        names = list(dict.fromkeys(name for name, _dose, _needed in self._choices))
        typed = self.name.currentText()
        self.name.blockSignals(True)
        self.name.clear()
        self.name.addItems(names)
        self.name.setEditText(typed)
        self.name.blockSignals(False)

    def shown_choices(self) -> list[RecentChoiceButton]:
        return self.recent.shown()

    def use_choice(self, choice: Choice) -> None:
        """Fill the form with a medicine used before; "Took a dose now" then records it."""
        name, dose, as_needed = choice
        self.name.setEditText(name)
        self.dose.setText(dose)
        self.as_needed.setChecked(as_needed)
        self.message.clear_message()
        self.took_now_button.setFocus()
        self.form_scroll.ensureWidgetVisible(self.took_now_button)  # the second click's target

    def _on_name_activated(self, index: int) -> None:
        """A name chosen from the list brings the dose it was last taken at."""
        name = self.name.itemText(index)
        for known, dose, as_needed in self._choices:
            if known == name:
                self.dose.setText(dose)
                self.as_needed.setChecked(as_needed)
                return

    def _show_ready(self) -> None:
        name = self.name.currentText().strip()
        if not name:
            first = "Press one of your medicines above, or write" if self._choices else "Write"
            self.ready.setText(f"{first} the medicine's name and dose.")
            return
        medicine = choice_text(name, self.dose.text().strip())
        self.ready.setText(f"Ready to record: <b>{escape(medicine, quote=False)}</b>, "
                           f"{taken_text(self.as_needed.isChecked())}.")  # fmt: skip

    def clear_form(self) -> None:
        self.name.setEditText("")
        self.dose.clear()
        # A dose typed in by hand is mostly an extra one; regular ones come back as buttons.
        self.as_needed.setChecked(True)
        self._reset_time()
        self._show_ready()

    def _reset_time(self) -> None:
        now = local_now()
        self.taken_at.setDateTime(QDateTime(to_qdate(now.date()), QTime(now.hour, now.minute)))

    # ---- recording ---------------------------------------------------------------------------

    def took_dose_now(self) -> None:
        self._record(local_now())

    def save_with_time(self) -> None:
        self._record(from_qdatetime(self.taken_at.dateTime()))

    def _record(self, taken_at: datetime) -> None:
        service = self.opened(self._service)
        if service is None:
            return
        try:
            dose = MedicationDose(
                taken_at=taken_at,
                name=self.name.currentText().strip(),
                dose=self.dose.text().strip(),
                as_needed=self.as_needed.isChecked(),
            )
        except ValidationError as error:
            self._refuse(error)
            return
        written = self.write(lambda: service.add(dose))
        if written is None:
            return
        saved = written.record
        self.clear_form()
        self._set_choices(service.recent_choices(NAME_CHOICES))
        self.show_day(saved.taken_at.date())
        if saved.id is not None:
            self.select_dose(saved.id)
        self.written(written.changes, f"{dose_words(saved)} recorded.")
        shown = self.shown_choices()
        (shown[0] if shown else self.name).setFocus()

    def _refuse(self, error: ValidationError) -> None:
        if error.field == "name":
            self.message.show_problem(NAME_FIRST)
            self.name.setFocus()
            return
        words = FIELD_WORDS.get(error.field, error.field)
        self.message.show_problem(f"{words}: {error.problem}.")
        {"dose": self.dose, "taken_at": self.taken_at}.get(error.field, self.name).setFocus()

    # ---- the day's doses ---------------------------------------------------------------------

    def chosen_day(self) -> date:
        return from_qdate(self.day.date())

    def show_day(self, day: date) -> None:
        if day == self.chosen_day():
            self._load_day()
        else:
            self.day.setDate(to_qdate(day))  # dateChanged loads it

    def move_day(self, days: int) -> None:
        self.show_day(self.chosen_day() + timedelta(days=days))

    def _load_day(self) -> None:
        if self._service is None:
            self._show_count()
            return
        self.model.set_doses(self._service.on_day(self.chosen_day()))

    def select_dose(self, dose_id: str) -> None:
        self.select_id(self.model, dose_id)

    def selected_dose(self) -> MedicationDose | None:
        chosen = self.chosen_row()
        return None if chosen is None else self.model.dose_at(chosen)

    def delete_selected(self) -> None:
        self.delete_chosen(
            self._service,
            self.selected_dose(),
            CHOOSE_FIRST,
            lambda dose: (
                "Delete dose",
                f"Delete the dose of {dose_words(dose)}? This cannot be undone.",
                f"The dose of {dose_words(dose)} was deleted.",
            ),
        )

    def _show_count(self) -> None:
        count = self.model.rowCount()
        day = day_text(self.chosen_day())
        if count == 0:
            self.count_label.setText(f"No doses recorded on {day}.")
        else:
            self.count_label.setText(f"{count} dose{'' if count == 1 else 's'} on {day}.")
