"""Contacts and the name shown on summaries: asked for inside the main window at first start
(never a modal dialog that holds the window back), skippable, with a reminder until filled."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import ValidationError
from tracker.domain.model import Contacts, Profile
from tracker.ui.common import MessageLine, buddy_label


class ContactsPanel(QFrame):
    """The form. ``saved`` carries (Profile, Contacts); ``skipped`` when "Later" is pressed."""

    saved = Signal(object, object)
    skipped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsPanel")
        self.setFrameShape(QFrame.Shape.Box)
        self.intro = QLabel(
            "<b>Your numbers.</b> They are shown on every red-flag alert, so that the right "
            "number is on screen when it matters. You can change them at any time from the "
            "Journal menu."
        )
        self.intro.setWordWrap(True)
        self.helpline = QLineEdit()
        self.helpline.setPlaceholderText("e.g. 0800 000 0000, on your treatment card")
        self.emergency = QLineEdit()
        self.emergency.setPlaceholderText("e.g. 999, 112 or 911")
        self.team = QLineEdit()
        self.team.setPlaceholderText("e.g. Oncology nurse specialist, 020 0000 0000")
        self.name = QLineEdit()
        self.name.setPlaceholderText("optional")
        self.message = MessageLine()
        self.save_button = QPushButton("Save &numbers")
        self.later_button = QPushButton("&Later")
        self.save_button.clicked.connect(self._save)
        self.later_button.clicked.connect(self.skipped)
        grid = QGridLayout()
        rows = [
            ("24-hour cancer &helpline (acute oncology):", self.helpline),
            ("&Emergency number:", self.emergency),
            ("Your usual care &team (office hours):", self.team),
            ("Name to show on printed summaries:", self.name),
        ]
        for row, (text, edit) in enumerate(rows):
            edit.setMaxLength(200)
            grid.addWidget(buddy_label(text, edit), row, 0)
            grid.addWidget(edit, row, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        layout.addLayout(buttons)

    def fill(self, profile: Profile, contacts: Contacts) -> None:
        self.helpline.setText(contacts.helpline)
        self.emergency.setText(contacts.emergency)
        self.team.setText(contacts.team)
        self.name.setText(profile.display_name)

    def values(self) -> tuple[Profile, Contacts] | None:
        """The name and numbers typed, checked; ``None`` when refused (the panel says why)."""
        try:
            contacts = Contacts(
                helpline=self.helpline.text().strip(),
                emergency=self.emergency.text().strip(),
                team=self.team.text().strip(),
            )
            profile = Profile(display_name=self.name.text().strip())
        except ValidationError as error:
            self.message.show_problem(str(error))
            return None
        self.message.clear_message()
        return profile, contacts

    def _save(self) -> None:
        values = self.values()
        if values is not None:
            self.saved.emit(*values)


class ContactsReminder(QFrame):
    """One line shown while no helpline number is set, until it is filled."""

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsReminder")
        self.setFrameShape(QFrame.Shape.Box)
        label = QLabel(
            "<b>Reminder:</b> your helpline number is not set yet. It is shown on every "
            "red-flag alert."
        )
        label.setWordWrap(True)
        button = QPushButton("Add my &numbers")
        button.clicked.connect(self.add_requested)
        self.button = button
        layout = QHBoxLayout(self)
        layout.addWidget(label, 1)
        layout.addWidget(button)
