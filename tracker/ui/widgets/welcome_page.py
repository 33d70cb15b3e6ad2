"""The welcome page, shown inside the window in place of the tabs at the first start of a new
journal (never a modal dialog): what the journal does and does not do, that nothing leaves the
laptop, where the journal is kept and backed up, then the person's numbers, and the two ways on:
"Start my journal" or "Look around with example data first".

The keyboard alone goes through it: the focus starts in the helpline number, Tab goes through
the numbers to the two buttons, Enter in a number (or on "Start my journal") starts the journal,
Alt+S and Alt+L press the buttons from anywhere on the page.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.alert_text import escape
from tracker.ui.common import MessageLine
from tracker.ui.widgets.contacts_panel import ContactsPanel

if TYPE_CHECKING:
    from tracker.domain.model import Contacts, Profile

# The wording of README.md's opening paragraphs (never reassurance: what was or was not
# recorded, and whom to call).
WHAT_IT_DOES = (
    "<h1>Welcome to Spine Journal</h1>"
    "<p>A private journal and symptom tracker for people living with cancer in the spine. Log "
    "pain, weakness, numbness, walking, bladder and bowel changes in under a minute a day, "
    "against your treatments; see red-flag symptoms the moment they are saved, with your own "
    "helpline number on screen; take a one-page summary to appointments.</p>"
    "<p><b>Spine Journal does not replace your care team.</b> It is not a diagnosis, and it "
    "never tells you that you are fine. It shows only what was or was not recorded, and whom "
    "to call. If you have new weakness, numbness, difficulty walking, or bladder or bowel "
    "changes, call your 24-hour cancer helpline (acute oncology service) now; if you cannot "
    "reach them, call emergency services.</p>"
    "<p><b>Nothing leaves your laptop</b> unless you export it. The app opens no network "
    "connection.</p>"
)


def where_kept(journal: str, backups: str) -> str:
    return (
        f"<p><b>Your journal is kept</b> in {escape(journal)}, readable by you alone. It is "
        f"backed up to {escape(backups)} when you start Spine Journal after a change, and "
        "before every import, restore or delete.</p>"
    )


class WelcomePage(QScrollArea):
    """``start_requested`` carries the (Profile, Contacts) typed, checked by the numbers' own
    rules; ``example_requested`` asks for the example journal."""

    start_requested = Signal(object, object)
    example_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Welcome to Spine Journal")
        self.about = QLabel(WHAT_IT_DOES)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.RichText)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.numbers = ContactsPanel()
        self.numbers.save_button.hide()  # "Start my journal" saves them
        self.numbers.later_button.hide()
        self.start_button = QPushButton("&Start my journal")
        self.start_button.setObjectName("primary")
        self.start_button.setAccessibleName("Start my journal")
        self.example_button = QPushButton("&Look around with example data first")
        self.example_button.setAccessibleName("Look around with example data first")
        for button in (self.start_button, self.example_button):
            button.setAutoDefault(True)  # Enter presses the focused button, as in a dialog
        self.example_words = QLabel(
            "The example is a made-up journal, kept apart from yours: nothing you do in it "
            "reaches your journal, and “Back to my journal” brings you here."
        )
        self.example_words.setWordWrap(True)
        self.message = MessageLine()
        self._lay_out()
        self.start_button.clicked.connect(self._on_start)
        self.example_button.clicked.connect(self.example_requested)
        for edit in self.fields():
            edit.returnPressed.connect(self._on_start)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.example_button)
        buttons.addStretch(1)
        inner = QWidget()
        inner.setMaximumWidth(1000)
        column = QVBoxLayout(inner)
        column.addWidget(self.about)
        column.addWidget(self.where)
        column.addWidget(self.numbers)
        column.addWidget(self.message)
        column.addLayout(buttons)
        column.addWidget(self.example_words)
        column.addStretch(1)
        page = QWidget()
        row = QHBoxLayout(page)
        row.addWidget(inner, 1)
        row.addStretch(0)
        self.setWidget(page)
        chain = [*self.fields(), self.start_button, self.example_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def fields(self) -> tuple[QLineEdit, ...]:
        numbers = self.numbers
        return numbers.helpline, numbers.emergency, numbers.team, numbers.name

    def fill(self, journal: str, backups: str, profile: Profile, contacts: Contacts) -> None:
        """Where the journal is kept and backed up, and the numbers stored so far."""
        self.where.setText(where_kept(journal, backups))
        self.numbers.fill(profile, contacts)
        self.numbers.message.clear_message()
        self.message.clear_message()

    def focus_first(self) -> None:
        self.ensureVisible(0, 0)
        self.numbers.helpline.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_problem(self, sentence: str) -> None:
        """What could not be done (the example journal could not be made)."""
        self.message.show_important(sentence)

    def _on_start(self) -> None:
        values = self.numbers.values()  # refused: the numbers' panel says why
        if values is not None:
            self.start_requested.emit(*values)
