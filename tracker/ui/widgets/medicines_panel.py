"""Regular medicines: the medicines taken on a schedule (a long-acting painkiller, a steroid
course, a laxative). Add one, or choose one in the list to change it or stop it (its last day
is then today; nothing recorded is deleted). A reducing course is written as its steps,
"16 x 3, 8 x 3" (dose x days), and the list shows the dose due today.

Writes go through the MedicineService only; the panel holds frozen RegularMedicine records.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QWidget

from tracker.domain.errors import ValidationError
from tracker.domain.medicines import (
    CourseStep,
    RegularMedicine,
    amount_text,
    clock_text,
    dose_on,
    parse_clock,
)
from tracker.domain.model import dose_text
from tracker.domain.wording import short_day
from tracker.ui.common import from_qdate, local_now, to_qdate
from tracker.ui.widgets.medicines_layout import MedicinesLayout

if TYPE_CHECKING:
    from tracker.services.medicines import MedicineService
    from tracker.services.registry import Services

CHOOSE_FIRST = "Choose a medicine in the list first."
NEW_ONE = "A new regular medicine: fill it in and press “Add medicine”."
FIELD_WORDS = {
    "name": "Medicine",
    "dose": "Dose",
    "times": "Times of day",
    "started_on": "From",
    "ended_on": "Last day",
    "steps": "Reducing course",
    "reason": "What it is for",
}
_STEP = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+)\s*$")


def parse_times(text: str) -> tuple[tuple[time, ...], str]:
    """``"08:00, 20:00"`` -> the times in order; refused words name the bad part."""
    parts = [p.strip() for p in re.split(r"[,;\s]+", text) if p.strip()]
    try:
        return tuple(sorted({parse_clock(p, "times") for p in parts})), ""
    except ValidationError as error:
        return (), f"{error.problem} (write them as 08:00, 20:00)"


def parse_steps(text: str) -> tuple[tuple[CourseStep, ...], str]:
    """``"16 x 3, 8 x 3"`` -> the steps (dose at each time, for days); "" for none."""
    steps = []
    for part in (p for p in text.split(",") if p.strip()):
        found = _STEP.match(part)
        if found is None:
            return (), f"“{part.strip()[:20]}” is not a step: write dose x days, e.g. 16 x 3"
        try:
            steps.append(CourseStep(float(found[1]), int(found[2])))
        except ValidationError as error:
            return (), f"“{part.strip()}”: {error.field} {error.problem}"
    return tuple(steps), ""


def steps_text(steps: tuple[CourseStep, ...]) -> str:
    return ", ".join(f"{dose_text(s.dose)} x {s.days}" for s in steps)


class MedicinesPanel(MedicinesLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: MedicineService | None = None
        self.editing: RegularMedicine | None = None
        self.medicines: list[RegularMedicine] = []
        self._build()
        self._lay_out()
        self._connect()
        self.clear_form()

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_medicine)
        self.save_button.clicked.connect(self.save_changes)
        self.stop_button.clicked.connect(self.stop_selected)
        self.clear_button.clicked.connect(self.clear_form)
        self.table.clicked.connect(lambda index: self._fill(self.medicines[index.row()]))
        self.table.activated.connect(lambda index: self._fill(self.medicines[index.row()]))

    # ---- the window's side -------------------------------------------------------------------

    def set_services(self, services: Services) -> None:
        self._service = services.medicines

    def refresh(self) -> None:
        if self._service is None:
            return
        self.medicines = self._service.list()
        today = local_now().date()
        self.model.setRowCount(0)
        for m in self.medicines:
            dose = dose_on(m, today)
            last = m.last_day
            cells = (
                m.name,
                "none due" if dose is None else amount_text(dose, m.unit),
                ", ".join(clock_text(t) for t in m.times),
                short_day(m.started_on),
                "ongoing" if last is None else short_day(last),
            )
            row = [QStandardItem(text) for text in cells]
            row[0].setToolTip(m.name)
            self.model.appendRow(row)
        total = len(self.medicines)
        self.count_label.setText(
            "No regular medicines recorded yet." if not total else f"{total} in the list."
        )

    # ---- the form ----------------------------------------------------------------------------

    def clear_form(self) -> None:
        self.table.clearSelection()
        today = local_now().date()
        self.name.clear()
        self.dose.setValue(0)
        self.unit.setCurrentText("mg")
        self.route.setCurrentText("by mouth")
        self.times.setText("08:00")
        self.started.setDate(to_qdate(today))
        self.ended.setDate(to_qdate(today))
        self.ongoing.setChecked(True)
        self.steps.clear()
        self.reason.clear()
        self.steroid.setChecked(False)
        self.editing = None
        self.status.setText(NEW_ONE)

    def _fill(self, m: RegularMedicine) -> None:
        self.name.setText(m.name)
        self.dose.setValue(m.dose)
        self.unit.setCurrentText(m.unit)
        self.route.setCurrentText(m.route)
        self.times.setText(", ".join(clock_text(t) for t in m.times))
        self.started.setDate(to_qdate(m.started_on))
        self.ongoing.setChecked(m.ended_on is None)
        self.ended.setDate(to_qdate(m.ended_on or local_now().date()))
        self.steps.setText(steps_text(m.steps))
        self.reason.setText(m.reason)
        self.steroid.setChecked(m.steroid)
        self.editing = m
        self.status.setText(f"Changing {m.name}. Press “Save changes” to keep your changes.")

    def _refuse(self, field: str, problem: str) -> None:
        self.message.show_problem(f"{FIELD_WORDS.get(field, field)}: {problem}.")

    def _build_medicine(self, original: RegularMedicine | None) -> RegularMedicine | None:
        """The form as a RegularMedicine, or None after saying what is wrong."""
        times, problem = parse_times(self.times.text())
        if problem:
            self._refuse("times", problem)
            return None
        steps, problem = parse_steps(self.steps.text())
        if problem:
            self._refuse("steps", problem)
            return None
        dose = steps[0].dose if steps else self.dose.value()
        try:
            return RegularMedicine(
                id=None if original is None else original.id,
                name=self.name.text().strip(),
                dose=dose,
                unit=self.unit.currentText(),
                route=self.route.currentText(),
                times=times,
                started_on=from_qdate(self.started.date()),
                ended_on=None if self.ongoing.isChecked() else from_qdate(self.ended.date()),
                reason=self.reason.text().strip(),
                steps=steps,
                steroid=self.steroid.isChecked(),
            )
        except ValidationError as error:
            self._refuse(error.field, error.problem)
            return None

    def _write(self, medicine: RegularMedicine, new: bool, done: str) -> None:
        service = self._service
        assert service is not None
        written = self.write(lambda: service.add(medicine) if new else service.update(medicine))
        if written is None:
            return
        self.refresh()
        if new:
            self.clear_form()
        else:
            self._fill(written.record)
        self.written(written.changes, done)

    def add_medicine(self) -> None:
        if self.not_open(self._service is not None):
            return
        medicine = self._build_medicine(None)
        if medicine is not None:
            self._write(medicine, True, f"{medicine.name} added to the regular medicines.")

    def save_changes(self) -> None:
        if self.not_open(self._service is not None):
            return
        if self.editing is None:
            self.choose_first(CHOOSE_FIRST)
            return
        medicine = self._build_medicine(self.editing)
        if medicine is not None:
            self._write(medicine, False, f"Changes to {medicine.name} saved.")

    def stop_selected(self) -> None:
        if self.not_open(self._service is not None):
            return
        if self.editing is None:
            self.choose_first(CHOOSE_FIRST)
            return
        today = local_now().date()
        stopped = replace(self.editing, ended_on=max(today, self.editing.started_on))
        self._write(stopped, False, f"{stopped.name} stopped: today is its last day.")
