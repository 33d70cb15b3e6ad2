"""Treatments: every course and procedure in a sortable table; add, change or delete one.

Writes go through the TreatmentService only; the panel holds frozen Treatment records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain import vocab
from tracker.domain.model import Treatment
from tracker.ui.common import Confirm, MessageLine
from tracker.ui.dialogs.treatment_dialog import TreatmentDialog, leave_room_for_focus
from tracker.ui.models.treatment_table_model import (
    DETAILS,
    NOTE,
    SORT_ROLE,
    STARTED,
    TreatmentTableModel,
    day_text,
)

if TYPE_CHECKING:
    from tracker.services.records import TreatmentService

NOT_OPEN = "The journal is not open yet. Wait a moment and try again."
CHOOSE_FIRST = "Choose a treatment in the list first."


def describe(treatment: Treatment) -> str:
    """ "Radiotherapy of Thu 5 Mar 2026" """
    return f"{vocab.TREATMENT_WORDS[treatment.kind]} of {day_text(treatment.started_on)}"


class TreatmentTable(QTableView):
    """Enter opens the chosen treatment, Delete asks to delete it."""

    open_requested = Signal()
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class TreatmentsPanel(QWidget):
    changed = Signal(str)  # "treatments", after a write that succeeded

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: TreatmentService | None = None
        self.model = TreatmentTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = TreatmentTable()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(STARTED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Treatments")
        self.intro = QLabel(
            "Radiotherapy, operations on the spine, drug treatments and other care. Choose "
            "one and press Enter to edit it."
        )
        self.intro.setWordWrap(True)
        self.count_label = QLabel()
        self.message = MessageLine()
        self.add_button = QPushButton("&Add treatment…")
        self.edit_button = QPushButton("Ed&it…")
        self.edit_button.setAccessibleName("Edit the chosen treatment")
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setAccessibleName("Delete the chosen treatment")
        self.add_button.clicked.connect(self.add_treatment)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.open_requested.connect(self.edit_selected)
        self.table.delete_requested.connect(self.delete_selected)
        self.model.modelReset.connect(self._show_count)
        leave_room_for_focus(self.add_button, self.edit_button, self.delete_button)

        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.add_button, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.table)
        self._show_count()

    # ---- the main window's interface ---------------------------------------------------------

    def set_service(self, service: TreatmentService) -> None:
        self._service = service

    def refresh(self) -> None:
        """Read the treatments again, keeping the chosen one chosen."""
        if self._service is None:
            return
        chosen = self.selected_treatment()
        self.model.set_treatments(self._service.list())
        if chosen is not None and chosen.id is not None:
            self.select_treatment(chosen.id)

    # ---- choosing ----------------------------------------------------------------------------

    def select_treatment(self, treatment_id: str) -> None:
        row = self.model.row_of(treatment_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectRow(index.row())

    def selected_treatment(self) -> Treatment | None:
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else self.table.currentIndex()
        if not index.isValid():
            return None
        source: QModelIndex = self.proxy.mapToSource(index)
        return self.model.treatment_at(source.row())

    # ---- actions -----------------------------------------------------------------------------

    def add_treatment(self) -> None:
        if self._service is None:
            self.message.show_problem(NOT_OPEN)
            return
        saved = TreatmentDialog.ask(self, None, self._service.add)
        if saved is not None:
            self._written(saved, "saved")

    def edit_selected(self) -> None:
        treatment = self.selected_treatment()
        if self._service is None:
            self.message.show_problem(NOT_OPEN)
            return
        if treatment is None:
            self.message.show_problem(CHOOSE_FIRST)
            return
        saved = TreatmentDialog.ask(self, treatment, self._service.update)
        if saved is not None:
            self._written(saved, "changed")

    def delete_selected(self) -> None:
        treatment = self.selected_treatment()
        if self._service is None:
            self.message.show_problem(NOT_OPEN)
            return
        if treatment is None or treatment.id is None:
            self.message.show_problem(CHOOSE_FIRST)
            return
        name = describe(treatment)
        sessions = len(treatment.sessions)
        extra = f" and its {sessions} session{'' if sessions == 1 else 's'}" if sessions else ""
        question = f"Delete the {name}{extra} from the journal? This cannot be undone."
        if not Confirm.ask(self, "Delete treatment", question):
            return
        from tracker.services.errors import JournalError

        try:
            self._service.delete(treatment.id)
        except JournalError as error:
            self.message.show_problem(str(error))
            return
        self.refresh()
        self.message.show_done(f"{name} deleted.")
        self.changed.emit("treatments")
        self.table.setFocus()

    def _written(self, treatment: Treatment, what: str) -> None:
        self.refresh()
        if treatment.id is not None:
            self.select_treatment(treatment.id)
        self.message.show_done(f"{describe(treatment)} {what}.")
        self.changed.emit("treatments")
        self.table.setFocus()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if count == 0:
            self.count_label.setText("No treatments recorded yet.")
        else:
            self.count_label.setText(f"{count} treatment{'' if count == 1 else 's'}")
