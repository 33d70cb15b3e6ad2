"""The Red flags page: every alert with time, rule, tier, the entry, the action and a note; an
episode's repeats one row, its single alerts beneath it (Right arrow or a click on its arrow)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.model import Alert
from tracker.domain.wording import time_text
from tracker.ui.common import MessageLine, buddy_label
from tracker.ui.models.alert_table_model import SORT_ROLE, AlertTableModel

if TYPE_CHECKING:
    from tracker.services.alerts import AlertService
    from tracker.services.registry import Services
    from tracker.ui.pages import PageHost


class AlertLogPanel(QWidget):
    changed = Signal(object)  # the Changes a note saved made
    assessed_requested = Signal(object)  # the Alerts (a row's) whose symptom was assessed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from tracker.domain import rules

        self._service: AlertService | None = None
        self.model = AlertTableModel(lambda rule: rules.flag(rule).title)
        self.table = QTreeView()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the newest episode first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAllColumnsShowFocus(True)
        self.table.setWordWrap(True)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Red-flag alerts")
        self.intro = QLabel(
            "Every red flag the journal has raised, and what you did. A flag means only that "
            "the pattern was recorded; it is not a diagnosis. A flag repeated on the days that "
            "followed is one row: open it (Right arrow) for each entry."
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
        label = buddy_label("N&ote on the chosen alert:", self.note)
        label.setWordWrap(False)  # on one line: the note's field gives up the room
        row.addWidget(label)
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
        self.assessed_requested.connect(
            lambda alerts: host.review_assessed([str(alert.id) for alert in alerts])
        )

    def set_services(self, services: Services) -> None:
        self.set_service(services.alerts)

    def set_service(self, service: AlertService) -> None:
        self._service = service

    def refresh(self) -> None:
        if self._service is None:
            return
        alerts = self._service.all_alerts()
        times = {entry_id: time_text(at) for entry_id, at in self._service.entry_times().items()}
        self.model.set_alerts(alerts, times)

    def selected_alerts(self) -> tuple[Alert, ...]:
        """The chosen row's alerts: an episode's (its answered first alert first), or one."""
        return self.model.alerts_at(self.proxy.mapToSource(self.table.currentIndex()))

    def selected_alert(self) -> Alert | None:
        """The chosen row's alert; for an episode, its first, which holds the answer and note."""
        alerts = self.selected_alerts()
        return alerts[0] if alerts else None

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
        alerts = self.selected_alerts()
        if not alerts:
            self.message.show_problem("Choose an alert in the list first.")
            return
        self.assessed_requested.emit(alerts)
