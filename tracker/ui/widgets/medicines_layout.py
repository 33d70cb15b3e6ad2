"""The regular medicines page's look: on the left the form of one medicine (which one it shows,
its name, dose and unit, route, times of day, first and last day, reducing course, what it is
for, "Ongoing" and "A steroid") with its buttons; on the right the list of medicines and their
count; and the Tab order through them. ``medicines_panel.MedicinesPanel`` inherits this and gives
the controls their work.
"""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tracker.domain.medicines import DOSE_MOST, ROUTES, UNITS
from tracker.domain.model import SHORT_TEXT_MAX
from tracker.ui.common import buddy_label
from tracker.ui.widgets.form_page import FormPage, across, list_table, stack, wrapping

COLUMNS = ("Medicine", "Dose today", "Times", "From", "Until")


class MedicinesLayout(FormPage):
    """Where the regular medicines page's controls go. ``MedicinesPanel`` makes them with
    ``_build``, then lays them out with ``_lay_out``."""

    def _build(self) -> None:
        self.status = wrapping()
        self.status.setAccessibleName("Which medicine the form shows")
        self.name = QLineEdit()
        self.name.setMaxLength(SHORT_TEXT_MAX)
        self.name.setPlaceholderText("e.g. Dexamethasone")
        self.dose = QDoubleSpinBox()
        self.dose.setRange(0, DOSE_MOST)
        self.dose.setDecimals(2)
        self.unit = QComboBox()
        self.unit.addItems(UNITS)
        self.unit.setAccessibleName("Unit")
        self.route = QComboBox()
        self.route.addItems(ROUTES)
        self.times = QLineEdit()
        self.times.setPlaceholderText("e.g. 08:00, 20:00")
        self.started = QDateEdit()
        self.started.setCalendarPopup(True)
        self.started.setDisplayFormat("d MMM yyyy")
        self.ongoing = QCheckBox("&Ongoing (no last day)")
        self.ended = QDateEdit()
        self.ended.setCalendarPopup(True)
        self.ended.setDisplayFormat("d MMM yyyy")
        self.ongoing.toggled.connect(lambda on: self.ended.setEnabled(not on))
        self.steps = QLineEdit()
        self.steps.setPlaceholderText("dose x days, e.g. 16 x 3, 8 x 3, 4 x 3, 2 x 3")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("e.g. to reduce swelling around the spinal cord")
        self.steroid = QCheckBox("A &steroid (e.g. dexamethasone): shown on the trends chart")
        self.add_button = QPushButton("A&dd medicine")
        self.save_button = QPushButton("Save &changes")
        self.save_button.setAccessibleName("Save changes to the chosen medicine")
        self.stop_button = QPushButton("S&top it today")
        self.stop_button.setAccessibleName("Stop the chosen medicine: today is its last day")
        self.clear_button = QPushButton("Clear the &form")
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        # the name takes what the other columns leave, so that nothing scrolls sideways; a long
        # one ends in "…" (its tooltip has it whole)
        self.table = list_table(self.model, stretch=(0,), wrap=False, alternating=False)
        self.count_label = QLabel()

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        dose_row = QHBoxLayout()
        dose_row.addWidget(self.dose)
        dose_row.addWidget(self.unit)
        rows: list[tuple[str, QWidget | QHBoxLayout, QWidget, str]] = [
            ("&Medicine:", self.name, self.name, "Medicine"),
            ("D&ose at each time:", dose_row, self.dose, "Dose at each time"),
            ("&Route:", self.route, self.route, "Route"),
            ("T&imes of day:", self.times, self.times, "Times of day"),
            ("&From:", self.started, self.started, "First day"),
            ("&Last day:", self.ended, self.ended, "Last day"),
            ("Reducing co&urse:", self.steps, self.steps, "Reducing course steps"),
            ("&What it is for:", self.reason, self.reason, "What it is for"),
        ]
        for row, (text, field, buddy, name) in enumerate(rows):
            grid.addWidget(buddy_label(text, buddy, name), row, 0)
            if isinstance(field, QHBoxLayout):
                grid.addLayout(field, row, 1)
            else:
                grid.addWidget(field, row, 1)
        grid.addWidget(self.ongoing, len(rows), 1)
        grid.addWidget(self.steroid, len(rows) + 1, 1)
        buttons = (self.add_button, self.save_button, self.stop_button, self.clear_button)
        form = stack(
            QGroupBox("A regular medicine"), self.status, grid, across(*buttons, None), None
        )
        label = buddy_label("M&edicines (choose one to change it):", self.table)
        self.two_columns(form, stack(QGroupBox(), label, (self.table, 1), self.count_label), 5)
        order: list[QWidget] = [
            self.name, self.dose, self.unit, self.route, self.times, self.started, self.ended,
            self.steps, self.reason, self.ongoing, self.steroid, *buttons, self.table,
        ]  # fmt: skip
        self.finish(order, self.add_button, self.save_button, self.stop_button)
