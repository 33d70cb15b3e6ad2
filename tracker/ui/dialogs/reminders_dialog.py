"""Reminders settings: a time of day (or off) for each kind, and whether the app keeps
running in the tray when the window is closed (only where the system has a tray).

The weekly symptom form's reminder has a weekday too: the one its page offers the form on
(the same setting: choosing it here moves the page's offer, and the other way round)."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.reminders import WEEKDAYS, ReminderSettings
from tracker.ui.common import DateTimeField

# settings field, words of its tick box, what its time is
TIMED = (
    ("check_in", "&Daily check-in", "Time of the daily check-in reminder"),
    ("sessions", "&Radiotherapy sessions, on the morning of each", "Time on a session's morning"),
    ("appointments", "&Appointments, the day before", "Time on the day before an appointment"),
    ("weekly_form", "&Weekly symptom form", "Time of the weekly symptom form reminder"),
)
SHOWN_WHEN_OFF = {"weekly_form": time(10, 0)}  # a kind off by default: the time first offered
NO_TRAY = "This system has no tray, so the app cannot keep running without its window."


class RemindersDialog(QDialog):
    def __init__(
        self,
        settings: ReminderSettings,
        keep_running: bool,
        tray_available: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reminders")
        self.setAccessibleName("Reminders settings")
        self.boxes: dict[str, QCheckBox] = {}
        self.times: dict[str, DateTimeField] = {}
        grid = QGridLayout()
        for row, (name, words, time_words) in enumerate(TIMED):
            value: time | None = getattr(settings, name)
            box = QCheckBox(words)
            box.setAccessibleName(words.replace("&", ""))
            edit = DateTimeField("HH:mm", calendar=False)
            edit.setAccessibleName(time_words)
            shown = value or getattr(ReminderSettings(), name) or SHOWN_WHEN_OFF[name]
            edit.setTime(QTime(shown.hour, shown.minute))
            box.setChecked(value is not None)
            edit.setEnabled(value is not None)
            box.toggled.connect(edit.setEnabled)
            grid.addWidget(box, row, 0)
            grid.addWidget(edit, row, 1)
            self.boxes[name], self.times[name] = box, edit
        self.weekday = QComboBox()
        self.weekday.addItems(list(WEEKDAYS))
        self.weekday.setCurrentIndex(settings.weekly_day - 1)
        self.weekday.setAccessibleName("Day of the weekly symptom form")
        self.weekday.setEnabled(settings.weekly_form is not None)
        self.boxes["weekly_form"].toggled.connect(self.weekday.setEnabled)
        on = QLabel("on")
        on.setBuddy(self.weekday)
        grid.addWidget(on, len(TIMED) - 1, 2)
        grid.addWidget(self.weekday, len(TIMED) - 1, 3)
        self.doses = QCheckBox("&Each regular dose, at its own time")
        self.doses.setAccessibleName("Each regular dose, at its own time")
        self.doses.setChecked(settings.doses)
        grid.addWidget(self.doses, len(TIMED), 0, 1, 4)
        self.keep_running = QCheckBox("&Keep running in the tray when the window is closed")
        self.keep_running.setAccessibleName("Keep running in the tray when the window is closed")
        self.keep_running.setChecked(keep_running and tray_available)
        self.keep_running.setEnabled(tray_available)
        intro = QLabel(
            "Reminders say only that something is due, never what: a locked screen may show them."
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.keep_running)
        if not tray_available:
            note = QLabel(NO_TRAY)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(buttons)
        self.setTabOrder(self.times["weekly_form"], self.weekday)
        self.setTabOrder(self.weekday, self.doses)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.boxes["check_in"].setFocus()

    def settings(self) -> ReminderSettings:
        def chosen(name: str) -> time | None:
            if not self.boxes[name].isChecked():
                return None
            value = self.times[name].time()
            return time(value.hour(), value.minute())

        return ReminderSettings(
            check_in=chosen("check_in"),
            doses=self.doses.isChecked(),
            sessions=chosen("sessions"),
            appointments=chosen("appointments"),
            weekly_form=chosen("weekly_form"),
            weekly_day=self.weekday.currentIndex() + 1,
        )
