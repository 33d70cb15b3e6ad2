"""The emergency alert: a window a person cannot miss and cannot dismiss without a choice.

It names every rule that fired in the words of the rule table, shows the helpline and emergency
numbers in large type with the tier's advice, and closes only through one of four choices;
Escape and the window's close button do nothing. The choice is logged on the alerts.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from tracker.domain.model import Contacts
from tracker.ui.alert_text import contact_lines, escape, tier_advice

CHOICES = (
    ("called_helpline", "I have &called the helpline"),
    ("went_to_hospital", "I am &going to hospital"),
    ("discussed_with_team", "My &team already knows about this"),
    ("reminder", "&Remind me in 15 minutes"),
)


class EmergencyAlertDialog(QDialog):
    """``chosen`` carries the action code; the dialog then closes itself."""

    chosen = Signal(str)

    def __init__(
        self,
        titles: Sequence[str],
        rules: Sequence[str],
        contacts: Contacts,
        go_to_ae: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Red flag: act now")
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlags(
            Qt.WindowType.Dialog
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.CustomizeWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setObjectName("emergencyAlert")
        self._choice: str | None = None
        self.rules = list(rules)

        heading = QLabel("<h1>Act now: signs that need urgent help</h1>")
        heading.setWordWrap(True)
        listed = "".join(
            f"<li><b>{escape(title)}</b> ({escape(rule)})</li>"
            for title, rule in zip(titles, rules, strict=True)
        )
        self.symptoms = QLabel(f"<p>You recorded:</p><ul>{listed}</ul>")
        self.symptoms.setWordWrap(True)
        self.advice = QLabel(f"<h2>{escape(tier_advice('emergency', go_to_ae))}</h2>")
        self.advice.setWordWrap(True)
        self.numbers = QLabel("<br>".join(contact_lines(contacts, "emergency")))
        self.numbers.setObjectName("bigNumber")
        self.numbers.setWordWrap(True)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        for label in (heading, self.symptoms, self.advice, self.numbers):
            label.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(label)
        self.buttons: dict[str, QPushButton] = {}
        for action, text in CHOICES:
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _checked=False, a=action: self._choose(a))
            self.buttons[action] = button
            layout.addWidget(button)
        self.buttons["called_helpline"].setFocus()
        self.setAccessibleName("Red flag: act now")
        # Wrapped labels: give the window the height its text needs at its width, so that the
        # numbers are never covered by the buttons (Qt sizes a dialog from the labels' one-line
        # hints otherwise).
        width = 760
        self.setMinimumWidth(width)
        self.setMinimumHeight(layout.totalHeightForWidth(width))

    @property
    def choice(self) -> str | None:
        return self._choice

    def _choose(self, action: str) -> None:
        self._choice = action
        self.chosen.emit(action)
        self.accept()

    def reject(self) -> None:
        """Escape: no. Only a choice closes this window."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._choice is None:
            event.ignore()
            return
        super().closeEvent(event)
