"""Treatments: every course and procedure in a sortable table; add, change or delete one.

Writes go through the TreatmentService only; the panel holds frozen Treatment records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain import vocab
from tracker.domain.model import Treatment
from tracker.ui.common import leave_room_for_focus
from tracker.ui.dialogs.treatment_dialog import SaveFunction, TreatmentDialog
from tracker.ui.models.treatment_table_model import (
    DETAILS,
    NOTE,
    SORT_ROLE,
    STARTED,
    TreatmentTableModel,
    day_text,
)
from tracker.ui.widgets.record_page import RecordPage, RecordTable
from tracker.ui.widgets.stretched import StretchedColumns

if TYPE_CHECKING:
    from collections.abc import Callable

    from tracker.services.journal import Changes
    from tracker.services.records import TreatmentService, Written
    from tracker.services.registry import Services

CHOOSE_FIRST = "Choose a treatment in the list first."


def describe(treatment: Treatment) -> str:
    """ "Radiotherapy of Thu 5 Mar 2026" """
    return f"{vocab.TREATMENT_WORDS[treatment.kind]} of {day_text(treatment.started_on)}"


class TreatmentsPanel(RecordPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: TreatmentService | None = None
        self._made: Changes | None = None  # what the dialog's save changed
        self.model = TreatmentTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = RecordTable(opens=True)
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
        StretchedColumns(self.table, (DETAILS, NOTE))
        self.table.setAccessibleName("Treatments")
        self.intro = QLabel(
            "Radiotherapy, operations on the spine, drug treatments and other care. Choose "
            "one and press Enter to edit it."
        )
        self.intro.setWordWrap(True)
        self.count_label = QLabel()
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

    def set_services(self, services: Services) -> None:
        self.set_service(services.treatments)

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
        service = self._service
        if service is None:
            self.not_open(False)
            return
        saved = TreatmentDialog.ask(self, None, self._saving(service.add))
        if saved is not None:
            self._written(saved, "saved")

    def edit_selected(self) -> None:
        treatment = self.selected_treatment()
        service = self._service
        if service is None:
            self.not_open(False)
            return
        if treatment is None:
            self.message.show_problem(CHOOSE_FIRST)
            return
        saved = TreatmentDialog.ask(self, treatment, self._saving(service.update))
        if saved is not None:
            self._written(saved, "changed")

    def delete_selected(self) -> None:
        treatment = self.selected_treatment()
        service = self._service
        if service is None:
            self.not_open(False)
            return
        if treatment is None or treatment.id is None:
            self.message.show_problem(CHOOSE_FIRST)
            return
        treatment_id = treatment.id
        name = describe(treatment)
        sessions = len(treatment.sessions)
        extra = f" and its {sessions} session{'' if sessions == 1 else 's'}" if sessions else ""
        self.ask_and_delete(
            "Delete treatment",
            f"Delete the {name}{extra} from the journal? This cannot be undone.",
            lambda: service.delete(treatment_id),
            f"{name} deleted.",
        )

    def _saving(self, write: Callable[[Treatment], Written[Treatment]]) -> SaveFunction:
        """The dialog's save: ``write``, keeping what it changed for the announcement."""

        def save(treatment: Treatment) -> Treatment:
            written = write(treatment)
            self._made = written.changes
            return written.record

        self._made = None
        return save

    def _written(self, treatment: Treatment, what: str) -> None:
        self.refresh()
        if treatment.id is not None:
            self.select_treatment(treatment.id)
        if self._made is not None:
            self.written(self._made, f"{describe(treatment)} {what}.")
        self.table.setFocus()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if count == 0:
            self.count_label.setText("No treatments recorded yet.")
        else:
            self.count_label.setText(f"{count} treatment{'' if count == 1 else 's'}")
