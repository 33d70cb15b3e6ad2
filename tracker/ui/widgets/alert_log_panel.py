"""The alert log: every alert with time, rule, tier, the entry, the action and a note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.model import Alert
from tracker.ui.common import MessageLine, buddy_label, records_table
from tracker.ui.models.alert_table_model import SORT_ROLE, AlertTableModel

if TYPE_CHECKING:
    from tracker.services.alerts import AlertService
    from tracker.services.registry import Services
    from tracker.ui.pages import PageHost


class AlertLogPanel(QWidget):
    changed = Signal(object)  # the Changes a note saved made
    assessed_requested = Signal(object)  # the Alert whose symptom the team has assessed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from tracker.domain import rules

        self._service: AlertService | None = None
        self.model = AlertTableModel(lambda rule: rules.flag(rule).title)
        self.table = QTableView()
        self.proxy = records_table(self.table, self.model, SORT_ROLE, self)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Red-flag alerts")
        self.intro = QLabel(
            "Every red flag the journal has raised, and what you did. A flag means only that "
            "the pattern was recorded; it is not a diagnosis."
        )
        self.intro.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setMaxLength(5000)
        self.save_note_button = QPushButton("Save &note")
        self.assessed_button = QPushButton("My team has &assessed this…")
        self.message = MessageLine()
        self.save_note_button.clicked.connect(self._save_note)
        self.assessed_button.clicked.connect(self._assessed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_note())
        row = QHBoxLayout()
        row.addWidget(buddy_label("N&ote on the chosen alert:", self.note))
        row.addWidget(self.note, 1)
        row.addWidget(self.save_note_button)
        row.addWidget(self.assessed_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def as_widget(self) -> QWidget:
        return self

    def join(self, host: PageHost) -> None:
        self.changed.connect(host.announce)
        self.assessed_requested.connect(lambda alert: host.review_assessed([str(alert.id)]))

    def set_services(self, services: Services) -> None:
        self.set_service(services.alerts)

    def set_service(self, service: AlertService) -> None:
        self._service = service

    def refresh(self) -> None:
        if self._service is None:
            return
        alerts = self._service.all_alerts()
        times = {
            entry_id: f"{at:%a %d %b %Y %H:%M}"
            for entry_id, at in self._service.entry_times().items()
        }
        self.model.set_alerts(alerts, times)

    def selected_alert(self) -> Alert | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.alert_at(self.proxy.mapToSource(index).row())

    def _show_note(self) -> None:
        alert = self.selected_alert()
        self.note.setText(alert.note if alert else "")

    def _save_note(self) -> None:
        alert = self.selected_alert()
        if alert is None or alert.id is None or self._service is None:
            self.message.show_problem("Choose an alert in the list first.")
            return
        from tracker.services.errors import JournalError

        try:
            changes = self._service.set_note(alert.id, self.note.text())
        except JournalError as error:
            self.message.show_problem(str(error))
            return
        self.message.show_done("Note saved.")
        self.changed.emit(changes)

    def _assessed(self) -> None:
        alert = self.selected_alert()
        if alert is None:
            self.message.show_problem("Choose an alert in the list first.")
            return
        self.assessed_requested.emit(alert)
