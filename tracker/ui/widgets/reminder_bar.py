"""The notice inside the window when a reminder comes due: its neutral words, and Dismiss.

Shown whether or not the system has a tray; a reminder never names a symptom, a medicine or
a diagnosis (``tracker.domain.reminders.TEXTS``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from tracker.domain.reminders import Reminder


def reminder_lines(reminders: list[Reminder]) -> list[str]:
    """Each kind's words once, with the time it came due (the latest of that kind)."""
    latest: dict[str, Reminder] = {}
    for reminder in reminders:
        latest[reminder.text] = reminder
    return [f"{r.text} ({r.at:%H:%M})" for r in sorted(latest.values())]


class ReminderBar(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBar")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAccessibleName("Reminder")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.setAccessibleName("Dismiss the reminder")
        self.dismiss_button.setAutoDefault(True)
        self.dismiss_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.dismiss_button)
        self.hide()

    def show_reminders(self, reminders: list[Reminder]) -> None:
        lines = reminder_lines(reminders)
        if not lines:
            return
        self.text.setText("\n".join(lines))
        self.setAccessibleDescription(" ".join(lines))
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.text.clear()
        self.dismissed.emit()
