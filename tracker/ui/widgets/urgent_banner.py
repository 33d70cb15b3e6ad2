"""The urgent alert: a banner that stays above the journal until the person acknowledges it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tracker.domain.model import Contacts
from tracker.ui.alert_text import contact_lines, escape, tier_advice


class UrgentBanner(QFrame):
    """``acknowledged`` carries the ids of the alerts shown; ``assessed_requested`` the ids
    when the person says their team has already assessed this."""

    acknowledged = Signal(list)
    assessed_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgentBanner")
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(3)
        self._shown: dict[str, tuple[str, str]] = {}  # alert id -> (title, rule)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ack_button = QPushButton("I have seen th&is")
        self.assessed_button = QPushButton("My team has assessed t&his")
        self.ack_button.clicked.connect(lambda: self.acknowledged.emit(self.alert_ids))
        self.assessed_button.clicked.connect(lambda: self.assessed_requested.emit(self.alert_ids))
        buttons = QVBoxLayout()
        buttons.addWidget(self.ack_button)
        buttons.addWidget(self.assessed_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.setAccessibleName("Urgent red flag")
        self.hide()

    def show_alerts(
        self,
        alert_ids: Sequence[str],
        titles: Sequence[str],
        rules: Sequence[str],
        contacts: Contacts,
    ) -> None:
        for alert_id, title, rule in zip(alert_ids, titles, rules, strict=True):
            self._shown[alert_id] = (title, rule)
        listed = "".join(
            f"<li>{escape(title)} ({escape(rule)})</li>"
            for title, rule in dict.fromkeys(self._shown.values())
        )
        numbers = "<br>".join(contact_lines(contacts, "urgent"))
        self.text.setText(
            f"<h2>Urgent: {escape(tier_advice('urgent', False))}</h2>"
            f"<p>You recorded:</p><ul>{listed}</ul><p>{numbers}</p>"
        )
        self.show()

    @property
    def alert_ids(self) -> list[str]:
        return list(self._shown)

    def clear_alerts(self) -> None:
        self._shown = {}
        self.hide()
